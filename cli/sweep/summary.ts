// The sweep's summary: one row per source (the --csv columns) and the table printed at the end.
import Table from 'cli-table3';
import type { SummaryRow as CoreSummaryRow } from '../../core/sweep/summary';
import type { SweepStore } from './store';

export { SUMMARY_COLUMNS } from '../../core/sweep/summary';

/** core's summary row, with the source's id in the database */
export interface SummaryRow extends CoreSummaryRow {
  source_id: number;
}

/**
 * The summary rows of the given sources (those stored), in the order of `sources` (the order they were found, not
 * the order concurrent fetches happened to finish: the same sweep writes the same CSV): one pass over the view.
 */
export function summaryRows(store: SweepStore, sources: readonly string[]): SummaryRow[] {
  const position = new Map(sources.map((s, i) => [s, i]));
  const rows: SummaryRow[] = [];
  for (const r of store.db.prepare('SELECT * FROM summary').iterate() as Iterable<SummaryRow>) if (position.has(r.source)) rows.push(r);
  return rows.sort((a, b) => position.get(a.source)! - position.get(b.source)!);
}

const MAX_ROWS = 40;

function short(s: string, n: number): string {
  return s.length <= n ? s : `…${s.slice(s.length - n + 1)}`;
}

/** The table at the end of a sweep: totals, then the reports with errors and the failures first (at most 40 rows). */
export function renderSweepSummary(rows: readonly SummaryRow[], ctx: { db: string; stored: number; done: number }): string {
  const failed = rows.filter((r) => r.fetch !== 'ok');
  const withErrors = rows.filter((r) => r.fetch === 'ok' && r.errors > 0);
  const clean = rows.filter((r) => r.fetch === 'ok' && r.errors === 0);
  const table = new Table({
    head: ['来源 source', '机关 agency', '年度', '错误', '警告', '待核', '通过', '结果 fetch'],
    style: { head: [], border: [], compact: true },
    wordWrap: true,
    colWidths: [42, 24, 6, 6, 6, 6, 6, 30],
  });
  const shown = [...withErrors, ...failed, ...clean].slice(0, MAX_ROWS);
  for (const r of shown)
    table.push([short(r.source, 40), r.agency ?? '', r.year ?? '', r.errors, r.warnings, r.needs_review, r.passed, r.fetch === 'ok' ? 'ok' : r.fetch]);
  const out = [
    `gidar-check sweep: ${rows.length} source(s): ${rows.length - failed.length} checked (${withErrors.length} with errors), ${failed.length} failed; ` +
      `${ctx.done} checked in this run, ${ctx.stored} already in ${ctx.db}`,
    table.toString(),
  ];
  if (rows.length > shown.length) out.push(`… ${rows.length - shown.length} more row(s): --csv FILE writes all of them.`);
  return out.join('\n') + '\n';
}
