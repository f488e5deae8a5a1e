// "Check the reports listed on this page" in Firefox (firefox-mv2 in firefox-esr, over WebDriver BiDi), on the test
// site of tests/e2e/sweep-site.ts: a list page on www.example.gov.cn with four reports there and one on another
// gov.cn host. The results page asks for that host (optional_permissions); Firefox's own permission prompt opens and
// the test presses its buttons (through Firefox's chrome, which --remote-allow-system-access lets BiDi reach), as a
// user would. Granted, the background fetches the report; declined, its row says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { extensionErrors, FIREFOX_EXT_ORIGIN, launchFirefox, ours, popupDownloads, ROOT, visit } from './harness';
import { failingRules, GOV_HOST, HONGZE_PDF, LIST, LIST_WIDE, listTabId, newestListTab, OTHER_GOV_HOST, OTHER_REPORT, REPORTS, SweepSite } from './sweep-site';

/** the `browser` global of an extension page (evaluated there, typed here) */
type Ext = typeof import('wxt/browser').browser;

const site = new SweepSite(true);
let browser: Browser | undefined;
/** Firefox with the extension installed; each test awaits it, so that a missing browser fails every test by name. */
let started: Promise<Browser>;
const SHOTS = join(ROOT, 'docs/screenshots');
/** the other host's pattern, as the results page asks for it */
const OTHER_PATTERN = `*://${OTHER_GOV_HOST}/*`;

beforeAll(() => {
  started = (async () => {
    await site.start();
    browser = await launchFirefox();
    return browser;
  })();
  started.catch(() => undefined); // reported by the tests that await it
});
afterAll(async () => {
  await browser?.close();
  site.close();
});

/**
 * A page of the extension at `path`. BiDi reports no end of a navigation to a moz-extension: page (the page keeps
 * about:blank as its URL): its document is waited for instead.
 */
async function extensionPage(path: string): Promise<Page> {
  const page = await (await started).newPage();
  const url = `${FIREFOX_EXT_ORIGIN}${path}`;
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  for (let i = 0; i < 100; i++) {
    if (await page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false)) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not load`);
}

/** The tab showing the list page, asked from an extension page. */
async function listTab(): Promise<number> {
  const ext = await extensionPage('/results.html');
  try {
    return await listTabId(() => ext.evaluate(newestListTab));
  } finally {
    await ext.close();
  }
}

/** Evaluates `expression` in Firefox's browser window (chrome://browser/content/browser.xhtml), awaiting its promise. */
async function inChrome(expression: string): Promise<unknown> {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: any }> } }).connection; // eslint-disable-line @typescript-eslint/no-explicit-any
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = (tree.result.contexts as { context: string; url: string }[]).find(
    (c) => c.url === 'chrome://browser/content/browser.xhtml',
  )!.context;
  const got = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
  if (got.result.type !== 'success')
    throw new Error(`in Firefox's chrome: ${JSON.stringify(got.result.exceptionDetails?.text ?? got.result)}`);
  return got.result.result.value;
}

/**
 * Firefox's prompt for the extension's optional permissions (the doorhanger "addon-webext-permissions"), once it is
 * open: its text, then `allow` or not pressed.
 */
async function answerPrompt(allow: boolean): Promise<string> {
  return (await inChrome(`(async () => {
    for (let i = 0; i < 200; i++) {
      const n = PopupNotifications.panel.state === 'open' ? PopupNotifications.panel.firstElementChild : null;
      if (n?.getAttribute('popupid') === 'addon-webext-permissions') {
        const text = n.textContent.replace(/\\s+/g, ' ').trim();
        (${allow} ? n.button : n.secondaryButton).click();
        return text;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no permission prompt: ' + PopupNotifications.panel.state);
  })()`)) as string;
}

/** The host patterns the extension holds now (beyond its manifest's). */
async function grantedOrigins(): Promise<string[]> {
  const ext = await extensionPage('/results.html');
  try {
    return await ext.evaluate(async () =>
      ((await (globalThis as unknown as { browser: Ext }).browser.permissions.getAll()).origins ?? []).sort(),
    );
  } finally {
    await ext.close();
  }
}

/** The list page opened and the popup (as a page) on it, showing its sweep button. */
async function openPopup(path: string): Promise<{ list: Page; popup: Page; errors: () => string[] }> {
  const b = await started;
  const list = await b.newPage();
  const errors = extensionErrors(list);
  await visit(list, site.url(GOV_HOST, path));
  const tabId = await listTab();
  const popup = await extensionPage(`/popup.html?tab=${tabId}`);
  const popupErrors = extensionErrors(popup);
  await popup.waitForSelector('[data-action="sweep"]', { timeout: 10_000 });
  return { list, popup, errors: () => [...errors, ...popupErrors] };
}

/** The sweep button clicked (a real click: Firefox honours permissions.request only in one): the results page. */
async function clickSweep(popup: Page): Promise<Page> {
  const b = await started;
  await popup.click('[data-action="sweep"]');
  // the tab the popup opened, known by its document's address (its target's URL stays about:blank over BiDi)
  for (let i = 0; i < 100; i++) {
    for (const page of await b.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${FIREFOX_EXT_ORIGIN}/results.html?id=`) && !opened.has(href)) {
        opened.add(href);
        await page.waitForSelector('main[data-state]', { timeout: 10_000 });
        return page;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no results page opened');
}
/** the results pages seen so far */
const opened = new Set<string>();

interface Row {
  source: string;
  cls: string;
  errors: string;
  fetch: string;
}
const rowsOf = (results: Page): Promise<Row[]> =>
  results.$$eval('tbody tr', (trs) =>
    trs.map((tr) => ({
      source: tr.getAttribute('data-source') ?? '',
      cls: tr.className,
      errors: tr.querySelector('td.errors')?.textContent ?? '',
      fetch: tr.querySelector('td.fetch')?.textContent ?? '',
    })),
  );

const HONGZE = () => site.url(GOV_HOST, REPORTS[2]![0]);
const OTHER_URL = () => site.url(OTHER_GOV_HOST, OTHER_REPORT[0]);

describe('Firefox: check the reports listed on a page, one of them on another gov.cn host', () => {
  it('declined: the other host’s report says it was not permitted, the four on the list’s host are checked', async () => {
    expect(await grantedOrigins()).not.toContain(OTHER_PATTERN);
    const from = site.requests.length;
    const { list, popup, errors } = await openPopup(LIST_WIDE);
    expect(await popup.$eval('[data-action="sweep"]', (b) => b.textContent)).toBe('检查本页列出的 5 份年报');
    expect(await popup.$eval('.sweep .meta', (p) => p.textContent)).toBe(`其中部分在其他网站（${OTHER_GOV_HOST}），结果页将请求访问权限。`);
    const results = await clickSweep(popup);
    // the list's own reports are checked meanwhile; the other host's waits for the answer
    await results.waitForSelector('.progress[data-done="4"]', { timeout: 90_000 });
    expect(await results.$eval('.ask p', (p) => p.textContent)).toBe(
      `有 1 份年报在其他网站（${OTHER_GOV_HOST}）。检查它们需要访问这些网站的权限，仅用于下载这些年报。`,
    );
    expect((await rowsOf(results)).at(-1)).toMatchObject({ cls: 'waiting', fetch: '等待授权' });
    await results.click('[data-action="allow-hosts"]');
    // Firefox's prompt names the host; "no"
    expect(await answerPrompt(false)).toContain(OTHER_GOV_HOST);
    await results.waitForSelector('main[data-state="done"]', { timeout: 10_000 });

    const rows = await rowsOf(results);
    expect(rows.map((r) => r.source)).toEqual([...REPORTS.map(([p]) => site.url(GOV_HOST, p)), OTHER_URL()]);
    expect(rows.at(-1)).toEqual({
      source: OTHER_URL(),
      cls: 'failed',
      errors: '0',
      fetch: `on another host, not permitted: ${OTHER_URL()}`,
    });
    expect(rows.find((r) => r.source === HONGZE())).toMatchObject({ cls: 'has-errors', errors: '2', fetch: '已核查' });
    expect(rows.filter((r) => r.cls === 'clean').length).toBe(3);
    expect(await results.$('.ask')).toBeNull();
    // nothing asked of the other host; the list's reports and the PDF once each
    expect(site.since(from)).toEqual([LIST_WIDE, ...REPORTS.map(([p]) => p), HONGZE_PDF].map((p) => `${GOV_HOST}${p}`).sort());
    expect(await grantedOrigins()).not.toContain(OTHER_PATTERN);
    expect(ours(errors())).toEqual([]);
    await Promise.all([list.close(), popup.close(), results.close()]);
  }, 180_000);

  it('granted: the other host’s report is fetched by the background and checked; the exports are the sweep command’s', async () => {
    const from = site.requests.length;
    const { list, popup, errors } = await openPopup(LIST_WIDE);
    expect(await popup.$eval('[data-action="sweep"]', (b) => b.getAttribute('data-count'))).toBe('5');
    await new Promise((r) => setTimeout(r, 500));
    // the popup has looked at the page: still only the list page itself was requested
    expect(site.since(from)).toEqual([`${GOV_HOST}${LIST_WIDE}`]);

    const results = await clickSweep(popup);
    await results.waitForSelector('[data-action="allow-hosts"]', { timeout: 30_000 });
    await results.click('[data-action="allow-hosts"]');
    expect(await answerPrompt(true)).toContain(OTHER_GOV_HOST);
    await results.waitForSelector('main[data-state="done"]', { timeout: 90_000 });
    // granted for exactly the other host
    expect(await grantedOrigins()).toEqual([OTHER_PATTERN]);

    const rows = await rowsOf(results);
    expect(rows.map((r) => r.source)).toEqual([...REPORTS.map(([p]) => site.url(GOV_HOST, p)), OTHER_URL()]);
    // tests/fixtures/e2e/README.md: 予以公开 × 自然人 printed 38 where the row total says 33 and the column 148
    expect(rows.at(-1)).toMatchObject({ cls: 'has-errors', errors: '2', fetch: '已核查' });
    expect(rows.find((r) => r.source === HONGZE())).toMatchObject({ cls: 'has-errors', errors: '2', fetch: '已核查' });
    expect(rows.filter((r) => r.cls === 'clean').length).toBe(3);
    // each report and the PDF once, the other host's from the other host; nothing else
    expect(site.since(from + 1)).toEqual(
      [...[...REPORTS.map(([p]) => p), HONGZE_PDF].map((p) => `${GOV_HOST}${p}`), `${OTHER_GOV_HOST}${OTHER_REPORT[0]}`].sort(),
    );

    const download = await popupDownloads(results);
    const summary = await download('summary-csv');
    const cells = await download('cells-csv');
    const json = await download('json');
    expect(failingRules(json, HONGZE())).toEqual(['t4.litAfterReviewSum', 't4.reviewSum']);
    expect(failingRules(json, OTHER_URL())).toEqual(['t3.outcomeSum', 't3.rowTotal']);

    await results.setViewport({ width: 1280, height: 560 });
    await results.screenshot({ path: join(SHOTS, 'extension-sweep-firefox.png'), fullPage: true });

    // the sweep command, following the other host too, writes the same two CSVs
    const cli = await site.cliSweep(LIST_WIDE, true);
    expect(summary).toBe(cli.summary);
    expect(cells).toBe(cli.cells);
    expect(ours(errors())).toEqual([]);
    await Promise.all([list.close(), popup.close(), results.close()]);
  }, 180_000);

  it('granted before: nothing is asked, the other host’s report is checked with the rest', async () => {
    expect(await grantedOrigins()).toEqual([OTHER_PATTERN]);
    const { list, popup } = await openPopup(LIST_WIDE);
    const results = await clickSweep(popup);
    await results.waitForSelector('main[data-state="done"]', { timeout: 90_000 });
    expect(await results.$('.ask')).toBeNull();
    expect((await rowsOf(results)).at(-1)).toMatchObject({ source: OTHER_URL(), cls: 'has-errors', errors: '2', fetch: '已核查' });
    // the two earlier sweeps of this list, named by the list page, when and how many
    const earlier = await results.$$eval('.earlier a', (as) => as.map((a) => a.textContent ?? ''));
    expect(earlier).toHaveLength(2);
    for (const e of earlier) expect(e).toMatch(/^政府信息公开年报 · \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2} · 5 份$/);
    await Promise.all([list.close(), popup.close(), results.close()]);
  }, 120_000);

  it('cancels: no report is fetched after the cancel, the rows not checked say so', async () => {
    site.slowMs = 3000;
    try {
      const { list, popup } = await openPopup(LIST);
      const results = await clickSweep(popup);
      const before = site.requests.length;
      await results.click('[data-action="cancel"]');
      await results.waitForSelector('main[data-state="cancelled"]', { timeout: 10_000 });
      const atCancel = site.requests.length;
      await new Promise((r) => setTimeout(r, 4000));
      // requests already on the wire may end; no new one starts
      expect(site.requests.length).toBe(atCancel);
      expect(atCancel - before).toBeLessThanOrEqual(2);
      const rows = await rowsOf(results);
      expect(rows.map((r) => [r.cls, r.fetch])).toEqual(REPORTS.map(() => ['waiting', '已取消']));
      await Promise.all([list.close(), popup.close(), results.close()]);
    } finally {
      site.slowMs = 0;
    }
  }, 60_000);
});
