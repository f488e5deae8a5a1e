// Government sites that send a strict Content-Security-Policy: the page's CSP binds the page, not the extension.
// The bootstrap still loads the annotator, the overlay is still styled (a constructed stylesheet and CSSOM
// properties, never a style attribute or <style> the policy could block) and the marks sit on the cells.
import { describe, expect, it } from 'vitest';
import { collectErrors, coverage, fixture, GOV, useSession } from './harness';

const CHANGED = '2025-pingtan-guanweihui.granted-38.html';

const POLICIES = [
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'",
  "default-src 'none'",
  "require-trusted-types-for 'script'; trusted-types 'none'",
];

const s = useSession();

describe('pages with a strict Content-Security-Policy', () => {
  for (const policy of POLICIES) {
    it(`${policy}: the changed cell is marked, on the cell, styled; the extension logs nothing`, async () => {
      const page = await s.context.newPage();
      const log = collectErrors(page);
      await page.route(`${GOV}/${CHANGED}`, (route) =>
        route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy },
          body: fixture(CHANGED),
        }),
      );
      await page.goto(`${GOV}/${CHANGED}`, { waitUntil: 'load' });
      const suspect = page.locator('gidar-overlay .mark.suspect[data-cell="t3:granted:naturalPerson"]').first();
      await suspect.waitFor({ state: 'attached', timeout: 20_000 });
      await suspect.scrollIntoViewIfNeeded();
      // the stylesheet applied: the mark is positioned and outlined
      const style = await suspect.evaluate((el) => {
        const cs = getComputedStyle(el);
        return { position: cs.position, outline: `${cs.outlineStyle} ${cs.borderTopStyle}` };
      });
      expect(style.position).toBe('absolute');
      expect(style.outline).not.toBe('none none');
      const cell = await page.evaluate(() => {
        const tr = [...document.querySelectorAll('tr')].find((r) => r.textContent?.replace(/\s+/g, '').includes('（一）予以公开'));
        const td = [...(tr?.querySelectorAll('td') ?? [])].find((c) => c.textContent?.replace(/\s+/g, '') === '38');
        const r = td!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      expect(coverage((await suspect.boundingBox())!, cell)).toBeGreaterThan(0.9);
      expect(log.errors.filter((e) => /chrome-extension:|gidar/i.test(e))).toEqual([]);
      await page.close();
    });
  }
});
