// What the store listing shows and promises: the toolbar icon's error state, web-accessible files a page cannot
// probe, and the 1280×800 screenshots (docs/store/) rendered here from real corpus pages with the packaged extension.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Chrome, GOV, ROOT, tabIdOf, useSession, waitForOverlay } from './harness';

const s = useSession();
const STORE = join(ROOT, 'docs/store');
mkdirSync(STORE, { recursive: true });
const W = 1280;
const H = 800;

/** tests/fixtures/e2e/README.md: the real Pingtan 2025 page with 表三 （一）予以公开 × 自然人 33 → 38, the only byte changed */
const CHANGED = '2025-pingtan-guanweihui.granted-38.html';
const CLEAN = '2025-pingtan-guanweihui.html';

interface IconCall {
  tabId?: number;
  path?: Record<string, string>;
  ok?: boolean;
}

/** Records the background's setIcon calls (its `browser.action` is Chromium's `chrome.action`): arguments and outcome. */
async function spyOnIcons(): Promise<void> {
  await s.worker.evaluate(() => {
    const g = globalThis as unknown as { chrome: { action: { setIcon(d: object): Promise<void> } }; __icons?: IconCall[] };
    if (g.__icons) return;
    const calls: IconCall[] = (g.__icons = []);
    const setIcon = g.chrome.action.setIcon.bind(g.chrome.action);
    g.chrome.action.setIcon = (d: object) => {
      const call: IconCall = { ...(d as IconCall) };
      calls.push(call);
      return setIcon(d).then(
        () => void (call.ok = true),
        (e: unknown) => {
          call.ok = false;
          throw e;
        },
      );
    };
  });
}

async function lastIcon(tabId: number): Promise<IconCall | undefined> {
  return s.worker.evaluate((id) => (globalThis as unknown as { __icons: IconCall[] }).__icons.filter((c) => c.tabId === id).at(-1), tabId);
}

/** The page on the gov.cn host once the overlay has drawn; `marks`: wait for cell marks too (not on a page whose tables are elsewhere). */
async function open(name: string, marks = true): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: W, height: H });
  await page.goto(`${GOV}/${name}`, { waitUntil: 'load' });
  await waitForOverlay(page);
  // the panel where something failed, its folded pill where all holds; the marks or the "consistent" badges
  await page.waitForFunction((marks) => {
    const root = document.querySelector('gidar-overlay')?.shadowRoot;
    return !!root?.querySelector('.panel, .pill') && (!marks || !!root.querySelector('.mark, .badge'));
  }, marks);
  await page.waitForTimeout(300);
  return page;
}

/** width and height from a PNG's IHDR */
function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

async function shot(page: Page, name: string): Promise<void> {
  const file = join(STORE, name);
  await page.screenshot({ path: file });
  expect(pngSize(file)).toEqual([W, H]);
}

/**
 * A store picture of the toolbar popup: the page it was opened on, dimmed, with the popup where the browser draws it
 * (under the toolbar, at the right), since a headless browser shows no toolbar to photograph.
 */
async function withPopup(page: Page, name: string, popupUrl: string, ready: (popup: Page) => Promise<void>): Promise<void> {
  const popup = await s.context.newPage();
  await popup.setViewportSize({ width: 340, height: 600 });
  await popup.goto(popupUrl);
  await ready(popup);
  const height = await popup.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await popup.setViewportSize({ width: 340, height: Math.min(height, H - 40) });
  const front = (await popup.screenshot()).toString('base64');
  const back = (await page.screenshot()).toString('base64');
  await popup.close();
  const board = await s.context.newPage();
  await board.setViewportSize({ width: W, height: H });
  await board.setContent(
    `<body style="margin:0;width:${W}px;height:${H}px;overflow:hidden;position:relative">
      <img src="data:image/png;base64,${back}" style="position:absolute;inset:0;filter:brightness(.8)">
      <img src="data:image/png;base64,${front}" style="position:absolute;top:12px;right:24px;border-radius:8px;box-shadow:0 6px 28px rgba(0,0,0,.45)">
    </body>`,
  );
  await board.waitForFunction(() => [...document.images].every((i) => i.complete));
  await shot(board, name);
  await board.close();
}

describe('the toolbar icon', () => {
  it('turns to the error variant on a tab whose report has a failing error, and stays plain on a consistent one', async () => {
    await spyOnIcons();
    const bad = await open(CHANGED);
    const badTab = await tabIdOf(s.worker, CHANGED);
    await expect.poll(() => lastIcon(badTab).then((c) => c?.path?.['16'])).toBe('/icon/error/16.png');
    expect(await lastIcon(badTab)).toMatchObject({ ok: true, path: { 16: '/icon/error/16.png', 32: '/icon/error/32.png', 128: '/icon/error/128.png' } });
    const good = await open(CLEAN);
    const goodTab = await tabIdOf(s.worker, CLEAN);
    await expect.poll(() => lastIcon(goodTab).then((c) => c?.path?.['16'])).toBe('/icon/16.png');
    expect((await lastIcon(goodTab))?.ok).toBe(true);
    // the other tab keeps its own
    expect((await lastIcon(badTab))?.path?.['16']).toBe('/icon/error/16.png');
    await bad.close();
    await good.close();
  });
});

describe('web-accessible files', () => {
  it('are not reachable from a gov.cn page under the static address (no fingerprinting), while the annotator runs there', async () => {
    const page = await open(CLEAN);
    const probe = await page.evaluate(async (id) => {
      const tries: Record<string, string> = {};
      for (const f of ['annotator.js', 'pdf-reader.js', 'cmaps/UniGB-UCS2-H.bcmap', 'manifest.json', 'icon/16.png']) {
        tries[f] = await fetch(`chrome-extension://${id}/${f}`).then(
          (r) => `status ${r.status}`,
          () => 'refused',
        );
      }
      return tries;
    }, s.extensionId);
    expect(probe).toEqual({
      'annotator.js': 'refused',
      'pdf-reader.js': 'refused',
      'cmaps/UniGB-UCS2-H.bcmap': 'refused',
      'manifest.json': 'refused',
      'icon/16.png': 'refused',
    });
    await page.close();
  });
});

describe('store screenshots (1280×800, docs/store/)', () => {
  it('1: a report page with a misprinted number: the suspect cell, the markers and the findings panel', async () => {
    const page = await open(CHANGED);
    await page.locator('gidar-overlay .panel [role="group"]').first().locator('button.item').first().click();
    await page.waitForTimeout(1800); // the jump's flash fades
    await shot(page, '1-annotated-page.png');
    await page.close();
  });

  it('2: the tooltip: the rule, the arithmetic with the printed numbers, the suggested value', async () => {
    const page = await open(CHANGED);
    const marker = page.locator('gidar-overlay button.marker[data-rule="t3.rowTotal"]');
    await page.locator('gidar-overlay .panel [role="group"]').first().locator('button.item').first().click();
    await page.waitForTimeout(1800);
    await marker.hover();
    await page.locator('gidar-overlay [role="tooltip"]').waitFor({ state: 'visible' });
    expect(await page.locator('gidar-overlay [role="tooltip"]').textContent()).toContain('应为 33');
    await shot(page, '2-tooltip.png');
    await page.close();
  });

  it('3: a consistent report (Pingtan 2025) and the toolbar popup: counts, exports', async () => {
    const page = await open(CLEAN);
    await page.evaluate(() =>
      [...document.querySelectorAll('table')].find((t) => t.textContent?.includes('未经复议直接起诉'))?.scrollIntoView({ block: 'center' }),
    );
    await page.waitForTimeout(300);
    const tabId = await tabIdOf(s.worker, CLEAN);
    await withPopup(page, '3-popup.png', `chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`, async (popup) => {
      await popup.locator('[data-export="csv"]').waitFor();
      expect(await popup.locator('[data-count="fail"] b').textContent()).toBe('0');
    });
    await page.close();
  });

  it('4: blank cells (Shanghai 2019): quiet hatched marks and what needs review', async () => {
    const page = await open('2019-shanghai-shizhengfu-bangongting.html');
    const blanks = page.locator('gidar-overlay .mark.blank');
    expect(await blanks.count()).toBeGreaterThan(20);
    // the panel folded to its header, so that the table's hatched blanks show
    await page.locator('gidar-overlay .panel header button[aria-expanded="true"]').click();
    await page.evaluate(() => [...document.querySelectorAll('table')].find((t) => t.textContent?.includes('申请人情况'))?.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    await shot(page, '4-blank-cells.png');
    await page.close();
  });

  it('5: a report published as a PDF attachment (Hongze 2023): its two misprinted 表四 totals, each naming its PDF page', async () => {
    const page = await open('pdf-attachment.html', false);
    const panel = page.locator('gidar-overlay .panel');
    await panel.locator('[data-action="check-pdf"]').click();
    await panel.locator('[data-pdf-status="done"]').waitFor({ timeout: 30_000 });
    const tabId = await tabIdOf(s.worker, 'pdf-attachment.html');
    await expect.poll(() => s.worker.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('2');
    await page.waitForTimeout(300);
    await shot(page, '5-pdf-attachment.png');
    await page.close();
  });
});
