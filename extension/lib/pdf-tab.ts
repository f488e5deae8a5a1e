// A PDF open in the tab itself (the browser's PDF viewer, where no content script runs), checked from the popup on
// the user's click. Imported by the popup only then (a chunk of its own); pdf.js itself is the PDF reader chunk
// (`pdf-reader.js`, the one the annotator loads), imported from the extension here too. The download goes to the
// tab's origin under the toolbar click's activeTab grant; no host permission.
import { remember } from './history';
import { exportPage } from './exports';
import type { ExportFormat, ExportResult } from './messages';
import { buildItems, countItems, onPage, type CheckedPage, type Counts } from './model';
import { failureOf } from './pdf-items';
import { checkPdfAt } from './pdf-download';
import { suspectLines } from '../../core/export/labels';
import { pdfFailedText, type Lang } from '../ui/strings';

export interface PdfTabFinding {
  rule: string;
  status: 'fail' | 'needsReview';
  message: { zh: string; en: string };
  suspects: { zh: string[]; en: string[] };
}

export interface PdfTabResult {
  url: string;
  title: string;
  page: CheckedPage;
  counts: Counts;
  /** failures and non-info reviews, most important first (the panel's numbered findings) */
  findings: PdfTabFinding[];
}

/** Download the tab's PDF, read it with pdf.js (one page per task), check it as the annotator checks an attachment. */
export async function checkPdfTab(url: string, title: string): Promise<PdfTabResult> {
  const { reports, checked } = await checkPdfAt(url, 'include');
  const page: CheckedPage = { reports: checked };
  for (const report of reports) void remember(report, url, title).catch(() => undefined);
  const items = buildItems(page);
  const findings = items
    .filter((it) => onPage(it.finding))
    .map(({ finding: f, reportIndex }) => {
      const format = page.reports[reportIndex]!.rr.report.format;
      return {
        rule: f.rule,
        status: f.status as PdfTabFinding['status'],
        message: f.message,
        suspects: { zh: suspectLines(f, format, 'zh'), en: suspectLines(f, format, 'en') },
      };
    });
  return { url, title, page, counts: countItems(items, page), findings };
}

/**
 * The exports of a checked PDF, as exportPage makes them for a page (the PDF's address is the source); the audit
 * record's data is turned into the record by the popup, as for a page.
 */
export function exportPdfTab(result: PdfTabResult, format: ExportFormat, lang: Lang): Promise<ExportResult> {
  return exportPage(result.page, format, { url: result.url, title: result.title, lang });
}

/** Why checkPdfTab failed, one line in each language (ui/strings.ts). */
export function pdfTabFailure(e: unknown): { code: string; zh: string; en: string } {
  const { code, detail } = failureOf(e);
  return { code, zh: pdfFailedText('zh', code, detail, 'tab'), en: pdfFailedText('en', code, detail, 'tab') };
}
