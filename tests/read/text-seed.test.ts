// The bundled sample (tab-separated, merged cells as leading tabs, shifted rows): every value of tables 二/三/四.
// Expected values typed from `sed 's/\t/→/g' seed/huixian-2023.txt`, not from the program.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readText } from '../../core/read/text';
import { Report } from '../../core/model/schema';
import { cellIndex } from '../../core/model/ids';

const seed = readFileSync(new URL('../fixtures/corpus/seed/huixian-2023.txt', import.meta.url), 'utf8');
const T3_COLS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];

const T3: Record<string, number[]> = {
  newReceived: [116, 0, 0, 0, 0, 5, 121],
  carriedOver: [0, 0, 0, 0, 0, 0, 0],
  granted: [83, 0, 0, 0, 0, 5, 88],
  partial: [2, 0, 0, 0, 0, 0, 2],
  'denied.stateSecret': [0, 0, 0, 0, 0, 0, 0],
  'denied.lawForbidden': [0, 0, 0, 0, 0, 0, 0],
  'denied.threeSafetyOneStability': [0, 0, 0, 0, 0, 0, 0],
  'denied.thirdParty': [1, 0, 0, 0, 0, 0, 1],
  'denied.internalAffairs': [1, 0, 0, 0, 0, 0, 1],
  'denied.processInfo': [0, 0, 0, 0, 0, 0, 0],
  'denied.enforcementFile': [0, 0, 0, 0, 0, 0, 0],
  'denied.adminQuery': [0, 0, 0, 0, 0, 0, 0],
  'unable.notHeld': [26, 0, 0, 0, 0, 0, 26],
  'unable.needsCreation': [0, 0, 0, 0, 0, 0, 0],
  'unable.unclear': [0, 0, 0, 0, 0, 0, 0],
  'notProcessed.complaint': [0, 0, 0, 0, 0, 0, 0],
  'notProcessed.repeated': [1, 0, 0, 0, 0, 0, 1],
  'notProcessed.publication': [0, 0, 0, 0, 0, 0, 0],
  'notProcessed.massRepeated': [0, 0, 0, 0, 0, 0, 0],
  'notProcessed.confirmReissue': [0, 0, 0, 0, 0, 0, 0],
  'other.noCorrection': [2, 0, 0, 0, 0, 0, 2],
  'other.unpaidFee': [0, 0, 0, 0, 0, 0, 0],
  'other.misc': [0, 0, 0, 0, 0, 0, 0],
  totalProcessed: [116, 0, 0, 0, 0, 5, 121],
  carriedForward: [0, 0, 0, 0, 0, 0, 0],
};
const T4 = [1, 4, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const T4_COLS = ['review', 'litDirect', 'litAfterReview'].flatMap((b) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `${b}.${o}`),
);
const T2: [string, string, number][] = [
  ['regulations', 'issued', 0],
  ['regulations', 'repealed', 0],
  ['regulations', 'inForce', 0],
  ['normativeDocs', 'issued', 5],
  ['normativeDocs', 'repealed', 0],
  ['normativeDocs', 'inForce', 70],
  ['licensing', 'decisions', 14067],
  ['penalty', 'decisions', 3681],
  ['coercion', 'decisions', 0],
  ['adminFees', 'feeAmountWan', 20587.3303],
];

describe('readText on the seed sample (Huixian 2023)', () => {
  const reports = readText(seed, { source: 'huixian-2023.txt' });
  const r = reports[0]!;
  const idx = cellIndex(r);

  it('returns one valid 2021-format report with meta', () => {
    expect(reports).toHaveLength(1);
    expect(Report.safeParse(r).success).toBe(true);
    expect(r.format).toBe('2021');
    expect(r.year).toBe(2023);
    expect(r.agency).toContain('辉县市');
    expect(r.tablesFound).toEqual(['t2', 't3', 't4']);
    expect(r.notCheckable).toEqual([]);
  });

  it('reads every t3 value (rows shifted, 总计 in header row 1, 3.其他 in column 1, （七）总计 with an extra tab)', () => {
    for (const [row, values] of Object.entries(T3)) {
      values.forEach((v, j) => {
        const c = idx.get(`t3:${row}:${T3_COLS[j]}`);
        expect(c?.value, `t3 ${row} ${T3_COLS[j]}`).toBe(v);
        expect(c?.kind).toBe('number');
      });
    }
  });

  it('reads every t4 value from the header block and its one row of 15', () => {
    T4.forEach((v, j) => expect(idx.get(`t4:cases:${T4_COLS[j]}`)?.value, T4_COLS[j]).toBe(v));
  });

  it('reads every t2 value, the fee as a decimal', () => {
    for (const [row, col, v] of T2) expect(idx.get(`t2:${row}:${col}`)?.value, `${row} ${col}`).toBe(v);
  });

  it('emits nothing beyond the template cells', () => {
    expect(r.cells).toHaveLength(25 * 7 + 15 + 10);
  });

  it('points each cell at its line and column (1-based)', () => {
    // line 53: 一、本年新收政府信息公开申请数量→→116 — 16 label characters, two tabs, then 116
    expect(idx.get('t3:newReceived:naturalPerson')?.source).toEqual({ type: 'text', line: 53, column: 19 });
    expect(idx.get('t3:newReceived:naturalPerson')?.raw).toBe('116');
    // line 84: 1→4→1→0→6…
    expect(idx.get('t4:cases:review.upheld')?.source).toEqual({ type: 'text', line: 84, column: 1 });
    expect(idx.get('t4:cases:review.corrected')?.source).toEqual({ type: 'text', line: 84, column: 3 });
  });

  it('keeps the narrative sections', () => {
    expect(r.sections.map((s) => s.id)).toContain('sec.applications');
  });

  it('reads the same values from CRLF line ends', () => {
    const crlf = readText(seed.replace(/\n/g, '\r\n'))[0]!;
    expect(crlf.cells.map((c) => c.value)).toEqual(r.cells.map((c) => c.value));
  });
});
