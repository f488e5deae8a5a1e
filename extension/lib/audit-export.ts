// The audit record, built in the popup (a secure extension page: crypto.subtle), through core/export/audit. A module
// of its own so that the popup does not carry the other exports (CSV, JSON: exports.ts, in the content script).
import type { Lang } from '../../core/export/labels';
import { auditHtml, auditMarkdown, buildAuditRecord } from '../../core/export/audit';
import type { AuditData, ExportResult } from './messages';

const TOOL = 'gidar-check 0.1.0 (extension)';

/** The audit record (Markdown or HTML) from the data a content script sent; runs in the popup (and the web page, `tool` naming it). */
export async function auditExport(data: AuditData, format: 'audit-md' | 'audit-html', lang: Lang, tool = TOOL): Promise<ExportResult> {
  const checkedAt = new Date(data.checkedAt);
  const records = await Promise.all(data.results.map((r) => buildAuditRecord({ url: r.source ?? data.url, title: data.title, checkedAt, report: r.report, findings: r.findings, tool })));
  let host = 'page';
  try {
    host = new URL(data.url).hostname;
  } catch {
    /* keep the default */
  }
  const year = data.results[0]?.report.year;
  const name = `gidar-${host}${year ? `-${year}` : ''}-audit`;
  if (format === 'audit-md') return { ok: true, filename: `${name}.md`, mime: 'text/markdown;charset=utf-8', text: records.map((rec) => auditMarkdown(rec, lang)).join('\n\n---\n\n') };
  return { ok: true, filename: `${name}.html`, mime: 'text/html;charset=utf-8', text: records.map((rec) => auditHtml(rec, lang)).join('\n') };
}
