// The built extension on real report pages: tables found, marks on the right cells, panel, tooltip,
// exports equal to core's, the report's DOM untouched, no errors caused by the extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { readDocument } from '../../core/read/dom';
import { checkReport } from '../../core/check';
import { toCsv } from '../../core/export/csv';
import { tableTsv } from '../../core/export/tsv';
import { cellsDigestInput } from '../../core/export/audit';
import { createHash } from 'node:crypto';
import {
  type Chrome,
  collectErrors,
  coverage,
  fixture,
  GOV,
  OTHER,
  popupDownloads,
  ROOT,
  tabIdOf,
  tablesHtml,
  type TabStateLike,
  useSession,
  waitForOverlay,
} from './harness';

const SHOTS = join(ROOT, 'docs/screenshots');
mkdirSync(SHOTS, { recursive: true });

const s = useSession();

/** The same page where the content script does not run: the untouched tables and the page's own errors. */
async function baseline(name: string): Promise<{ tables: string[]; errors: string[] }> {
  const page = await s.context.newPage();
  const log = collectErrors(page);
  await page.goto(`${OTHER}/${name}`, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const tables = await tablesHtml(page);
  await page.close();
  return { tables, errors: log.errors.map((e) => e.replaceAll(OTHER, '')) };
}

/** Open on the gov.cn host and wait until the overlay has drawn (marks or badges) for every table found. */
async function openAnnotated(name: string): Promise<{ page: Page; errors: string[] }> {
  const page = await s.context.newPage();
  const log = collectErrors(page);
  await page.goto(`${GOV}/${name}`, { waitUntil: 'load' });
  await waitForOverlay(page);
  await page.waitForFunction(() => {
    const root = document.querySelector('gidar-overlay')?.shadowRoot;
    return !!root?.querySelector('.panel, .pill') && !!root.querySelector('.mark, .badge');
  });
  await page.waitForTimeout(300);
  return { page, errors: log.errors };
}

async function tabState(page: Page): Promise<TabStateLike> {
  const tabId = await tabIdOf(s.worker, page.url());
  return s.worker.evaluate(async (id) => {
    const c = (globalThis as unknown as { chrome: Chrome }).chrome;
    // Ask the background the way the popup does (the service worker may not message itself: read its store).
    const got = await c.storage.session.get(`tab:${id}`);
    const frames = (got[`tab:${id}`] as [number, Record<string, unknown>][] | undefined) ?? [];
    const badge = await c.action.getBadgeText({ tabId: id });
    return { tabId: id, badge, frames: frames.map(([frameId, summary]) => ({ frameId, summary })) };
  }, tabId) as Promise<TabStateLike>;
}

function extensionErrors(errors: string[], base: string[]): string[] {
  return errors.map((e) => e.replaceAll(GOV, '')).filter((e) => !base.includes(e) || /chrome-extension:|gidar/i.test(e));
}

/** Core's reading of the same file, as the CLI does it (linkedom), with the page's URL as the source. */
function coreRead(name: string) {
  const { document } = parseHTML(fixture(name));
  return readDocument(document as unknown as Document, { url: `${GOV}/${name}` });
}

/** A page where the extension draws nothing by itself, and the popup opened for its tab (as from the toolbar). */
async function unannotatedWithPopup(url: string): Promise<{ page: Page; popup: Page }> {
  const page = await s.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(800);
  expect(await page.locator('gidar-overlay').count()).toBe(0);
  const tabId = await s.worker.evaluate(async () => {
    const [t] = await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return t!.id!;
  });
  const popup = await s.context.newPage();
  await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
  return { page, popup };
}

/** Box of the table cell in row `rowLabel` whose text is `text` (found by the test, not by the extension). */
async function cellBox(page: Page, rowLabel: string, text: string) {
  return page.evaluate(
    ([rowLabel, text]) => {
      const tr = [...document.querySelectorAll('tr')].find((r) => r.textContent?.replace(/\s+/g, '').includes(rowLabel!));
      const td = [...(tr?.querySelectorAll('td') ?? [])].find((c) => c.textContent?.replace(/\s+/g, '') === text);
      if (!td) return null;
      const r = td.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    [rowLabel, text] as const,
  );
}

// Badge by the MANIFEST hand checks: no arithmetic error anywhere, so never a count; Shuyang leaves the five
// 法人 columns blank and Shanghai 2019 leaves 70 cells blank — blanks to review, so "0" rather than "✓".
const CLEAN: [string, string[]][] = [
  ['2023-pingtan-guanweihui.html', ['✓', '0']],
  ['2025-pingtan-guanweihui.html', ['✓', '0']],
  ['2023-shuyang-fagaiju.html', ['0']],
  ['2019-shanghai-shizhengfu-bangongting.html', ['0']],
];

describe('clean real reports', () => {
  for (const [name, badge] of CLEAN) {
    it(`${name}: finds tables 二/三/四, reports no error, leaves the tables untouched`, async () => {
      const base = await baseline(name);
      const { page, errors } = await openAnnotated(name);
      const st = await tabState(page);
      const frame = st.frames.find((f) => f.summary.reports > 0);
      // MANIFEST hand checks: all three tables present, no arithmetic error in any of these reports.
      expect(frame?.summary.tables).toEqual(['t2', 't3', 't4']);
      expect(frame?.summary.errors).toBe(0);
      expect(badge).toContain(st.badge);
      expect(await tablesHtml(page)).toEqual(base.tables);
      if (name === '2019-shanghai-shizhengfu-bangongting.html') {
        // 70 blank cells (MANIFEST): quiet hatched marks, no numbered marker of their own
        const blanks = page.locator('gidar-overlay .mark.blank');
        expect(await blanks.count()).toBeGreaterThan(20);
        await blanks.first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, 'blank-cells.png') });
        // MANIFEST: the text says 无法提供265件 while the table's 无法提供 rows add up to 337. Jumping to that
        // narrative finding outlines the sentence's number in the text.
        const item = page.locator('gidar-overlay .panel button.item[data-rule="txt.outcomeGroups"]').filter({ hasText: '265' }).first();
        await item.click();
        const box = page.locator('gidar-overlay .flashbox[data-rule="txt.outcomeGroups"]').first();
        await box.waitFor();
        // fold the panel so that it does not cover the text under the box
        await page.locator('gidar-overlay .panel header button[aria-expanded="true"]').click();
        const b = (await box.boundingBox())!;
        const under = await page.evaluate(
          ([x, y]) => document.elementFromPoint(x!, y!)?.textContent ?? '',
          [b.x + b.width / 2, b.y + b.height / 2],
        );
        expect(under).toContain('无法提供265件');
        await page.screenshot({ path: join(SHOTS, 'narrative-jump.png') });
        expect(b.y).toBeGreaterThan(0);
        expect(b.y).toBeLessThan(page.viewportSize()!.height);
      }
      if (name === '2025-pingtan-guanweihui.html') {
        // a table whose identities all hold carries the small "consistent" badge
        const ok = page.locator('gidar-overlay .badge[data-table="t4"]');
        expect(await ok.textContent()).toContain('勾稽一致');
        await page.evaluate(() =>
          [...document.querySelectorAll('table')]
            .find((t) => t.textContent?.includes('未经复议直接起诉'))
            ?.scrollIntoView({ block: 'center' }),
        );
        await page.waitForTimeout(200);
        await page.screenshot({ path: join(SHOTS, 'consistent-table.png') });
      }
      expect(extensionErrors(errors, base.errors)).toEqual([]);
      await page.close();
    });
  }
});

describe('a report with one number changed (表三 予以公开 × 自然人 33 → 38)', () => {
  const name = '2025-pingtan-guanweihui.granted-38.html';
  let page: Page;
  let base: { tables: string[]; errors: string[] };
  let errors: string[];

  beforeAll(async () => {
    base = await baseline(name);
    ({ page, errors } = await openAnnotated(name));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('marks the changed cell and the cells of its two broken identities', async () => {
    const suspect = page.locator('gidar-overlay .mark.suspect[data-cell="t3:granted:naturalPerson"]');
    // Row total (33 ≠ 38) and column sum (147 ≠ 152) both point at the same cell.
    expect(await suspect.count()).toBe(2);
    expect(new Set(await suspect.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule'))))).toEqual(
      new Set(['t3.rowTotal', 't3.outcomeSum']),
    );
    await suspect.first().scrollIntoViewIfNeeded();
    const cell = await cellBox(page, '（一）予以公开', '38');
    expect(cell).not.toBeNull();
    const mark = (await suspect.first().boundingBox())!;
    expect(coverage(mark, cell!)).toBeGreaterThan(0.9);
    // the row total cell of the same row is a related (softer) mark
    const related = page.locator('gidar-overlay .mark.related[data-cell="t3:granted:total"]');
    expect(await related.count()).toBe(1);
    expect(coverage((await related.boundingBox())!, (await cellBox(page, '（一）予以公开', '33'))!)).toBeGreaterThan(0.9);
    const markers = page.locator('gidar-overlay button.marker');
    expect(await markers.count()).toBe(2);
  });

  it('counts the two failing identities on the toolbar badge', async () => {
    const st = await tabState(page);
    expect(st.badge).toBe('2');
  });

  it('stays aligned after scrolling and resizing', async () => {
    await page.setViewportSize({ width: 900, height: 700 });
    await page.evaluate(() => window.scrollBy(0, 37));
    await page.waitForTimeout(300);
    const suspect = page.locator('gidar-overlay .mark.suspect[data-cell="t3:granted:naturalPerson"]').first();
    const cell = await cellBox(page, '（一）予以公开', '38');
    expect(coverage((await suspect.boundingBox())!, cell!)).toBeGreaterThan(0.9);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(300);
    expect(coverage((await suspect.boundingBox())!, (await cellBox(page, '（一）予以公开', '38'))!)).toBeGreaterThan(0.9);
    // reflow: content inserted above the report moves the table down without resizing it
    await page.evaluate(() => {
      const d = document.createElement('div');
      d.id = 'e2e-spacer';
      d.style.height = '233px';
      document.body.prepend(d);
    });
    await page.waitForTimeout(600);
    expect(coverage((await suspect.boundingBox())!, (await cellBox(page, '（一）予以公开', '38'))!)).toBeGreaterThan(0.9);
    await page.evaluate(() => document.getElementById('e2e-spacer')?.remove());
    await page.waitForTimeout(600);
    expect(coverage((await suspect.boundingBox())!, (await cellBox(page, '（一）予以公开', '38'))!)).toBeGreaterThan(0.9);
  });

  it('shows a tooltip with the rule, the arithmetic and the suggested value; Esc closes it', async () => {
    const marker = page.locator('gidar-overlay button.marker[data-rule="t3.rowTotal"]');
    await marker.scrollIntoViewIfNeeded();
    await marker.hover();
    const tip = page.locator('gidar-overlay [role="tooltip"]');
    await tip.waitFor({ state: 'visible' });
    const text = (await tip.textContent()) ?? '';
    expect(text).toContain('t3.rowTotal');
    expect(text).toContain('33 ≠ 38');
    expect(text).toContain('应为 33');
    await page.screenshot({ path: join(SHOTS, 'tooltip.png') });
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'detached' });
    // keyboard focus opens it too
    await marker.focus();
    await tip.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'detached' });
  });

  it('lists the findings in the panel; clicking one scrolls to the cell; j/k move between them', async () => {
    const items = page.locator('gidar-overlay .panel button.item');
    const fails = page.locator('gidar-overlay .panel [role="group"]').first().locator('button.item');
    expect(await fails.count()).toBe(2);
    // the passed checks are folded; opening the group lists them
    expect(await items.count()).toBe(2);
    await page.locator('gidar-overlay .panel details > summary').click();
    await expect.poll(() => items.count()).toBeGreaterThan(2);
    await page.locator('gidar-overlay .panel details > summary').click();
    await expect.poll(() => items.count()).toBe(2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    await fails.first().click();
    await page.waitForTimeout(400);
    const cell = (await cellBox(page, '（一）予以公开', '38'))!;
    const vp = page.viewportSize()!;
    expect(cell.y).toBeGreaterThan(0);
    expect(cell.y + cell.height).toBeLessThan(vp.height);
    expect(await page.locator('gidar-overlay .mark.flash').count()).toBeGreaterThan(0);
    await page.keyboard.press('j');
    const current = page.locator('gidar-overlay .panel button.item[aria-current="true"]');
    expect(await current.getAttribute('data-item')).toBe(await fails.nth(1).getAttribute('data-item'));
    await page.keyboard.press('k');
    expect(await current.getAttribute('data-item')).toBe(await fails.nth(0).getAttribute('data-item'));
    await page.locator('gidar-overlay .panel').screenshot({ path: join(SHOTS, 'panel.png') });
    await page.waitForTimeout(1500); // let the jump's flash fade
    await page.screenshot({ path: join(SHOTS, 'annotated-page.png') });
  });

  it('remembers a dismissed finding for the page', async () => {
    const dismiss = page
      .locator('gidar-overlay .panel li')
      .filter({ has: page.locator('button.item[data-rule="t3.outcomeSum"]') })
      .locator('.acts button')
      .nth(1);
    await dismiss.click();
    expect(await dismiss.getAttribute('aria-pressed')).toBe('true');
    await page.reload({ waitUntil: 'load' });
    await waitForOverlay(page);
    const again = page
      .locator('gidar-overlay .panel li')
      .filter({ has: page.locator('button.item[data-rule="t3.outcomeSum"]') })
      .locator('.acts button')
      .nth(1);
    await again.waitFor();
    expect(await again.getAttribute('aria-pressed')).toBe('true');
    await again.click(); // undo, for the screenshots
    expect(await again.getAttribute('aria-pressed')).toBe('false');
  });

  it('exports the tidy CSV equal to core/CLI, JSON, TSV and the audit record from the popup', async () => {
    const tabId = await tabIdOf(s.worker, name);
    const popup = await s.context.newPage();
    await popup.setViewportSize({ width: 360, height: 520 });
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('[data-export="csv"]').waitFor();
    await popup.screenshot({ path: join(SHOTS, 'popup.png') });
    expect(await popup.locator('[data-count="fail"] b').textContent()).toBe('2');

    // What the popup hands to the browser's download: the Blob behind the <a download> link.
    const download = await popupDownloads(popup);
    const csv = await download('csv');
    const expected = toCsv(
      `${GOV}/${name}`,
      coreRead(name).map((r) => r.report),
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe(expected);
    expect(csv).toContain(',t3,granted,');

    const contract = JSON.parse(await download('json'));
    expect(contract.version).toBe(1);
    const rowTotal = contract.reports[0].findings.find(
      (f: { rule: string; status: string }) => f.rule === 't3.rowTotal' && f.status === 'fail',
    );
    expect(rowTotal.suspects[0]).toMatchObject({ table: 't3', row: 'granted', col: 'naturalPerson', printed: 38, suggested: 33 });

    const md = await download('audit-md');
    // the digest of the cells the extension read equals the digest of the cells core reads from the file
    const digest = createHash('sha256')
      .update(cellsDigestInput(coreRead(name)[0]!.report))
      .digest('hex');
    expect(md).toContain(digest);
    expect(md).toContain('`t3.rowTotal`');
    expect(await download('audit-html')).toContain('<!doctype html>');

    // Headless Chromium cannot grant clipboard access to an extension origin: record what the popup writes.
    await popup.evaluate(() => {
      const w = window as unknown as { __clip: string | null };
      w.__clip = null;
      navigator.clipboard.writeText = async (text: string) => {
        w.__clip = text;
      };
    });
    await popup.locator('[data-export="tsv-t3"]').click();
    await popup.locator('.status').filter({ hasText: '已复制' }).waitFor();
    const tsv = await popup.evaluate(() => (window as unknown as { __clip: string }).__clip);
    const report = coreRead(name)[0]!.report;
    expect(tsv).toBe(tableTsv(report, 't3'));
    expect(tsv.split('\n').find((l) => l.includes('予以公开'))).toContain('38');

    // Annotations off: nothing drawn, the tables as served.
    await popup.locator('[data-action="annotations"]').uncheck();
    await page.waitForTimeout(300);
    expect(await page.locator('gidar-overlay .mark').count()).toBe(0);
    expect(await tablesHtml(page)).toEqual(base.tables);
    await popup.locator('[data-action="annotations"]').check();
    await page.waitForTimeout(300);
    expect(await page.locator('gidar-overlay .mark').count()).toBeGreaterThan(0);
    await popup.close();
  });

  it('checks again from the popup, reopening a closed panel', async () => {
    await page.locator('gidar-overlay .panel header button[aria-expanded="true"]').click();
    await page.locator('gidar-overlay .pill').waitFor();
    const tabId = await tabIdOf(s.worker, 'granted-38');
    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('[data-action="recheck"]').click();
    await page.locator('gidar-overlay .panel').waitFor({ timeout: 10_000 });
    expect(await page.locator('gidar-overlay .mark.suspect[data-cell="t3:granted:naturalPerson"]').count()).toBe(2);
    expect(await popup.locator('.status.err').count()).toBe(0);
    await popup.close();
  });

  it('moves the panel to the other side when it would cover the suspect cell', async () => {
    const panel = page.locator('gidar-overlay .panel');
    const suspect = page.locator('gidar-overlay .mark.suspect[data-cell="t3:granted:naturalPerson"]').first();
    expect(await panel.getAttribute('class')).toContain('right');
    // Narrow enough that the right-hand panel's column reaches the 自然人 column.
    await page.setViewportSize({ width: 860, height: 700 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await suspect.scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    const mark = (await suspect.boundingBox())!;
    const box = (await panel.boundingBox())!;
    const vp = page.viewportSize()!;
    // the cell lies in the right-hand panel's column, and in view
    expect(mark.x + mark.width).toBeGreaterThan(vp.width - 12 - box.width);
    expect(mark.y + mark.height).toBeGreaterThan(vp.height - 12 - box.height);
    expect(await panel.getAttribute('class')).toContain('left');
    expect(coverage(mark, box)).toBe(0);
    await page.screenshot({ path: join(ROOT, 'tests/e2e/screenshots/panel-left.tmp.png') });
    // back on a wide window the right side is free again: the panel returns there
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(400);
    expect(await panel.getAttribute('class')).toContain('right');
  });

  it('never modified the report tables and caused no page errors', async () => {
    expect(await tablesHtml(page)).toEqual(base.tables);
    expect(extensionErrors(errors, base.errors)).toEqual([]);
  });

  it('agrees with core on which findings fail', () => {
    const findings = checkReport(coreRead(name)[0]!.report);
    expect(
      findings
        .filter((f) => f.status === 'fail')
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['t3.outcomeSum', 't3.rowTotal']);
  });
});

describe('another changed number (表三 部分公开 × 自然人 19 → 91)', () => {
  it('marks the changed cell and suggests 19', async () => {
    const name = '2023-pingtan-guanweihui.partial-91.html';
    const { page } = await openAnnotated(name);
    const suspect = page.locator('gidar-overlay .mark.suspect[data-cell="t3:partial:naturalPerson"]');
    expect(await suspect.count()).toBeGreaterThan(0);
    await suspect.first().scrollIntoViewIfNeeded();
    expect(coverage((await suspect.first().boundingBox())!, (await cellBox(page, '（二）部分公开', '91'))!)).toBeGreaterThan(0.9);
    const panelText = (await page.locator('gidar-overlay .panel').textContent()) ?? '';
    expect(panelText).toContain('应为 19');
    await page.close();
  });
});

describe('late content', () => {
  it('checks a report inserted by a script after load', async () => {
    const page = await s.context.newPage();
    await page.goto(`${GOV}/late.html`, { waitUntil: 'load' });
    expect(await page.locator('gidar-overlay').count()).toBe(0);
    await page
      .locator('gidar-overlay .mark.suspect[data-cell="t3:granted:naturalPerson"]')
      .first()
      .waitFor({ state: 'attached', timeout: 15_000 });
    await page.close();
  });
});

describe('a report in a hidden tab panel', () => {
  it('is marked when its tab is opened, on the right cells', async () => {
    const page = await s.context.newPage();
    await page.goto(`${GOV}/tabbed.html`, { waitUntil: 'load' });
    const suspect = page.locator('gidar-overlay .mark.suspect[data-cell="t3:granted:naturalPerson"]');
    // checked while hidden (the panel lists the findings), but nothing is drawn over an invisible table
    await page.locator('gidar-overlay .panel').waitFor({ timeout: 15_000 });
    expect(await suspect.count()).toBe(0);
    await page.locator('#tab-report').click();
    await suspect.first().waitFor({ state: 'attached', timeout: 5000 });
    await suspect.first().scrollIntoViewIfNeeded();
    const cell = await cellBox(page, '（一）予以公开', '38');
    expect(coverage((await suspect.first().boundingBox())!, cell!)).toBeGreaterThan(0.9);
    await page.close();
  });
});

describe('single-page navigation', () => {
  it('checks the report that replaces the first one, even when only a digit differs', async () => {
    const page = await s.context.newPage();
    await page.goto(`${GOV}/spa.html`, { waitUntil: 'load' });
    // the published report: consistent, so a badge and no suspect
    await page.locator('gidar-overlay .badge').first().waitFor({ state: 'attached', timeout: 15_000 });
    const suspect = page.locator('gidar-overlay .mark.suspect[data-cell="t3:granted:naturalPerson"]');
    expect(await suspect.count()).toBe(0);
    await page.locator('#next').click();
    await suspect.first().waitFor({ state: 'attached', timeout: 10_000 });
    await suspect.first().scrollIntoViewIfNeeded();
    expect(coverage((await suspect.first().boundingBox())!, (await cellBox(page, '（一）予以公开', '38'))!)).toBeGreaterThan(0.9);
    await page.close();
  });
});

describe('a report inside a frame', () => {
  it('is checked in the frame, and the toolbar badge counts its errors', async () => {
    const page = await s.context.newPage();
    await page.goto(`${GOV}/framed.html`, { waitUntil: 'load' });
    const frame = page.frameLocator('iframe');
    await frame
      .locator('gidar-overlay .mark.suspect[data-cell="t3:partial:naturalPerson"]')
      .first()
      .waitFor({ state: 'attached', timeout: 15_000 });
    // the top page has no report table: no overlay there
    expect(await page.locator('gidar-overlay').count()).toBe(0);
    const tabId = await tabIdOf(s.worker, 'partial-91');
    // 19 → 91 breaks the row total and the column sum: two error findings
    await expect
      .poll(() => s.worker.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }), tabId))
      .toBe('2');
    await page.close();
  });
});

describe('other sites', () => {
  it('get no content script; the popup offers "check this page", and says so in one line when the browser refuses', async () => {
    const { page, popup } = await unannotatedWithPopup(`${OTHER}/2025-pingtan-guanweihui.granted-38.html`);
    const check = popup.locator('[data-action="check"]');
    await check.waitFor();
    // Without a toolbar click there is no activeTab grant (automation cannot click the toolbar): a clear refusal.
    await check.click();
    const status = popup.locator('.status.err');
    await status.waitFor();
    expect(((await status.textContent()) ?? '').split('\n')).toHaveLength(1);
    expect(await status.textContent()).toContain('操作失败');
    await popup.close();
    await page.close();
  });
});

describe('year to year: reports checked in this browser are compared with the year before', () => {
  it("the next year's report is checked against last year's (carried forward, in force, repeated content)", async () => {
    // Last year: the real Pingtan 2025 page (结转下年度继续办理: 自然人 4, 商业企业 2, 总计 6).
    const { page: last } = await openAnnotated('2025-pingtan-guanweihui.html');
    await last.close();
    // This year: the same page re-dated 2026, so its 上年结转 row still reads 0 in every column.
    const { page } = await openAnnotated('2026-pingtan-guanweihui.next-year.html');
    const panel = page.locator('gidar-overlay .panel');
    await panel.waitFor();
    const carry = panel.locator('button.item[data-rule="xy.carryContinuity"]');
    expect(await carry.count()).toBe(3);
    expect(await carry.allTextContents()).toContainEqual(
      expect.stringContaining('「自然人」列：本年上年结转 0 件，而上年报告结转下年度 4 件。'),
    );
    expect(await panel.locator('button.item[data-rule="xy.duplicateContent"]').count()).toBe(2);
    // marks only on this year's side: 上年结转 here; last year's 结转下年度 is not on this page
    const marks = page.locator('gidar-overlay .mark[data-rule="xy.carryContinuity"]');
    expect((await marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')))).sort()).toEqual([
      't3:carriedOver:commercial',
      't3:carriedOver:naturalPerson',
      't3:carriedOver:total',
    ]);
    expect(await panel.locator('a.link.prev').first().getAttribute('href')).toBe(`${GOV}/2025-pingtan-guanweihui.html`);
    await panel.screenshot({ path: join(SHOTS, 'year-to-year.png') });
    await page.close();
  });
});

describe('accessibility (axe-core, WCAG 2 A and AA)', () => {
  const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  type AxeNode = { target: unknown[] };
  type AxeRule = { id: string; impact?: string; nodes: AxeNode[] };
  type AxeResult = { violations: AxeRule[]; passes: AxeRule[]; incomplete: AxeRule[] };
  const RUN_ONLY = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] };
  /** results on the overlay's nodes only: their target path starts at its host (the page's own issues are not ours) */
  const ours = (rules: AxeRule[]) =>
    rules
      .map((r) => ({ ...r, nodes: r.nodes.filter((n) => Array.isArray(n.target[0]) && (n.target[0] as string[])[0] === 'gidar-overlay') }))
      .filter((r) => r.nodes.length);
  const describeViolations = (rules: AxeRule[]) =>
    rules.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  const runAxe = async (page: Page, source: string): Promise<AxeResult> => {
    // the source goes in as a DevTools evaluation: page CSPs (and the popup's) forbid inline scripts
    await page.evaluate(source);
    return page.evaluate(
      (opts) => (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<unknown> } }).axe.run(document, opts),
      RUN_ONLY,
    ) as Promise<AxeResult>;
  };

  it('the overlay: marks, markers, an open tooltip and the panel with its passed group open', async () => {
    const { page } = await openAnnotated('2025-pingtan-guanweihui.granted-38.html');
    await page.locator('gidar-overlay .panel details > summary').click();
    await page.locator('gidar-overlay button.marker').first().focus();
    await page.locator('gidar-overlay [role="tooltip"]').waitFor();
    const result = await runAxe(page, readFileSync(AXE, 'utf8'));
    expect(describeViolations(ours(result.violations))).toEqual([]);
    // it did look inside the shadow root: the overlay's buttons were named and their contrast measured
    const passed = new Map(ours(result.passes).map((r) => [r.id, r.nodes.length]));
    expect(passed.get('button-name')).toBeGreaterThan(10);
    expect(passed.get('aria-tooltip-name')).toBe(1);
    // axe cannot decide contrast for text drawn over the page (it says "incomplete"): the colours in ui/styles.ts are
    // chosen for ≥ 4.5:1; anything else it could not decide is a finding
    expect(
      ours(result.incomplete)
        .map((r) => r.id)
        .filter((id) => id !== 'color-contrast'),
    ).toEqual([]);
    await page.close();
  });

  it('the popup', async () => {
    const { page } = await openAnnotated('2025-pingtan-guanweihui.granted-38.html');
    const tabId = await tabIdOf(s.worker, 'granted-38');
    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('[data-export="csv"]').waitFor();
    const result = await runAxe(popup, readFileSync(AXE, 'utf8'));
    expect(describeViolations(result.violations)).toEqual([]);
    expect(new Map(result.passes.map((r) => [r.id, r.nodes.length])).get('button-name')).toBeGreaterThan(5);
    await popup.close();
    await page.close();
  });
});

describe('language', () => {
  it('switches the panel to English and back', async () => {
    const { page } = await openAnnotated('2023-pingtan-guanweihui.partial-91.html');
    const panel = page.locator('gidar-overlay .panel');
    await panel.locator('header button[lang="en"]').click();
    await panel.locator('h2', { hasText: 'Disclosure report check' }).waitFor();
    await panel.locator('header button[lang="zh-CN"]').click();
    await panel.locator('h2', { hasText: '政府信息公开年报核查' }).waitFor();
    await page.close();
  });
});

describe('report pages without readable tables', () => {
  // Synthetic pages of the reader's tests (titled as a 2023 report): nothing to mark; the panel says why, with the link.
  for (const [name, reason, link] of [
    ['attachment-only.html', '表格在附件中', '/files/2024/report2023.pdf'],
    ['pdf-viewer.html', '表格在内嵌 PDF 中', '.pdf'],
  ] as const) {
    it(`${name}: the panel names the reason and links the document; the badge is not ✓`, async () => {
      const page = await s.context.newPage();
      await page.goto(`${GOV}/html/${name}`, { waitUntil: 'load' });
      const panel = page.locator('gidar-overlay .panel');
      await panel.waitFor({ timeout: 15_000 });
      expect(await page.locator('gidar-overlay .mark').count()).toBe(0);
      const failing = panel.locator('[role="group"]').first().locator('button.item');
      expect(await failing.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).toEqual(['meta.tablesPresent']);
      expect(await failing.first().textContent()).toContain(`表二 主动公开、表三 依申请公开、表四 复议诉讼（${reason}）`);
      expect(await panel.locator('a.link').getAttribute('href')).toContain(link);
      const tabId = await tabIdOf(s.worker, name);
      await expect
        .poll(() =>
          s.worker.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }), tabId),
        )
        .toBe('–');
      await page.close();
    });
  }
});

describe('pages that are not reports', () => {
  it('never load the annotator', async () => {
    const page = await s.context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${GOV}/plain.html`, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    expect(await page.locator('gidar-overlay').count()).toBe(0);
    // the bootstrap ran (its start mark exists) but went no further
    expect(await page.evaluate(() => performance.getEntriesByName('gidar:content-start').length)).toBe(1);
    expect(await page.evaluate(() => performance.getEntriesByName('gidar:annotator-start').length)).toBe(0);
    expect(requests.filter((u) => u.includes('annotator'))).toEqual([]);
    await page.close();
  });

  it('are checked on demand from the popup: the bootstrap loads the checker, whose panel says there is no report', async () => {
    const { page, popup } = await unannotatedWithPopup(`${GOV}/plain.html`);
    await popup.locator('[data-action="check"]').click();
    // on gov.cn the bootstrap answers the popup (no activeTab grant needed); other sites need the toolbar click
    const panel = page.locator('gidar-overlay .panel');
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.locator('[role="status"]').textContent()).toBe('本页未找到可核查的统计表。');
    expect(await popup.locator('.status.err').count()).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByName('gidar:content-start').length)).toBe(1);
    await popup.close();
    await page.close();
  });
});
