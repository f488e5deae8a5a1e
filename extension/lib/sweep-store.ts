// "Check the reports listed on this page": what is kept in extension storage, so that the results page can show a
// sweep while it runs and after (closed and opened again). The summary rows and, per source, its reports and
// findings (the cells CSV and the JSON need them), gzip'd (a checked report's JSON is up to ~200 KB, its gzip a
// tenth of that); the last MAX_SWEEPS sweeps only, so storage.local (10 MB without unlimitedStorage) stays small.
import { browser } from 'wxt/browser';
import { withCrossYear, type SummaryRow, type SweptSource } from '../../core/sweep/summary';

export const SWEEPS_KEY = 'gidar:sweeps';
export const MAX_SWEEPS = 5;

export interface SweepLink {
  url: string;
  title: string;
}

export interface SweepRecord {
  id: string;
  listUrl: string;
  listTitle: string;
  /** the tab the sweep runs in (its content script fetches); cancelling asks it */
  tabId: number | null;
  startedAt: string;
  finishedAt: string | null;
  state: 'running' | 'done' | 'cancelled';
  links: SweepLink[];
  /** one per link, in link order; null while the link is not checked yet (or was not, when cancelled) */
  rows: (SummaryRow | null)[];
  /** the other gov.cn hosts whose listed reports wait for the user's answer to the results page's request */
  awaiting?: string[];
}

export const sweepKey = (id: string): string => `gidar:sweep:${id}`;
export const sourceKey = (id: string, i: number): string => `gidar:sweep:${id}:${i}`;

export async function sweepIds(): Promise<string[]> {
  const got = await browser.storage.local.get(SWEEPS_KEY);
  return (got[SWEEPS_KEY] as string[] | undefined) ?? [];
}

export async function loadSweep(id: string): Promise<SweepRecord | null> {
  const got = await browser.storage.local.get(sweepKey(id));
  return (got[sweepKey(id)] as SweepRecord | undefined) ?? null;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function base64ToBytes(b64: string): Uint8Array {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

async function gzipJson(value: unknown): Promise<string> {
  const stream = new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream('gzip'));
  return bytesToBase64(new Uint8Array(await new Response(stream).arrayBuffer()));
}

async function gunzipJson<T>(b64: string): Promise<T> {
  const stream = new Blob([base64ToBytes(b64) as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text()) as T;
}

/**
 * The sources checked so far, in link order (the cells CSV and the JSON), joined as the summary rows are
 * (withCrossYear): each is kept as checked alone, so that a year that arrives after the next one joins with it just
 * as in `npm run check` given both.
 */
export async function loadSources(rec: SweepRecord): Promise<SweptSource[]> {
  const keys = rec.rows.flatMap((r, i) => (r ? [sourceKey(rec.id, i)] : []));
  const got = keys.length ? await browser.storage.local.get(keys) : {};
  const packed = keys.map((k) => got[k] as string | undefined).filter((s): s is string => typeof s === 'string');
  const sources = await Promise.all(packed.map((s) => gunzipJson<SweptSource>(s)));
  // a sweep kept by an earlier version holds the cross-year findings (xy.*) appended: without them, as checked alone
  const alone = (s: SweptSource): SweptSource => ({ ...s, reports: s.reports.map((r) => ({ ...r, findings: r.findings.filter((f) => !f.rule.startsWith('xy.')) })) });
  return withCrossYear(sources.map(alone));
}

/** A new sweep is listed; the oldest beyond `keep` are dropped with their sources. */
export async function addSweep(rec: SweepRecord, keep = MAX_SWEEPS): Promise<void> {
  const ids = [...(await sweepIds()).filter((i) => i !== rec.id), rec.id];
  const dropped = ids.splice(0, Math.max(0, ids.length - keep));
  if (dropped.length) {
    const old = await browser.storage.local.get(dropped.map(sweepKey));
    const keys = dropped.flatMap((id) => {
      const r = old[sweepKey(id)] as SweepRecord | undefined;
      return [sweepKey(id), ...(r?.links.map((_, i) => sourceKey(id, i)) ?? [])];
    });
    await browser.storage.local.remove(keys);
  }
  await browser.storage.local.set({ [SWEEPS_KEY]: ids, [sweepKey(rec.id)]: rec });
}

/** The sweep's record, with one more source; storage full: the earlier sweeps make room, once. */
export async function saveSweep(rec: SweepRecord, source?: { index: number; value: SweptSource }): Promise<void> {
  const items = { [sweepKey(rec.id)]: rec, ...(source ? { [sourceKey(rec.id, source.index)]: await gzipJson(source.value) } : {}) };
  try {
    await browser.storage.local.set(items);
  } catch {
    await addSweep(rec, 1);
    await browser.storage.local.set(items);
  }
}
