// Shared pieces of the text readers (text-grid.ts for tables with cell separators, text-flat.ts for run-together text).
import type { Cell, CellKind, ExtraRow, ReadNote, TableId } from '../model/schema';
import { T3_COLS, T4_BLOCKS, T4_OUTCOMES, templateFor, type LabelDef, type TemplateFormat } from '../model/templates';

export interface TextPart {
  cells: Cell[];
  notes: ReadNote[];
  /** tables whose place in the text was found (even when no cell could be read) */
  located: Set<TableId>;
  /** rows kept outside the template (a group heading printed with values beside its sub-rows) */
  extras: ExtraRow[];
  /** tables whose rows' value cells all stood under header labels naming their columns (Report.columnsByHeader) */
  columnsByHeader: TableId[];
}

export type Pos = (offset: number) => { line: number; column: number };

export function emptyPart(): TextPart {
  return { cells: [], notes: [], located: new Set(), extras: [], columnsByHeader: [] };
}

export function makeCell(
  table: TableId,
  row: string,
  col: string,
  raw: string,
  value: number | null,
  kind: CellKind,
  offset: number,
  pos: Pos,
  unit?: string,
): Cell {
  const { line, column } = pos(offset);
  return { table, row, col, raw, value, kind, ...(unit ? { unit } : {}), source: { type: 'text', line, column } };
}

export const T3_COL_IDS: readonly string[] = T3_COLS.map((c) => c.id);
export const T4_COL_IDS: readonly string[] = T4_BLOCKS.flatMap((b) => T4_OUTCOMES.map((o) => `${b.id}.${o.id}`));

export function t3Rows(fmt: TemplateFormat): readonly LabelDef[] {
  return templateFor('t3', fmt).rows;
}

/** t2 rows in printed order, each with the columns of its sub-table. */
export function t2Rows(fmt: TemplateFormat): { def: LabelDef; cols: readonly LabelDef[]; sub: string }[] {
  const t = templateFor('t2', fmt);
  return (t.subTables ?? []).flatMap((s) => s.rows.map((def) => ({ def, cols: s.cols, sub: s.id })));
}

/** all t2 column definitions of a format (for header lines) */
export function t2Cols(fmt: TemplateFormat): LabelDef[] {
  const t = templateFor('t2', fmt);
  const seen = new Set<string>();
  const out: LabelDef[] = [];
  for (const s of t.subTables ?? [])
    for (const c of s.cols)
      if (!seen.has(c.id)) {
        seen.add(c.id);
        out.push(c);
      }
  return out;
}

/** columns whose printed values may carry a sign (F2019 本年增/减) */
export function signedCol(col: string): boolean {
  return col === 'itemsDelta';
}

export const T3_GROUP_WORDS = ['不予公开', '无法提供', '不予处理', '其他处理', '本年度办理结果'];
