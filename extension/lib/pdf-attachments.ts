// The PDF attachments of the page's reports (an attachment link, an embedded viewer), checked on the user's request.
import { rememberWhenIdle } from './history';
import { joinPdfReports, type CheckedPage } from './model';
import { failureOf, pdfOfEntry } from './pdf-items';
import { checkPdfAt } from './pdf-download';
import { nextTask } from './next-task';
import type { PdfCheck } from '../ui/view';

/** The PDFs the page's reports point at that can be checked on request. */
export function pdfLinks(page: CheckedPage, base: string): string[] {
  const links = new Set<string>();
  for (const r of page.reports) {
    if (r.source) continue;
    for (const nc of r.rr.report.notCheckable) {
      const url = pdfOfEntry(nc, base);
      if (url) links.add(url);
    }
  }
  return [...links];
}

export type AttachmentCheck = { status: 'done'; reports: CheckedPage['reports']; check: PdfCheck } | { status: 'error'; check: PdfCheck };

/**
 * Download the attachment (same-origin: with the page's cookies), read its text layer with pdf.js (a chunk of its
 * own, imported now), check its reports and keep them for next year's comparison. A failure is one line's code.
 */
export async function checkAttachment(url: string, pageUrl: string, title: string): Promise<AttachmentCheck> {
  try {
    performance.mark('gidar:pdf-start');
    const { reports, checked } = await checkPdfAt(url, new URL(url).origin === new URL(pageUrl).origin ? 'include' : 'omit');
    await nextTask();
    rememberWhenIdle(reports, url, title);
    return { status: 'done', reports: checked, check: { status: 'done', reports: checked.length } };
  } catch (e) {
    const { code, detail } = failureOf(e);
    return { status: 'error', check: { status: 'error', code, detail } };
  }
}

/** The page's own reports with the attachments' reports read so far. */
export function withAttachments(page: CheckedPage, pdfReports: CheckedPage['reports'], base: string): CheckedPage {
  return { reports: joinPdfReports(page.reports.filter((r) => !r.source), pdfReports, base) };
}
