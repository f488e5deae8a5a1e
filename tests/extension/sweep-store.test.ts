// The extension's sweep keeps each source as checked alone and joins the years when the results page reads them
// (exports), as its summary rows and `npm run check -- 2023 2024` do — also when the later year arrived first.
// Real documents: Hongze 2023 and the 2024 PDF with 上年结转 printed 3 (tests/sweep/hongze-years.ts).
import { describe, expect, it, vi } from 'vitest';
import { checkPair, sortFindings } from '../../core/check';
import type { SweptSource } from '../../core/sweep/summary';
import { hongzeYears } from '../sweep/hongze-years';

const kept = new Map<string, unknown>();
vi.mock('wxt/browser', () => ({
  browser: {
    storage: {
      local: {
        get: async (keys: string | string[]) => Object.fromEntries([keys].flat().filter((k) => kept.has(k)).map((k) => [k, kept.get(k)])),
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => kept.set(k, v)),
        remove: async (keys: string[]) => void keys.forEach((k) => kept.delete(k)),
      },
    },
  },
}));

const { addSweep, loadSources, saveSweep } = await import('../../extension/lib/sweep-store');
type Rec = Parameters<typeof saveSweep>[0];

function record(id: string, sources: SweptSource[]): Rec {
  return {
    id,
    listUrl: 'http://www.example.gov.cn/ndbg/index.html',
    listTitle: '信息公开年报',
    tabId: null,
    startedAt: '2026-12-07T05:00:00Z',
    finishedAt: null,
    state: 'running',
    links: sources.map((s) => ({ url: s.source, title: s.source })),
    rows: sources.map(() => null),
  };
}

const findingsOf = async (rec: Rec) => JSON.parse(JSON.stringify((await loadSources(rec)).map((s) => s.reports[0]!.findings))) as unknown;

describe('loadSources', () => {
  it('joins Hongze 2024 (arrived first) with 2023 (arrived next) as npm run check does; a sweep kept with the pair appended too', async () => {
    const { y2023, y2024, cli } = await hongzeYears();
    const rec = record('years', [y2024, y2023]);
    await addSweep(rec);
    // 2024 arrives and is kept; then 2023
    rec.rows[0] = {} as Rec['rows'][number];
    await saveSweep(rec, { index: 0, value: y2024 });
    expect(await findingsOf(rec)).toEqual([JSON.parse(JSON.stringify(y2024.reports[0]!.findings))]);
    rec.rows[1] = {} as Rec['rows'][number];
    await saveSweep(rec, { index: 1, value: y2023 });
    expect(await findingsOf(rec)).toEqual([cli.y2024, cli.y2023]);

    // an earlier version kept 2024 with the cross-year findings appended, undecided
    const old = record('old', [y2024, y2023]);
    await addSweep(old);
    old.rows = [{} as Rec['rows'][number], {} as Rec['rows'][number]];
    const appended = sortFindings([...y2024.reports[0]!.findings, ...checkPair(y2023.reports[0]!.report, y2024.reports[0]!.report)]);
    await saveSweep(old, { index: 0, value: { ...y2024, reports: [{ ...y2024.reports[0]!, findings: appended }] } });
    await saveSweep(old, { index: 1, value: y2023 });
    expect(await findingsOf(old)).toEqual([cli.y2024, cli.y2023]);
  }, 30_000);
});
