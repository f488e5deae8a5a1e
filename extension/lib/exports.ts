// Exports, all through core/export: the extension formats nothing itself. (The audit record: audit-export.ts.)
import type { Report, TableId } from '../../core/model/schema';
import { toCsvBySource } from '../../core/export/csv';
import { toContract } from '../../core/export/json';
import { tableTsv } from '../../core/export/tsv';
import type { Lang } from '../../core/export/labels';
import type { ExportFormat, ExportResult } from './messages';
import type { CheckedPage } from './model';

function baseName(page: CheckedPage, url: string): string {
  const r = page.reports[0]?.rr.report;
  let host = 'page';
  try {
    host = new URL(url).hostname;
  } catch {
    /* about:blank frames */
  }
  return `gidar-${host}${r?.year ? `-${r.year}` : ''}`;
}

export async function exportPage(page: CheckedPage, format: ExportFormat, opts: { url: string; title: string; lang: Lang; table?: TableId }): Promise<ExportResult> {
  if (!page.reports.length) return { ok: false, error: 'no report on this page' };
  const reports = page.reports.map((r) => r.rr.report);
  const name = baseName(page, opts.url);
  switch (format) {
    case 'csv':
      return { ok: true, filename: `${name}.csv`, mime: 'text/csv;charset=utf-8', text: toCsvBySource(bySource(page, opts.url)) };
    case 'json':
      return {
        ok: true,
        filename: `${name}.json`,
        mime: 'application/json',
        text:
          JSON.stringify(
            toContract(
              opts.url,
              page.reports.map((r) => ({ report: r.rr.report, findings: r.findings, ...(r.source ? { source: r.source } : {}) })),
            ),
            null,
            2,
          ) + '\n',
      };
    case 'tsv': {
      const table = opts.table ?? 't3';
      const r = reports.find((x) => x.tablesFound.includes(table));
      if (!r) return { ok: false, error: `table ${table} not found` };
      return { ok: true, filename: `${name}-${table}.tsv`, mime: 'text/tab-separated-values', text: tableTsv(r, table) };
    }
    case 'audit-md':
    case 'audit-html':
      // SHA-256 needs crypto.subtle, which http pages (most gov.cn sites) do not offer the content script:
      // the popup (a secure extension page) builds the record from this data.
      return {
        ok: true,
        audit: {
          url: opts.url,
          title: opts.title,
          checkedAt: new Date().toISOString(),
          results: page.reports.map((r) => ({ report: r.rr.report, findings: r.findings, ...(r.source ? { source: r.source } : {}) })),
        },
      };
  }
}

/** The page's reports grouped by where they were read from, in page order: the page itself, then each PDF. */
function bySource(page: CheckedPage, url: string): { source: string; reports: Report[] }[] {
  const groups: { source: string; reports: Report[] }[] = [];
  for (const r of page.reports) {
    const source = r.source ?? url;
    const last = groups[groups.length - 1];
    if (last?.source === source) last.reports.push(r.rr.report);
    else groups.push({ source, reports: [r.rr.report] });
  }
  return groups;
}
