// One table as a TSV grid with labels, for the clipboard (pastes into Excel/WPS as rows × columns).
import type { Cell, Report, TableId } from '../model/schema';
import { collapsedGroups, t3RowDefs, templateFor } from '../model/templates';
import { colLabel, rowLabel, templateFormat } from './labels';

/** Tabs and line breaks inside a cell would split it; the clipboard grid has no quoting. */
function clean(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ');
}

/** A number pastes as a number; a blank stays empty; placeholders and text keep their printed form. */
function shown(c: Cell | undefined): string {
  if (!c) return '';
  return c.value !== null ? String(c.value) : clean(c.raw);
}

/**
 * Rows in template order (then any other row ids the report has), columns likewise. Table 二 is a stack
 * of sub-tables with different columns, so each sub-table gets its caption, header line and rows.
 */
export function tableTsv(report: Pick<Report, 'format' | 'cells'>, table: TableId): string {
  const cells = report.cells.filter((c) => c.table === table);
  const at = new Map(cells.map((c) => [`${c.row}\u0000${c.col}`, c]));
  const tpl = templateFor(table, templateFormat(report.format));
  const lines: string[][] = [];

  const order = (ids: string[], seen: string[]): string[] => [
    ...ids.filter((id) => seen.includes(id)),
    ...seen.filter((id) => !ids.includes(id)),
  ];
  const uniq = (xs: string[]): string[] => [...new Set(xs)];

  const grid = (rows: string[], cols: string[]): void => {
    lines.push(['', ...cols.map((c) => clean(colLabel(table, report.format, c)))]);
    for (const r of rows)
      lines.push([clean(table === 't4' ? '' : rowLabel(table, report.format, r)), ...cols.map((c) => shown(at.get(`${r}\u0000${c}`)))]);
  };

  if (tpl.subTables) {
    const covered = new Set<string>();
    for (const sub of tpl.subTables) {
      const rows = sub.rows.map((r) => r.id).filter((r) => cells.some((c) => c.row === r));
      if (rows.length === 0) continue;
      const cols = sub.cols.map((c) => c.id);
      lines.push([clean(sub.caption)]);
      grid(rows, cols);
      for (const r of rows) for (const c of cols) covered.add(`${r}\u0000${c}`);
    }
    // Cells outside every sub-table (a format the template does not describe) are not dropped silently.
    const rest = cells.filter((c) => !covered.has(`${c.row}\u0000${c.col}`));
    if (rest.length > 0) grid(uniq(rest.map((c) => c.row)), uniq(rest.map((c) => c.col)));
  } else {
    const seen = uniq(cells.map((c) => c.row));
    // a 表三 group printed as one row stands where its sub-rows would
    const tplRows = table === 't3' ? t3RowDefs(templateFormat(report.format), collapsedGroups(seen)) : tpl.rows;
    const rows = order(
      tplRows.map((r) => r.id),
      seen,
    );
    const cols = order(
      tpl.cols.map((c) => c.id),
      uniq(cells.map((c) => c.col)),
    );
    if (rows.length > 0) grid(rows, cols);
  }
  return lines.map((l) => l.join('\t')).join('\n') + (lines.length ? '\n' : '');
}
