// Reading a PDF's text layer: positioned text items (the CLI gets them with pdf.js) laid out as text that the text
// reader reads (tab-separated table rows, headings and narrative on their own lines), then each cell's source mapped
// back to its page and position. Pure: no pdf.js, no Node built-ins (it also runs in a browser content script).
//
// Layout, per page: items are grouped into lines by their vertical centre; a line whose items end in numbers set
// apart from its text is a table row. Text lines wholly left of a row's first number (a label wrapped over two or
// three lines, a group label centred on its rows, row headers stacked one character per line) are joined to the
// nearest row. Rows between two header or caption lines form a block; the block's columns come from the numbers'
// x-positions, so a row with an empty cell is written with every column present and the empty cell stays in its
// column (read as blank). Rows whose numbers do not fit the block's columns are written as printed. A column header
// printed over several lines (商业 / 企业) is also written joined per column, one cell per column, above its block.
import type { ReadNote, Report, SourceRef } from '../model/schema';
import { explained, NOTES, readNote, type NoteCode } from './notes';
import { parseNumberCell } from './numbers';
import { readText, type ReadTextOptions } from './text';

/** One text item as pdf.js gives it: x, y of the baseline start in PDF user space (y up), width and height. */
export interface PdfTextItem {
  page: number;
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  /** 1-based */
  page: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** Where a piece of the laid-out text came from: page, and the top-left of its text in points from the page's top-left. */
export type PdfOrigin = Extract<SourceRef, { type: 'pdf' }>;

export interface PdfLayout {
  text: string;
  /** `line:column` (1-based, as text sources) of each emitted cell → its place on the page */
  origins: Map<string, PdfOrigin>;
  /** 1-based text line → page */
  linePages: number[];
}

interface Box {
  page: number;
  text: string;
  x0: number;
  x1: number;
  /** vertical centre, y up */
  cy: number;
  h: number;
  /** top of the glyphs, from the page's top */
  top: number;
}

interface Chunk extends Box {
  numeric: boolean;
}

interface Line {
  page: number;
  cy: number;
  h: number;
  chunks: Chunk[];
}

interface Row {
  line: Line;
  labels: Chunk[];
  values: Chunk[];
  frags: Chunk[];
  valueX0: number;
  block: number;
}

type Piece = { kind: 'text'; line: Line } | { kind: 'row'; row: Row } | { kind: 'page'; page: number };

const WS = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g;
const round = (n: number) => Math.round(n * 10) / 10;

function boxesOf(p: PdfPage): Box[] {
  const out: Box[] = [];
  for (const it of p.items) {
    const text = it.str.replace(/[\t\r\n]+/g, ' ').trim();
    if (!text || text.replace(WS, '') === '') continue;
    const h = it.height > 0 ? it.height : 10;
    const w = it.width > 0 ? it.width : h * text.length;
    out.push({ page: p.page, text, x0: it.x, x1: it.x + w, cy: it.y + h / 2, h, top: p.height - (it.y + h) });
  }
  return out;
}

const SHORT_CJK = /^[\p{Script=Han}、，（）()“”]{1,3}$/u;

/**
 * Row headers printed one or two characters per line (三、/本/年/度/办/理/结/果) become one box at the middle of the
 * stack: three or more short boxes with the same left edge, one under the other at a regular line pitch.
 */
function stacked(boxes: Box[]): Box[] {
  const short = boxes.filter((b) => SHORT_CJK.test(b.text));
  const used = new Set<Box>();
  const merged: Box[] = [];
  const sorted = short.slice().sort((a, b) => a.x0 - b.x0 || b.cy - a.cy);
  for (const first of sorted) {
    if (used.has(first)) continue;
    const chain = [first];
    for (;;) {
      const last = chain[chain.length - 1]!;
      const next = sorted.find(
        (b) =>
          !used.has(b) &&
          !chain.includes(b) &&
          Math.abs(b.x0 - first.x0) <= 1.5 &&
          b.cy < last.cy &&
          last.cy - b.cy <= 2.6 * last.h &&
          last.cy - b.cy >= 0.8 * last.h,
      );
      if (!next) break;
      chain.push(next);
    }
    if (chain.length < 3) continue;
    for (const b of chain) used.add(b);
    const topBox = chain[0]!;
    const bottom = chain[chain.length - 1]!;
    const h = Math.max(...chain.map((b) => b.h));
    merged.push({
      page: first.page,
      text: chain.map((b) => b.text).join(''),
      x0: Math.min(...chain.map((b) => b.x0)),
      x1: Math.max(...chain.map((b) => b.x1)),
      cy: (topBox.cy + bottom.cy) / 2,
      h,
      top: topBox.top,
    });
  }
  return used.size ? [...boxes.filter((b) => !used.has(b)), ...merged] : boxes;
}

function isNumeric(text: string): boolean {
  const p = parseNumberCell(text, { allowDecimal: true, allowSign: true });
  return p.kind === 'number' || p.kind === 'placeholder';
}

/** Boxes on one line, left to right, joined where they touch; numbers stay apart unless they touch exactly. */
function chunksOf(boxes: Box[]): Chunk[] {
  const sorted = boxes.slice().sort((a, b) => a.x0 - b.x0);
  const out: Chunk[] = [];
  for (const b of sorted) {
    const prev = out[out.length - 1];
    const h = prev ? Math.min(prev.h, b.h) : b.h;
    const gap = prev ? b.x0 - prev.x1 : Infinity;
    const bothNumbers = prev && /^[\d.,]+$/.test(prev.text) && /^[\d.,]+$/.test(b.text);
    if (prev && gap < (bothNumbers ? 0.15 * h : 0.6 * h)) {
      const text = prev.text + (gap > 0.2 * h ? ' ' : '') + b.text;
      Object.assign(prev, {
        text,
        x1: Math.max(prev.x1, b.x1),
        top: Math.min(prev.top, b.top),
        h: Math.max(prev.h, b.h),
        numeric: isNumeric(text),
      });
      continue;
    }
    out.push({ ...b, numeric: isNumeric(b.text) });
  }
  return out;
}

/** Lines of a page, top to bottom: boxes whose vertical centres lie within half a glyph height of the line's. */
function linesOf(boxes: Box[], page: number): Line[] {
  const sorted = boxes.slice().sort((a, b) => b.cy - a.cy || a.x0 - b.x0);
  const groups: { cy: number; h: number; boxes: Box[] }[] = [];
  for (const b of sorted) {
    let best: (typeof groups)[number] | null = null;
    for (let i = groups.length - 1; i >= 0 && i >= groups.length - 4; i--) {
      const g = groups[i]!;
      if (Math.abs(g.cy - b.cy) <= 0.5 * Math.min(g.h, b.h) && (!best || Math.abs(g.cy - b.cy) < Math.abs(best.cy - b.cy))) best = g;
    }
    if (best) {
      best.boxes.push(b);
      best.cy = best.boxes.reduce((s, x) => s + x.cy, 0) / best.boxes.length;
      best.h = Math.min(best.h, b.h);
    } else groups.push({ cy: b.cy, h: b.h, boxes: [b] });
  }
  return groups.sort((a, b) => b.cy - a.cy).map((g) => ({ page, cy: g.cy, h: median(g.boxes.map((b) => b.h)), chunks: chunksOf(g.boxes) }));
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Page numbers and running footers: "- 3 -", "第 3 页 共 6 页", "3/6". */
function isFurniture(l: Line): boolean {
  const t = l.chunks
    .map((c) => c.text)
    .join('')
    .replace(WS, '');
  return /^[-–—－]\d{1,4}[-–—－]$/.test(t) || /^第\d{1,4}页(?:[,，/]?共\d{1,4}页)?$/.test(t) || /^\d{1,4}\/\d{1,4}$/.test(t);
}

/**
 * A table row: labels, then numbers only, with at least two numbers, or one number set well apart from its label
 * (narrative lines end in "…大道 90" with an ordinary space).
 */
function asRow(l: Line): Row | null {
  const first = l.chunks.findIndex((c) => c.numeric);
  if (first < 0) return null;
  const values = l.chunks.slice(first);
  if (!values.every((c) => c.numeric)) return null;
  const labels = l.chunks.slice(0, first);
  if (values.length < 2) {
    const last = labels[labels.length - 1];
    if (!last || values[0]!.x0 - last.x1 < 2 * l.h) return null;
  }
  return { line: l, labels, values, frags: [], valueX0: values[0]!.x0, block: -1 };
}

/** The pieces of one page in reading order, label fragments joined to their rows. */
function pagePieces(lines: Line[]): Piece[] {
  const rows = new Map<Line, Row>();
  for (const l of lines) {
    const r = asRow(l);
    if (r) rows.set(l, r);
  }
  const rowLines = lines.filter((l) => rows.has(l));
  const nearestRow = (l: Line) => {
    let best: Line | null = null;
    for (const r of rowLines) if (!best || Math.abs(r.cy - l.cy) < Math.abs(best.cy - l.cy)) best = r;
    return best ? rows.get(best)! : null;
  };
  // a text line wholly left of the numbers of its nearest row may be part of a row label; any other text line
  // (headings, column headers, captions, narrative) separates rows
  const fragment = new Set<Line>();
  for (const l of lines) {
    if (rows.has(l)) continue;
    const near = nearestRow(l);
    const text = l.chunks.map((c) => c.text).join('');
    // 表二's group captions (第二十条第（一）项 …) span the table's left part but head the rows below them
    if (near && !text.includes('第二十条') && l.chunks.every((c) => c.x1 <= near.valueX0 - 1)) fragment.add(l);
  }
  const attached = new Set<Line>();
  const idx = new Map(lines.map((l, i) => [l, i]));
  // the rows next to line i (above and below) with no separating line in between
  const neighbour = (i: number, dir: -1 | 1): Row | null => {
    for (let j = i + dir; j >= 0 && j < lines.length; j += dir) {
      const l = lines[j]!;
      if (rows.has(l)) return rows.get(l)!;
      if (!fragment.has(l)) return null;
    }
    return null;
  };
  const reach = (r: Row): number => {
    const i = idx.get(r.line)!;
    const dists = [neighbour(i, -1), neighbour(i, 1)].filter((x): x is Row => x !== null).map((x) => Math.abs(x.line.cy - r.line.cy));
    const pitch = dists.length ? Math.min(...dists) : Infinity;
    return Math.min(0.6 * pitch, 2.5 * r.line.h);
  };
  for (const l of lines) {
    if (!fragment.has(l)) continue;
    const i = idx.get(l)!;
    const above = neighbour(i, -1);
    const below = neighbour(i, 1);
    let to: Row | null = null;
    if (above && below) to = above.line.cy - l.cy <= l.cy - below.line.cy ? above : below;
    else {
      const r = above ?? below;
      if (r && Math.abs(r.line.cy - l.cy) <= reach(r)) to = r;
    }
    if (to && l.chunks.every((c) => c.x1 <= to.valueX0 - 1)) {
      to.frags.push(...l.chunks);
      attached.add(l);
    }
  }
  const out: Piece[] = [];
  for (const l of lines) {
    if (attached.has(l)) continue;
    const r = rows.get(l);
    out.push(r ? { kind: 'row', row: r } : { kind: 'text', line: l });
  }
  return out;
}

interface Column {
  x0: number;
  x1: number;
}

const overlap = (a: Column, b: Column) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
const centre = (c: Column) => (c.x0 + c.x1) / 2;

/** The columns of a block: the numbers of its fullest row. */
function blockColumns(rows: Row[]): Column[] {
  let seed = rows[0]!;
  for (const r of rows) if (r.values.length > seed.values.length) seed = r;
  return seed.values.map((v) => ({ x0: v.x0, x1: v.x1 }));
}

/** Each number of a row in its column; null when the row does not fit the columns (then it is written as printed). */
function slotsOf(row: Row, cols: Column[]): (Chunk | null)[] | null {
  if (row.values.length === cols.length) return row.values;
  if (row.values.length > cols.length) return null;
  const gaps = cols.slice(1).map((c, i) => centre(c) - centre(cols[i]!));
  const tol = gaps.length ? Math.min(...gaps) / 2 : Infinity;
  const slots: (Chunk | null)[] = cols.map(() => null);
  let lastCol = -1;
  for (const v of row.values) {
    let best = -1;
    let bestScore = -Infinity;
    cols.forEach((c, j) => {
      const o = overlap(c, v);
      const score = o > -1 ? 1000 + o : Math.abs(centre(c) - centre(v)) < tol ? -Math.abs(centre(c) - centre(v)) : -Infinity;
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    });
    if (best < 0 || bestScore === -Infinity || best <= lastCol || slots[best]) return null;
    slots[best] = v;
    lastCol = best;
  }
  return slots;
}

/** Label pieces of a row grouped into cells by their horizontal extent, each cell read top to bottom. */
function labelCells(chunks: Chunk[]): Chunk[] {
  const cells: Chunk[][] = [];
  for (const c of chunks.slice().sort((a, b) => a.x0 - b.x0)) {
    const cell = cells.find((g) => g.some((x) => overlap(x, c) > 0));
    if (cell) cell.push(c);
    else cells.push([c]);
  }
  return cells
    .map((g) => {
      g.sort((a, b) => b.cy - a.cy || a.x0 - b.x0);
      const first = g[0]!;
      return { ...first, text: g.map((x) => x.text).join(''), x0: Math.min(...g.map((x) => x.x0)) };
    })
    .sort((a, b) => a.x0 - b.x0);
}

/**
 * A column header printed over several lines above a block (商业 / 企业, 社会公益组织 beside them): the lines right
 * above the block, read upwards while each of their pieces stands over exactly one column (pieces left of the
 * columns are row-label text), joined top to bottom per column. A piece spanning several columns (法人或其他组织,
 * 行政复议) or reaching in from the label zone (a caption, a heading) ends the header. Null unless every column gets
 * a piece and the header took more than one line (a one-line header is already a line of the text).
 */
function columnHeads(lines: Line[], cols: Column[]): string[] | null {
  if (cols.length < 2 || lines.length < 2) return null;
  const centres = cols.map(centre);
  const half = Math.min(...centres.slice(1).map((c, i) => c - centres[i]!)) / 2;
  const left = cols[0]!.x0 - half;
  const heads: Chunk[][] = cols.map(() => []);
  let used = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const picked: [number, Chunk][] = [];
    // 表二's captions (第二十条第（一）项) head a sub-table, not a column
    let ends = lines[i]!.chunks.some((c) => c.text.includes('第二十条'));
    for (const c of ends ? [] : lines[i]!.chunks) {
      if (c.x1 < left) continue;
      const over = centres.filter((x) => c.x0 - 1 <= x && x <= c.x1 + 1);
      const mid = (c.x0 + c.x1) / 2;
      const j = over.length === 1 ? centres.indexOf(over[0]!) : over.length === 0 ? centres.findIndex((x) => Math.abs(x - mid) < half) : -1;
      if (j < 0 || c.x0 < left) {
        ends = true;
        break;
      }
      picked.push([j, c]);
    }
    if (ends) break;
    for (const [j, c] of picked) heads[j]!.push(c);
    if (picked.length) used++;
  }
  if (used < 2 || heads.some((h) => h.length === 0)) return null;
  return heads.map((h) =>
    h
      .sort((a, b) => b.cy - a.cy || a.x0 - b.x0)
      .map((c) => c.text.replace(WS, ''))
      .join(''),
  );
}

/** Lays the pages out as text for the text reader. */
export function layoutPdf(pages: readonly PdfPage[]): PdfLayout {
  const pieces: Piece[] = [];
  for (const p of pages) {
    const lines = linesOf(stacked(boxesOf(p)), p.page).filter((l) => !isFurniture(l));
    pieces.push({ kind: 'page', page: p.page }, ...pagePieces(lines));
  }
  // blocks: runs of rows with no text line between them (page breaks do not end a block)
  const blocks: Row[][] = [];
  let open = false;
  for (const pc of pieces) {
    if (pc.kind === 'text') open = false;
    else if (pc.kind === 'row') {
      if (!open) blocks.push([]);
      open = true;
      pc.row.block = blocks.length - 1;
      blocks[blocks.length - 1]!.push(pc.row);
    }
  }
  const columns = blocks.map(blockColumns);
  // each block's column header, from the text lines right above its first row (same page)
  const heads = new Map<Row, string[]>();
  pieces.forEach((pc, i) => {
    if (pc.kind !== 'row' || blocks[pc.row.block]![0] !== pc.row) return;
    const above: Line[] = [];
    for (let k = i - 1; k >= 0 && above.length < 8; k--) {
      const p = pieces[k]!;
      if (p.kind !== 'text') break;
      above.unshift(p.line);
    }
    const h = columnHeads(above, columns[pc.row.block]!);
    if (h) heads.set(pc.row, h);
  });

  const lines: string[] = [];
  const origins = new Map<string, PdfOrigin>();
  const linePages: number[] = [0];
  let page = 1;
  const origin = (c: { page: number; x0: number; top: number }): PdfOrigin => ({
    type: 'pdf',
    page: c.page,
    x: round(c.x0),
    y: round(c.top),
  });
  const push = (cells: { text: string; at: PdfOrigin | null }[]) => {
    let line = '';
    const n = lines.length + 1;
    cells.forEach((c, i) => {
      if (i > 0) line += '\t';
      if (c.at) origins.set(`${n}:${line.length + 1}`, c.at);
      line += c.text;
    });
    lines.push(line);
    linePages.push(page);
  };
  for (const pc of pieces) {
    if (pc.kind === 'page') {
      page = pc.page;
      if (lines.length) push([{ text: '', at: null }]);
      continue;
    }
    if (pc.kind === 'text') {
      push(pc.line.chunks.map((c) => ({ text: c.text, at: origin(c) })));
      continue;
    }
    const row = pc.row;
    // the stacked column header joined per column, as one line of its own above the block
    const head = heads.get(row);
    if (head) push(head.map((text) => ({ text, at: null })));
    const labels = labelCells([...row.labels, ...row.frags]).map((c) => ({ text: c.text, at: origin(c) }));
    const cols = columns[row.block]!;
    const slots = slotsOf(row, cols);
    const values = slots
      ? slots.map((s, j) =>
          s
            ? { text: s.text, at: origin(s) }
            : { text: '', at: origin({ page: row.line.page, x0: cols[j]!.x0, top: Math.min(...row.values.map((v) => v.top)) }) },
        )
      : row.values.map((v) => ({ text: v.text, at: origin(v) }));
    push([...labels, ...values]);
  }
  return { text: lines.join('\n'), origins, linePages };
}

/** A PDF's pages read into reports, each cell's source giving its page and position. */
export function readPdf(pages: readonly PdfPage[], opts: ReadTextOptions = {}): Report[] {
  const layout = layoutPdf(pages);
  const reports = readText(layout.text, { ...opts, blankCells: true });
  const at = (s: SourceRef): SourceRef => (s.type === 'text' ? (layout.origins.get(`${s.line}:${s.column}`) ?? s) : s);
  // notes name a line of the laid-out text: add its page
  const withPage = (n: ReadNote): ReadNote => {
    const line = n.params?.line;
    const page = typeof line === 'number' ? layout.linePages[line] : undefined;
    if (!page || !(n.code in NOTES)) return n;
    return readNote(n.code as NoteCode, { ...n.params, page, ...(n.table ? { table: n.table } : {}) });
  };
  for (const r of reports) {
    r.cells = r.cells.map((c) => ({ ...c, source: at(c.source) }));
    r.extras = r.extras.map((e) => ({ ...e, source: at(e.source) }));
    r.readNotes = r.readNotes.map(withPage);
    r.notCheckable = r.notCheckable.map((nc) => (nc.note ? { ...nc, ...explained(nc, withPage(nc.note)) } : nc));
  }
  return reports;
}
