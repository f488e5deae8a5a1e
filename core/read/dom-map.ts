// Mapping located grids onto the template ids (spec §3–§5, §9 V8–V10, V17–V19).
// Rows are matched by label inside the label zone; values are taken from the right: the last 7 value
// cells for t3, the last 15 for t4, per sub-table header for t2.
import type { Cell, ExtraRow, ReadNote, TableId } from '../model/schema';
import {
  groupRowId,
  labelOf,
  T3_COLS,
  t3GroupMembers,
  t3RowDefs,
  T4_BLOCKS,
  T4_OUTCOMES,
  templateFor,
  type LabelDef,
  type SubTableDef,
  type T3Group,
  type TemplateFormat,
} from '../model/templates';
import { cellKey } from '../model/ids';
import type { GridCell, GridSlot } from './grid';
import { rowCells } from './grid';
import { matchLabel, normLabel, stripNumbering, t3GroupOf } from './labels';
import type { LocatedTable } from './locate';
import { parseNumberCell, type NumberOptions, type ParsedNumber } from './numbers';
import { readNote, type NoteCode } from './notes';

export interface MapSink {
  cells: Cell[];
  extras: ExtraRow[];
  notes: ReadNote[];
  elements: Map<string, Element>;
  /** tables whose every row read had its value columns placed by header labels naming them (Report.columnsByHeader) */
  columnsByHeader: TableId[];
}

// Each cell parsed once for layout decisions (signed numbers count as numbers here: "-185" is a value,
// not a label); a mapped cell is parsed again with its column's own options.
const layoutParse = new WeakMap<GridCell, ParsedNumber>();
function kindOf(s: GridSlot): ParsedNumber {
  let p = layoutParse.get(s.cell);
  if (!p) {
    p = parseNumberCell(s.text, { allowSign: true });
    layoutParse.set(s.cell, p);
  }
  return p;
}

/** One logical row of a located table: a grid row of one of its parts. */
interface RowView {
  tableIndex: number;
  r: number;
  cells: GridSlot[];
  parsed: ParsedNumber[];
  /** grid column after the part's last value column (0: unknown) */
  valueEnd: number;
}

function rowsOf(t: LocatedTable): RowView[] {
  const out: RowView[] = [];
  for (const p of t.parts) {
    const part: RowView[] = [];
    for (let r = 0; r < p.grid.rowCount; r++) {
      const cells = rowCells(p.grid, r).filter((s) => !s.cell.hasTable);
      part.push({ tableIndex: p.tableIndex, r, cells, parsed: cells.map(kindOf), valueEnd: 0 });
    }
    // where the value columns end: the header's width, or for a part without a header (the tail of a
    // split table, whose rows may lack cells spanned from above) the last column that prints a number
    let width = 0;
    for (const row of part) {
      if (splitRow(row).values.length > 0) break;
      for (const s of row.cells) width = Math.max(width, s.originCol + s.cell.colSpan);
    }
    if (width === 0)
      for (const row of part)
        row.parsed.forEach((x, i) => {
          if (x.kind === 'number') width = Math.max(width, row.cells[i]!.originCol + row.cells[i]!.cell.colSpan);
        });
    for (const row of part) row.valueEnd = width;
    out.push(...part);
  }
  return out;
}

/**
 * Value cells without the empty cells Word leaves right of the last value column, when a row has more
 * cells than the table has values (`need`); never fewer than `need`.
 */
function trimPhantoms(row: RowView, values: GridSlot[], need: number): GridSlot[] {
  if (values.length <= need) return values;
  // the surplus is blank on one side only: that side is Word's filler (a spacer after the label or
  // an empty cell after the last column), the other side holds values
  const extra = values.length - need;
  const blank = (v: GridSlot) => kindOf(v).kind === 'blank';
  const headBlank = values.slice(0, extra).every(blank);
  const tailBlank = values.slice(-extra).every(blank);
  if (tailBlank && !headBlank) return values.slice(0, need);
  if (headBlank && !tailBlank) return values.slice(extra);
  if (!row.valueEnd) return values;
  let end = values.length;
  while (end > need) {
    const v = values[end - 1]!;
    if (v.originCol < row.valueEnd || kindOf(v).kind !== 'blank') break;
    end--;
  }
  return end === values.length ? values : values.slice(0, end);
}

/**
 * Split a row into label cells and value cells: the labels run up to the last text cell before the
 * first printed number (a text cell among numbers, e.g. "未统计", is a value, not a label).
 */
function splitRow(row: RowView): { labels: GridSlot[]; leaf: GridSlot | null; values: GridSlot[]; valueParsed: ParsedNumber[] } {
  let firstNum = row.parsed.findIndex((p) => p.kind === 'number');
  if (firstNum < 0) firstNum = row.cells.length;
  let labelEnd = -1;
  for (let i = 0; i < firstNum; i++) if (row.parsed[i]!.kind === 'text') labelEnd = i;
  const labels = row.cells.slice(0, labelEnd + 1);
  // the row's own label is the last label cell that starts in this row; cells spanned down from
  // above are group context (a wrong span can put a group cell after the row's label)
  let leaf: GridSlot | null = null;
  for (const l of labels) if (l.originRow === row.r && l.text) leaf = l;
  leaf ??= labels[labels.length - 1] ?? null;
  return { labels, leaf, values: row.cells.slice(labelEnd + 1), valueParsed: row.parsed.slice(labelEnd + 1) };
}

type Split = ReturnType<typeof splitRow>;

/**
 * When the row's label is not a known label, an earlier label cell of the same row may be: a text
 * value such as "未统计" in the first value cell makes splitRow take it for the label.
 */
function relabel(row: RowView, split: Split, known: (text: string) => boolean): Split {
  if (!split.leaf || known(split.leaf.text)) return split;
  for (let i = split.labels.length - 1; i >= 0; i--) {
    const l = split.labels[i]!;
    if (l === split.leaf || l.originRow !== row.r || !known(l.text)) continue;
    return {
      labels: split.labels.slice(0, i + 1),
      leaf: l,
      values: row.cells.slice(i + 1),
      valueParsed: row.parsed.slice(i + 1),
    };
  }
  return split;
}

function makeCell(table: TableId, row: string, col: string, slot: GridSlot, tableIndex: number, r: number, opts: NumberOptions): Cell {
  const p = parseNumberCell(slot.text, opts);
  const c: Cell = {
    table,
    row,
    col,
    raw: p.raw,
    value: p.value,
    kind: p.kind,
    source: { type: 'dom', tableIndex, gridRow: r, gridCol: slot.originCol },
  };
  if (p.unit) c.unit = p.unit;
  return c;
}

function put(sink: MapSink, cell: Cell, el: Element) {
  sink.cells.push(cell);
  sink.elements.set(cellKey(cell), el);
}

function extra(sink: MapSink, table: TableId, label: string, values: GridSlot[], row: RowView) {
  sink.extras.push({
    table,
    label,
    raw: values.map((v) => v.text),
    source: { type: 'dom', tableIndex: row.tableIndex, gridRow: row.r, gridCol: values[0]?.originCol ?? 0 },
  });
}

function sameValues(a: Cell[], b: GridSlot[]): boolean {
  return a.length === b.length && a.every((c, i) => c.raw === kindOf(b[i]!).raw);
}

/**
 * Header ids of grid columns, per part: column → id, read from the part's leading rows that hold no
 * value cells (the header block); a part without a header block (a continuation) takes the previous one's.
 */
function headerMap(t: LocatedTable, defs: readonly LabelDef[], rows: RowView[]): Map<number, Map<number, string>> {
  const out = new Map<number, Map<number, string>>();
  let prev: Map<number, string> | null = null;
  for (const p of t.parts) {
    const m = new Map<number, string>();
    for (const row of rows) {
      if (row.tableIndex !== p.tableIndex) continue;
      if (splitRow(row).values.length > 0) break;
      // later (lower) header rows overwrite: 商业企业 below 法人或其他组织
      for (const s of row.cells) {
        if (s.cell.colSpan > 1 || s.cell.hasTable) continue;
        const hit = matchLabel(s.text, defs);
        if (hit && hit.quality <= 2) m.set(s.originCol, hit.def.id);
      }
    }
    out.set(p.tableIndex, m.size ? m : (prev ?? m));
    if (m.size) prev = m;
  }
  return out;
}

/**
 * Which value cells carry which ids, for a row with at least as many cells as ids: the last N cells in
 * the header's order when the header names each of them; for a row with surplus cells (a 备注 column,
 * filler), the cells under the header's columns; else the last N in template order (spec §9 V8).
 */
function chooseValues(values: GridSlot[], ids: readonly string[], colMap: Map<number, string> | undefined): { use: GridSlot[]; ids: string[]; byHeader: boolean } {
  const n = ids.length;
  const last = values.slice(-n);
  if (colMap && colMap.size > 0) {
    const fromHdr = last.map((s) => colMap.get(s.originCol) ?? null);
    if (fromHdr.every(Boolean) && new Set(fromHdr).size === n) return { use: last, ids: fromHdr as string[], byHeader: true };
    if (values.length > n) {
      const picked: GridSlot[] = [];
      for (const id of ids) {
        const cols = [...colMap].filter(([, v]) => v === id).map(([c]) => c);
        if (cols.length !== 1) break;
        const col = cols[0]!;
        const cell = values.find((v) => v.originCol <= col && col < v.originCol + v.cell.colSpan);
        if (!cell || picked.includes(cell)) break;
        picked.push(cell);
      }
      if (picked.length === n) return { use: picked, ids: [...ids], byHeader: true };
    }
  }
  return { use: last, ids: [...ids], byHeader: false };
}

const T3_IDS = T3_COLS.map((c) => c.id);

// ── Table 三 ────────────────────────────────────────────────────────────────
// the rows of one group, one array per template (matchLabel indexes each definition list once)
const groupCache = new WeakMap<readonly LabelDef[], Map<string, LabelDef[]>>();
function groupRows(rows: readonly LabelDef[], group: string): LabelDef[] {
  let m = groupCache.get(rows);
  if (!m) groupCache.set(rows, (m = new Map()));
  let g = m.get(group);
  if (!g) m.set(group, (g = rows.filter((d) => d.group === group)));
  return g;
}

export function mapT3(t: LocatedTable, format: TemplateFormat, sink: MapSink): void {
  const tpl = templateFor('t3', format);
  const rows = rowsOf(t);
  const hdr = headerMap(t, T3_COLS, rows);
  const done = new Map<string, Cell[]>();
  // rows read in an unusual way, by how (one note for all of them)
  const surplus = new Map<NoteCode, string[]>();
  // how rows of 7 or more value cells were placed: by header labels naming each column, or by position
  const placed = { byHeader: 0, byPosition: 0 };
  // group headings printed with values of their own
  const printedGroups: { group: T3Group; label: string; values: GridSlot[]; row: RowView }[] = [];
  for (const row of rows) {
    const split = relabel(row, splitRow(row), (text) => t3GroupOf(text) !== null || matchLabel(text, tpl.rows) !== null);
    const { labels, leaf } = split;
    const values = trimPhantoms(row, split.values, 7);
    if (!leaf) {
      if (values.some((v) => kindOf(v).kind === 'number'))
        sink.notes.push(readNote('unlabelledRowSkipped', { table: 't3', tableIndex: row.tableIndex, row: row.r }));
      continue;
    }
    // header or repeated group row (V9, V18): nothing but words right of the label
    if (values.length === 0 || values.every((v) => kindOf(v).kind === 'text')) continue;
    // group from the other label cells
    let group: string | null = null;
    for (const l of labels) if (l !== leaf) group = t3GroupOf(l.text) ?? group;
    const leafGroup = t3GroupOf(leaf.text);
    if (leafGroup) {
      if (t3GroupMembers(format, leafGroup).length === 0) mapT3Row('other', format, row, values, hdr, sink, done, surplus, placed);
      else {
        // the group printed as one row: its total (spec §0), unless its sub-rows turn out to be printed too
        mapT3Row(groupRowId(leafGroup), format, row, values, hdr, sink, done, surplus, placed);
        printedGroups.push({ group: leafGroup, label: leaf.text, values, row });
      }
      continue;
    }
    const groupDefs = group ? groupRows(tpl.rows, group) : [];
    let hit = groupDefs.length ? matchLabel(leaf.text, groupDefs) : null;
    // a wrong rowspan can put a row under the wrong group: fall back to every row
    if (!hit) hit = matchLabel(leaf.text, tpl.rows);
    if (!hit) {
      extra(sink, 't3', leaf.text, values, row);
      sink.notes.push(readNote('unknownRowKept', { table: 't3', label: leaf.text }));
      continue;
    }
    mapT3Row(hit.def.id, format, row, values, hdr, sink, done, surplus, placed);
  }
  for (const [how, ids] of surplus)
    sink.notes.push(readNote(how, { table: 't3', count: ids.length, rows: ids.slice(0, 3).join(', ') + (ids.length > 3 ? ', …' : '') }));
  const collapsed = new Set<T3Group>();
  for (const g of printedGroups) {
    const members = t3GroupMembers(format, g.group);
    if (members.some((m) => done.has(m))) {
      // a subtotal printed beside its sub-rows: not a cell of the template
      unputRow(sink, groupRowId(g.group));
      extra(sink, 't3', g.label, g.values, g.row);
      sink.notes.push(readNote('groupRowWithValues', { table: 't3', label: g.label }));
    } else if (!collapsed.has(g.group)) {
      collapsed.add(g.group);
      sink.notes.push(readNote('groupCollapsed', { table: 't3', row: groupRowId(g.group), label: g.label, count: members.length }));
    }
  }
  for (const d of t3RowDefs(format, collapsed)) if (!done.has(d.id)) sink.notes.push(readNote('rowNotFound', { table: 't3', row: d.id, label: d.label }));
  if (placed.byHeader > 0 && placed.byPosition === 0) sink.columnsByHeader.push('t3');
}

/** Take back the cells of a row mapped earlier. */
function unputRow(sink: MapSink, rowId: string) {
  for (let i = sink.cells.length - 1; i >= 0; i--) {
    const c = sink.cells[i]!;
    if (c.table !== 't3' || c.row !== rowId) continue;
    sink.elements.delete(cellKey(c));
    sink.cells.splice(i, 1);
  }
}

function mapT3Row(
  rowId: string,
  format: TemplateFormat,
  row: RowView,
  values: GridSlot[],
  hdr: Map<number, Map<number, string>>,
  sink: MapSink,
  done: Map<string, Cell[]>,
  surplus: Map<string, string[]>,
  placed: { byHeader: number; byPosition: number },
) {
  const prev = done.get(rowId);
  if (prev) {
    if (!sameValues(prev, values.slice(-7))) {
      extra(sink, 't3', rowId, values, row);
      sink.notes.push(readNote('rowRepeatedDiffering', { table: 't3', row: rowId, label: labelOf('t3', format, 'row', rowId) }));
    }
    return;
  }
  const colMap = hdr.get(row.tableIndex) ?? new Map<number, string>();
  const ids: (string | null)[] = [];
  let use: GridSlot[];
  if (values.length >= 7) {
    const pick = chooseValues(values, T3_IDS, colMap);
    use = pick.use;
    ids.push(...pick.ids);
    if (pick.byHeader) placed.byHeader++;
    else placed.byPosition++;
    const note = (how: NoteCode) => (surplus.get(how) ?? surplus.set(how, []).get(how)!).push(rowId);
    if (values.length > 7) note(pick.byHeader ? 'rowsExtraCellsByHeader' : 'rowsExtraCellsLast');
    if (pick.ids.some((id, i) => id !== T3_IDS[i])) note('rowsColumnsReordered');
  } else {
    use = values;
    for (const s of values) {
      // a cell spanning several named columns is not a value of any one of them
      const named = new Set<string>();
      for (let k = 0; k < s.cell.colSpan; k++) {
        const h = colMap.get(s.originCol + k);
        if (h) named.add(h);
      }
      ids.push(named.size === 1 ? [...named][0]! : null);
    }
    const missing = T3_COLS.filter((c) => !ids.includes(c.id)).map((c) => c.id);
    sink.notes.push(
      readNote('rowFewCells', {
        table: 't3',
        row: rowId,
        label: labelOf('t3', format, 'row', rowId),
        count: values.length,
        cols: missing.join(', '),
      }),
    );
  }
  const cells: Cell[] = [];
  const used = new Set<string>();
  for (let i = 0; i < use.length; i++) {
    const id = ids[i];
    if (!id || used.has(id)) continue;
    used.add(id);
    const s = use[i]!;
    const c = makeCell('t3', rowId, id, s, row.tableIndex, row.r, {});
    cells.push(c);
    put(sink, c, s.el);
  }
  done.set(rowId, cells);
}

// ── Table 四 ────────────────────────────────────────────────────────────────
const T4_IDS = T4_BLOCKS.flatMap((b) => T4_OUTCOMES.map((o) => `${b.id}.${o.id}`));

function blockOf(label: string): string | null {
  const s = stripNumbering(normLabel(label));
  if (!s) return null;
  if (s.includes('复议后起诉') || s.includes('复议后诉讼')) return 'litAfterReview';
  if (s.includes('未经复议') || s.includes('直接起诉')) return 'litDirect';
  if (s === '行政复议' || s.startsWith('行政复议') || s === '行政法复议') return 'review';
  return null;
}

export function mapT4(t: LocatedTable, sink: MapSink): void {
  const rows = rowsOf(t);
  const split = rows.map((r) => {
    const x = splitRow(r);
    const values = trimPhantoms(r, x.values, 15);
    return { row: r, labels: x.labels, values, valueParsed: x.valueParsed.slice(0, values.length) };
  });
  const hdrIds = t4HeaderIds(t, rows);
  // the printed layout: one data row of 15
  const data = split.find((x) => x.values.length >= 15 && x.valueParsed.some((p) => p.kind !== 'text'));
  if (data) {
    const pick = chooseValues(data.values, T4_IDS, hdrIds.get(data.row.tableIndex));
    if (pick.byHeader) sink.columnsByHeader.push('t4');
    if (data.values.length > 15)
      sink.notes.push(readNote(pick.byHeader ? 'dataRowExtraCellsByHeader' : 'dataRowExtraCellsLast', { table: 't4', count: data.values.length }));
    if (pick.ids.some((id, i) => id !== T4_IDS[i]))
      sink.notes.push(readNote('columnsReordered', { table: 't4' }));
    for (let i = 0; i < pick.use.length; i++) {
      const s = pick.use[i]!;
      put(sink, makeCell('t4', 'cases', pick.ids[i]!, s, data.row.tableIndex, data.row.r, {}), s.el);
    }
    const more = split.filter((x) => x !== data && x.values.length >= 15 && x.valueParsed.some((p) => p.kind === 'number'));
    for (const m of more) {
      extra(sink, 't4', m.labels.map((l) => l.text).join(' '), m.values, m.row);
      sink.notes.push(readNote('secondDataRow', { table: 't4' }));
    }
    return;
  }
  // transposed (V19): three rows labelled by block, five outcome columns
  const blockRows = split.filter((x) => x.values.length > 0 && x.labels.some((l) => blockOf(l.text)) && x.valueParsed.some((p) => p.kind !== 'text'));
  if (blockRows.length === 0) {
    mapT4ByHeader(split, hdrIds, sink);
    return;
  }
  const outcomeDefs = T4_OUTCOMES;
  const hdr = headerMap(t, outcomeDefs, rows);
  const seen = new Set<string>();
  for (const x of split) {
    if (x.labels.length === 0 || x.values.length === 0) continue;
    if (x.valueParsed.every((p) => p.kind === 'text')) continue;
    let block: string | null = null;
    for (let i = x.labels.length - 1; i >= 0 && !block; i--) block = blockOf(x.labels[i]!.text);
    if (!block) {
      extra(sink, 't4', x.labels.map((l) => l.text).join(' '), x.values, x.row);
      sink.notes.push(readNote('unknownRowKept', { table: 't4', label: x.labels.map((l) => l.text).join(' ') }));
      continue;
    }
    if (seen.has(block)) continue;
    seen.add(block);
    const use = x.values.slice(-5);
    if (use.length < 5) {
      const label = T4_BLOCKS.find((b) => b.id === block)?.label ?? block;
      sink.notes.push(readNote('blockFewCells', { table: 't4', block, label, count: use.length }));
    }
    const colMap = hdr.get(x.row.tableIndex) ?? new Map<number, string>();
    const fromHdr = use.map((s) => colMap.get(s.originCol) ?? null);
    const useHdr = use.length === 5 && new Set(fromHdr.filter(Boolean)).size === 5;
    use.forEach((s, i) => {
      const o = useHdr ? fromHdr[i]! : use.length === 5 ? T4_OUTCOMES[i]!.id : fromHdr[i];
      if (!o) return;
      put(sink, makeCell('t4', 'cases', `${block}.${o}`, s, x.row.tableIndex, x.row.r, {}), s.el);
    });
  }
  if (seen.size > 0) sink.notes.push(readNote('transposed', { table: 't4' }));
  for (const b of T4_BLOCKS) if (!seen.has(b.id)) sink.notes.push(readNote('blockNotFound', { table: 't4', label: b.label }));
}

/** t4 column ids by grid column from the header block: the block above (行政复议 / 未经复议直接起诉 / 复议后起诉) and the outcome below. */
function t4HeaderIds(t: LocatedTable, rows: RowView[]): Map<number, Map<number, string>> {
  const out = new Map<number, Map<number, string>>();
  let prev: Map<number, string> | null = null;
  for (const p of t.parts) {
    const head = [];
    for (const row of rows) {
      if (row.tableIndex !== p.tableIndex) continue;
      if (splitRow(row).values.length > 0) break;
      head.push(row.r);
    }
    const m = new Map<number, string>();
    for (let c = 0; c < p.grid.colCount; c++) {
      let block: string | null = null;
      let outcome: string | null = null;
      for (const r of head) {
        const s = p.grid.slots[r]?.[c];
        if (!s) continue;
        block = blockOf(s.text) ?? block;
        if (s.cell.colSpan === 1) {
          const hit = matchLabel(s.text, T4_OUTCOMES);
          if (hit && hit.quality <= 2) outcome = hit.def.id;
        }
      }
      if (block && outcome) m.set(c, `${block}.${outcome}`);
    }
    // a data-only part takes the header of the part before it
    out.set(p.tableIndex, m.size ? m : (prev ?? m));
    if (m.size) prev = m;
  }
  return out;
}

/** A data row of fewer than 15 cells (merged zero cells): each cell read where the header names exactly one column. */
function mapT4ByHeader(
  split: { row: RowView; labels: GridSlot[]; values: GridSlot[]; valueParsed: ParsedNumber[] }[],
  hdrIds: Map<number, Map<number, string>>,
  sink: MapSink,
) {
  let best: (typeof split)[number] | null = null;
  for (const x of split) {
    if (!x.valueParsed.some((p) => p.kind === 'number')) continue;
    if (!best || x.values.length > best.values.length) best = x;
  }
  const colMap = best ? hdrIds.get(best.row.tableIndex) : undefined;
  if (!best || !colMap || colMap.size === 0) {
    sink.notes.push(readNote('noDataRow', { table: 't4' }));
    return;
  }
  const used = new Set<string>();
  let skipped = 0;
  for (const s of best.values) {
    const ids = new Set<string>();
    for (let k = 0; k < s.cell.colSpan; k++) {
      const id = colMap.get(s.originCol + k);
      if (id) ids.add(id);
    }
    const id = ids.size === 1 ? [...ids][0]! : null;
    if (!id || used.has(id)) {
      skipped++;
      continue;
    }
    used.add(id);
    put(sink, makeCell('t4', 'cases', id, s, best.row.tableIndex, best.row.r, {}), s.el);
  }
  const missing = T4_IDS.filter((id) => !used.has(id));
  sink.notes.push(
    readNote('dataRowByHeader', { table: 't4', count: best.values.length, skipped: skipped || undefined, cols: missing.join(', ') }),
  );
}

// ── Table 二 ────────────────────────────────────────────────────────────────
const CAPTION = /第二十条第\(([一二三四五六七八九十]+)\)项/;
const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function numberOptions(col: string): NumberOptions {
  if (col === 'itemsDelta') return { allowSign: true };
  if (col === 'feeAmountWan' || col === 'procurementAmount') return { allowDecimal: true };
  return {};
}

/** F2021 / F2019 from table 二's own header words, null when it says nothing. */
export function t2Format(t: LocatedTable): TemplateFormat | null {
  let f21 = 0;
  let f19 = 0;
  for (const p of t.parts)
    for (const c of p.grid.cells) {
      const l = normLabel(c.text);
      if (/本年制发|本年废止|现行有效件数|本年收费金额/.test(l)) f21++;
      if (/本年新制作|本年新公开|对外公开总数|上一年项目数|本年增|采购项目数|采购总金额|第二十条第\(九\)项/.test(l)) f19++;
    }
  return f21 > f19 ? '2021' : f19 > f21 ? '2019' : null;
}

export function mapT2(t: LocatedTable, format: TemplateFormat, sink: MapSink): void {
  const tpl = templateFor('t2', format);
  const subs = tpl.subTables ?? [];
  const rows = rowsOf(t);
  let caption: SubTableDef | null = null;
  // header of the current sub-table: column ids by grid column
  let header: { tableIndex: number; cols: Map<number, string> } | null = null;
  const done = new Set<string>();
  for (const row of rows) {
    if (row.cells.length === 0) continue;
    const first = normLabel(row.cells[0]!.text);
    const cap = CAPTION.exec(first);
    const restBlank = row.parsed.slice(1).every((p) => p.kind === 'blank');
    if (cap && restBlank) {
      const n = NUMERALS[cap[1]!] ?? 0;
      caption = subs.find((s) => s.id === `art20_${n}`) ?? null;
      header = null;
      if (!caption) sink.notes.push(readNote('subTableNotInFormat', { table: 't2', caption: cap[0], format }));
      continue;
    }
    if (row.parsed.every((p) => p.kind === 'text' || p.kind === 'blank')) {
      // a header row (信息内容 | 本年制发件数 …): column ids by grid column
      const defs = caption ? caption.cols : tpl.cols;
      const cols = new Map<number, string>();
      for (const v of row.cells.slice(1)) {
        const hit = matchLabel(v.text, defs);
        if (hit) for (let k = 0; k < v.cell.colSpan; k++) cols.set(v.originCol + k, hit.def.id);
      }
      if (cols.size > 0 || normLabel(row.cells[0]!.text) === '信息内容') {
        header = { tableIndex: row.tableIndex, cols };
        continue;
      }
    }
    const split = relabel(row, splitRow(row), (text) => subs.some((sub) => matchLabel(text, sub.rows) !== null));
    const { leaf } = split;
    const values = trimPhantoms(row, split.values, 1);
    if (!leaf) continue;
    const label = leaf.text;
    // the row's own label decides its sub-table; the caption only breaks ties
    const pool = caption ? [caption, ...subs.filter((s) => s !== caption)] : subs;
    let sub: SubTableDef | null = null;
    let def: LabelDef | null = null;
    let best = 99;
    for (const s of pool) {
      const hit = matchLabel(label, s.rows);
      if (hit && hit.quality < best) {
        best = hit.quality;
        sub = s;
        def = hit.def;
      }
    }
    if (!sub || !def) {
      extra(sink, 't2', label, values, row);
      sink.notes.push(readNote('unknownRowKept', { table: 't2', label }));
      continue;
    }
    if (done.has(def.id)) {
      sink.notes.push(readNote('rowRepeated', { table: 't2', row: def.id, label: def.label }));
      continue;
    }
    done.add(def.id);
    let pairs: [string, GridSlot][] = [];
    if (values.length === sub.cols.length) {
      pairs = values.map((v, i) => [sub.cols[i]!.id, v]);
    } else if (sub.cols.length === 1 && values.length > 0) {
      // one value column split into several cells: the one that prints something (a label with no cell after
      // it, found by fuzzing, is a count mismatch below)
      const printed = values.filter((v) => kindOf(v).kind !== 'blank');
      const v = printed[0] ?? values[0]!;
      pairs = [[sub.cols[0]!.id, v]];
      if (printed.length > 1) sink.notes.push(readNote('printedCellsOneValue', { table: 't2', row: def.id, label: def.label, count: printed.length }));
    } else if (header && header.tableIndex === row.tableIndex) {
      for (const v of values) {
        const id = header.cols.get(v.originCol);
        if (id && sub.cols.some((c) => c.id === id) && !pairs.some((p) => p[0] === id)) pairs.push([id, v]);
      }
      sink.notes.push(readNote('cellsMappedByHeader', { table: 't2', row: def.id, label: def.label, count: values.length, cols: sub.cols.length }));
    } else {
      sink.notes.push(readNote('cellCountMismatch', { table: 't2', row: def.id, label: def.label, count: values.length, cols: sub.cols.length }));
    }
    for (const [col, v] of pairs) put(sink, makeCell('t2', def.id, col, v, row.tableIndex, row.r, numberOptions(col)), v.el);
  }
  for (const s of subs) for (const r of s.rows) if (!done.has(r.id)) sink.notes.push(readNote('rowNotFound', { table: 't2', row: r.id, label: r.label }));
}

