// What a finding's message names, as data: a cell, a t3 row, rows summed within one column, an outcome group, a
// column, a section. Rules write these in params as spec §0 ids (`newReceived+carriedOver.naturalPerson`,
// `review.total`, `t3:granted:total`) — that text is part of the JSON contract; explain/messages.ts reads it back
// into terms here, once, and names each term in words from its kind.
import { parseCellKey } from './ids';
import type { CellRef, TableId } from './schema';
import { T2_2019, T2_2021, T3_2019, T3_2021, T3_COLS, T3_GROUPS, T4 } from './templates';

export type Term =
  | { kind: 'cell'; ref: CellRef }
  /** a t3 row as a whole (its 总计) */
  | { kind: 'row'; row: string }
  /** t3 rows summed within one column */
  | { kind: 'rows'; rows: string[]; col: string }
  /** an outcome group of t3 (（三）不予公开 …) or 予以公开及部分公开 */
  | { kind: 'group'; group: string }
  | { kind: 'column'; table: TableId; col: string }
  /** a narrative section (sec.overview …) */
  | { kind: 'section'; id: string }
  /** anything else, kept as written */
  | { kind: 'word'; text: string };

/** One item of a param: terms added up, with the value the rule found for them (`newReceived+carriedOver=52`). */
export interface TermItem {
  terms: Term[];
  value?: string;
  /** what separated it from the next item as written (`, ` or a space; '' after the last) */
  sep: string;
}

const ids = (defs: readonly { id: string }[]) => new Set(defs.map((d) => d.id));
const T3_ROWS = new Set([...ids(T3_2021.rows), ...ids(T3_2019.rows)]);
const T3_COL_IDS = new Set([...ids(T3_COLS), 'legalOrOrg']);
const T2_ROWS = new Set([...ids(T2_2021.rows), ...ids(T2_2019.rows)]);
const T2_COLS = new Set([...ids(T2_2021.cols), ...ids(T2_2019.cols)]);
const T4_COLS = ids(T4.cols);
const GROUPS = new Set([...Object.keys(T3_GROUPS), 'grantedOrPartial']);

/** One id, classified by the templates: a t3 row or group first (t3 rows have dots too), then `row.col` pairs. */
function termOf(id: string): Term {
  const cell = id.includes(':') ? parseCellKey(id) : null;
  if (cell) return { kind: 'cell', ref: cell };
  if (T3_ROWS.has(id)) return { kind: 'row', row: id };
  if (GROUPS.has(id)) return { kind: 'group', group: id };
  if (id.startsWith('sec.')) return { kind: 'section', id };
  if (T4_COLS.has(id)) return { kind: 'cell', ref: { table: 't4', row: 'cases', col: id } };
  const dot = id.indexOf('.');
  if (dot > 0) {
    const [head, tail] = [id.slice(0, dot), id.slice(dot + 1)];
    if (T2_ROWS.has(head) && T2_COLS.has(tail)) return { kind: 'cell', ref: { table: 't2', row: head, col: tail } };
    // a dotted t3 row with its column: denied.stateSecret.naturalPerson
    const last = id.lastIndexOf('.');
    const [row, col] = [id.slice(0, last), id.slice(last + 1)];
    if (T3_ROWS.has(row) && T3_COL_IDS.has(col)) return { kind: 'cell', ref: { table: 't3', row, col } };
  }
  if (T3_COL_IDS.has(id)) return { kind: 'column', table: 't3', col: id };
  if (T2_COLS.has(id)) return { kind: 'column', table: 't2', col: id };
  return { kind: 'word', text: id };
}

/** `a+b+c` (each a term), or `a+b.col`: t3 rows summed within one column. */
function sumOf(expr: string): Term[] {
  const parts = expr.split('+');
  const last = parts.at(-1)!;
  const dot = last.lastIndexOf('.');
  if (parts.length > 1 && dot > 0) {
    const rows = [...parts.slice(0, -1), last.slice(0, dot)];
    const col = last.slice(dot + 1);
    if (rows.every((r) => T3_ROWS.has(r)) && T3_COL_IDS.has(col) && !parts.slice(0, -1).some((p) => termOf(p).kind === 'cell')) return [{ kind: 'rows', rows, col }];
  }
  return parts.map(termOf);
}

/**
 * A param as the rules write it — items separated by `, ` or spaces, each `terms` or `terms=value` — read into
 * terms. A param with no id in it comes back as words.
 */
export function readTerms(param: string): TermItem[] {
  const pieces = param.trim().split(/(,\s*|\s+)/);
  const out: TermItem[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const item = pieces[i]!;
    const sep = pieces[i + 1] ?? '';
    const eq = item.indexOf('=');
    out.push(eq > 0 ? { terms: sumOf(item.slice(0, eq)), value: item.slice(eq + 1), sep } : { terms: sumOf(item), sep });
  }
  return out;
}
