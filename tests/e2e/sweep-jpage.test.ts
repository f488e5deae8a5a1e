// "Check the reports listed on this page" on a Hanweb jcms list drawn by jpage (the CLI test site's style 4): the
// popup counts the report among the records the page carries and says how many more the site holds, asking nothing
// before the click; the sweep POSTs the two further groups to the data proxy and checks the reports they name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JCMS, startSite, type TestSite } from '../cli/sweep-site';
import { type Chrome, collectErrors, GOV, launch, type Session } from './harness';

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

/** the tab of the list page, once its content script answers the popup's question */
async function listTabId(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const id = await session.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      for (const tab of await c.tabs.query({})) {
        const got = (await c.tabs.sendMessage(tab.id!, { type: 'gidar:sweepCount' }, { frameId: 0 }).catch(() => null)) as { links?: unknown[] } | null;
        if (got?.links?.length) return tab.id!;
      }
      return null;
    });
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no tab with the jcms list');
}

describe('check the reports of a jcms list drawn by jpage', () => {
  it('offers the carried report and the further records, asks nothing before the click, then checks the three reports', async () => {
    const list = await session.context.newPage();
    const logged = collectErrors(list);
    await list.goto(`${GOV}${JCMS.list}`);
    const tabId = await listTabId();
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    const button = popup.locator('[data-action="sweep"]');
    await button.waitFor({ timeout: 10_000 });
    expect(await button.textContent()).toBe('检查本页列出的 1 份年报');
    expect(await popup.locator('[data-more]').getAttribute('data-more')).toBe('8');
    expect(await popup.locator('[data-more]').textContent()).toBe('列表另有 8 条记录须向网站分组获取，点击后一并查找其中的年报。');
    await new Promise((r) => setTimeout(r, 500));
    expect([...site.requests.keys()].filter((p) => p !== '/favicon.ico')).toEqual([JCMS.list]);
    await popup.setViewportSize({ width: 340, height: 220 });
    await popup.screenshot({ path: join(tmpdir(), 'extension-sweep-jpage-popup.png') });

    const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/results.html') });
    await button.click();
    const results = await opened;
    await results.waitForLoadState();
    await results.locator('main[data-state="done"]').waitFor({ timeout: 90_000 });
    const sources = await results.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source')));
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
});
