// "Check the reports listed on this page": a gov.cn list page of four real reports (three HTML pages and the Hongze
// 2023 page whose tables are only in its PDF attachment, with two misprinted 表四 totals, MANIFEST hand check) →
// the popup's offer → the results page, checked against the sweep command run on the same pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { launch, popupDownloads, ROOT, type Session } from './harness';
import {
  clickSweep as clickSweepButton,
  failingRules,
  GOV_HOST,
  HONGZE_PDF,
  LIST,
  LIST_WIDE,
  openPopup as openSweepPopup,
  OTHER_GOV_HOST,
  OTHER_REPORT,
  REPORTS,
  SweepSite,
} from './sweep-site';

const site = new SweepSite(false);
const HONGZE = site.url(GOV_HOST, REPORTS[2]![0]);
let session: Session;
const SHOTS = join(ROOT, 'docs/screenshots');

beforeAll(async () => {
  await site.start();
  session = await launch(site.port);
});
afterAll(async () => {
  await session?.close();
  site.close();
});

const openPopup = (path = LIST) => openSweepPopup(session, site.url(GOV_HOST, path));
const clickSweep = (button: Locator) => clickSweepButton(session, button);

describe('check the reports listed on a page', () => {
  let resultsUrl = '';
  let summaryCsv = '';

  it('offers the N listed reports, fetches nothing before the click, then shows one row per report with the PDF report’s errors', async () => {
    const from = site.requests.length;
    const { list, popup, button, logged } = await openPopup();
    expect(await button.getAttribute('data-count')).toBe('4');
    expect(await button.textContent()).toBe('检查本页列出的 4 份年报');
    await new Promise((r) => setTimeout(r, 500));
    // the popup has looked at the page: still only the list page itself was requested
    expect(site.since(from)).toEqual([`${GOV_HOST}${LIST}`]);
    await popup.setViewportSize({ width: 340, height: 200 });
    await popup.screenshot({ path: join(SHOTS, 'extension-sweep-popup.png') });

    const results = await clickSweep(button);
    resultsUrl = results.url();
    await results.locator('main[data-state="done"]').waitFor({ timeout: 90_000 });
    const rows = results.locator('tbody tr');
    expect(await rows.count()).toBe(4);
    const hongze = results.locator(`tbody tr[data-source="${HONGZE}"]`);
    expect(await hongze.getAttribute('class')).toBe('has-errors');
    expect(await hongze.locator('td.errors').textContent()).toBe('2');
    // the other three are clean pages (MANIFEST: no failing error in them)
    expect(await results.locator('tbody tr.has-errors').count()).toBe(1);
    expect(await results.locator('tbody tr.failed').count()).toBe(0);
    // each row links to the report's page, where the in-place annotation takes over
    expect(await hongze.locator('a').getAttribute('href')).toBe(HONGZE);
    // each report page and the PDF once, through the extension; nothing else
    expect(site.since(from + 1)).toEqual([...REPORTS.map(([p]) => p), HONGZE_PDF].map((p) => `${GOV_HOST}${p}`).sort());
    expect(logged.errors.filter((e) => !e.includes('/favicon.ico'))).toEqual([]);
    // the sweep command's politeness: one host, each request started at least 500 ms after the one before. Seen from
    // the server, a busy machine can delay any request's arrival, the first's too (by 140 ms in a loaded run), so the
    // bound is on the whole run and leaves one gap for that: the last arrives ≥ 3 × 500 ms after the first (without
    // the delay, two at a time, all five arrive within a few hundred ms)
    const times = site.requests.slice(from + 1).map((r) => r.at);
    expect(times.length).toBe(5);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(3 * 500);

    // sorted by errors (most first): Hongze on top
    await results.locator('[data-sort="errors"]').click();
    expect(await rows.first().getAttribute('data-source')).toBe(HONGZE);

    const download = await popupDownloads(results);
    summaryCsv = await download('summary-csv');
    const cells = await download('cells-csv');
    expect(failingRules(await download('json'), HONGZE)).toEqual(['t4.litAfterReviewSum', 't4.reviewSum']);

    await results.setViewportSize({ width: 1280, height: 520 });
    await results.screenshot({ path: join(SHOTS, 'extension-sweep.png'), fullPage: true });

    // the sweep command on the same pages writes the same two CSVs
    const cli = await site.cliSweep(LIST);
    expect(summaryCsv).toBe(cli.summary);
    expect(cells).toBe(cli.cells);
    await Promise.all([list.close(), popup.close(), results.close()]);
  }, 180_000);

  it('keeps the results: the results page closed and opened again shows the same rows and exports', async () => {
    expect(resultsUrl).toContain('results.html?id=');
    const again = await session.context.newPage();
    await again.goto(resultsUrl);
    await again.locator('main[data-state="done"]').waitFor({ timeout: 10_000 });
    expect(await again.locator('tbody tr').count()).toBe(4);
    const download = await popupDownloads(again);
    expect(await download('summary-csv')).toBe(summaryCsv);
    // the four reports with their cells and findings, gzip'd: a small part of storage.local's 10 MB. Apart from them
    // the history of checked reports (gidar:report:*, at most HISTORY_SIZE), which keeps the swept ones too
    const used = await session.worker.evaluate(async () => {
      const local = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>>; getBytesInUse(k: string[]): Promise<number> } } };
        }
      ).chrome.storage.local;
      const keys = Object.keys(await local.get(null));
      const history = keys.filter((k) => k === 'gidar:history' || k.startsWith('gidar:report:'));
      return { sweeps: await local.getBytesInUse(keys.filter((k) => k.startsWith('gidar:sweep'))), history: history.length };
    });
    expect(used.sweeps).toBeLessThan(200 * 1024);
    // the index and the four reports (each agency and year once)
    expect(used.history).toBe(1 + 4);
    // without an id: the latest sweep
    await again.goto(resultsUrl.replace(/\?.*$/, ''));
    await again.locator('main[data-state="done"]').waitFor({ timeout: 10_000 });
    expect(await again.locator('tbody tr').count()).toBe(4);
    await again.close();
  });

  it('cancels: no report is fetched after the cancel, the rows not checked say so', async () => {
    site.slowMs = 3000;
    try {
      const { list, popup, button } = await openPopup();
      const results = await clickSweep(button);
      const before = site.requests.length;
      await results.locator('[data-action="cancel"]').click();
      await results.locator('main[data-state="cancelled"]').waitFor({ timeout: 10_000 });
      const atCancel = site.requests.length;
      await new Promise((r) => setTimeout(r, 4000));
      // requests already on the wire may end; no new one starts
      expect(site.requests.length).toBe(atCancel);
      expect(atCancel - before).toBeLessThanOrEqual(2);
      expect(await results.locator('tbody tr').count()).toBe(4);
      expect(await results.locator('tbody tr.waiting').count()).toBe(4);
      await Promise.all([list.close(), popup.close(), results.close()]);
    } finally {
      site.slowMs = 0;
    }
  }, 60_000);

  it('a sweep whose list tab is closed stops, and its results page says so', async () => {
    site.slowMs = 3000;
    try {
      const { list, popup, button } = await openPopup();
      const results = await clickSweep(button);
      await results.locator('main[data-state="running"]').waitFor({ timeout: 10_000 });
      await list.close();
      await results.locator('main[data-state="cancelled"]').waitFor({ timeout: 15_000 });
      expect(await results.locator('[data-action="cancel"]').count()).toBe(0);
      await Promise.all([popup.close(), results.close()]);
    } finally {
      site.slowMs = 0;
    }
  }, 60_000);

  // Headless Chromium never answers the permission prompt (and no switch or DevTools method does: the prompt is not
  // plumbed to DevTools, chrome.developerPrivate grants withheld hosts only), so the grant is tested in Firefox
  // (firefox-sweep.test.ts). Here: the prompt left open, and "skip".
  it('a report on another gov.cn host: the results page asks for exactly that host; unanswered it waits, a cancel ends the sweep at once', async () => {
    const from = site.requests.length;
    const { list, popup, button } = await openPopup(LIST_WIDE);
    expect(await button.textContent()).toBe('检查本页列出的 5 份年报');
    expect(await popup.locator('.sweep .meta').textContent()).toBe(`其中部分在其他网站（${OTHER_GOV_HOST}），结果页将请求访问权限。`);
    const results = await clickSweep(button);
    const other = results.locator(`tbody tr[data-source="${site.url(OTHER_GOV_HOST, OTHER_REPORT[0])}"]`);
    // the four on the list's host are checked; the other host's report waits for the user's answer
    await results.locator('.progress[data-done="4"]').waitFor({ timeout: 60_000 });
    expect(await results.locator('main').getAttribute('data-state')).toBe('running');
    expect(await other.locator('td.fetch').textContent()).toBe('等待授权');
    await results.setViewportSize({ width: 1280, height: 560 });
    await results.screenshot({ path: join(SHOTS, 'extension-sweep-other-host.png'), fullPage: true });
    // the request the click makes, seen on its way to the browser (which then opens its prompt)
    await results.evaluate(() => {
      const w = window as unknown as { __asked: unknown[] };
      w.__asked = [];
      const p = (globalThis as unknown as { chrome: { permissions: { request(x: unknown): Promise<boolean> } } }).chrome.permissions;
      const request = p.request.bind(p);
      p.request = (perms: unknown) => {
        w.__asked.push(perms);
        return request(perms);
      };
    });
    await results.locator('[data-action="allow-hosts"]').click();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await results.evaluate(() => (window as unknown as { __asked: unknown[] }).__asked)).toEqual([{ origins: [`*://${OTHER_GOV_HOST}/*`] }]);
    expect(await results.locator('main').getAttribute('data-state')).toBe('running');
    const cancelled = Date.now();
    await results.locator('[data-action="cancel"]').click();
    await results.locator('main[data-state="cancelled"]').waitFor({ timeout: 10_000 });
    expect(Date.now() - cancelled).toBeLessThan(5000);
    expect(await other.locator('td.fetch').textContent()).toBe('已取消');
    expect(await results.locator('.ask').count()).toBe(0);
    expect(site.since(from).filter((r) => r.startsWith(OTHER_GOV_HOST))).toEqual([]);
    await Promise.all([list.close(), popup.close(), results.close()]);
  }, 90_000);

  it('a report on another gov.cn host, skipped: its row says it was not permitted, the rest are checked', async () => {
    const from = site.requests.length;
    const { list, button } = await openPopup(LIST_WIDE);
    const results = await clickSweep(button);
    await results.locator('[data-action="skip-hosts"]').click();
    await results.locator('main[data-state="done"]').waitFor({ timeout: 90_000 });
    const otherUrl = site.url(OTHER_GOV_HOST, OTHER_REPORT[0]);
    const other = results.locator(`tbody tr[data-source="${otherUrl}"]`);
    expect(await other.getAttribute('class')).toBe('failed');
    expect(await other.locator('td.fetch').textContent()).toBe(`on another host, not permitted: ${otherUrl}`);
    expect(await results.locator(`tbody tr[data-source="${HONGZE}"] td.errors`).textContent()).toBe('2');
    expect(await results.locator('tbody tr.clean').count()).toBe(3);
    // nothing asked of the other host
    expect(site.since(from)).toEqual([LIST_WIDE, ...REPORTS.map(([p]) => p), HONGZE_PDF].map((p) => `${GOV_HOST}${p}`).sort());
    await Promise.all([list.close(), results.close()]);
  }, 120_000);
});
