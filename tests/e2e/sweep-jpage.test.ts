// "Check the reports listed on this page" on a Hanweb jcms list drawn by jpage (the CLI test site's style 4): the
// popup counts the report among the records the page carries and says how many records the list has, asking nothing
// before the click; the sweep POSTs the two further groups to the data proxy and checks the reports they name. A list
// the plugin has already drawn (its XML gone from the live page) is read again from the site on the click.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JCMS, startSite, type TestSite } from '../cli/sweep-site';
import { GOV, launch, type Session } from './harness';
import { clickSweep, openPopup as openSweepPopup } from './sweep-site';

const REPORTS = ['/art/2024/1/30/art_77278_102.html', '/art/2020/1/20/art_77278_109.html', '/art/2022/1/20/art_77278_113.html'];

let site: TestSite;
let session: Session;

beforeAll(async () => {
  site = await startSite();
  session = await launch(Number(new URL(site.base).port));
});
afterAll(async () => {
  await session?.close();
  await site?.close();
});

/** The list page opened, its tab found and the popup on it showing the sweep button. */
const openPopup = (path: string) => openSweepPopup(session, `${GOV}${path}`);

/** The sweep button clicked: the results page, once the sweep is done, and the sources of its rows. */
async function sweep(button: Locator): Promise<{ results: Page; sources: (string | null)[] }> {
  const results = await clickSweep(session, button);
  await results.locator('main[data-state="done"]').waitFor({ timeout: 90_000 });
  const sources = await results.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source')));
  return { results, sources };
}

const requested = () => [...site.requests.entries()].filter(([p]) => p !== '/favicon.ico');

describe('check the reports of a jcms list drawn by jpage', () => {
  it('offers the carried report and the list’s records, asks nothing before the click, then checks the three reports', async () => {
    const { list, popup, button, logged } = await openPopup(JCMS.list);
    expect(await button.textContent()).toBe('检查本页列出的 1 份年报');
    expect(await popup.locator('[data-more]').getAttribute('data-more')).toBe('14');
    expect(await popup.locator('[data-more]').textContent()).toBe('此列表共 14 条记录，由网站分组提供；点击后一并查找其中的年报。');
    await new Promise((r) => setTimeout(r, 500));
    expect(requested()).toEqual([[JCMS.list, 1]]);
    await popup.setViewportSize({ width: 340, height: 220 });
    await popup.screenshot({ path: join(tmpdir(), 'extension-sweep-jpage-popup.png') });

    const { results, sources } = await sweep(button);
    expect(sources.sort()).toEqual(REPORTS.map((p) => `${GOV}${p}`).sort());
    expect(await results.locator('tbody tr.failed').count()).toBe(0);
    // the proxy refuses GETs and answers only a POST naming the list: two POSTs, one a group
    expect(site.requests.get(JCMS.proxy)).toBe(2);
    for (const p of REPORTS) expect(site.served.get(p), p).toBe(1);
    // nothing else of the list: not the notice, the news, the website report form
    const other = [...site.requests.keys()].filter((p) => p.startsWith('/art/') && !REPORTS.includes(p));
    expect(other).toEqual([]);
    // the page's own script ($ of jQuery, which the test page lacks) is the only error
    expect(logged.errors.filter((e) => !e.includes('/favicon.ico') && !/\$ is not defined/.test(e))).toEqual([]);
    await results.setViewportSize({ width: 1280, height: 420 });
    await results.screenshot({ path: join(tmpdir(), 'extension-sweep-jpage.png'), fullPage: true });
    await Promise.all([list.close(), popup.close(), results.close()]);
  }, 180_000);

  it('a list the plugin has drawn (its XML gone from the page): on the click the page is read again for its records and groups', async () => {
    const before = new Map(site.requests);
    const { list, popup, button, logged } = await openPopup(JCMS.drawnList);
    // the plugin drew records 1–2: the report among them, and the list's total from its call
    expect(await list.locator('[id="303271"] li').count()).toBe(2);
    expect(await list.locator('[id="303271"] script').count()).toBe(0);
    expect(await button.textContent()).toBe('检查本页列出的 1 份年报');
    expect(await popup.locator('[data-more]').getAttribute('data-more')).toBe('14');
    await new Promise((r) => setTimeout(r, 500));
    expect(site.requests.get(JCMS.drawnList)).toBe(1);
    expect(site.requests.get(JCMS.proxy)).toBe(before.get(JCMS.proxy));

    const { results, sources } = await sweep(button);
    expect(sources.sort()).toEqual(REPORTS.map((p) => `${GOV}${p}`).sort());
    expect(await results.locator('tbody tr.failed').count()).toBe(0);
    // the page once more, then the two groups its XML and nextgroup fields name
    expect(site.requests.get(JCMS.drawnList)).toBe(2);
    expect(site.requests.get(JCMS.proxy)).toBe(before.get(JCMS.proxy)! + 2);
    expect(logged.errors.filter((e) => !e.includes('/favicon.ico'))).toEqual([]);
    await Promise.all([list.close(), popup.close(), results.close()]);
  }, 180_000);
});
