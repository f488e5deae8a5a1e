// The web page's exports: the extension's (core/export through extension/lib/exports.ts and audit-export.ts), named
// after the file checked, and handed to the browser as a download. Nothing leaves the machine.
import { exportPage } from '../extension/lib/exports';
import { auditExport } from '../extension/lib/audit-export';
import type { Lang } from '../extension/ui/strings';
import type { Loaded } from './read';

export type WebExport = 'csv' | 'json' | 'audit-md' | 'audit-html';

const TOOL = 'gidar-check 0.1.0 (web)';
const EXT: Record<WebExport, string> = { csv: '.csv', json: '.json', 'audit-md': '-audit.md', 'audit-html': '-audit.html' };

/** `gidar-<file name without extension>[-<year>]`, with what a file name cannot hold replaced. */
export function exportName(loaded: Loaded, format: WebExport): string {
  const stem = loaded.source.replace(/\.[A-Za-z0-9]{1,8}$/, '').replace(/[\\/:*?"<>|\s]+/g, '_') || 'report';
  const year = loaded.page.reports[0]?.rr.report.year;
  return `gidar-${stem}${year && !stem.includes(String(year)) ? `-${year}` : ''}${EXT[format]}`;
}

export async function exportLoaded(loaded: Loaded, format: WebExport, lang: Lang): Promise<{ filename: string; mime: string; text: string }> {
  let res = await exportPage(loaded.page, format, { url: loaded.source, title: loaded.title ?? '', lang });
  if (res.ok && res.audit && (format === 'audit-md' || format === 'audit-html')) res = await auditExport(res.audit, format, lang, TOOL);
  if (!res.ok || res.text === undefined || !res.mime) throw new Error(res.error ?? `${format}: nothing to export`);
  return { filename: exportName(loaded, format), mime: res.mime, text: res.text };
}

/** A download of `text` as `filename` (a Blob behind an <a download> link). */
export function download(doc: Document, file: { filename: string; mime: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.hidden = true;
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
