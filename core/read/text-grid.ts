// Reading tables from text that keeps cell separators: tab-separated pastes (the seed sample), Markdown pipe tables
// (PDF/OCR conversions), CSV, columns separated by 2+ spaces, and "label 97" lines.
// A row is read only when its label names exactly one template row and it carries exactly the row's number of
// values (t3: the last 7 numeric cells, spec §9 V8; t4: 15 in one row, or 5 per block under a block heading).
// Unlabelled rows, cut labels that fit two rows, rows under a header of row labels and short rows stay unread.
import type { TableId } from '../model/schema';
import { groupRowId, labelOfEn, T3_COLS, T3_GROUP_ROWS, t3GroupMembers, t3Leaves, type T3Group, type TemplateFormat } from '../model/templates';
import { parseNumberCell, type ParsedNumber } from './numbers';
import { readNote, type NoteCode } from './notes';
import { labelKey, matchRowLabel } from './text-labels';
import { t3GroupOf } from './labels';
import { splitRun } from './text-split';
import { resolveT3 } from './text-solve';
import {
  emptyPart,
  makeCell,
  signedCol,
  t2Cols,
  t2Rows,
  t3Rows,
  T3_COL_IDS,
  T3_GROUP_WORDS,
  T4_COL_IDS,
  type Pos,
  type TextPart,
} from './text-common';

export type LineKind = 'tab' | 'pipe' | 'csv' | 'spaces' | 'words';

export interface GridCell {
  text: string;
  /** offset of the cell's first non-space character in the whole text */
  offset: number;
}

export interface GridLine {
  index: number;
  kind: LineKind;
  cells: GridCell[];
  separator: boolean;
  /** pipe lines: index of the block's first line */
  block?: number;
  key: string;
  raw: string;
  /** offset of the line in the whole text */
  start: number;
}

function cellsBy(line: string, base: number, re: RegExp): GridCell[] {
  const cells: GridCell[] = [];
  let last = 0;
  const push = (from: number, to: number) => {
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), offset: base + from + lead });
  };
  for (let m = re.exec(line); m; m = re.exec(line)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, line.length);
  return cells;
}

function csvCells(line: string, base: number): GridCell[] {
  const cells: GridCell[] = [];
  let i = 0;
  while (i <= line.length) {
    let j = i;
    while (j < line.length && line[j] === ' ') j++;
    if (line[j] === '"') {
      let k = j + 1;
      let val = '';
      while (k < line.length) {
        if (line[k] === '"' && line[k + 1] === '"') {
          val += '"';
          k += 2;
        } else if (line[k] === '"') break;
        else val += line[k++];
      }
      cells.push({ text: val.trim(), offset: base + j + 1 });
      const comma = line.indexOf(',', k);
      if (comma < 0) break;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      const raw = line.slice(i, end);
      cells.push({ text: raw.trim(), offset: base + i + (raw.length - raw.trimStart().length) });
      if (comma < 0) break;
      i = comma + 1;
    }
  }
  return cells;
}

/** Cells of every line, by the separator the line uses. */
export function gridLines(text: string): GridLine[] {
  const out: GridLine[] = [];
  let base = 0;
  let block = -1;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    let kind: LineKind;
    let cells: GridCell[];
    let separator = false;
    if (trimmed.startsWith('|')) {
      kind = 'pipe';
      const startCol = line.indexOf('|');
      const endCol = line.lastIndexOf('|');
      const inner = endCol > startCol ? line.slice(startCol + 1, endCol) : line.slice(startCol + 1);
      cells = cellsBy(inner, base + startCol + 1, /\|/g);
      separator = cells.every((c) => /^:?-{2,}:?$/.test(c.text));
      if (out.length === 0 || out[out.length - 1]!.kind !== 'pipe') block = index;
    } else if (line.includes('\t')) {
      kind = 'tab';
      cells = cellsBy(line, base, /\t/g);
    } else if ((line.match(/,/g)?.length ?? 0) >= 2 && csvCells(line, base).filter((c) => valueLike(c.text)).length >= 2) {
      kind = 'csv';
      cells = csvCells(line, base);
    } else if (/\S[ \u00a0\u3000]{2,}\S/.test(trimmed)) {
      kind = 'spaces';
      cells = cellsBy(line, base, /[ \u00a0\u3000]{2,}/g).filter((c) => c.text !== '');
    } else {
      kind = 'words';
      cells = cellsBy(line, base, /[ \u00a0\u3000]+/g).filter((c) => c.text !== '');
    }
    out.push({ index, kind, cells, separator, key: labelKey(line), raw: line, start: base, ...(kind === 'pipe' ? { block } : {}) });
    base += line.length + 1;
  });
  return out;
}

/** Does the text keep its table cells apart (tabs, pipes, CSV, wide spaces) in at least a few rows? */
export function looksGridded(lines: GridLine[]): boolean {
  let score = 0;
  let spaceRows = 0;
  for (const l of lines) {
    if (l.separator || l.kind === 'words') continue;
    const split = splitRow(l);
    if (split.labels.length === 0 || split.values.length < 2) continue;
    if (l.kind === 'spaces') spaceRows++;
    else score += split.values.length >= 5 ? 2 : 1;
  }
  // A tab, pipe or comma between a label and numbers is deliberate (one stray "x\t1\t2" is not enough);
  // wide spaces also occur in plain prose.
  return score >= 2 || spaceRows >= 3;
}

interface RowSplit {
  labels: GridCell[];
  values: { cell: GridCell; parsed: ParsedNumber }[];
  /** empty cells between values */
  holes: number;
  /** non-numeric text after the first value */
  textAfter: boolean;
}

function valueLike(text: string): ParsedNumber | null {
  const p = parseNumberCell(text, { allowDecimal: true, allowSign: true });
  return p.kind === 'number' || p.kind === 'placeholder' ? p : null;
}

/** An empty cell of a tab-separated row, read as a blank table cell (`blankCells` layouts only). */
const BLANK: ParsedNumber = { raw: '', value: null, kind: 'blank' };

/**
 * A line's row labels and values. With `blankCells` (a layout that writes every column of a row and never an
 * empty label cell), each empty cell of a tab-separated line is a blank value in its column.
 */
export function splitRow(l: GridLine, blankCells = false): RowSplit {
  const cells = l.cells.slice();
  const blanks = blankCells && l.kind === 'tab';
  if (blanks) return splitBlankRow(cells);
  while (cells.length && cells[cells.length - 1]!.text === '') cells.pop();
  const labels: GridCell[] = [];
  const values: RowSplit['values'] = [];
  let holes = 0;
  let pendingHoles = 0;
  let textAfter = false;
  for (const c of cells) {
    if (values.length === 0) {
      if (c.text === '') continue;
      const p = valueLike(c.text);
      if (p) values.push({ cell: c, parsed: p });
      else labels.push(c);
      continue;
    }
    if (c.text === '') {
      pendingHoles++;
      continue;
    }
    const p = valueLike(c.text);
    if (!p) {
      textAfter = true;
      continue;
    }
    holes += pendingHoles;
    pendingHoles = 0;
    values.push({ cell: c, parsed: p });
  }
  return { labels, values, holes, textAfter };
}

function splitBlankRow(cells: GridCell[]): RowSplit {
  const labels: GridCell[] = [];
  const values: RowSplit['values'] = [];
  let textAfter = false;
  for (const c of cells) {
    const p = c.text === '' ? BLANK : valueLike(c.text);
    if (values.length === 0 && !p) labels.push(c);
    else if (p) values.push({ cell: c, parsed: p });
    else textAfter = true;
  }
  // a line of text with a stray tab is no row
  if (values.every((v) => v.parsed.kind === 'blank'))
    return { labels: cells.filter((c) => c.text !== ''), values: [], holes: 0, textAfter: false };
  return { labels, values, holes: 0, textAfter };
}

interface Zones {
  t2: [number, number] | null;
  t3: [number, number] | null;
  t4: [number, number] | null;
}

function findZones(lines: GridLine[]): Zones {
  const find = (from: number, test: (l: GridLine) => boolean) => {
    for (let i = Math.max(0, from); i < lines.length; i++) if (test(lines[i]!)) return i;
    return -1;
  };
  const t2 = find(
    0,
    (l) => l.key.includes('第二十条第(') || (l.key.includes('信息内容') && /本年制发件数|本年新制作数量|处理决定数量/.test(l.key)),
  );
  const t3 = find(Math.max(0, t2), (l) => ['勾稽关系', '申请人情况', '本年新收政府信息公开申请'].some((w) => l.key.includes(w)));
  const t4 = find(t3 >= 0 ? t3 + 1 : Math.max(0, t2), (l) => l.key.includes('行政复议') || l.key.includes('结果维持'));
  const t4End =
    t4 >= 0 ? find(t4 + 1, (l) => /^#*[五六]、/.test(l.key) || l.key.includes('主要问题') || l.key.includes('其他需要报告')) : -1;
  const end = (x: number) => (x < 0 ? lines.length : x);
  return {
    t2: t2 >= 0 ? [t2, end(t3 >= 0 ? t3 : t4)] : null,
    t3: t3 >= 0 ? [t3, end(t4)] : null,
    t4: t4 >= 0 ? [t4, end(t4End)] : null,
  };
}

export interface ReadGridOptions {
  /** empty tab-separated cells are blank table cells (see splitRow) */
  blankCells?: boolean;
}

export function readGrid(text: string, fmt: TemplateFormat, pos: Pos, lines = gridLines(text), opts: ReadGridOptions = {}): TextPart {
  const blanks = opts.blankCells === true;
  const out = emptyPart();
  const zones = findZones(lines);
  if (zones.t2) {
    out.located.add('t2');
    readGridT2(lines.slice(zones.t2[0], zones.t2[1]), fmt, pos, out, blanks);
  }
  if (zones.t3) {
    out.located.add('t3');
    // a block's header line may sit just above the zone (the zone starts at the first t3 row)
    const wrongBlocks = new Map<number, NoteCode>();
    for (const l of lines) {
      if (l.kind === 'pipe' && l.block === l.index && splitRow(l).values.length === 0) {
        const why = wrongT3Header(l, fmt);
        if (why) wrongBlocks.set(l.index, why);
      }
    }
    // the column header may stand above the zone's first line too (a paste that starts at the header)
    let head = zones.t3[0];
    while (head > 0 && zones.t3[0] - head < 4 && lines[head - 1]!.cells.some((c) => c.text) && splitRow(lines[head - 1]!, blanks).values.length === 0) head--;
    readGridT3(lines.slice(zones.t3[0], zones.t3[1]), fmt, pos, out, wrongBlocks, blanks, lines.slice(head, zones.t3[0]));
  }
  if (zones.t4) {
    out.located.add('t4');
    readGridT4(lines.slice(zones.t4[0], zones.t4[1]), pos, out, blanks);
  }
  return out;
}

function labelText(cells: GridCell[]): string {
  return cells.map((c) => c.text).join('');
}

function readGridT2(lines: GridLine[], fmt: TemplateFormat, pos: Pos, out: TextPart, blanks: boolean): void {
  const rows = t2Rows(fmt);
  const defs = rows.map((r) => r.def);
  const cols = t2Cols(fmt);
  let headerCols: string[] | null = null;
  const seen = new Map<string, string>();
  for (const l of lines) {
    if (l.separator) continue;
    const s = splitRow(l, blanks);
    if (s.values.length === 0) {
      // a header line names the columns of the rows below it
      const ids: string[] = [];
      for (const c of l.kind === 'words' ? [{ text: l.cells.map((c) => c.text).join(''), offset: 0 }] : l.cells) {
        const m = matchRowLabel(c.text, cols);
        if (m && 'id' in m) ids.push(m.id);
      }
      if (ids.length) headerCols = ids;
      else if (l.key.includes('第二十条')) headerCols = null;
      continue;
    }
    if (s.labels.length === 0) continue;
    const m = matchRowLabel(s.labels[s.labels.length - 1]!.text, defs) ?? matchRowLabel(labelText(s.labels), defs);
    if (!m) continue;
    const name = labelText(s.labels);
    if ('ambiguous' in m) {
      out.notes.push(readNote('lineLabelFitsSeveral', { table: 't2', line: l.index + 1, label: name }));
      continue;
    }
    const row = rows.find((r) => r.def.id === m.id)!;
    const want = row.cols.map((c) => c.id);
    if (headerCols && headerCols.join() !== want.join()) {
      out.notes.push(readNote('lineUnderOtherColumns', { table: 't2', line: l.index + 1, label: row.def.label }));
      continue;
    }
    if (s.values.length !== want.length || s.holes > 0 || s.textAfter) {
      out.notes.push(
        readNote('lineValueCount', { table: 't2', line: l.index + 1, label: row.def.label, count: s.values.length, cols: want.length }),
      );
      continue;
    }
    const sig = s.values.map((v) => v.cell.text).join('|');
    if (seen.has(row.def.id)) {
      if (seen.get(row.def.id) !== sig) out.notes.push(readNote('repeatedSecondIgnored', { table: 't2', label: row.def.label }));
      continue;
    }
    seen.set(row.def.id, sig);
    s.values.forEach((v, j) => {
      const col = want[j]!;
      const p = signedCol(col) ? v.parsed : parseNumberCell(v.cell.text, { allowDecimal: true });
      out.cells.push(makeCell('t2', row.def.id, col, p.raw, p.value, p.kind, v.cell.offset, pos, p.unit));
    });
  }
}

/** A Markdown block whose first line is a header of t3 row labels (本年新收件数 | 上年结转件数 | …) or of columns out of order. */
function wrongT3Header(l: GridLine, fmt: TemplateFormat): NoteCode | null {
  const rows = t3Rows(fmt);
  let rowHits = 0;
  const colOrder: number[] = [];
  for (const c of l.cells) {
    if (!c.text) continue;
    const k = labelKey(c.text);
    // 总计 and 其他 are column labels as well as row labels: a column reading wins
    const col = matchRowLabel(c.text, T3_COLS);
    if (col && 'id' in col && col.quality <= 2) {
      colOrder.push(T3_COL_IDS.indexOf(col.id));
      continue;
    }
    if (matchRowLabel(c.text, rows) || T3_GROUP_WORDS.some((w) => k.includes(w))) rowHits++;
  }
  if (rowHits >= 2) return 'lineUnderRowLabels';
  for (let i = 1; i < colOrder.length; i++) if (colOrder[i]! <= colOrder[i - 1]!) return 'lineUnderReorderedColumns';
  return null;
}

/**
 * Line kinds whose cell index is a column of the table (a header cell stands above the values of its column). In a
 * layout that keeps every column (a PDF's), rows and the column header line are aligned at their ends instead.
 */
const ALIGNED: ReadonlySet<LineKind> = new Set(['tab', 'pipe', 'csv']);

interface T3Header {
  kind: LineKind | null;
  /** column id by cell index; counted from the line's end (−1 = last) in a layout that keeps every column */
  cols: Map<number, string>;
}

/** Where a cell stands among its line's cells: its index, or (every column kept, rows right-aligned) from the end. */
const cellPlace = (l: GridLine, i: number, blanks: boolean) => (blanks ? i - l.cells.length : i);

/**
 * A line of the header block: each cell naming a t3 column (exactly, or by a known variant) marks its place; a lower
 * line overwrites (商业企业 below 法人或其他组织). Lines of another kind than the block's start a new block.
 */
function headerLine(l: GridLine, header: T3Header, blanks: boolean): void {
  if (header.kind !== l.kind) {
    header.kind = l.kind;
    header.cols = new Map();
  }
  l.cells.forEach((c, i) => {
    const m = c.text ? matchRowLabel(c.text, T3_COLS) : null;
    if (m && 'id' in m && m.quality <= 2) header.cols.set(cellPlace(l, i, blanks), m.id);
  });
}

function readGridT3(
  lines: GridLine[],
  fmt: TemplateFormat,
  pos: Pos,
  out: TextPart,
  wrongBlocks: Map<number, NoteCode>,
  blanks: boolean,
  above: GridLine[],
): void {
  const defs = t3Rows(fmt);
  const labelOf = new Map([...defs, ...T3_GROUP_ROWS].map((d) => [d.id, d.label]));
  // rows whose label was found (read or not), and the printed label of each group row
  const printedRows = new Set<string>();
  const groupLabels = new Map<string, GridCell>();
  type Entry = { values: { raw: string; value: number | null; kind: ParsedNumber['kind']; offset: number }[][]; line: number };
  const entries = new Map<string, Entry>();
  const conflicts = new Set<string>();
  let unlabelled = 0;
  let prevLabelOnly: GridLine | null = null;
  // the header block above the first row: column id by cell index, for lines whose cells keep their columns
  const header: T3Header = { kind: null, cols: new Map() };
  const placed = { byHeader: 0, byPosition: 0 };
  for (const l of above) if (ALIGNED.has(l.kind)) headerLine(l, header, blanks);
  for (const l of lines) {
    if (l.separator) continue;
    const s = splitRow(l, blanks);
    if (s.values.length === 0) {
      prevLabelOnly = l.kind !== 'pipe' ? l : null;
      if (entries.size === 0 && ALIGNED.has(l.kind)) headerLine(l, header, blanks);
      continue;
    }
    const prev = prevLabelOnly;
    prevLabelOnly = null;
    if (s.labels.length === 0) {
      if (s.values.length >= 6) unlabelled++;
      continue;
    }
    let m = matchRowLabel(s.labels[s.labels.length - 1]!.text, defs);
    if (!m || 'ambiguous' in m) m = matchRowLabel(labelText(s.labels), defs) ?? m;
    // a label broken over two lines of a paste: 部分公开（区分处理的，只计这一 / 情形，不计其他情形）
    if ((!m || 'ambiguous' in m) && prev && (l.kind === 'tab' || l.kind === 'csv'))
      m = matchRowLabel(labelText(prev.cells) + labelText(s.labels), defs) ?? m;
    const name = labelText(s.labels);
    const lastLabel = s.labels[s.labels.length - 1]!;
    // a group printed as one row (（六）其他处理 in a 2021 report): the group's total (spec §0), unless its
    // sub-rows are printed too (decided below)
    const grp = m ? null : t3GroupOf(lastLabel.text);
    if (grp && t3GroupMembers(fmt, grp).length > 0) {
      m = { id: groupRowId(grp), quality: 0 };
      groupLabels.set(m.id, lastLabel);
    }
    if (!m) {
      if (!T3_GROUP_WORDS.some((w) => labelKey(name).includes(w)) || s.values.length >= 6)
        out.notes.push(readNote('lineLabelUnknown', { table: 't3', line: l.index + 1, label: name }));
      continue;
    }
    if ('ambiguous' in m) {
      const labels = m.ambiguous.map((id) => labelOf.get(id) ?? id).join(' / ');
      const labelsEn = m.ambiguous.map((id) => `"${labelOfEn('t3', fmt, 'row', id)}"`).join(' / ');
      out.notes.push(readNote('lineLabelFits', { table: 't3', line: l.index + 1, label: name, rows: m.ambiguous.join(' / '), labels, labelsEn }));
      continue;
    }
    const label = labelOf.get(m.id)!;
    printedRows.add(m.id);
    const why = l.block !== undefined ? wrongBlocks.get(l.block) : undefined;
    if (why) {
      out.notes.push(readNote(why, { table: 't3', line: l.index + 1, label }));
      continue;
    }
    let vectors: Entry['values'];
    const exact = s.values.length === 7 && s.holes === 0 && !s.textAfter;
    const placeholdersOk = l.kind !== 'pipe' && l.kind !== 'words';
    const kindOk = (k: ParsedNumber['kind']) => k === 'number' || (placeholdersOk && k === 'placeholder') || (blanks && k === 'blank');
    if (exact && s.values.every((v) => kindOk(v.parsed.kind))) {
      vectors = [s.values.map((v) => ({ raw: v.parsed.raw, value: v.parsed.value, kind: v.parsed.kind, offset: v.cell.offset }))];
      const underHeader =
        l.kind === header.kind && s.values.every((v, j) => header.cols.get(cellPlace(l, l.cells.indexOf(v.cell), blanks)) === T3_COL_IDS[j]);
      if (underHeader) placed.byHeader++;
      else placed.byPosition++;
    } else if ((l.kind === 'words' || l.kind === 'spaces') && !s.textAfter && s.values.every((v) => /^\d+$/.test(v.cell.text))) {
      // numbers printed with single spaces that may not separate every cell: cut like run-together text
      const first = s.values[0]!.cell.offset;
      const lastV = s.values[s.values.length - 1]!.cell;
      const run = l.raw.slice(first - l.start, lastV.offset - l.start + lastV.text.length);
      const r = splitRun(run, [7], { sumLast: true });
      if (!r.complete || r.solutions.length === 0) {
        out.notes.push(readNote('lineNoSplit', { table: 't3', line: l.index + 1, label, run }));
        continue;
      }
      vectors = r.solutions.map((sol) =>
        sol.map((p) => ({ raw: p.raw, value: p.value, kind: 'number' as const, offset: first + p.start })),
      );
      placed.byPosition++;
    } else {
      out.notes.push(
        readNote(s.textAfter ? 'lineValuesWithText' : 'lineValueCount', {
          table: 't3',
          line: l.index + 1,
          label,
          count: s.values.length,
          blank: s.holes || undefined,
          cols: 7,
        }),
      );
      continue;
    }
    const prevEntry = entries.get(m.id);
    if (prevEntry) {
      const same =
        JSON.stringify(prevEntry.values.map((v) => v.map((c) => c.value))) === JSON.stringify(vectors.map((v) => v.map((c) => c.value)));
      if (!same) conflicts.add(m.id);
      continue;
    }
    entries.set(m.id, { values: vectors, line: l.index });
  }
  if (placed.byHeader > 0 && placed.byPosition === 0) out.columnsByHeader.push('t3');
  if (unlabelled) out.notes.push(readNote('unlabelledRows', { table: 't3', count: unlabelled }));
  for (const id of conflicts) {
    entries.delete(id);
    out.notes.push(readNote('repeatedNotRead', { table: 't3', label: labelOf.get(id) }));
  }
  const collapsed = new Set<T3Group>();
  for (const [id, cell] of groupLabels) {
    const g = T3_GROUP_ROWS.find((d) => d.id === id)!.group as T3Group;
    const members = t3GroupMembers(fmt, g);
    const e = entries.get(id);
    if (members.some((r) => printedRows.has(r))) {
      // a subtotal printed beside its sub-rows: not a cell of the template
      entries.delete(id);
      const { line, column } = pos(cell.offset);
      if (e) out.extras.push({ table: 't3', label: cell.text, raw: e.values[0]!.map((v) => v.raw), source: { type: 'text', line, column } });
      out.notes.push(readNote('groupRowWithValues', { table: 't3', label: cell.text }));
    } else if (e) {
      collapsed.add(g);
      out.notes.push(readNote('groupCollapsed', { table: 't3', row: id, label: cell.text, count: members.length }));
    }
  }
  const cands = new Map<string, number[][]>();
  for (const [id, e] of entries) {
    const numeric = e.values.every((v) => v.every((c) => c.value !== null));
    cands.set(id, numeric ? e.values.map((v) => v.map((c) => c.value!)) : []);
  }
  const choice = resolveT3(cands, t3Leaves(fmt, collapsed));
  for (const [id, e] of entries) {
    let idx: number | null = e.values.length === 1 ? 0 : null;
    const c = choice.get(id);
    if (idx === null && c && c.index !== null) {
      idx = c.index;
      out.notes.push(readNote('splitByIdentity', { table: 't3', label: labelOf.get(id) }));
    }
    if (idx === null) {
      out.notes.push(readNote('splitWays', { table: 't3', label: labelOf.get(id), count: e.values.length }));
      continue;
    }
    e.values[idx]!.forEach((v, j) => out.cells.push(makeCell('t3', id, T3_COL_IDS[j]!, v.raw, v.value, v.kind, v.offset, pos)));
  }
}

function t4Block(key: string): string | null {
  if (key.includes('复议后起诉') || key.includes('复议后诉讼')) return 'litAfterReview';
  if (key.includes('直接起诉') || key.includes('直接诉讼')) return 'litDirect';
  if (key.includes('行政复议') && !key.includes('诉讼')) return 'review';
  return null;
}

function readGridT4(lines: GridLine[], pos: Pos, out: TextPart, blanks: boolean): void {
  const full: { raw: string; value: number | null; kind: ParsedNumber['kind']; offset: number }[][] = [];
  const blocks = new Map<string, { raw: string; value: number | null; kind: ParsedNumber['kind']; offset: number }[]>();
  let pendingBlock: string | null = null;
  let problems = 0;
  for (const l of lines) {
    if (l.separator) continue;
    const s = splitRow(l, blanks);
    if (s.values.length === 0) {
      const b = t4Block(l.key);
      if (b) pendingBlock = b;
      continue;
    }
    const vals = s.values.map((v) => ({ raw: v.parsed.raw, value: v.parsed.value, kind: v.parsed.kind, offset: v.cell.offset }));
    if (s.holes > 0 || s.textAfter || vals.some((v) => v.value !== null && v.value < 0)) {
      problems++;
      continue;
    }
    if (s.values.length === 15) {
      full.push(vals);
      continue;
    }
    if (s.values.length === 5) {
      const b = (s.labels.length ? t4Block(labelKey(labelText(s.labels))) : null) ?? pendingBlock;
      pendingBlock = null;
      if (!b || blocks.has(b)) {
        problems++;
        continue;
      }
      blocks.set(b, vals);
      continue;
    }
    if (s.values.length >= 3) problems++;
  }
  const emit = (vals: (typeof full)[number], cols: readonly string[]) =>
    vals.forEach((v, j) => out.cells.push(makeCell('t4' as TableId, 'cases', cols[j]!, v.raw, v.value, v.kind, v.offset, pos)));
  if (full.length === 1 && blocks.size === 0) {
    emit(full[0]!, T4_COL_IDS);
    return;
  }
  if (full.length === 0 && blocks.size > 0) {
    for (const [b, vals] of blocks)
      emit(
        vals,
        T4_COL_IDS.filter((c) => c.startsWith(b + '.')),
      );
    if (blocks.size < 3) out.notes.push(readNote('blocksFound', { table: 't4', count: blocks.size }));
    return;
  }
  out.notes.push(readNote('blocksUnread', { table: 't4', rows: full.length, blocks: blocks.size, other: problems }));
}
