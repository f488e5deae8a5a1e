// A report page whose tables are only in an attachment (PDF, Word …) or an embedded PDF viewer: the document to
// fetch and read instead. The reader already names it (notCheckable entries); this picks the one to follow.
import type { Report } from '../model/schema';
import { resolveHref } from './address';

/** pdf.js viewers and the like take the document as ?file=… */
function unwrapViewer(url: string): string {
  try {
    const u = new URL(url);
    const file = u.searchParams.get('file') ?? u.searchParams.get('url') ?? u.searchParams.get('src');
    if (file && /\.(pdf|docx?|wps|ofd)(?:$|[?#])/i.test(file)) return new URL(file, u).href;
  } catch {
    // not an absolute address: leave it
  }
  return url;
}

/**
 * The attachment or embedded document that holds a report's tables, when none was read from the page itself;
 * null when the page has tables of its own or names no document.
 */
export function reportAttachment(report: Pick<Report, 'cells' | 'notCheckable'>, pageUrl: string): string | null {
  if (report.cells.length > 0) return null;
  const whole = report.notCheckable.find((n) => n.table === 'report' && (n.reason === 'attachment' || n.reason === 'embeddedPdf') && n.link);
  const some = report.notCheckable.find((n) => (n.reason === 'attachment' || n.reason === 'embeddedPdf') && n.link);
  const link = (whole ?? some)?.link;
  if (!link) return null;
  const abs = resolveHref(link, pageUrl);
  return abs ? unwrapViewer(abs) : null;
}
