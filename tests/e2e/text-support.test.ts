// Issue 13 §2 in the browser: the Pingtan 2025 page with 表四 行政复议·总计 printed 37 instead of 36. Five cells
// explain the sum equally; the report's own sentence "全年办理因政府信息公开申请引发的行政复议36起" supports one of
// them (总计 37→36). The overlay marks that cell as the suspect, flagged data-support="text", and the tooltip quotes
// the sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { collectErrors, GOV, ROOT, useSession, waitForOverlay } from './harness';

const s = useSession();
const NAME = '2025-pingtan-guanweihui.review-37.html';

describe(`text-supported suspect: ${NAME}`, () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    page = await s.context.newPage();
    errors = collectErrors(page).errors;
    await page.goto(`${GOV}/${NAME}`, { waitUntil: 'load' });
    await waitForOverlay(page);
    await page.locator('gidar-overlay .mark.suspect[data-cell="t4:cases:review.total"]').first().waitFor({ state: 'attached' });
  });
  afterAll(async () => {
    await page?.close();
  });

  it('marks the text-supported cell as the suspect of the review sum, with data-support="text"; the others as candidates', async () => {
    const suspects = page.locator('gidar-overlay .mark.suspect[data-rule="t4.reviewSum"]');
    expect(await suspects.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-cell')}|${e.getAttribute('data-support')}`))).toEqual([
      't4:cases:review.total|text',
    ]);
    // the other equally simple corrections stay marked as candidates, without the flag
    const candidates = page.locator('gidar-overlay .mark.candidate[data-rule="t4.reviewSum"]');
    expect(await candidates.count()).toBe(4);
    expect(await candidates.evaluateAll((els) => els.filter((e) => e.hasAttribute('data-support')).length)).toBe(0);
  });

  it('the tooltip names the correction the text supports, quotes the sentence and keeps the others as possible', async () => {
    const marker = page.locator('gidar-overlay button.marker[data-rule="t4.reviewSum"]');
    await marker.scrollIntoViewIfNeeded();
    await marker.hover();
    const tip = page.locator('gidar-overlay [role="tooltip"]');
    await tip.waitFor({ state: 'visible' });
    const text = (await tip.textContent()) ?? '';
    expect(text).toContain('只与其中一种一致');
    expect(text).toContain('行政复议36起');
    expect(text).toContain('其他可能');
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/text-support.png') });
    await page.keyboard.press('Escape');
  });

  it('causes no errors', () => {
    expect(errors.filter((e) => /chrome-extension:|gidar/i.test(e))).toEqual([]);
  });
});
