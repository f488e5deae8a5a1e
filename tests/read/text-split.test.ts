// Cutting run-together digits into cells: synthetic edge cases and properties (never a different value).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitRun, uniqueSplit } from '../../core/read/text-split';
import { resolveT3 } from '../../core/read/text-solve';
import { readText } from '../../core/read/text';
import { cellIndex } from '../../core/model/ids';
import { T3_2021, t3Leaves } from '../../core/model/templates';

const values = (run: string, groups: number[]) => splitRun(run, groups, { sumLast: true }).solutions.map((s) => s.map((p) => p.value));

describe('splitRun', () => {
  it('finds the one cut of a t3 row', () => {
    expect(values('801000081', [7])).toEqual([[80, 1, 0, 0, 0, 0, 81]]);
    expect(values('14710000148', [7])).toEqual([[147, 1, 0, 0, 0, 0, 148]]);
  });

  it('lists every cut when the row alone is ambiguous', () => {
    expect(values('270020130', [7])).toEqual(
      expect.arrayContaining([
        [2, 7, 0, 0, 20, 1, 30],
        [27, 0, 0, 2, 0, 1, 30],
      ]),
    );
    expect(uniqueSplit('270020130', [7], { sumLast: true })).toMatchObject({ reason: 'several' });
  });

  it('treats whitespace as a cell boundary ("230 000023", "23 0 00 0 023")', () => {
    expect(values('230 000023', [7])).toEqual([[23, 0, 0, 0, 0, 0, 23]]);
    expect(values('23 0 00 0 023', [7])).toEqual([[23, 0, 0, 0, 0, 0, 23]]);
    // "110000011" alone reads 11,0,…,11 or 1,10,0,…,11; a space after the first 1 forbids 11
    expect(values('110000011', [7])).toHaveLength(2);
    expect(values('1 10000011', [7])).toEqual([[1, 10, 0, 0, 0, 0, 11]]);
  });

  it('refuses leading zeros and rows whose parts do not add up', () => {
    expect(values('8000009', [7])).toEqual([]);
    expect(values('0800008', [7])).toEqual([[0, 8, 0, 0, 0, 0, 8]]);
    expect(values('08', [1, 1])).toEqual([]);
  });

  it('cuts t4 into three blocks of four outcomes and a total (MANIFEST Pingtan 2021)', () => {
    expect(values('10203120001200000', [5, 5, 5])).toEqual([[1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]]);
  });

  it('without an identity, only a run with one digit per cell is unique', () => {
    expect(uniqueSplit('000', [3], { sumLast: false })).toMatchObject({ parts: [{ value: 0 }, { value: 0 }, { value: 0 }] });
    expect(uniqueSplit('898989', [3], { sumLast: false })).toMatchObject({ reason: 'several' });
  });

  it('gives up (incomplete) on runs too long to search, instead of hanging', () => {
    const r = splitRun('2700201302700201302700201', [7], { sumLast: true, budget: 50 });
    expect(r.complete).toBe(false);
    expect(uniqueSplit('10203120001200000', [5, 5, 5], { sumLast: true, budget: 5 })).toMatchObject({ reason: 'tooMany' });
  });

  it('rejects anything but digits and whitespace', () => {
    expect(splitRun('80a1', [2], { sumLast: false }).solutions).toEqual([]);
  });
});

describe('resolveT3 (column identities)', () => {
  const leaves = t3Leaves('2021');
  const base = () => {
    const m = new Map<string, number[][]>();
    for (const r of T3_2021.rows) m.set(r.id, [[0, 0, 0, 0, 0, 0, 0]]);
    return m;
  };

  it('fixes an ambiguous row when only one cut fits the identities', () => {
    const m = base();
    m.set('newReceived', [[27, 0, 0, 2, 0, 1, 30]]);
    m.set('totalProcessed', [[27, 0, 0, 2, 0, 1, 30]]);
    m.set('granted', [
      [2, 7, 0, 0, 20, 1, 30],
      [27, 0, 0, 2, 0, 1, 30],
    ]);
    expect(resolveT3(m, leaves).get('granted')).toEqual({ index: 1, byIdentity: true });
  });

  it('leaves rows unread when the identities allow two answers', () => {
    const m = base();
    m.set('newReceived', [[4, 0, 0, 0, 0, 0, 4]]);
    m.set('totalProcessed', [[4, 0, 0, 0, 0, 0, 4]]);
    // two rows whose cuts trade values between each other: both combinations satisfy every identity
    m.set('granted', [
      [1, 0, 0, 0, 0, 0, 1],
      [3, 0, 0, 0, 0, 0, 3],
    ]);
    m.set('partial', [
      [3, 0, 0, 0, 0, 0, 3],
      [1, 0, 0, 0, 0, 0, 1],
    ]);
    const out = resolveT3(m, leaves);
    expect(out.get('granted')?.index).toBeNull();
    expect(out.get('partial')?.index).toBeNull();
  });

  it('does not use an identity that involves an unread row', () => {
    const m = base();
    m.set('newReceived', [[27, 0, 0, 2, 0, 1, 30]]);
    m.set('totalProcessed', [[27, 0, 0, 2, 0, 1, 30]]);
    m.set('granted', [
      [2, 7, 0, 0, 20, 1, 30],
      [27, 0, 0, 2, 0, 1, 30],
    ]);
    m.set('partial', []); // unreadable: the outcome sum could hide anything
    expect(resolveT3(m, leaves).get('granted')?.index).toBeNull();
  });
});

describe('readText on synthetic run-together rows', () => {
  const head = '某县人民政府2023年度政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计';

  it('reads a row whose digits split one way', () => {
    const r = readText(`${head}一、本年新收政府信息公开申请数量801000081二、上年结转政府信息公开申请数量0000000`)[0]!;
    const idx = cellIndex(r);
    expect(idx.get('t3:newReceived:naturalPerson')?.value).toBe(80);
    expect(idx.get('t3:newReceived:total')?.value).toBe(81);
    expect(idx.get('t3:carriedOver:total')?.value).toBe(0);
  });

  it('leaves an ambiguous row unread and says why, when no identity can decide', () => {
    const r = readText(`${head}一、本年新收政府信息公开申请数量270020130二、上年结转政府信息公开申请数量0000000`)[0]!;
    expect(r.cells.filter((c) => c.row === 'newReceived')).toEqual([]);
    expect(r.readNotes).toContainEqual(
      expect.objectContaining({
        code: 'splitWays',
        table: 't3',
        params: expect.objectContaining({ label: '一、本年新收政府信息公开申请数量', count: 2 }),
      }),
    );
    expect(r.cells.filter((c) => c.row === 'carriedOver')).toHaveLength(7);
  });

  it('reads full-width digits, and takes zero-width characters as cell boundaries', () => {
    const r = readText(`${head}一、本年新收政府信息公开申请数量８０１００００８１二、上年结转政府信息公开申请数量1\u200b10000011`)[0]!;
    const idx = cellIndex(r);
    expect(idx.get('t3:newReceived:naturalPerson')).toMatchObject({ value: 80, raw: '80' });
    // "110000011" alone is ambiguous (11,0,…,11 or 1,10,…,11); the zero-width space forbids 11
    expect(idx.get('t3:carriedOver:commercial')?.value).toBe(10);
  });

  it('one stray tab-separated line does not switch run-together text to the cell reader', () => {
    const r = readText(`页面\t12\t34\n${head}一、本年新收政府信息公开申请数量801000081`)[0]!;
    expect(cellIndex(r).get('t3:newReceived:total')?.value).toBe(81);
  });

  it('leaves a row unread when text sits between its digits', () => {
    const r = readText(`${head}一、本年新收政府信息公开申请数量80件1000081二、上年结转政府信息公开申请数量0000000`)[0]!;
    expect(r.cells.filter((c) => c.row === 'newReceived')).toEqual([]);
  });
});

// ── properties ──────────────────────────────────────────────────────────────
const small = fc.oneof(
  { weight: 6, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: 13, max: 3000 }) },
);
const rowArb = fc.array(small, { minLength: 6, maxLength: 6 }).map((parts) => [...parts, parts.reduce((a, b) => a + b, 0)]);

describe('property: a consistent row is recovered exactly or declared unreadable', () => {
  it('splitRun on the concatenated digits (optionally with spaces at true cell boundaries)', () => {
    fc.assert(
      fc.property(rowArb, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (row, spaces) => {
        const run = row.map((v, i) => String(v) + (i < 6 && spaces[i] ? ' ' : '')).join('');
        const r = splitRun(run, [7], { sumLast: true });
        const sols = r.solutions.map((s) => s.map((p) => p.value).join(','));
        if (r.complete) expect(sols).toContain(row.join(','));
        const u = uniqueSplit(run, [7], { sumLast: true });
        if ('parts' in u) expect(u.parts.map((p) => p.value)).toEqual(row);
      }),
      { numRuns: 2000 },
    );
  });

  it('t4: three consistent blocks, concatenated, come back exactly or not at all', () => {
    const blockArb = fc.array(small, { minLength: 4, maxLength: 4 }).map((p) => [...p, p.reduce((a, b) => a + b, 0)]);
    fc.assert(
      fc.property(fc.array(blockArb, { minLength: 3, maxLength: 3 }), (blocks) => {
        const flat = blocks.flat();
        const u = uniqueSplit(flat.join(''), [5, 5, 5], { sumLast: true });
        if ('parts' in u) expect(u.parts.map((p) => p.value)).toEqual(flat);
      }),
      { numRuns: 2000 },
    );
  });

  it('readText on a whole consistent table in crawler text never emits a value that differs from the table', () => {
    const leafRows = t3Leaves('2021');
    const tableArb = fc
      .record({
        leaves: fc.array(fc.array(small, { minLength: 6, maxLength: 6 }), { minLength: leafRows.length, maxLength: leafRows.length }),
        carriedOver: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }),
        carriedForward: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }),
        t4: fc.array(fc.array(small, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
      })
      .map(({ leaves, carriedOver, carriedForward, t4 }) => {
        const rows = new Map<string, number[]>();
        const withTotal = (p: number[]) => [...p, p.reduce((a, b) => a + b, 0)];
        leafRows.forEach((id, i) => rows.set(id, withTotal(leaves[i]!)));
        const processed = [0, 1, 2, 3, 4, 5].map((c) => leaves.reduce((s, l) => s + l[c]!, 0));
        // newReceived + carriedOver = totalProcessed + carriedForward, all ≥ 0
        const over = carriedOver.map((v, c) => Math.min(v, processed[c]! + carriedForward[c]!));
        const received = processed.map((p, c) => p + carriedForward[c]! - over[c]!);
        rows.set('newReceived', withTotal(received));
        rows.set('carriedOver', withTotal(over));
        rows.set('totalProcessed', withTotal(processed));
        rows.set('carriedForward', withTotal(carriedForward));
        return { rows, t4: t4.flatMap(withTotal) };
      });
    fc.assert(
      fc.property(tableArb, ({ rows, t4 }) => {
        let text = '某县人民政府2023年度政府信息公开工作年度报告\n国办公开办函〔2021〕30号\n三、收到和处理政府信息公开申请情况申请人情况';
        for (const def of T3_2021.rows) text += def.label + rows.get(def.id)!.join('');
        text +=
          '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计' +
          t4.join('') +
          '五、存在的主要问题及改进情况';
        const r = readText(text)[0]!;
        for (const c of r.cells) {
          if (c.table === 't3') {
            const j = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].indexOf(c.col);
            expect(c.value, `${c.row}:${c.col}`).toBe(rows.get(c.row)![j]);
          } else if (c.table === 't4') {
            const cols = ['review', 'litDirect', 'litAfterReview'].flatMap((b) =>
              ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `${b}.${o}`),
            );
            expect(c.value, c.col).toBe(t4[cols.indexOf(c.col)]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
