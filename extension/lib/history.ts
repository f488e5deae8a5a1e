// Reports checked in this browser, kept in extension storage on this machine only, so that a report can be compared
// with the same agency's report of the year before (the cross-year rules, spec §7.6). Nothing is sent anywhere.
import { browser } from 'wxt/browser';
import { agencyKey } from '../../core/check';
import { checkPair, joinYearFindings } from './core';
import type { Finding, Report } from '../../core/model/schema';
import { whenIdle } from './next-task';

const INDEX = 'gidar:history';
const PREFIX = 'gidar:report:';
/** the most recently checked reports kept; older ones are forgotten */
export const HISTORY_SIZE = 40;

export interface Remembered {
  url: string;
  title: string;
  checkedAt: string;
  report: Report;
}

type Index = { key: string; at: number }[];

function keyOf(agency: string | null, year: number | null): string | null {
  const a = agencyKey(agency);
  return a && year !== null ? `${PREFIX}${a}:${year}` : null;
}

/** The same agency's report of the year before, if one was checked in this browser (on another page). */
export async function previousYear(report: Report, url: string): Promise<Remembered | null> {
  const key = keyOf(report.agency, report.year === null ? null : report.year - 1);
  if (!key) return null;
  const got = (await browser.storage.local.get(key))[key] as Remembered | undefined;
  return got && got.url !== url ? got : null;
}

/** A report's findings and, when its agency's previous year was checked here, the cross-year ones linking that page. */
export function withPreviousYear(report: Report, findings: Finding[], prev: Remembered | null): Finding[] {
  if (!prev) return findings;
  const pair = checkPair(prev.report, report).map((f) => ({ ...f, params: { ...f.params, previousUrl: prev.url } }));
  return joinYearFindings(findings, pair, report.format);
}

/** Keeps a report that has table cells and a known agency and year; forgets the oldest beyond HISTORY_SIZE. */
export async function remember(report: Report, url: string, title: string): Promise<void> {
  const key = keyOf(report.agency, report.year);
  if (!key || report.cells.length === 0) return;
  const index = (((await browser.storage.local.get(INDEX))[INDEX] as Index | undefined) ?? []).filter((e) => e.key !== key);
  index.push({ key, at: Date.now() });
  const forget = index.splice(0, Math.max(0, index.length - HISTORY_SIZE)).map((e) => e.key);
  const entry: Remembered = { url, title, checkedAt: new Date().toISOString(), report };
  await browser.storage.local.set({ [key]: entry, [INDEX]: index });
  if (forget.length) await browser.storage.local.remove(forget);
}

/** Keeps the reports once the page is idle (storing copies them: a structured clone). */
export function rememberWhenIdle(reports: readonly Report[], url: string, title: string): void {
  void whenIdle(2000, 200).then(() => {
    for (const report of reports) void remember(report, url, title).catch(() => undefined);
  });
}
