// Reading a PDF attachment in the extension: failures told in one line, the PDF behind a link. Pure: no pdf.js, no
// extension APIs. (pdf.js text content → items: core/read/pdf-items.ts, shared with the command line.)
import type { PdfPage } from '../../core/read/pdf';
import { pdfJsErrorKind } from '../../core/read/pdf-items';
export { looksLikePdf, pageItems, type PdfJsItem } from '../../core/read/pdf-items';

export const PDF_FAILURES = [
  'blocked',
  'timeout',
  'http',
  'notPdf',
  'tooLarge',
  'encrypted',
  'damaged',
  'noText',
  'noReport',
  'unreadable',
] as const;
export type PdfFailure = (typeof PDF_FAILURES)[number];

/** A failure to read a PDF, told in one line (see ui/strings.ts pdfFailed). */
export class PdfReadError extends Error {
  constructor(
    readonly code: PdfFailure,
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'PdfReadError';
  }
}

/**
 * The failure behind an exception from the PDF chunk or the download. By its fields, not instanceof: the chunk is a
 * bundle of its own with its own copy of PdfReadError.
 */
export function failureOf(e: unknown): { code: PdfFailure; detail: string } {
  const code = (e as { code?: unknown } | null)?.code;
  if (
    (e as { name?: unknown } | null)?.name === 'PdfReadError' &&
    typeof code === 'string' &&
    (PDF_FAILURES as readonly string[]).includes(code)
  ) {
    const detail = (e as { detail?: unknown }).detail;
    return { code: code as PdfFailure, detail: typeof detail === 'string' ? detail : '' };
  }
  return { code: 'unreadable', detail: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
}

/** pdf.js's exception names → what to tell the user. */
export function pdfJsFailure(e: unknown): PdfReadError {
  if (e instanceof PdfReadError) return e;
  const kind = pdfJsErrorKind(e);
  if (kind) return new PdfReadError(kind);
  return new PdfReadError('unreadable', e instanceof Error ? e.message.split('\n')[0]! : String(e));
}

/**
 * The PDF behind a not-checkable entry's link: the link itself, or the document a PDF viewer page shows
 * (`viewer.html?file=/files/report.pdf`); null for links to other kinds of document (Word, Excel, OFD, archives).
 */
export function pdfUrlOf(link: string | undefined, base?: string): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const file = url.searchParams.get('file');
  if (file && /viewer/i.test(url.pathname)) {
    try {
      const inner = new URL(file, url);
      return inner.protocol === 'http:' || inner.protocol === 'https:' ? inner.href : null;
    } catch {
      return null;
    }
  }
  if (/\.(docx?|wps|xlsx?|et|ofd|zip|rar|7z|html?|shtml|jpe?g|png|gif)$/i.test(url.pathname)) return null;
  return url.href;
}

export type { PdfPage };

/** The PDF a not-checkable entry's tables are in (an attachment or an embedded viewer), which can be checked on request. */
export function pdfOfEntry(nc: { reason: string; link?: string }, base?: string): string | null {
  return nc.reason === 'attachment' || nc.reason === 'embeddedPdf' ? pdfUrlOf(nc.link, base) : null;
}
