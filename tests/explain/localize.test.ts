import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../core/check';
import { localize, typoKind } from '../../core/explain/localize';
import { cellKey } from '../../core/model/ids';
import { Finding } from '../../core/model/schema';
import type { Suspect } from '../../core/model/schema';
import { buildReport, HUIXIAN_T3, T3_COLS as T3_COLS_, T3_ROWS_2021 as T3_ROWS, to2019 } from '../rules/fixtures';
import { consistentTables, oracle, refOf, t3Pos, t4Pos, tablesReport, valueAt, withValue, type CellPos } from './gen';

const key = (s: Suspect) => `${cellKey(s)}=${s.suggested}`;
const solutionKeys = (sols: Suspect[][]) => sols.map((s) => s.map(key).sort()).sort();

describe('typoKind', () => {
  it.each([
    [12, 21, 'swap'],
    [1203, 1023, 'swap'],
    [12, 123, 'drop'],
    [5, 55, 'drop'],
    [122, 12, 'double'],
    [1205, 125, 'insert'],
    [128, 123, 'mistype'],
    [3, 8, null],
    [0, 11, null],
    [100, 1, null],
    [21, 21, null],
  ] as const)('printed %i, should be %i → %s', (printed, suggested, kind) => {
    expect(typoKind(printed, suggested)).toBe(kind);
  });
});

describe('localize on real numbers', () => {
  it('Huixian 2023: every system consistent', () => {
    expect(localize(buildReport()).map((l) => l.status)).toEqual(['consistent', 'consistent', 'consistent', 'consistent']);
  });

  // Pingtan 2020 (F2019), spec §10: outcome leaves 27 vs （七）总计 21; 自然人 26 vs 20. Balance holds.
  const pingtan2020 = {
    newReceived: [20, 0, 0, 0, 0, 1, 21],
    carriedOver: [0, 0, 0, 0, 0, 0, 0],
    granted: [6, 0, 0, 0, 0, 1, 7],
    partial: [6, 0, 0, 0, 0, 0, 6],
    'unable.notHeld': [4, 0, 0, 0, 0, 0, 4],
    'unable.unclear': [3, 0, 0, 0, 0, 0, 3],
    'notProcessed.repeated': [3, 0, 0, 0, 0, 0, 3],
    other: [4, 0, 0, 0, 0, 0, 4],
    totalProcessed: [20, 0, 0, 0, 0, 1, 21],
    carriedForward: [0, 0, 0, 0, 0, 0, 0],
  };
  const zeroRows = Object.keys(to2019(HUIXIAN_T3)).filter((r) => !(r in pingtan2020));
  const pingtan = buildReport({ format: '2019', year: 2020, t3: { ...Object.fromEntries(zeroRows.map((r) => [r, [0, 0, 0, 0, 0, 0, 0]])), ...pingtan2020 }, t4: Array(15).fill(0), sections: [] });

  it('Pingtan 2020: outcomeSum fails in 自然人 and 总计 only; balance and row totals hold', () => {
    const findings = checkReport(pingtan);
    for (const f of findings) Finding.parse(f);
    const fails = findings.filter((f) => f.status === 'fail');
    expect(fails.map((f) => `${f.rule}|${f.scope}|${f.left}|${f.right}`).sort()).toEqual(['t3.outcomeSum|naturalPerson|20|26', 't3.outcomeSum|total|21|27']);
    expect(findings.filter((f) => f.rule === 't3.balance').every((f) => f.status === 'pass')).toBe(true);
  });

  it('Pingtan 2020: two equally small corrections (予以公开 or 部分公开 double-counted), so ambiguous', () => {
    const [t3] = localize(pingtan);
    expect(t3!.status).toBe('ambiguous');
    expect(solutionKeys(t3!.solutions)).toEqual([
      ['t3:granted:naturalPerson=0', 't3:granted:total=1'],
      ['t3:partial:naturalPerson=0', 't3:partial:total=0'],
    ]);
    const f = checkReport(pingtan).find((x) => x.rule === 't3.outcomeSum' && x.scope === 'naturalPerson')!;
    expect(f.ambiguous).toBe(true);
    expect(f.suspects).toEqual([]);
    expect(f.alternatives).toHaveLength(2);
  });

  it("Huai'an Hongze 2023 t4: review total 0 → 11 (unique); after-review total 0 → 5 listed first, 维持 → 0 the other", () => {
    const r = buildReport({ t4: [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0] });
    const locs = localize(r);
    const review = locs.find((l) => l.system === 'review')!;
    expect(review.status).toBe('unique');
    expect(review.solutions[0]!.map(key)).toEqual(['t4:cases:review.total=11']);
    const after = locs.find((l) => l.system === 'litAfterReview')!;
    expect(after.status).toBe('ambiguous');
    expect(after.solutions.map((s) => s.map(key))).toEqual([['t4:cases:litAfterReview.total=5'], ['t4:cases:litAfterReview.upheld=0']]);
    const f = checkReport(r).find((x) => x.rule === 't4.reviewSum')!;
    expect(f.suspects).toEqual([{ table: 't4', row: 'cases', col: 'review.total', printed: 0, suggested: 11, typo: null }]);
    expect(f.message.zh).toContain('应为 11');
  });

  it('a swapped-digit total is flagged as a typo', () => {
    const r = buildReport({ t3: { ...HUIXIAN_T3, granted: [83, 0, 0, 0, 0, 5, 88], newReceived: [116, 0, 0, 0, 0, 5, 112] } });
    const f = checkReport(r).find((x) => x.rule === 't3.rowTotal' && x.scope === 'newReceived')!;
    expect(f.suspects).toEqual([{ table: 't3', row: 'newReceived', col: 'total', printed: 112, suggested: 121, typo: 'swap' }]);
  });

  it('three wrong cells are found exactly', () => {
    const r = buildReport({
      t3: {
        ...HUIXIAN_T3,
        granted: [38, 0, 0, 0, 0, 5, 88],
        'unable.notHeld': [26, 0, 0, 0, 0, 0, 62],
        'notProcessed.repeated': [1, 0, 0, 0, 0, 1, 1],
      },
    });
    const [t3] = localize(r);
    expect(t3!.status).toBe('unique');
    expect(t3!.solutions[0]!.map(key).sort()).toEqual(['t3:granted:naturalPerson=83', 't3:notProcessed.repeated:otherOrg=0', 't3:unable.notHeld:total=26']);
  });

  // Found by the property below (fast-check): 总计 and 自然人 of one outcome row and 自然人 of another each 1 higher.
  // Fourteen sets of three explain it; with blanks read as unknowns, the LP search ran out of tests here.
  it('three cells 1 higher in a full table: the true three among the minimal explanations, whatever the LP test budget', () => {
    const t = {
      t3: [
        [52, 93, 176, 94, 139, 134, 688],
        [0, 0, 0, 0, 0, 0, 0],
        [0, 1, 1, 1, 1, 41, 45],
        [0, 1, 0, 0, 1, 1, 3],
        [0, 1, 1, 1, 0, 41, 44],
        [1, 1, 1, 0, 1, 1, 5],
        [0, 0, 0, 1, 41, 0, 42],
        [1, 1, 1, 1, 1, 0, 5],
        [0, 0, 1, 0, 1, 1, 3],
        [0, 1, 1, 1, 1, 1, 5],
        [0, 0, 41, 0, 1, 1, 43],
        [1, 0, 1, 1, 1, 41, 45],
        [1, 0, 41, 1, 1, 0, 44],
        [0, 1, 0, 0, 1, 1, 3],
        [1, 0, 1, 1, 1, 1, 5],
        [1, 41, 1, 0, 1, 1, 45],
        [0, 0, 1, 0, 1, 0, 2],
        [1, 1, 41, 1, 0, 1, 45],
        [1, 0, 1, 41, 1, 1, 45],
        [1, 1, 0, 1, 1, 0, 4],
        [41, 41, 41, 1, 41, 1, 166],
        [1, 1, 1, 1, 41, 0, 45],
        [1, 1, 0, 41, 1, 0, 44],
        [52, 93, 176, 94, 139, 134, 688],
        [0, 0, 0, 0, 0, 0, 0],
      ],
      t4: [0, 41, 0, 0, 41, 1, 1, 1, 0, 3, 41, 41, 1, 0, 83],
    };
    const cells: CellPos[] = [
      { table: 't3', row: 21, col: 0 },
      { table: 't3', row: 21, col: 6 },
      { table: 't3', row: 2, col: 0 },
    ];
    const report = tablesReport(cells.reduce((x, p) => withValue(x, p, valueAt(t, p) + 1), t));
    const truth = cells
      .map((p) => `${cellKey(refOf(p))}=${valueAt(t, p)}`)
      .sort()
      .join();
    for (const maxTests of [1, 600]) {
      const loc = localize(report, { maxAlternatives: 1000, maxTests }).find((l) => l.system === 't3')!;
      expect(loc.status).toBe('ambiguous');
      expect(loc.solutions.every((sol) => sol.length === 3)).toBe(true);
      expect(loc.solutions.map((sol) => sol.map(key).sort().join())).toContain(truth);
    }
  });
});

describe('localize properties', () => {
  it('one changed t3 cell: an error appears and exactly that cell is named with its printed-before value', () => {
    fc.assert(
      fc.property(consistentTables, t3Pos, fc.integer({ min: 0, max: 999 }), (t, pos, v) => {
        fc.pre(v !== valueAt(t, pos));
        const report = tablesReport(withValue(t, pos, v));
        const findings = checkReport(report);
        expect(findings.some((f) => f.status === 'fail' && f.severity === 'error')).toBe(true);
        const [loc] = localize(report).filter((l) => l.system === 't3');
        expect(loc!.status).toBe('unique');
        expect(loc!.solutions[0]!.map(key)).toEqual([`${cellKey(refOf(pos))}=${valueAt(t, pos)}`]);
        // and every failing t3 finding carries that suspect
        for (const f of findings.filter((x) => x.status === 'fail' && x.rule.startsWith('t3.'))) {
          expect(f.suspects.map(key)).toEqual([`${cellKey(refOf(pos))}=${valueAt(t, pos)}`]);
          expect(f.ambiguous).toBe(false);
        }
      }),
      { numRuns: 2500 },
    );
  });

  it('one changed t4 cell: named exactly when the block determines it; otherwise ambiguous with the true cell among the alternatives', () => {
    fc.assert(
      fc.property(consistentTables, t4Pos, fc.integer({ min: 0, max: 999 }), (t, pos, v) => {
        fc.pre(v !== valueAt(t, pos));
        const report = tablesReport(withValue(t, pos, v));
        const truth = `${cellKey(refOf(pos))}=${valueAt(t, pos)}`;
        const block = refOf(pos).col.split('.')[0]!;
        const loc = localize(report).find((l) => l.system === block)!;
        const expected = oracle(report, 't4', 1);
        expect(solutionKeys(loc.solutions)).toEqual(expected);
        expect(expected.some((s) => s.join() === truth)).toBe(true);
        expect(loc.status).toBe(expected.length === 1 ? 'unique' : 'ambiguous');
        const f = checkReport(report).find((x) => x.status === 'fail' && x.scope === block)!;
        expect(f.severity).toBe('error');
        expect(f.ambiguous).toBe(expected.length > 1);
        if (expected.length === 1) expect(f.suspects.map(key)).toEqual([truth]);
        else expect(f.alternatives!.map((a) => a.map(key).sort()).sort()).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  const twoCells = fc
    .tuple(t3Pos, t3Pos)
    .filter(([a, b]) => a.row !== b.row || a.col !== b.col);

  it('two changed t3 cells: the localizer lists exactly the minimal explanations a brute-force search finds, the true pair among them', () => {
    fc.assert(
      fc.property(consistentTables, twoCells, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (t, [a, b], va, vb) => {
        fc.pre(va !== valueAt(t, a) && vb !== valueAt(t, b));
        const report = tablesReport(withValue(withValue(t, a, va), b, vb));
        const loc = localize(report).find((l) => l.system === 't3')!;
        const truth = [`${cellKey(refOf(a))}=${valueAt(t, a)}`, `${cellKey(refOf(b))}=${valueAt(t, b)}`].sort();
        // two distinct changes in t3 are never explained by one cell (two rows fail, or two columns do)
        expect(oracle(report, 't3', 1)).toEqual([]);
        const expected = oracle(report, 't3', 2);
        expect(expected.map((s) => s.join())).toContain(truth.join());
        expect(solutionKeys(loc.solutions)).toEqual(expected);
        if (expected.length === 1) {
          expect(loc.status).toBe('unique');
          expect(loc.solutions[0]!.map(key).sort()).toEqual(truth);
        } else expect(loc.status).toBe('ambiguous');
      }),
      { numRuns: 1500 },
    );
  });

  it('two changed outcome cells in different rows and different applicant columns, by different amounts, are both named', () => {
    const leafRow = fc.integer({ min: 2, max: 22 });
    const part = fc.integer({ min: 0, max: 5 });
    fc.assert(
      fc.property(consistentTables, leafRow, leafRow, part, part, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), (t, r1, r2, c1, c2, d1, d2) => {
        fc.pre(r1 !== r2 && c1 !== c2 && d1 !== d2);
        const a: CellPos = { table: 't3', row: r1, col: c1 };
        const b: CellPos = { table: 't3', row: r2, col: c2 };
        const report = tablesReport(withValue(withValue(t, a, valueAt(t, a) + d1), b, valueAt(t, b) + d2));
        const loc = localize(report).find((l) => l.system === 't3')!;
        expect(loc.status).toBe('unique');
        expect(loc.solutions[0]!.map(key).sort()).toEqual([`${cellKey(refOf(a))}=${valueAt(t, a)}`, `${cellKey(refOf(b))}=${valueAt(t, b)}`].sort());
      }),
      { numRuns: 3000 },
    );
  });

  it('two outcome cells of one applicant column changed by opposite amounts cannot be told apart from other columns: ambiguous', () => {
    const leafRow = fc.integer({ min: 2, max: 22 });
    fc.assert(
      fc.property(consistentTables, leafRow, leafRow, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 30 }), (t, r1, r2, c, d) => {
        fc.pre(r1 !== r2);
        const a: CellPos = { table: 't3', row: r1, col: c };
        const b: CellPos = { table: 't3', row: r2, col: c };
        fc.pre(valueAt(t, b) >= d);
        const report = tablesReport(withValue(withValue(t, a, valueAt(t, a) + d), b, valueAt(t, b) - d));
        const loc = localize(report).find((l) => l.system === 't3')!;
        // the column still adds up; the same shift in the 总计 column (always ≥ d in row r2) explains the two rows too
        expect(loc.status).toBe('ambiguous');
        const truth = [`${cellKey(refOf(a))}=${valueAt(t, a)}`, `${cellKey(refOf(b))}=${valueAt(t, b)}`].sort().join();
        expect(loc.solutions.map((s) => s.map(key).sort().join())).toContain(truth);
        const f = checkReport(report).find((x) => x.status === 'fail' && x.rule === 't3.rowTotal')!;
        expect(f.ambiguous).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('three changed t3 cells: a smaller explanation, or the true three among the minimal ones (exact up to three cells)', () => {
    const threeCells = fc.tuple(t3Pos, t3Pos, t3Pos).filter(([a, b, c]) => new Set([a, b, c].map((p) => `${p.row},${p.col}`)).size === 3);
    fc.assert(
      fc.property(consistentTables, threeCells, fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 3, maxLength: 3 }), (t, cells, deltas) => {
        let x = t;
        cells.forEach((p, i) => (x = withValue(x, p, valueAt(t, p) + deltas[i]!)));
        const loc = localize(tablesReport(x), { maxAlternatives: 1000 }).find((l) => l.system === 't3')!;
        expect(loc.status === 'unique' || loc.status === 'ambiguous').toBe(true);
        const size = loc.solutions[0]!.length;
        expect(size).toBeLessThanOrEqual(3);
        if (size === 3) {
          const truth = cells.map((p) => `${cellKey(refOf(p))}=${valueAt(t, p)}`).sort().join();
          expect(loc.solutions.map((sol) => sol.map(key).sort().join())).toContain(truth);
        }
        // every listed explanation really makes every identity hold
        for (const sol of loc.solutions) {
          const fixed = sol.reduce((acc, s) => {
            const row = T3_ROWS.indexOf(s.row);
            const col = T3_COLS_.indexOf(s.col);
            return withValue(acc, { table: 't3', row, col }, s.suggested);
          }, x);
          expect(localize(tablesReport(fixed)).find((l) => l.system === 't3')!.status).toBe('consistent');
        }
      }),
      { numRuns: 1500 },
    );
  });
});
