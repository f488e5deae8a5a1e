// Issue 11 §1: on pages that leave the 法人 columns or the 总计 column blank, one misprint is still pinned to its
// cell wherever the whole table (blanks as unknowns ≥ 0, spec §7.8) allows only that one correction.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../core/check';
import { localize } from '../../core/explain/localize';
import { cellKey } from '../../core/model/ids';
import type { Suspect } from '../../core/model/schema';
import { pageWith, readPage, singleCellExplanations, sparsePages, typos } from './sparse';

const key = (s: Suspect) => `${cellKey(s)}=${s.suggested}`;
const SUM_RULES = /^t3\.(rowTotal|balance|outcomeSum|forwardBound)$/;
const pages = sparsePages();

describe('localization on sparse real pages', () => {
  it('the corpus has the two sparse pages: Shuyang 2023 (法人 columns blank) and Shanghai 2019 (总计 column blank)', () => {
    expect(pages.map((f) => f.split('/').pop())).toEqual(['2019-shanghai-shizhengfu-bangongting.html', '2023-shuyang-fagaiju.html']);
  });

  it('Shuyang 2023, 四、结转下年度 × 自然人 printed 8 instead of 0: that cell is named with 0, nothing else', () => {
    const html = readFileSync(pages.find((f) => f.includes('shuyang'))!, 'utf8');
    const cell = readPage(html).cells.find((c) => c.table === 't3' && c.row === 'carriedForward' && c.col === 'naturalPerson')!;
    const report = pageWith(html, cell, '8');
    const fails = checkReport(report).filter((f) => f.status === 'fail' && SUM_RULES.test(f.rule));
    expect(fails.map((f) => `${f.rule}|${f.scope}`).sort()).toEqual(['t3.balance|naturalPerson', 't3.rowTotal|carriedForward']);
    for (const f of fails) {
      expect(f.ambiguous).toBe(false);
      expect(f.suspects.map(key)).toEqual(['t3:carriedForward:naturalPerson=0']);
      expect(f.message.zh).toContain('印作 8，应为 0');
      expect(f.message.en).not.toContain('equally simple');
    }
  });

  it('Shanghai 2019, 一、本年新收 × 商业企业 printed 3 instead of 35: no identity fails alone, the table cannot hold, 35 is named', () => {
    const html = readFileSync(pages.find((f) => f.includes('shanghai'))!, 'utf8');
    const cell = readPage(html).cells.find((c) => c.table === 't3' && c.row === 'newReceived' && c.col === 'commercial')!;
    const report = pageWith(html, cell, '3');
    // the 新收 row's blanks could take the 32, and so could 上年结转 × 商业企业 — were 上年结转's row not full already
    expect(singleCellExplanations(report)!.map((e) => e.key)).toEqual(['t3:newReceived:commercial']);
    const findings = checkReport(report).filter((f) => SUM_RULES.test(f.rule));
    expect(findings.filter((f) => f.status === 'fail')).toEqual([]);
    const named = findings.filter((f) => f.suspects.length > 0 && f.params?.localization === 'unique');
    expect(named.map((f) => `${f.rule}|${f.scope}|${f.status}`).sort()).toEqual(['t3.balance|commercial|needsReview', 't3.forwardBound|commercial|needsReview', 't3.rowTotal|newReceived|needsReview']);
    for (const f of named) {
      expect(f.suspects.map(key)).toEqual(['t3:newReceived:commercial=35']);
      expect(f.message.zh).toContain('印作 3，应为 35');
    }
  });

  for (const page of pages) {
    const name = page.split('/').pop()!;
    it(`${name}: every 自然人 cell misprinted in turn is pinned where it alone explains the table, ambiguous only where others do too`, () => {
      const html = readFileSync(page, 'utf8');
      const cells = readPage(html).cells.filter((c) => c.table === 't3' && c.col === 'naturalPerson' && c.value !== null);
      expect(cells.length).toBeGreaterThan(10);
      for (const cell of cells) {
        for (const typo of typos(cell.value!)) {
          const report = pageWith(html, cell, String(typo));
          expect(report.cells.find((c) => cellKey(c) === cellKey(cell))!.value).toBe(typo);
          const truth = `${cellKey(cell)}=${cell.value}`;
          const explanations = singleCellExplanations(report);
          const loc = localize(report).find((l) => l.system === 't3')!;
          const at = `${truth} printed ${typo}`;
          if (explanations === null) {
            // blanks absorb the change: the table still holds, nothing to localize
            expect(loc.status, at).toBe('consistent');
            continue;
          }
          const own = explanations.find((e) => e.key === cellKey(cell))!;
          expect(own.lo <= cell.value! && cell.value! <= own.hi, at).toBe(true);
          const findings = checkReport(report).filter((f) => f.status === 'fail' && SUM_RULES.test(f.rule));
          if (explanations.length === 1) {
            expect(loc.status, at).toBe('unique');
            expect(loc.solutions.map((s) => s.map(key)), at).toEqual([[truth]]);
            for (const f of findings) {
              expect(f.ambiguous, at).toBe(false);
              expect(f.suspects.map(key), at).toEqual([truth]);
            }
          } else {
            expect(loc.status, at).toBe('ambiguous');
            expect(loc.solutions.map((s) => cellKey(s[0]!)).sort(), at).toEqual(explanations.map((e) => e.key).sort());
            for (const [s] of loc.solutions) {
              const e = explanations.find((x) => x.key === cellKey(s!))!;
              expect(e.lo <= s!.suggested && s!.suggested <= e.hi, at).toBe(true);
            }
            for (const f of findings) expect(f.ambiguous, at).toBe(true);
          }
        }
      }
    });
  }
});
