// Malformed PDF text layers: the corpus PDFs' items as pdf.js gives them (string, transform, width, height), with
// items dropped, repeated, moved, reordered, split, emptied, given garbage text or absurd numbers (NaN, ±Infinity,
// ±1e308), pages dropped or sized 0 — then through pageItems(), as the CLI and the extension take them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { PdfPage } from '../../core/read/pdf';
import { pageItems, type PdfJsItem } from '../../core/read/pdf-items';
import { pdfPages } from '../../cli/pdf';
import { GARBAGE_NUMBERS, NOISE } from './mutate';

export interface PdfSource {
  name: string;
  pages: { page: number; width: number; height: number; items: PdfJsItem[] }[];
}

/** The corpus PDFs' text layers, back in pdf.js's shape (a transform of font size and position). */
export async function loadPdfSources(dir: string): Promise<PdfSource[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
  return Promise.all(
    files.map(async (f) => ({
      name: f,
      pages: (await pdfPages(new Uint8Array(readFileSync(join(dir, f))), f)).map((p) => ({
        page: p.page,
        width: p.width,
        height: p.height,
        items: p.items.map((it) => ({ str: it.str, transform: [it.height, 0, 0, it.height, it.x, it.y], width: it.width, height: it.height })),
      })),
    })),
  );
}

export type PdfEdit =
  | { op: 'drop'; at: number; count: number }
  | { op: 'repeat'; at: number; count: number; to: number }
  | { op: 'move'; at: number; dx: number; dy: number }
  | { op: 'number'; at: number; field: number; value: number }
  | { op: 'text'; at: number; value: string }
  | { op: 'split'; at: number }
  | { op: 'reverse'; at: number; count: number }
  | { op: 'odd'; at: number; kind: number }
  | { op: 'pageSize'; at: number; value: number }
  | { op: 'dropPage'; at: number };

const SCALE = 1_000_000;
const position = fc.nat({ max: SCALE - 1 });
const ABSURD = [NaN, Infinity, -Infinity, 1e308, -1e308, 1e9, -1e9, 0, -0, 1e-12, -12, 0.5];

export const pdfEditArbitrary: fc.Arbitrary<PdfEdit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('drop' as const), at: position, count: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('repeat' as const), at: position, count: fc.integer({ min: 1, max: 40 }), to: position }) },
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('move' as const), at: position, dx: fc.integer({ min: -60, max: 60 }), dy: fc.integer({ min: -30, max: 30 }) }),
  },
  // transform fields 0–5 (4, 5: x, y), 6: width, 7: height
  { weight: 3, arbitrary: fc.record({ op: fc.constant('number' as const), at: position, field: fc.nat({ max: 7 }), value: fc.constantFrom(...ABSURD) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('text' as const),
      at: position,
      value: fc.oneof(fc.constantFrom(...GARBAGE_NUMBERS), fc.string({ unit: fc.constantFrom(...NOISE), maxLength: 8 })),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('split' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), at: position, count: fc.integer({ min: 2, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('odd' as const), at: position, kind: fc.nat({ max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('pageSize' as const), at: position, value: fc.constantFrom(...ABSURD) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dropPage' as const), at: position }) },
);

type Pages = PdfSource['pages'];

function pick(at: number, n: number): number {
  return Math.floor((at / SCALE) * n);
}

/** Items are numbered across pages, so one position reaches any item of the document. */
function locate(pages: Pages, at: number): { p: number; i: number } | null {
  const total = pages.reduce((a, p) => a + p.items.length, 0);
  if (total === 0) return null;
  let k = pick(at, total);
  for (let p = 0; p < pages.length; p++) {
    if (k < pages[p]!.items.length) return { p, i: k };
    k -= pages[p]!.items.length;
  }
  return null;
}

function applyPdfEdit(pages: Pages, e: PdfEdit): Pages {
  const out = pages.map((p) => ({ ...p, items: [...p.items] }));
  if (e.op === 'dropPage') {
    if (out.length) out.splice(pick(e.at, out.length), 1);
    return out;
  }
  if (e.op === 'pageSize') {
    const p = out[pick(e.at, out.length)];
    if (p) {
      p.width = e.value;
      p.height = e.value;
    }
    return out;
  }
  const where = locate(out, e.at);
  if (!where) return out;
  const items = out[where.p]!.items;
  const it = items[where.i]!;
  const t = [...(it.transform ?? [1, 0, 0, 1, 0, 0])];
  switch (e.op) {
    case 'drop':
      items.splice(where.i, e.count);
      break;
    case 'repeat': {
      const copy = items.slice(where.i, where.i + e.count);
      items.splice(pick(e.to, items.length + 1), 0, ...copy);
      break;
    }
    case 'move':
      t[4] = (t[4] ?? 0) + e.dx;
      t[5] = (t[5] ?? 0) + e.dy;
      items[where.i] = { ...it, transform: t };
      break;
    case 'number':
      if (e.field < 6) {
        t[e.field] = e.value;
        items[where.i] = { ...it, transform: t };
      } else items[where.i] = { ...it, [e.field === 6 ? 'width' : 'height']: e.value };
      break;
    case 'text':
      items[where.i] = { ...it, str: e.value };
      break;
    case 'split': {
      // one run printed as two items, the second starting where the first's glyphs end
      const s = it.str ?? '';
      const cut = Math.floor(s.length / 2);
      const w = it.width ?? 0;
      const second = [...t];
      second[4] = (t[4] ?? 0) + (s.length ? (w * cut) / s.length : 0);
      items.splice(where.i, 1, { ...it, str: s.slice(0, cut), width: w / 2 }, { ...it, str: s.slice(cut), transform: second, width: w / 2 });
      break;
    }
    case 'reverse':
      items.splice(where.i, e.count, ...items.slice(where.i, where.i + e.count).reverse());
      break;
    case 'odd': {
      // what else pdf.js puts in a text content: marked-content markers, empty and space-only strings, no transform
      const odd: PdfJsItem[] = [{ type: 'beginMarkedContent' }, { ...it, str: '' }, { ...it, str: ' ' }, { str: it.str }, { ...it, transform: [] }];
      items.splice(where.i, 0, odd[e.kind % odd.length]!);
      break;
    }
  }
  return out;
}

/** The edited text layer as the reader receives it (through pageItems, as cli/pdf.ts and the extension do). */
export function pdfInput(source: PdfSource, edits: readonly PdfEdit[]): PdfPage[] {
  return edits.reduce(applyPdfEdit, source.pages).map((p) => ({ page: p.page, width: p.width, height: p.height, items: pageItems(p.page, p.items).items }));
}
