// Every error visible on the page: real report pages, each with one printed number changed, for every identity kind
// (row total, balance, outcome sum, 表四 block sums), both formats (2019, 2021) and the sparse pages (Shanghai 2019:
// 总计 column and 法人 columns mostly blank; Shuyang 2023: the five 法人 columns blank).
// Rules of the overlay checked here: an error outlines every printed cell of its identity and carries a numbered
// marker; the cells of its suggested corrections stand out (suspect, or candidate when several explain it equally);
// blank cells keep their quiet mark in addition. The changed cell always carries a mark of each broken identity,
// with its data-cell, on the cell.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { readDocument } from '../../core/read/dom';
import { type Chrome, collectErrors, coverage, fixture, GOV, ROOT, tabIdOf, useSession } from './harness';

const SHOTS = join(ROOT, 'docs/screenshots');
const s = useSession();

interface Case {
  page: string;
  /** the changed cell (spec §0 ids) */
  cell: string;
  /** text of the changed cell's row on the page, when the row has a label */
  row?: string;
  /** as printed in the real report (read from the page), and as changed */
  printed: string;
  changed: string;
  /** failing errors after the change, worked out by hand from the report's numbers */
  errors: string[];
  /** for some: which cells of an identity can be corrected by one change (worked out by hand), the others cannot */
  corrections?: { rule: string; cells: string[]; others: string[] };
  shot?: string;
}

// Identity sizes from the templates (spec §7): a row total spans 自然人, the five 法人 columns and 总计; a balance
// the four rows 一 二 (七) 四; an outcome sum the outcome rows and (七) 总计 (2019: 19 + 1, 2021: 21 + 1); a 表四 block
// 维持, 纠正, 其他, 尚未审结 and 总计.
const SIZE: Record<string, number> = { 't3.rowTotal': 7, 't3.balance': 4, 't4.reviewSum': 5, 't4.litDirectSum': 5, 't4.litAfterReviewSum': 5 };
const outcomeSumSize = (page: string): number => (page.startsWith('2019-') ? 20 : 22);

const SHANGHAI = '2019-shanghai-shizhengfu-bangongting.html';
const CASES: Case[] = [
  // 2019 format, sparse. The 总计 column is blank: a changed 自然人 number breaks the column's outcome sum only
  // (the row total may still hold with its blanks), and the blanks keep the checker from naming a single cell.
  { page: SHANGHAI, cell: 't3:unable.notHeld:naturalPerson', row: '本机关不掌握相关政府信息', printed: '252', changed: '255', errors: ['t3.outcomeSum'], shot: 'sparse-error.png' },
  // 821 → 921: 921 + 35 + 2 + 1 > 859 (no blank can make up for it), and 921 + 18 ≠ 767 + 72
  { page: SHANGHAI, cell: 't3:newReceived:naturalPerson', row: '本年新收政府信息公开申请数量', printed: '821', changed: '921', errors: ['t3.rowTotal', 't3.balance'] },
  // 直接起诉: 9 + (blank) + (blank) + 1 > 9
  { page: SHANGHAI, cell: 't4:cases:litDirect.upheld', printed: '8', changed: '9', errors: ['t4.litDirectSum'] },
  // 行政复议: 5 + (blank) + (blank) + 2 > 6 (its 复议后起诉 block is blank throughout: no number to change there)
  { page: SHANGHAI, cell: 't4:cases:review.total', printed: '7', changed: '6', errors: ['t4.reviewSum'] },
  // 2021 format. Pingtan 2023: 80 → 83 breaks its row (83 + 1 ≠ 81) and its column's balance; 83 is the one cell
  // that mends both.
  { page: '2023-pingtan-guanweihui.html', cell: 't3:newReceived:naturalPerson', row: '本年新收政府信息公开申请数量', printed: '80', changed: '83', errors: ['t3.rowTotal', 't3.balance'] },
  // Pingtan 2023 直接起诉 (MANIFEST: 4 + 0 + 0 + 1 = 5): 7 + 0 + 0 + 1 ≠ 5; 维持 4 or 总计 8, the others cannot go lower
  {
    page: '2023-pingtan-guanweihui.html',
    cell: 't4:cases:litDirect.upheld',
    printed: '4',
    changed: '7',
    errors: ['t4.litDirectSum'],
    corrections: {
      rule: 't4.litDirectSum',
      cells: ['t4:cases:litDirect.upheld', 't4:cases:litDirect.total'],
      others: ['t4:cases:litDirect.corrected', 't4:cases:litDirect.other', 't4:cases:litDirect.pending'],
    },
  },
  // Pingtan 2025 复议后起诉: 7 + 0 + 0 + 0 ≠ 3. Either 维持 is 3 or 总计 is 7; the three zeros cannot be lowered.
  {
    page: '2025-pingtan-guanweihui.html',
    cell: 't4:cases:litAfterReview.upheld',
    printed: '3',
    changed: '7',
    errors: ['t4.litAfterReviewSum'],
    corrections: {
      rule: 't4.litAfterReviewSum',
      cells: ['t4:cases:litAfterReview.upheld', 't4:cases:litAfterReview.total'],
      others: ['t4:cases:litAfterReview.corrected', 't4:cases:litAfterReview.other', 't4:cases:litAfterReview.pending'],
    },
  },
  // Pingtan 2025 行政复议: 52 + 3 + 8 + 0 ≠ 36; 维持 25 or 总计 63, nothing else (it would go below zero)
  {
    page: '2025-pingtan-guanweihui.html',
    cell: 't4:cases:review.upheld',
    printed: '25',
    changed: '52',
    errors: ['t4.reviewSum'],
    corrections: {
      rule: 't4.reviewSum',
      cells: ['t4:cases:review.upheld', 't4:cases:review.total'],
      others: ['t4:cases:review.corrected', 't4:cases:review.other', 't4:cases:review.pending'],
    },
  },
  // Shuyang 2023, sparse (法人 columns blank): 62 in a row whose 总计 is 26, and in a column adding up to 26
  { page: '2023-shuyang-fagaiju.html', cell: 't3:granted:naturalPerson', row: '（一）予以公开', printed: '26', changed: '62', errors: ['t3.rowTotal', 't3.outcomeSum'] },
  { page: '2023-shuyang-fagaiju.html', cell: 't3:newReceived:naturalPerson', row: '本年新收政府信息公开申请数量', printed: '26', changed: '28', errors: ['t3.rowTotal', 't3.balance'] },
  // Shuyang 2023 行政复议: 0 + 0 + 0 + 4 ≠ 1; 尚未审结 1 or 总计 4
  {
    page: '2023-shuyang-fagaiju.html',
    cell: 't4:cases:review.pending',
    printed: '1',
    changed: '4',
    errors: ['t4.reviewSum'],
    corrections: { rule: 't4.reviewSum', cells: ['t4:cases:review.pending', 't4:cases:review.total'], others: ['t4:cases:review.upheld', 't4:cases:review.corrected', 't4:cases:review.other'] },
  },
];

/**
 * The real page with one number changed. The cell is found by the reader (as the CLI reads the page) and must print
 * the hand-read number in the hand-named row; it gets a data attribute so that the browser side can find it.
 */
function changedPage(c: Case): string {
  const { document } = parseHTML(fixture(c.page));
  const [rr] = readDocument(document as unknown as Document, { url: `${GOV}/${c.page}` });
  const el = rr?.elements.get(c.cell);
  if (!el) throw new Error(`${c.page}: no cell ${c.cell}`);
  if (c.row && !el.closest('tr')?.textContent?.replace(/\s+/g, '').includes(c.row)) throw new Error(`${c.cell} is not in the row ${c.row}`);
  const walker = document.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let text: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim()) text = n as Text;
  if (text?.data.trim() !== c.printed) throw new Error(`${c.page} ${c.cell}: printed ${JSON.stringify(el.textContent)}, not ${c.printed}`);
  text.data = text.data.replace(c.printed, c.changed);
  el.setAttribute('data-e2e-changed', '');
  return document.toString();
}

interface Drawn {
  cls: string[];
  cell: string;
  rule: string;
  box: { x: number; y: number; width: number; height: number };
  /** the text of the page's table cell under the mark's centre (looked up by the test, not the extension) */
  under: string | null;
}

/** The marks of the failing error `rule` (found by its marker's number), each with the page's cell under it. */
async function drawnMarks(page: Page, rule: string): Promise<Drawn[]> {
  const n = await page.locator(`gidar-overlay button.marker:not(.review)[data-rule="${rule}"]`).getAttribute('data-finding');
  const cells = await page.evaluate(
    (n) => [...document.querySelector('gidar-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>(`.mark[data-finding="${n}"]`)].map((m) => m.dataset.cell!),
    n,
  );
  const out: Drawn[] = [];
  for (const cell of cells) {
    const mark = page.locator(`gidar-overlay .mark[data-finding="${n}"][data-cell="${cell}"]`);
    await mark.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
    await page.waitForTimeout(50);
    const box = (await mark.boundingBox())!;
    const got = await page.evaluate(
      ([x, y, cell, n]) => {
        const m = document.querySelector('gidar-overlay')!.shadowRoot!.querySelector(`.mark[data-finding="${n}"][data-cell="${cell}"]`)!;
        // the marks let the pointer through (pointer-events: none), so the point hits the page's cell
        const td = document.elementFromPoint(x as number, y as number)?.closest('td, th');
        return { cls: [...m.classList], under: td ? (td.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, '') : null };
      },
      [box.x + box.width / 2, box.y + box.height / 2, cell, n] as const,
    );
    out.push({ ...got, cell, rule, box });
  }
  return out;
}

async function badgeOf(page: Page): Promise<string> {
  const tabId = await tabIdOf(s.worker, page.url());
  return s.worker.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }), tabId);
}

const OUTLINES = ['suspect', 'candidate', 'related'];

describe('one number changed on a real page: every error is visible', () => {
  for (const c of CASES) {
    it(`${c.page} ${c.cell} ${c.printed} → ${c.changed}: ${c.errors.join(', ')}`, async () => {
      const page = await s.context.newPage();
      const log = collectErrors(page);
      // one address per case: the background keeps each tab's summary by the address it reported
      const path = `/${c.page.replace(/\.html$/, '')}.${c.cell.replace(/\W+/g, '-')}-${c.changed}.html`;
      const body = changedPage(c);
      await page.route(`${GOV}${path}`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body }));
      await page.goto(`${GOV}${path}`, { waitUntil: 'load' });
      await page.locator('gidar-overlay button.marker').first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300);
      // fold the panel: the cells under the marks are looked up by their position
      await page.locator('gidar-overlay .panel header button[aria-expanded="true"]').click();

      // The failing errors are those worked out by hand: the toolbar badge counts them, each has its marker.
      await expect.poll(() => badgeOf(page), { timeout: 10_000 }).toBe(String(c.errors.length));
      const errorMarkers = await page.locator('gidar-overlay button.marker:not(.review)').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
      expect(errorMarkers.sort()).toEqual([...c.errors].sort());

      for (const rule of c.errors) {
        const marks = await drawnMarks(page, rule);
        const size = rule === 't3.outcomeSum' ? outcomeSumSize(c.page) : SIZE[rule]!;
        // every cell of the identity, once
        expect(new Set(marks.map((m) => m.cell)).size).toBe(size);
        expect(marks).toHaveLength(size);
        for (const m of marks) {
          // printed cells outlined, blank cells hatched: checked against the page's own cell under each mark
          const blank = m.cls.includes('blank');
          expect(m.under, `${rule} ${m.cell}`).not.toBeNull();
          if (blank) expect(m.under, `${rule} ${m.cell}`).toBe('');
          else {
            expect(m.cls.some((k) => OUTLINES.includes(k)), `${rule} ${m.cell} ${m.cls.join(' ')}`).toBe(true);
            expect(m.under, `${rule} ${m.cell}`).toMatch(/^\d+$/);
          }
        }
        // the changed cell: a mark with its data-cell, an outline that sits on the cell itself
        await page.locator('[data-e2e-changed]').evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
        await page.waitForTimeout(50);
        const n = await page.locator(`gidar-overlay button.marker:not(.review)[data-rule="${rule}"]`).getAttribute('data-finding');
        const mine = page.locator(`gidar-overlay .mark[data-finding="${n}"][data-cell="${c.cell}"]`);
        expect(await mine.count()).toBe(1);
        expect(await mine.getAttribute('data-rule')).toBe(rule);
        const cls = (await mine.getAttribute('class'))!.split(' ');
        expect(cls.some((k) => OUTLINES.includes(k))).toBe(true);
        const cell = (await page.locator('[data-e2e-changed]').boundingBox())!;
        expect(coverage((await mine.boundingBox())!, cell)).toBeGreaterThan(0.9);
        // the finding's marker sits on one of its outlined cells
        const marker = page.locator(`gidar-overlay button.marker:not(.review)[data-rule="${rule}"]`);
        expect(await marker.count()).toBe(1);
        const markerCell = await marker.getAttribute('data-cell');
        expect(marks.find((m) => m.cell === markerCell)?.cls.some((k) => OUTLINES.includes(k))).toBe(true);
      }

      if (c.corrections) {
        // the cells one change can mend stand out; the others (zeros that cannot go lower) are outlined softly
        const marks = await drawnMarks(page, c.corrections.rule);
        const kind = (cell: string): string[] => marks.find((m) => m.cell === cell)?.cls ?? [];
        for (const cell of c.corrections.cells) expect(kind(cell).some((k) => k === 'suspect' || k === 'candidate'), cell).toBe(true);
        for (const cell of c.corrections.others) expect(kind(cell), cell).toContain('related');
      }

      if (c.shot) {
        await page.locator('[data-e2e-changed]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(SHOTS, c.shot) });
      }
      expect(log.errors.filter((e) => /chrome-extension:|gidar/i.test(e))).toEqual([]);
      await page.close();
    });
  }
});

describe('a real report whose columns do not add up: Pingtan 2020, its table 三 as published', () => {
  // tests/fixtures/e2e/2020-pingtan-guanweihui.tables.html: the published numbers of tables 三 and 四 in a plain
  // layout (see the README there). 自然人: 6 + 6 + 4 + 3 + 3 + 4 = 26 ≠ (七)总计 20; 总计: 7 + 6 + 4 + 3 + 3 + 4 = 27 ≠ 21.
  // One mend for both columns and the rows: 予以公开 (自然人 0, 总计 1) or 部分公开 (0 and 0). The zeros and 4, 3, 3, 4
  // cannot be the culprit (lowering them breaks their own rows).
  it('outlines both columns, the 予以公开 and 部分公开 cells standing out, each error with its marker', async () => {
    const page = await s.context.newPage();
    const log = collectErrors(page);
    await page.goto(`${GOV}/2020-pingtan-guanweihui.tables.html`, { waitUntil: 'load' });
    await page.locator('gidar-overlay button.marker').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await expect.poll(() => badgeOf(page), { timeout: 10_000 }).toBe('2');
    const findings = await page.locator('gidar-overlay button.marker:not(.review)').evaluateAll((els) => els.map((e) => [e.getAttribute('data-rule'), e.getAttribute('data-finding')] as const));
    expect(findings.map(([rule]) => rule)).toEqual(['t3.outcomeSum', 't3.outcomeSum']);
    for (const col of ['naturalPerson', 'total']) {
      const marks = await page.evaluate((col) => {
        const root = document.querySelector('gidar-overlay')!.shadowRoot!;
        const own = [...root.querySelectorAll<HTMLElement>('.mark[data-rule="t3.outcomeSum"]')].filter((m) => m.dataset.cell!.endsWith(`:${col}`));
        return own.map((m) => [m.dataset.cell!, [...m.classList].filter((k) => k !== 'mark').join(' ')] as const);
      }, col);
      const kinds = new Map(marks);
      expect(marks).toHaveLength(20);
      expect(kinds.get(`t3:granted:${col}`)).toBe('candidate');
      expect(kinds.get(`t3:partial:${col}`)).toBe('candidate');
      const rest = marks.filter(([cell]) => cell !== `t3:granted:${col}` && cell !== `t3:partial:${col}`);
      expect(new Set(rest.map(([, k]) => k))).toEqual(new Set(['related']));
    }
    await page.evaluate(() => document.querySelector('table')?.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'two-explanations.png') });
    expect(log.errors.filter((e) => /chrome-extension:|gidar/i.test(e))).toEqual([]);
    await page.close();
  });
});
