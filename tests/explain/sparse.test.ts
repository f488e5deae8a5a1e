// Issue 11 §1: on pages that leave the 法人 columns or the 总计 column blank, one misprint is still pinned to its
// cell wherever the whole table (blanks as unknowns ≥ 0, spec §7.8) allows only that one correction.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../core/check';
import { localize } from '../../core/explain/localize';
import { cellKey } from '../../core/model/ids';
import type { Suspect } from '../../core/model/schema';
import { buildReport } from '../rules/fixtures';
import { consistentTables, refOf, t3Pos, valueAt } from './gen';
import { pageWith, readPage, singleCellExplanations, sparsePages, typos } from './sparse';

const key = (s: Suspect) => `${cellKey(s)}=${s.suggested}`;
const SUM_RULES = /^t3\.(rowTotal|balance|outcomeSum|forwardBound)$/;
const pages = sparsePages();
/** The values a suspect may take: its bounds where blanks leave it open, else its one suggested value. */
const rangeOf = (s: Suspect) => s.bounds ?? { min: s.suggested, max: s.suggested };
const oracleRange = (ex: { key: string; lo: number; hi: number }[], s: Suspect) => {
  const e = ex.find((x) => x.key === cellKey(s))!;
  return { min: e.lo, max: e.hi === Infinity ? null : e.hi };
};

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

  it('Shanghai 2019, 2.没有现成信息需要另行制作 × 自然人 printed 444 instead of 44: named, with 0–44 open because blank 自然人 cells could hold the rest', () => {
    const html = readFileSync(pages.find((f) => f.includes('shanghai'))!, 'utf8');
    const cell = readPage(html).cells.find((c) => c.table === 't3' && c.row === 'unable.needsCreation' && c.col === 'naturalPerson')!;
    const f = checkReport(pageWith(html, cell, '444')).find((x) => x.rule === 't3.outcomeSum' && x.scope === 'naturalPerson')!;
    expect(f.suspects).toEqual([{ table: 't3', row: 'unable.needsCreation', col: 'naturalPerson', printed: 444, suggested: 44, typo: 'double', bounds: { min: 0, max: 44 } }]);
    expect(f.message.zh).toContain('印作 444，应为 44（疑似笔误：多打一位重复数字；有空白格，0–44 均与表格相符）');
    expect(f.message.en).toContain('should be 44 (likely typo: double; with the blank cells, anything from 0 to 44 fits the table)');
  });

  it('a search that runs out of tests claims nothing: beyondLimit, not the explanations found so far', () => {
    const html = readFileSync(pages.find((f) => f.includes('shanghai'))!, 'utf8');
    const cell = readPage(html).cells.find((c) => c.table === 't3' && c.row === 'granted' && c.col === 'naturalPerson')!;
    const report = pageWith(html, cell, '285');
    expect(localize(report).find((l) => l.system === 't3')!.status).toBe('ambiguous');
    const cut = localize(report, { maxTests: 3 }).find((l) => l.system === 't3')!;
    expect(cut.status).toBe('beyondLimit');
    expect(cut.solutions).toEqual([]);
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
            expect(rangeOf(loc.solutions[0]![0]!), at).toEqual(oracleRange(explanations, loc.solutions[0]![0]!));
            for (const f of findings) {
              expect(f.ambiguous, at).toBe(false);
              expect(f.suspects.map(key), at).toEqual([truth]);
            }
          } else {
            expect(loc.status, at).toBe('ambiguous');
            expect(loc.solutions.map((s) => cellKey(s[0]!)).sort(), at).toEqual(explanations.map((e) => e.key).sort());
            for (const [s] of loc.solutions) expect(rangeOf(s!), at).toEqual(oracleRange(explanations, s!));
            for (const f of findings) expect(f.ambiguous, at).toBe(true);
          }
        }
      }
    });
  }

  // Blank patterns of real pages on random consistent tables: the 法人 columns (Shuyang), the 总计 column of the
  // outcome rows (Shanghai), or scattered cells; the blanks hide the true numbers, which still fit the table.
  const blankPattern = fc.oneof(
    fc.constant((_row: number, col: number) => col >= 1 && col <= 5),
    fc.constant((row: number, col: number) => col === 6 && row >= 2 && row <= 22),
    fc.array(fc.boolean(), { minLength: 175, maxLength: 175 }).map((bits) => (row: number, col: number) => bits[row * 7 + col]! && bits[(row * 7 + col + 1) % 175]!),
  );

  it('random tables with blanks: one misprinted cell is pinned exactly where the integer-programming oracle finds it alone', () => {
    fc.assert(
      fc.property(consistentTables, blankPattern, t3Pos, fc.integer({ min: 0, max: 400 }), (t, blank, pos, v) => {
        fc.pre(!blank(pos.row, pos.col) && v !== valueAt(t, pos));
        const t3 = t.t3.map((r, row) => r.map((x, col) => (row === pos.row && col === pos.col ? v : blank(row, col) ? '' : x)));
        const report = buildReport({ t3, t4: t.t4, t2: null, sections: [] });
        const truth = `${cellKey(refOf(pos))}=${valueAt(t, pos)}`;
        const explanations = singleCellExplanations(report);
        const loc = localize(report).find((l) => l.system === 't3')!;
        if (explanations === null) return void expect(loc.status).toBe('consistent');
        expect(explanations.map((e) => e.key)).toContain(cellKey(refOf(pos)));
        expect(loc.solutions.map((s) => cellKey(s[0]!)).sort()).toEqual(explanations.map((e) => e.key).sort());
        // each value named is within the range the oracle allows, and that range is stated where it is open
        for (const [s] of loc.solutions) {
          expect(rangeOf(s!)).toEqual(oracleRange(explanations, s!));
          const r = rangeOf(s!);
          expect(r.min <= s!.suggested && (r.max === null || s!.suggested <= r.max)).toBe(true);
        }
        if (explanations.length === 1) {
          expect(loc.status).toBe('unique');
          if (explanations[0]!.lo === explanations[0]!.hi) expect(loc.solutions[0]!.map(key)).toEqual([truth]);
        } else expect(loc.status).toBe('ambiguous');
      }),
      { numRuns: 60 },
    );
  });
});
