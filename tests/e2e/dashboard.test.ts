// The sweep dashboard in Chromium: the one inline script runs under the file's own CSP (language toggle, sort,
// filter, grid click, expand), nothing is fetched, and the README screenshots are taken from a realistic sweep —
// the real corpus reports, two unreadable pages and generated agencies and years made from the real findings.
// No extension build needed: `npx vitest run --config vitest.e2e.config.ts tests/e2e/dashboard.test.ts`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDashboard } from '../../cli/sweep/dashboard';
import { corpusDashboardReports, EVIL, FAILED_ROWS, generatedReports, hostileReports } from '../cli/dashboard-corpus';
import { CHROMIUM, ROOT } from './harness';

const SHOTS = join(ROOT, 'docs/screenshots');
const corpus = corpusDashboardReports();
const reports = [...corpus, ...FAILED_ROWS, ...generatedReports(corpus, 60, [2020, 2021, 2022, 2023, 2024, 2025], 3)];
const file = join(mkdtempSync(join(tmpdir(), 'gidar-dashboard-')), 'sweep.html');
writeFileSync(file, renderDashboard(reports, { generatedAt: '2026-12-07 02:00 UTC' }));

let browser: Browser;
let page: Page;
const errors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'zh-CN' });
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(e.message));
  page.on('request', (r) => void (r.url().startsWith('file:') || requests.push(r.url())));
  await page.goto(pathToFileURL(file).href);
});
afterAll(async () => {
  await browser?.close();
});

/** Reports the filters let through (the table draws them 100 at a time). */
const matching = async (): Promise<number> => Number(await page.locator('#count').textContent());

describe('the sweep dashboard in Chromium', () => {
  it('opens in Chinese; the toggle switches every label to English and back', async () => {
    expect(await page.locator('h2').first().innerText()).toBe('各年度有算术错误的报告占比');
    await page.screenshot({ path: join(SHOTS, 'sweep-dashboard.png'), clip: { x: 0, y: 0, width: 1360, height: 1500 }, fullPage: true });
    await page.locator('#lang').click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('h2').first().innerText()).toBe('Share of reports with arithmetic errors, by year');
    await page.screenshot({ path: join(SHOTS, 'sweep-dashboard-en.png'), clip: { x: 0, y: 0, width: 1360, height: 1500 }, fullPage: true });
    await page.locator('#lang').click();
    expect(await page.locator('h2').first().innerText()).toBe('各年度有算术错误的报告占比');
  });

  it('draws 100 rows at a time', async () => {
    expect(await page.locator('tbody.r').count()).toBe(100);
    await page.locator('#more').click();
    expect(await page.locator('tbody.r').count()).toBe(200);
    expect(await page.locator('#more-n').textContent()).toBe(String(reports.length - 200));
  });

  it('sorts by a column, both ways', async () => {
    const received = async (): Promise<number[]> =>
      (await page.locator('tbody.r').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.received ?? ''))).filter((x) => x !== '').map(Number);
    await page.locator('th[data-k="received"]').click();
    const down = await received();
    expect(down[0]).toBe(Math.max(...down));
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await page.locator('th[data-k="received"]').click();
    const up = await received();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await page.locator('th[data-k="rank"]').click();
  });

  it('filters by text, result and year; a grid cell filters to its agency and year', async () => {
    await page.locator('#q').fill('洪泽');
    expect(await matching()).toBe(2); // Hongze 2023 and 2024 (the corpus PDFs)
    await page.locator('#q').fill('');
    await page.locator('#v').selectOption('failed');
    expect(await matching()).toBe(reports.filter((r) => r.fetch !== 'ok').length);
    await page.locator('#v').selectOption('');
    // the corpus names the agency 洪泽区人民政府 in 2023 and 淮安市洪泽区人民政府 in 2024: one row, under the longer name
    await page.locator('#grid td[data-a="淮安市洪泽区人民政府"][data-y="2023"]').click();
    expect(await matching()).toBe(1);
    expect(await page.locator('#count').textContent()).toBe('1');
    expect(await page.locator('#chip').isVisible()).toBe(true);
  });

  it('expands a report to its findings and corrections, with a link to the page', async () => {
    expect(await page.locator('tbody.r').count()).toBe(1);
    const row = page.locator('tbody.r').first();
    await row.locator('button.x').click();
    const detail = row.locator('tr.detail');
    expect(await detail.isVisible()).toBe(true);
    expect(await detail.locator('.fix').first().textContent()).toContain('应为 11');
    expect(await detail.locator('a').count()).toBe(0); // the Hongze PDF has no recorded address
    await page.evaluate(() => window.scrollTo(0, 0));
    await row.scrollIntoViewIfNeeded();
    await page.locator('section:has(#reports)').screenshot({ path: join(SHOTS, 'sweep-dashboard-report.png') });
    await page.locator('#chip').click();
    expect(await matching()).toBe(reports.length);
    // Keyboard: a column header sorts on Enter.
    await page.locator('th[data-k="year"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('th[data-k="year"]').getAttribute('aria-sort')).toBe('ascending');
    expect(await page.locator('tbody.r').first().getAttribute('data-year')).toBe('2018');
  });

  it('shows hostile page text as text: nothing runs, nothing is injected', async () => {
    const hostile = join(dirname(file), 'hostile.html');
    writeFileSync(hostile, renderDashboard(hostileReports(corpus.find((r) => r.source.endsWith('2023-huaian-hongzequ.pdf'))!)));
    const p = await browser.newPage();
    const dialogs: string[] = [];
    p.on('dialog', (dlg) => void (dialogs.push(dlg.message()), dlg.dismiss()));
    await p.goto(pathToFileURL(hostile).href);
    for (const b of await p.locator('button.x').all()) await b.click();
    expect(await p.locator('tbody.r td:nth-child(2)').first().innerText()).toContain(EVIL);
    expect(await p.locator('img').count()).toBe(0);
    expect(await p.locator('a').count()).toBe(0);
    expect(await p.locator('.finding .msg').first().innerText()).toContain(EVIL);
    expect(dialogs).toEqual([]);
    await p.close();
  });

  it('ran its script under its own CSP and fetched nothing', () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
