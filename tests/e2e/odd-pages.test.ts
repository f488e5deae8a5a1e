// Odd pages and situations: printing, XHTML, framesets and srcdoc frames, a report inside a shadow root, pages that
// replace <body> or remove the overlay, zoomed and scaled pages, many tables, right-to-left and vertical writing,
// dark mode. The rule everywhere: the host page is never harmed (tables untouched, no page errors, no hang), and
// where the extension draws, its marks sit on the cells.
// Pages are built from the changed Pingtan 2025 copy (表三 （一）予以公开 × 自然人 33 → 38) and served with
// page.route, so that each variant is visible here in a few lines.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Frame, Page } from 'playwright-core';
import { type Box, collectErrors, coverage, fixture, GOV, type Logged, OTHER, ROOT, tablesHtml, useSession } from './harness';

const CHANGED = '2025-pingtan-guanweihui.granted-38.html';
const TITLE = '平潭综合实验区2025年度政府信息公开工作年度报告';
/** the changed cell: row total (33 ≠ 38) and column sum both point at it */
const SUSPECT = 'gidar-overlay .mark.suspect[data-cell="t3:granted:naturalPerson"]';
const SHOTS = join(ROOT, 'tests/e2e/screenshots');

const s = useSession();
/** the report's text and tables (the page's .TRS_Editor), as HTML */
const report = parseHTML(fixture(CHANGED)).document.querySelector('.TRS_Editor')!.outerHTML;

function htmlPage(body: string, opts: { title?: string; head?: string; htmlAttrs?: string } = {}): string {
  return `<!doctype html><html lang="zh-CN"${opts.htmlAttrs ?? ''}><head><meta charset="utf-8"><title>${opts.title ?? TITLE}</title>${opts.head ?? ''}</head><body>${body}</body></html>`;
}

type Pages = Record<string, string | { body: string; type: string }>;

/**
 * Serve `pages` (path → HTML) on the gov.cn host, or on the other host where the content script does not run.
 * (Everything a routed page loads is routed too: Chromium blocks a routed page's frames from the local server.)
 */
async function serve(page: Page, pages: Pages, host = GOV): Promise<void> {
  for (const [path, p] of Object.entries(pages)) {
    const { body, type } = typeof p === 'string' ? { body: p, type: 'text/html; charset=utf-8' } : p;
    await page.route(`${host}${path}`, (route) => route.fulfill({ status: 200, headers: { 'content-type': type }, body }));
  }
}

/** Open `path` of `pages` on the gov.cn host; `errors` collects the page's errors from the start. */
async function open(pages: Pages, path = Object.keys(pages)[0]!): Promise<{ page: Page; log: Logged }> {
  const page = await s.context.newPage();
  const log = collectErrors(page);
  await serve(page, pages);
  await page.goto(`${GOV}${path}`, { waitUntil: 'load' });
  return { page, log };
}

/** The same pages where the content script does not run: their tables as the page itself leaves them. */
async function baselineTables(pages: Pages, path = Object.keys(pages)[0]!, settle?: (page: Page) => Promise<void>): Promise<string[]> {
  const page = await s.context.newPage();
  await serve(page, pages, OTHER);
  await page.goto(`${OTHER}${path}`, { waitUntil: 'load' });
  await settle?.(page);
  const tables = await tablesHtml(page);
  await page.close();
  return tables;
}

/** Errors that name the extension (pages served from the corpus also log their own missing stylesheets). */
const ours = (log: Logged): string[] => log.errors.filter((e) => /chrome-extension:|gidar/i.test(e));

interface MarkAndCell {
  mark: Box;
  cell: Box;
}

/**
 * The first suspect mark on 表三 （一）予以公开 × 自然人 and the table cell printed 38 in that row (found by the test,
 * not by the extension), both measured in the frame's viewport after the cell is scrolled into view (unless
 * `scroll` is false: a scroll realigns the overlay by itself).
 */
async function markAndCell(where: Page | Frame, scroll = true): Promise<MarkAndCell | null> {
  if (scroll) {
    await where.evaluate(() => {
      const tr = [...document.querySelectorAll('tr')].find((r) => r.textContent?.replace(/\s+/g, '').includes('（一）予以公开'));
      [...(tr?.querySelectorAll('td') ?? [])]
        .find((c) => c.textContent?.replace(/\s+/g, '') === '38')
        ?.scrollIntoView({ block: 'center', inline: 'center' });
    });
  }
  // the overlay realigns on the next frame
  await where.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return where.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const mark = document.querySelector('gidar-overlay')?.shadowRoot?.querySelector('.mark.suspect[data-cell="t3:granted:naturalPerson"]');
    const tr = [...document.querySelectorAll('tr')].find((r) => r.textContent?.replace(/\s+/g, '').includes('（一）予以公开'));
    const td = [...(tr?.querySelectorAll('td') ?? [])].find((c) => c.textContent?.replace(/\s+/g, '') === '38');
    return mark && td ? { mark: box(mark), cell: box(td) } : null;
  });
}

async function expectMarkOnCell(where: Page | Frame): Promise<void> {
  const mc = await markAndCell(where);
  expect(mc).not.toBeNull();
  expect(coverage(mc!.mark, mc!.cell), JSON.stringify(mc)).toBeGreaterThan(0.9);
}

const hostDisplay = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const host = document.querySelector('gidar-overlay');
    return host ? getComputedStyle(host).display : null;
  });

describe('printing', () => {
  it('the overlay is not printed (marks drawn for the screen would sit on a re-flowed page); back on screen it is', async () => {
    const page = await s.context.newPage();
    const log = collectErrors(page);
    await page.goto(`${GOV}/${CHANGED}`, { waitUntil: 'load' });
    await page.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 20_000 });
    expect(await hostDisplay(page)).toBe('block');
    await page.emulateMedia({ media: 'print' });
    // the host carries an inline display: block; the shadow stylesheet's print rule must win over it
    expect(await hostDisplay(page)).toBe('none');
    expect(await page.locator(SUSPECT).first().boundingBox()).toBeNull();
    expect(await page.locator('gidar-overlay .panel, gidar-overlay .pill').first().boundingBox()).toBeNull();
    await page.emulateMedia({ media: 'screen' });
    expect(await hostDisplay(page)).toBe('block');
    await expectMarkOnCell(page);
    expect(ours(log)).toEqual([]);
    await page.close();
  });
});

describe('a report served as XHTML (application/xhtml+xml: lower-case tag names, an XML document)', () => {
  it('is read, checked and marked on the changed cell; the tables stay as served', async () => {
    // A well-formed XHTML version of the changed page: the browser serialises the report as XML.
    const src = await s.context.newPage();
    await src.goto(`${OTHER}/${CHANGED}`, { waitUntil: 'load' });
    const editor = await src.evaluate(() => new XMLSerializer().serializeToString(document.querySelector('.TRS_Editor')!));
    await src.close();
    const xhtml = `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><title>${TITLE}</title></head><body>${editor}</body></html>`;
    const pages: Pages = { '/odd/report.xhtml': { body: xhtml, type: 'application/xhtml+xml; charset=utf-8' } };
    const base = await baselineTables(pages);
    const { page, log } = await open(pages);
    // it is an XML document indeed: tag names as written
    expect(await page.evaluate(() => [document.contentType, document.querySelector('td')?.tagName])).toEqual([
      'application/xhtml+xml',
      'td',
    ]);
    await page.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 20_000 });
    expect(new Set(await page.locator(SUSPECT).evaluateAll((els) => els.map((e) => e.getAttribute('data-rule'))))).toEqual(
      new Set(['t3.rowTotal', 't3.outcomeSum']),
    );
    await expectMarkOnCell(page);
    expect(await tablesHtml(page)).toEqual(base);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe('frames', () => {
  it('a frameset whose frame holds the report: checked and marked in that frame', async () => {
    const { page, log } = await open({
      '/odd/frameset.html': `<!doctype html><html><head><meta charset="utf-8"><title>政府信息公开</title></head><frameset rows="15%,85%"><frame src="/odd/nav.html" title="导航"><frame src="/odd/report.html" title="正文"></frameset></html>`,
      '/odd/nav.html': htmlPage('<a href="/">首页</a>', { title: '导航' }),
      '/odd/report.html': htmlPage(report),
    });
    const frame = page.frame({ url: /\/odd\/report\.html$/ })!;
    expect(frame).not.toBeNull();
    await frame.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 20_000 });
    await expectMarkOnCell(frame);
    // neither the frameset page nor the navigation frame gets an overlay
    expect(await page.locator('gidar-overlay').count()).toBe(0);
    expect(
      await page
        .frame({ url: /\/odd\/nav\.html$/ })!
        .locator('gidar-overlay')
        .count(),
    ).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  // The content script runs in frames of gov.cn addresses only: match_about_blank is off (tests/e2e/manifest.test.ts
  // pins the manifest), so a report written into a srcdoc or about:blank frame is not checked. The pages are unharmed.
  for (const kind of ['srcdoc', 'about:blank'] as const) {
    it(`a report inside a ${kind} frame is not looked at; nothing breaks`, async () => {
      const doc = htmlPage(report);
      const frameHtml =
        kind === 'srcdoc'
          ? `<iframe style="width:1200px;height:800px" srcdoc="${doc.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></iframe>`
          : `<iframe id="f" style="width:1200px;height:800px"></iframe><script>const d = document.getElementById('f').contentDocument; d.open(); d.write(${JSON.stringify(doc).replaceAll('</', '<\\/')}); d.close();</script>`;
      const { page, log } = await open({ '/odd/inner-frame.html': htmlPage(frameHtml, { title: '信息公开' }) });
      const frame = page.frames()[1]!;
      await frame.locator('table').first().waitFor({ state: 'attached' });
      await page.waitForTimeout(1500);
      // the top page's bootstrap ran and found no report of its own; the frame got no content script at all
      expect(await page.evaluate(() => performance.getEntriesByName('gidar:content-start').length)).toBe(1);
      expect(await frame.evaluate(() => performance.getEntriesByName('gidar:content-start').length)).toBe(0);
      expect(await page.locator('gidar-overlay').count()).toBe(0);
      expect(await frame.locator('gidar-overlay').count()).toBe(0);
      expect(log.errors).toEqual([]);
      await page.close();
    });
  }
});

describe('a report inside an open shadow root (web components)', () => {
  it('is not found (the reader walks the document, not shadow trees); the page is unharmed and nothing is thrown', async () => {
    // The page's title says "annual report", so the bootstrap loads the checker; the tables are out of its reach.
    const pages: Pages = {
      '/odd/shadow.html': htmlPage(
        `<template id="t">${report}</template><report-view></report-view>
<script>
customElements.define('report-view', class extends HTMLElement {
  connectedCallback() { this.attachShadow({ mode: 'open' }).append(document.getElementById('t').content.cloneNode(true)); }
});
</script>`,
      ),
    };
    const { page, log } = await open(pages);
    await page.waitForFunction(() => performance.getEntriesByName('gidar:annotator-start').length === 1, undefined, { timeout: 10_000 });
    await page.waitForFunction(() => performance.getEntriesByName('gidar:checked').length === 1, undefined, { timeout: 10_000 });
    await page.waitForTimeout(500);
    // nothing read, so nothing drawn and no panel claiming a check
    expect(await page.locator('gidar-overlay').count()).toBe(0);
    const shadowTables = await page.evaluate(() =>
      [...document.querySelector('report-view')!.shadowRoot!.querySelectorAll('table')].map((t) => t.outerHTML),
    );
    expect(shadowTables).toHaveLength(3);
    expect(shadowTables.join('')).toContain('38');
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe('pages that rewrite themselves', () => {
  it('a page that replaces document.body after load: the new report tables are checked and marked', async () => {
    const { page, log } = await open({ '/odd/body.html': htmlPage(report) });
    await page.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 20_000 });
    const before = await page
      .locator(SUSPECT)
      .first()
      .evaluate((e) => e.getAttribute('style'));
    await page.evaluate(() => {
      const b = document.createElement('body');
      b.innerHTML = `<div style="height:321px">站点重新渲染了页面</div>${document.body.innerHTML}`;
      document.documentElement.replaceChild(b, document.body);
    });
    // the old body's tables are gone; the marks move to the new ones (321 px lower)
    await expect
      .poll(
        () =>
          page
            .locator(SUSPECT)
            .first()
            .evaluate((e) => e.getAttribute('style'))
            .catch(() => null),
        { timeout: 10_000 },
      )
      .not.toBe(before);
    await expectMarkOnCell(page);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('a page that removes the overlay host once: it comes back, marks on the cells', async () => {
    const { page, log } = await open({ '/odd/cleaner.html': htmlPage(report) });
    await page.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 20_000 });
    await page.evaluate(() => document.querySelector('gidar-overlay')!.remove());
    await page.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 5000 });
    expect(await page.locator('gidar-overlay').count()).toBe(1);
    await expectMarkOnCell(page);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('a page that removes the overlay every time it appears: the extension gives up after a few tries, the page keeps running', async () => {
    const { page, log } = await open({
      '/odd/strict-cleaner.html': htmlPage(
        `${report}<script>
window.__removed = 0;
new MutationObserver(() => {
  for (const el of document.querySelectorAll('gidar-overlay')) { el.remove(); window.__removed++; }
}).observe(document.documentElement, { childList: true });
</script>`,
      ),
    });
    await page.waitForFunction(() => performance.getEntriesByName('gidar:rendered').length === 1, undefined, { timeout: 20_000 });
    // each removal is answered once after a debounce (400 ms), a bounded number of times; then the page has its way
    const removals = (): Promise<number> => page.evaluate(() => (window as unknown as { __removed: number }).__removed);
    let removed = await removals();
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(1500);
      const now = await removals();
      if (now === removed) break;
      removed = now;
    }
    expect(removed).toBeGreaterThan(1);
    expect(removed).toBeLessThanOrEqual(11);
    await page.waitForTimeout(1500);
    expect(await removals()).toBe(removed);
    expect(await page.locator('gidar-overlay').count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe('zoomed and scaled pages: the marks sit on the cells', () => {
  const CASES: [string, string][] = [
    ['html { zoom: 1.5 }', 'html { zoom: 1.5 }'],
    ['body { zoom: 0.8 }', 'body { zoom: 0.8 }'],
    ['body { transform: scale(0.8) }', 'body { transform: scale(0.8); transform-origin: 0 0 }'],
    ['html { transform: scale(1.25) }', 'html { transform: scale(1.25); transform-origin: 0 0 }'],
  ];
  for (const [name, css] of CASES) {
    it(name, async () => {
      const pages: Pages = { '/odd/zoomed.html': htmlPage(report, { head: `<style>${css}</style>` }) };
      const base = await baselineTables(pages);
      const { page, log } = await open(pages);
      await page.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 20_000 });
      await expectMarkOnCell(page);
      // hovering the cell itself opens its finding's tooltip (the pointer is mapped into the overlay's scale)
      const { cell } = (await markAndCell(page))!;
      await page.mouse.move(cell.x + cell.width / 2, cell.y + cell.height / 2);
      await page.locator('gidar-overlay [role="tooltip"][data-cell="t3:granted:naturalPerson"]').waitFor({ timeout: 5000 });
      expect(await tablesHtml(page)).toEqual(base);
      expect(log.errors).toEqual([]);
      await page.close();
    });
  }
});

describe('a page scaled after the marks are drawn (accessibility toolbars: 适老化/无障碍 page zoom)', () => {
  it('a class on <html> that scales <body>, then a transitioned transform: the marks follow the cells without a scroll', async () => {
    const pages: Pages = {
      '/odd/toolbar.html': htmlPage(report, { head: '<style>.elder body { transform: scale(1.2); transform-origin: 0 0 }</style>' }),
    };
    const base = await baselineTables(pages);
    const { page, log } = await open(pages);
    await page.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 20_000 });
    await expectMarkOnCell(page);
    const onCell = async (): Promise<number> => {
      const mc = await markAndCell(page, false);
      return mc ? coverage(mc.mark, mc.cell) : 0;
    };
    await page.evaluate(() => document.documentElement.classList.add('elder'));
    await expect.poll(onCell, { timeout: 3000 }).toBeGreaterThan(0.9);
    await page.evaluate(() => {
      document.body.style.transition = 'transform 0.3s';
      document.body.style.transform = 'scale(0.9)';
    });
    await expect.poll(onCell, { timeout: 3000 }).toBeGreaterThan(0.9);
    expect(await tablesHtml(page)).toEqual(base);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe('many tables', () => {
  it('an aggregator page with 20 copies of the report: every suspect mark sits on a cell printed 38', async () => {
    const { page, log } = await open({ '/odd/copies.html': htmlPage(Array.from({ length: 20 }, () => report).join('<hr>')) });
    await page.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 20_000 });
    await expectMarkOnCell(page);
    const size = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    // the page in one viewport (as tall as the browser allows), so that marks can be hit-tested where they are
    await page.setViewportSize({ width: Math.max(1280, size.width), height: Math.min(size.height, 16_000) });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const under = await page.evaluate(() =>
      [...document.querySelector('gidar-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('.mark.suspect')].map((m) => {
        const r = m.getBoundingClientRect();
        const td = document.elementsFromPoint(r.x + r.width / 2, r.y + r.height / 2).find((e) => e.tagName === 'TD');
        return td ? td.textContent!.replace(/\s+/g, '') : r.y > innerHeight ? 'below' : null;
      }),
    );
    expect(under.length).toBeGreaterThanOrEqual(2);
    expect(
      under.filter((t) => t !== 'below').every((t) => t === '38'),
      JSON.stringify(under),
    ).toBe(true);
    expect(await page.evaluate(() => performance.getEntriesByName('gidar:drawn').length)).toBe(1);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('a 5,000-row document list before the report: passed over, the report marked, the list untouched', async () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `<tr><td>${i + 1}</td><td>关于自然人申请予以公开的答复（${i + 1}）</td><td>2025-03-01</td></tr>`,
    ).join('');
    const pages: Pages = { '/odd/long-list.html': htmlPage(`<table id="list">${rows}</table>${report}`) };
    const base = await baselineTables(pages);
    const { page, log } = await open(pages);
    await page.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 20_000 });
    await expectMarkOnCell(page);
    // bench/ measures the time; here: both marks exist, in order, and nothing is drawn on the list
    const [start, drawn] = await page.evaluate(() =>
      ['gidar:content-start', 'gidar:drawn'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1),
    );
    expect(start).toBeGreaterThanOrEqual(0);
    expect(drawn).toBeGreaterThan(start!);
    const listBottom = await page.evaluate(() => document.getElementById('list')!.getBoundingClientRect().bottom);
    const marksTop = await page.evaluate(() =>
      Math.min(
        ...[...document.querySelector('gidar-overlay')!.shadowRoot!.querySelectorAll('.mark')].map((m) => m.getBoundingClientRect().top),
      ),
    );
    expect(marksTop).toBeGreaterThan(listBottom);
    expect(await tablesHtml(page)).toEqual(base);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe('writing modes and colour schemes', () => {
  it('a right-to-left page: marks on the cells; the panel reads left to right', async () => {
    const { page, log } = await open({ '/odd/rtl.html': htmlPage(report, { htmlAttrs: ' dir="rtl"' }) });
    await page.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 20_000 });
    await expectMarkOnCell(page);
    const panel = page.locator('gidar-overlay .panel');
    await panel.waitFor();
    await page.screenshot({ path: join(SHOTS, 'odd-rtl.tmp.png') });
    expect(await panel.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('a vertical (writing-mode: vertical-rl) page: marks on the cells', async () => {
    const { page, log } = await open({
      '/odd/vertical.html': htmlPage(report, { head: '<style>html { writing-mode: vertical-rl }</style>' }),
    });
    await page.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 20_000 });
    await expectMarkOnCell(page);
    await page.locator('gidar-overlay .panel').waitFor();
    expect(await page.locator('gidar-overlay .panel').evaluate((e) => getComputedStyle(e).writingMode)).toBe('horizontal-tb');
    await page.screenshot({ path: join(SHOTS, 'odd-vertical.tmp.png') });
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('a dark page (prefers-color-scheme: dark): the panel keeps its own light colours', async () => {
    const page = await s.context.newPage();
    const log = collectErrors(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await serve(page, {
      '/odd/dark.html': htmlPage(report, {
        head: '<meta name="color-scheme" content="light dark"><style>@media (prefers-color-scheme: dark) { html { background: #121212; color: #e0e0e0; } td { border-color: #888 !important; } }</style>',
      }),
    });
    await page.goto(`${GOV}/odd/dark.html`, { waitUntil: 'load' });
    await page.locator(SUSPECT).first().waitFor({ state: 'attached', timeout: 20_000 });
    await expectMarkOnCell(page);
    const panel = page.locator('gidar-overlay .panel');
    await panel.waitFor();
    const colours = await panel.evaluate((e) => {
      const item = e.querySelector('button.item')!;
      return {
        bg: getComputedStyle(e).backgroundColor,
        fg: getComputedStyle(e).color,
        item: getComputedStyle(item).color,
        page: getComputedStyle(document.documentElement).backgroundColor,
      };
    });
    expect(colours).toEqual({ bg: 'rgb(255, 255, 255)', fg: 'rgb(26, 26, 26)', item: 'rgb(26, 26, 26)', page: 'rgb(18, 18, 18)' });
    await page.screenshot({ path: join(SHOTS, 'odd-dark.tmp.png') });
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
