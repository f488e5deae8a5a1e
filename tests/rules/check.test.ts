// The entry point: order of findings, schema validity, and robustness on messy input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkPair, checkReport } from '../../core/check';
import { Finding, type Report } from '../../core/model/schema';
import { readDocument } from '../../core/read/dom';
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

describe('a report published only as an attachment (tests/fixtures/html/attachment-only.html)', () => {
  const page = readFileSync(join(import.meta.dirname, '../fixtures/html/attachment-only.html'), 'utf8');
  const { document } = parseHTML(page);
  const report = readDocument(document as unknown as Document)[0]!.report;
  const findings = checkReport(report);

  it('says once, in words, that no table was read and why', () => {
    const tables = findings.filter((f) => f.rule === 'meta.tablesPresent');
    expect(tables.map((f) => f.status)).toEqual(['fail']);
    expect(tables[0]!.message.zh).toBe('未读到表格：表二 主动公开、表三 依申请公开、表四 复议诉讼（表格在附件中），这些表格的勾稽关系无法检查。');
    expect(tables[0]!.message.en).toBe('Tables not read: Table 2 (proactive disclosure), Table 3 (applications), Table 4 (review and litigation) (table is in an attachment); their identities cannot be checked.');
  });

  it('does not blame the page for lacking the sections the attachment holds', () => {
    expect(findings.filter((f) => f.rule === 'meta.sections')).toEqual([]);
  });
});
