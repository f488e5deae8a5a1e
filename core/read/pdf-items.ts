// pdf.js text content → the positioned text items core/read/pdf.ts lays out, and what else the command line
// (cli/pdf.ts) and the extension (extension/lib/pdf-reader.ts) both need of a PDF, so both read its cells alike.
// Pure: no pdf.js (its document is typed by the parts used), no Node built-ins.
import type { PdfPage, PdfTextItem } from './pdf';

/** The parts of a pdf.js TextItem used here (a TextMarkedContent has no `str`). */
export interface PdfJsItem {
  type?: string;
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** One page's items; pdf.js gives x, y of the baseline start in user space (y up from the bottom-left corner). */
export function pageItems(page: number, items: readonly PdfJsItem[]): { items: PdfTextItem[]; chars: number } {
  const out: PdfTextItem[] = [];
  let chars = 0;
  for (const it of items) {
    if (typeof it.str !== 'string' || !it.str) continue;
    const [a, b, c, d, e, f] = it.transform ?? [];
    const size = Math.hypot(c ?? 0, d ?? 0) || Math.hypot(a ?? 0, b ?? 0);
    const height = (it.height ?? 0) > 0 ? it.height! : size;
    out.push({ page, str: it.str, x: e ?? 0, y: f ?? 0, width: it.width ?? 0, height });
    chars += it.str.replace(/\s+/g, '').length;
  }
  return { items: out, chars };
}

/** More pages than any annual report has; the rest of a longer PDF is not read. */
export const MAX_PDF_PAGES = 200;

/** The parts of a pdf.js document used here (PDFDocumentProxy), so that core needs no pdf.js. */
export interface PdfJsDocument {
  numPages: number;
  getPage(n: number): Promise<{
    getViewport(opts: { scale: number }): { width: number; height: number };
    getTextContent(): Promise<{ items: readonly unknown[] }>;
    cleanup(): unknown;
  }>;
}

/**
 * Every page's text items (up to MAX_PDF_PAGES), and how many non-space characters they hold (0: a scanned PDF).
 * `yieldTask` runs before each page, so that a page or popup stays responsive while a long PDF is read.
 */
export async function textLayer(doc: PdfJsDocument, yieldTask?: () => Promise<void>): Promise<{ pages: PdfPage[]; chars: number }> {
  const pages: PdfPage[] = [];
  let chars = 0;
  const count = Math.min(doc.numPages, MAX_PDF_PAGES);
  for (let n = 1; n <= count; n++) {
    await yieldTask?.();
    const page = await doc.getPage(n);
    const view = page.getViewport({ scale: 1 });
    const read = pageItems(n, (await page.getTextContent()).items as PdfJsItem[]);
    chars += read.chars;
    pages.push({ page: n, width: view.width, height: view.height, items: read.items });
    page.cleanup();
  }
  return { pages, chars };
}

/** What a pdf.js exception means for the user, by its name: a password-protected or a damaged file (else null). */
export function pdfJsErrorKind(e: unknown): 'encrypted' | 'damaged' | null {
  const name = (e as { name?: string } | null)?.name ?? '';
  return name === 'PasswordException' ? 'encrypted' : name === 'InvalidPDFException' ? 'damaged' : null;
}

/**
 * A PDF's bytes: `%PDF-` within the first KB with no markup before it (readers allow a short prefix; an HTML page
 * that mentions "%PDF-" is not one).
 */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const last = Math.min(bytes.length, 1024) - 5; // `%PDF-` starts here at the latest
  for (let i = 0; i <= last; i++) {
    const b = bytes[i];
    if (b === 0x3c || b === 0x3e) return false; // < >
    if (b === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}
