// "Check the reports listed on this page": what is kept in extension storage, so that the results page can show a
// sweep while it runs and after (closed and opened again). The summary rows and, per source, its reports and
// findings (the cells CSV and the JSON need them); the last MAX_SWEEPS sweeps only, so storage.local stays small.
import { browser } from 'wxt/browser';
import type { SummaryRow, SweptSource } from '../../core/sweep/summary';

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

/** The sources checked so far, in link order (the cells CSV and the JSON). */
export async function loadSources(rec: SweepRecord): Promise<SweptSource[]> {
  const keys = rec.rows.flatMap((r, i) => (r ? [sourceKey(rec.id, i)] : []));
  const got = keys.length ? await browser.storage.local.get(keys) : {};
  return keys.map((k) => got[k] as SweptSource | undefined).filter((s): s is SweptSource => !!s);
}

/** A new sweep is listed; the oldest beyond MAX_SWEEPS are dropped with their sources. */
export async function addSweep(rec: SweepRecord): Promise<void> {
  const ids = [...(await sweepIds()).filter((i) => i !== rec.id), rec.id];
  const dropped = ids.splice(0, Math.max(0, ids.length - MAX_SWEEPS));
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

export async function saveSweep(rec: SweepRecord, source?: { index: number; value: SweptSource }): Promise<void> {
  await browser.storage.local.set({ [sweepKey(rec.id)]: rec, ...(source ? { [sourceKey(rec.id, source.index)]: source.value } : {}) });
}
