// pdf.js text content → the positioned text items core/read/pdf.ts lays out: one conversion for the command line
// (cli/pdf.ts) and the extension (extension/lib/pdf-reader.ts), so both read a PDF's cells alike. Pure: no pdf.js.
import type { PdfTextItem } from './pdf';

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
