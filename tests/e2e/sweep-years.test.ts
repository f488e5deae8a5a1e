// Years in the extension's sweep (issue 10): a list page of one agency's two consecutive reports, the later year
// listed first — Hongze 2024 with 表三 二、上年结转 printed 3 instead of 0 in 自然人 and 总计 (tests/cli/pdf-edit.ts)
// and the real Hongze 2023 — checked from the popup. Checked alone, the 2024 balance 新收 95 + 上年结转 3 = 98 against
// 办理 95 + 结转下年度 0 fails with three equally small corrections; Hongze 2023 printed 结转下年度继续办理 0 in every
// column (MANIFEST hand check: 21 + 0 = 21 + 0), which only 上年结转 3→0 agrees with. 2024 is checked first, so the
// join happens when 2023 arrives after it. Checked against the sweep command run on the same pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Finding } from '../../core/model/schema';
import { collectErrors, launch, popupDownloads, ROOT, type Session } from './harness';
import { clickSweep, failingRules, GOV_HOST, HONGZE_2024, HONGZE_2024_PDF, HONGZE_PDF, LIST_YEARS, openPopup, REPORTS, SweepSite } from './sweep-site';

const site = new SweepSite(false);
const Y2023 = site.url(GOV_HOST, REPORTS[2]![0]);
const Y2024 = site.url(GOV_HOST, HONGZE_2024[0]);
let session: Session;

beforeAll(async () => {
  await site.start();
  session = await launch(site.port);
});
afterAll(async () => {
  await session?.close();
  site.close();
});

/** The findings of one source's first report in the results page's JSON export. */
function findingsOf(json: string, source: string): Finding[] {
  const parsed = JSON.parse(json) as { sources: { source: string; contract: { reports: { findings: Finding[] }[] } | null }[] };
  const s = parsed.sources.find((x) => x.source === source);
  if (!s?.contract) throw new Error(`no report of ${source} in the JSON export`);
  return s.contract.reports[0]!.findings;
}

describe('check the reports listed on a page: one agency’s consecutive years', () => {
  it('2024 listed before 2023: the 2024 row and the JSON name 上年结转 3→0, the cross-year findings are there, the CSVs are the sweep command’s', async () => {
    const from = site.requests.length;
    const { list, popup, button, logged } = await openPopup(session, site.url(GOV_HOST, LIST_YEARS));
    expect(await button.textContent()).toBe('检查本页列出的 2 份年报');
    const results = await clickSweep(session, button);
    await results.locator('main[data-state="done"]').waitFor({ timeout: 90_000 });

    // the rows in the list's order, the later year first
    const rows = results.locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-source')))).toEqual([Y2024, Y2023]);
    const y2024 = results.locator(`tbody tr[data-source="${Y2024}"]`);
    const y2023 = results.locator(`tbody tr[data-source="${Y2023}"]`);
    expect(await y2024.locator('td.n').first().textContent()).toBe('2024');
    expect(await y2023.locator('td.n').first().textContent()).toBe('2023');
    // 2024: the balance fails in 自然人 and 总计; 2023: its two misprinted 表四 totals (MANIFEST)
    expect(await y2024.locator('td.errors').textContent()).toBe('2');
    expect(await y2023.locator('td.errors').textContent()).toBe('2');
    // the first error is the decided balance: last year's 结转下年度 0 names 上年结转
    const first = (await y2024.locator('td.first').textContent())!;
    expect(first).toMatch(/^表三「自然人」列：新收 \+ 上年结转 = 98，但办理总计 \+ 结转下年度 = 95（差 3）/);
    expect(first).toContain('上年报告的结转下年度继续办理为 0，只与其中一种一致。最可能的改法：表三「二、上年结转政府信息公开申请数量 × 总计」印作 3，应为 0');
    // each report page and each PDF once, nothing else
    expect(site.since(from)).toEqual([LIST_YEARS, HONGZE_2024[0], HONGZE_2024_PDF, REPORTS[2]![0], HONGZE_PDF].map((p) => `${GOV_HOST}${p}`).sort());
    expect(logged.errors.filter((e) => !e.includes('/favicon.ico'))).toEqual([]);

    const download = await popupDownloads(results);
    const summaryCsv = await download('summary-csv');
    const cells = await download('cells-csv');
    const json = await download('json');
    expect(failingRules(json, Y2024)).toEqual(['t3.balance', 't3.balance']);
    expect(failingRules(json, Y2023)).toEqual(['t4.litAfterReviewSum', 't4.reviewSum']);

    const later = findingsOf(json, Y2024);
    // the cross-year decision: of 新收 95→92, 上年结转 3→0, 结转下年度 0→3 only the second agrees with 2023
    const balance = later.filter((f) => f.rule === 't3.balance' && f.status === 'fail');
    expect(balance.map((f) => f.scope)).toEqual(['naturalPerson', 'total']);
    for (const f of balance) {
      expect(f.suspects).toEqual([{ table: 't3', row: 'carriedOver', col: f.scope, printed: 3, suggested: 0, typo: null }]);
      expect(f.textSupport).toMatchObject({ rule: 'xy.carryContinuity', evidence: { section: 'previousYear', claimed: 0 } });
    }
    // the cross-year findings of the pair, on the later year: 上年结转 against 2023's 结转下年度 in each 表三 column —
    // 3 ≠ 0 in 自然人 and 总计, 0 = 0 in the five 法人或者其他组织 columns
    const carry = later.filter((f) => f.rule === 'xy.carryContinuity');
    expect(carry.filter((f) => f.status === 'fail').map((f) => [f.scope, f.left, f.right])).toEqual([
      ['naturalPerson', 3, 0],
      ['total', 3, 0],
    ]);
    expect(carry.filter((f) => f.status === 'pass')).toHaveLength(5);
    expect(new Set(carry.map((f) => `${f.params?.previousYear}→${f.params?.currentYear}`))).toEqual(new Set(['2023→2024']));
    // the earlier year has no previous one here: no cross-year finding
    expect(findingsOf(json, Y2023).filter((f) => f.rule.startsWith('xy.'))).toEqual([]);

    await results.setViewportSize({ width: 1280, height: 360 });
    await results.screenshot({ path: join(ROOT, 'docs/screenshots/extension-sweep-years.png'), fullPage: true });

    // the sweep command on the same list page writes the same two CSVs
    const cli = await site.cliSweep(LIST_YEARS);
    expect(summaryCsv).toBe(cli.summary);
    expect(cells).toBe(cli.cells);
    await Promise.all([list.close(), popup.close(), results.close()]);
  }, 180_000);

  it('the 2024 report page opened from its row: the in-place annotation of its PDF names 上年结转 3→0 too, compared with the 2023 report the sweep read', async () => {
    // the page's own check of its attachment, after the sweep above kept both years in this browser
    const page = await session.context.newPage();
    const logged = collectErrors(page);
    await page.goto(Y2024, { waitUntil: 'load' });
    const panel = page.locator('gidar-overlay .panel');
    await panel.waitFor({ timeout: 15_000 });
    await panel.locator('[data-action="check-pdf"]').click();
    await panel.locator('[data-pdf-status="done"]').waitFor({ timeout: 30_000 });
    const failing = panel.locator('[role="group"]').first().locator('button.item');
    const rules = await failing.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules.filter((r) => r === 't3.balance')).toHaveLength(2);
    expect(rules.filter((r) => r === 'xy.carryContinuity')).toHaveLength(2);
    // the balance of each column: the one correction named, as on the results page
    const balance = failing.and(page.locator('[data-rule="t3.balance"]'));
    for (const [i, col] of ['自然人', '总计'].entries()) {
      const item = balance.nth(i);
      expect(await item.locator('.msg').textContent()).toContain(`表三「${col}」列`);
      expect(await item.locator('.msg').textContent()).toContain('上年报告的结转下年度继续办理为 0，只与其中一种一致');
      expect(await item.locator('.sugg').allTextContents()).toEqual([`表三「二、上年结转政府信息公开申请数量 × ${col}」：印 3，应为 0（上年报告支持此改法）`]);
    }
    // the cross-year findings link the report they were compared with: the 2023 PDF the sweep read
    const previous = await panel.locator('a.link.prev').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(previous.length).toBeGreaterThanOrEqual(2);
    expect(new Set(previous)).toEqual(new Set([site.url(GOV_HOST, HONGZE_PDF)]));
    expect(logged.errors.filter((e) => !e.includes('/favicon.ico'))).toEqual([]);
    await page.close();
  }, 60_000);
});
