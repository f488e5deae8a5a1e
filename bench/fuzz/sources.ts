// What the fuzzer mutates: the real corpus pages and texts (and the reader's hand-made pages), whole, as the
// report region alone (headings and the three tables, without the site's chrome) and as single report tables.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPdfSources, type PdfSource } from './pdf';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, 'tests', 'fixtures', 'corpus', 'real');
const READER_PAGES = join(ROOT, 'tests', 'fixtures', 'html');

export type SourceKind = 'html' | 'text';

export interface Source {
  /** file name, with `#region` or `#table3` … for the parts cut out of a page */
  name: string;
  kind: SourceKind;
  text: string;
}

/** Start and end offsets of the outermost <table> elements (nesting counted). */
export function outerTables(html: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (const m of html.matchAll(/<(\/?)table\b[^>]*>/gi)) {
    if (!m[1]) {
      if (depth++ === 0) start = m.index;
    } else if (depth > 0 && --depth === 0) out.push([start, m.index + m[0].length]);
  }
  return out;
}

const REPORT_TABLE = /自然人|行政复议|制发件数|新制作|本年新收|法人或其他组织/;

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/** The report's tables out of a page: each alone, and the region from a little before the first to the last. */
function parts(name: string, html: string): Source[] {
  const tables = outerTables(html).filter(([a, b]) => REPORT_TABLE.test(html.slice(a, b).replace(/<[^>]*>|\s|&nbsp;/g, '')));
  if (tables.length === 0) return [];
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
  // The headings (二、主动公开政府信息情况 …) and the report's title stand before the first table.
  const from = Math.max(0, html.lastIndexOf('<p', Math.max(0, tables[0]![0] - 1500)));
  const region = page(title, html.slice(from, tables[tables.length - 1]![1]));
  return [
    { name: `${name}#region`, kind: 'html', text: region },
    ...tables.map(([a, b], i) => ({ name: `${name}#table${i + 1}`, kind: 'html' as const, text: page(title, html.slice(a, b)) })),
  ];
}

function load(dir: string, real: boolean): Source[] {
  return readdirSync(dir)
    .filter((f) => /\.(html|txt|md)$/.test(f))
    .sort()
    .flatMap((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      if (!f.endsWith('.html')) return [{ name: f, kind: 'text' as const, text }];
      const whole: Source = { name: f, kind: 'html', text };
      return real ? [whole, ...parts(f, text)] : [whole];
    });
}

export interface Sources {
  /** whole real pages (100 KB and more: few of them per run) */
  pages: Source[];
  /** the report region of each real page: headings and the three tables (25–85 KB) */
  regions: Source[];
  /** single report tables of the real pages, and the reader's hand-made pages */
  tables: Source[];
  /** the real texts and Markdown, and the bundled sample */
  texts: Source[];
  /** the real PDFs' text layers */
  pdfs: PdfSource[];
}

export async function loadSources(): Promise<Sources> {
  const real = load(CORPUS, true);
  const sample: Source = { name: 'huixian-2023.txt', kind: 'text', text: readFileSync(join(ROOT, 'samples', 'huixian-2023.txt'), 'utf8') };
  return {
    pages: real.filter((s) => s.kind === 'html' && !s.name.includes('#')),
    regions: real.filter((s) => s.name.endsWith('#region')),
    tables: [...real.filter((s) => s.name.includes('#table')), ...load(READER_PAGES, false)],
    texts: [...real.filter((s) => s.kind === 'text'), sample],
    pdfs: await loadPdfSources(CORPUS),
  };
}
