// The documents the reader and message tests sweep: the real corpus pages and texts, the reader's synthetic
// HTML pages, and the bundled sample; each read as the CLI reads it.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { Report } from '../core/model/schema';
import { readDocument } from '../core/read/dom';
import { readText } from '../core/read/text';
import { readPdf } from '../core/read/pdf';
import { pdfPages } from '../cli/pdf';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const SAMPLE = fileURLToPath(new URL('../samples/huixian-2023.txt', import.meta.url));

/** Paths under tests/fixtures/<dir> (e.g. 'corpus/real/', 'html/', 'e2e/') with an HTML, text, Markdown or PDF report. */
export function documentsIn(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(FIXTURES + dir)
      .filter((f) => /\.(html|txt|md|pdf)$/.test(f) && f !== 'README.md')
      .map((f) => FIXTURES + dir + f),
  );
}

/** The real corpus, the synthetic HTML pages and the sample. */
export const SWEPT_DOCUMENTS: readonly string[] = [...documentsIn('corpus/real/', 'html/'), SAMPLE];

// Reading a PDF is asynchronous (pdf.js): the corpus PDFs are read once, before the tests ask for them.
const PDF_REPORTS = new Map(
  await Promise.all(
    documentsIn('corpus/real/')
      .filter((f) => f.endsWith('.pdf'))
      .map(async (f) => [f, readPdf(await pdfPages(new Uint8Array(readFileSync(f)), f), { source: f })] as const),
  ),
);

export function reportsOf(path: string): Report[] {
  const pdf = PDF_REPORTS.get(path);
  if (pdf) return pdf;
  const s = readFileSync(path, 'utf8');
  if (path.endsWith('.html')) return readDocument(parseHTML(s).document as unknown as Document).map((r) => r.report);
  return readText(s, { source: path });
}
