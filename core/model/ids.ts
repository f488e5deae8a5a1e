// Cell addressing helpers (spec §0: `table:row:col`).
import type { Cell, CellRef, Report, TableId } from './schema';

export function cellKey(ref: { table: TableId; row: string; col: string }): string {
  return `${ref.table}:${ref.row}:${ref.col}`;
}

export function parseCellKey(key: string): CellRef | null {
  const m = /^(t[234]):([^:]+):([^:]+)$/.exec(key);
  return m ? { table: m[1] as TableId, row: m[2]!, col: m[3]! } : null;
}

/** Index of a report's cells by `table:row:col`. */
export function cellIndex(report: Pick<Report, 'cells'>): Map<string, Cell> {
  return new Map(report.cells.map((c) => [cellKey(c), c]));
}
