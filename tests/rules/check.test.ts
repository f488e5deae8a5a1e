// The entry point: order of findings, schema validity, and robustness on messy input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPair, checkReport } from '../../core/check';
import { Finding, type Report } from '../../core/model/schema';
import { buildReport, HUIXIAN_T3, HUIXIAN_T4, T3_COLS, T3_ROWS_2021, withCells } from './fixtures';

const rank = (f: Finding) =>
  f.status === 'fail' && f.severity === 'error' ? 0 : f.status === 'needsReview' ? 1 : f.status === 'fail' && f.severity === 'warning' ? 2 : f.status === 'fail' ? 3 : f.status === 'notCheckable' ? 4 : 5;

describe('checkReport', () => {
  it('orders findings: failed errors, needs review, failed warnings, failed info, not checkable, passes', () => {
    const r = withCells(buildReport(), {
      't3:granted:total': '98', // error
      't3:partial:research': '', // needs review (0 fits)
      't4:cases:review.upheld': '见附件', // not checkable + text warning
      't2:adminFees:feeAmountWan': '205873303', // info
    });
    const f = checkReport(r);
    const ranks = f.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(f[0]!.rule).toBe('t3.rowTotal');
  });

  it('says nothing about a table that was not read, beyond meta.tablesPresent', () => {
    const f = checkReport(buildReport({ t3: null, tablesFound: ['t2', 't4'] }));
    expect(f.filter((x) => x.rule.startsWith('t3.'))).toEqual([]);
    expect(f.find((x) => x.rule === 'meta.tablesPresent')!.status).toBe('fail');
  });

  it('never crashes and always returns valid findings on messy cells', () => {
    const printed = fc.oneof(fc.integer({ min: 0, max: 500 }).map(String), fc.constantFrom('', '—', '/', '无', '见附件', '-3', '1.5', '1,234', '２０'));
    fc.assert(
      fc.property(fc.array(fc.array(printed, { minLength: 7, maxLength: 7 }), { minLength: 25, maxLength: 25 }), fc.array(printed, { minLength: 15, maxLength: 15 }), fc.boolean(), (t3, t4, drop) => {
        let r: Report = buildReport({ t3, t4 });
        if (drop) r = withCells(r, {}, [`t3:${T3_ROWS_2021[3]}:*`, 't4:cases:review.total']);
        const f = checkReport(r);
        for (const x of f) Finding.parse(x);
        expect(f.filter((x) => x.params?.reason === 'internal')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('checkPair validates and never crashes, even on reports without tables', () => {
    const empty = buildReport({ t2: null, t3: null, t4: null, sections: [] });
    for (const [a, b] of [
      [empty, buildReport()],
      [buildReport(), empty],
      [empty, empty],
    ] as const) {
      const f = checkPair(a, b);
      for (const x of f) Finding.parse(x);
      expect(f.filter((x) => x.params?.reason === 'internal')).toEqual([]);
    }
  });

  it('the seed matrix helpers agree with the template', () => {
    expect(Object.keys(HUIXIAN_T3)).toEqual(T3_ROWS_2021);
    expect(T3_COLS).toHaveLength(7);
    expect(HUIXIAN_T4).toHaveLength(15);
  });
});
