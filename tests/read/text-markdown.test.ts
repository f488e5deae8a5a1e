// Markdown conversions of PDFs (kind markdown-extracted, expect no-wrong-values). Truth tables typed from the .md
// files and the MANIFEST hand checks; rows whose truth the file does not give are simply absent from the truth,
// so emitting them fails the test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readText } from '../../core/read/text';
import { Report, type Report as ReportT } from '../../core/model/schema';

const dir = new URL('../fixtures/corpus/real/', import.meta.url);
const load = (f: string) => readFileSync(new URL(f, dir), 'utf8');
const T3_COLS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
const T4_COLS = ['review', 'litDirect', 'litAfterReview'].flatMap((b) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `${b}.${o}`),
);
const Z = [0, 0, 0, 0, 0, 0, 0];

interface Truth {
  t2: Record<string, Record<string, number>>;
  t3: Record<string, number[]>;
  t4: number[];
}

function truthMap(t: Truth): Map<string, number> {
  const m = new Map<string, number>();
  for (const [row, cols] of Object.entries(t.t2)) for (const [col, v] of Object.entries(cols)) m.set(`t2:${row}:${col}`, v);
  for (const [row, vs] of Object.entries(t.t3)) vs.forEach((v, j) => m.set(`t3:${row}:${T3_COLS[j]}`, v));
  t.t4.forEach((v, j) => m.set(`t4:cases:${T4_COLS[j]}`, v));
  return m;
}

/** every emitted cell against the truth; returns cells read per table */
function audit(r: ReportT, t: Truth): Record<'t2' | 't3' | 't4', number> {
  const truth = truthMap(t);
  const count = { t2: 0, t3: 0, t4: 0 };
  for (const c of r.cells) {
    const k = `${c.table}:${c.row}:${c.col}`;
    expect(truth.has(k), `emitted ${k}=${c.raw}, which the document does not give`).toBe(true);
    expect(c.value, `${k} raw "${c.raw}"`).toBe(truth.get(k));
    expect(c.kind).toBe('number');
    expect(c.source.type).toBe('text');
    count[c.table]++;
  }
  return count;
}

const rowsRead = (r: ReportT, table: string) => new Set(r.cells.filter((c) => c.table === table).map((c) => c.row));

// ── 2024 Shanghai Science and Technology Commission: labels detached from many rows ──
const kewei: Truth = {
  t2: {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocs: { issued: 13, repealed: 0, inForce: 55 },
    licensing: { decisions: 97 },
    penalty: { decisions: 0 },
    coercion: { decisions: 0 },
    adminFees: { feeAmountWan: 0 },
  },
  t3: {
    newReceived: [32, 2, 0, 0, 0, 0, 34],
    carriedOver: [2, 0, 0, 0, 0, 0, 2],
    granted: [9, 0, 0, 0, 0, 0, 9],
    partial: Z,
    'denied.stateSecret': Z,
    'denied.lawForbidden': Z,
    'denied.threeSafetyOneStability': Z,
    'denied.thirdParty': Z,
    'denied.internalAffairs': [1, 0, 0, 0, 0, 0, 1],
    'denied.processInfo': [1, 0, 0, 0, 0, 0, 1],
    'denied.enforcementFile': Z,
    'denied.adminQuery': Z,
    'unable.notHeld': [4, 0, 0, 0, 0, 0, 4],
    'unable.needsCreation': [6, 0, 0, 0, 0, 0, 6],
    'unable.unclear': Z,
    'notProcessed.complaint': Z,
    'notProcessed.repeated': Z,
    'notProcessed.publication': Z,
    'notProcessed.massRepeated': Z,
    'notProcessed.confirmReissue': Z,
    'other.noCorrection': [8, 2, 0, 0, 0, 0, 10],
    'other.unpaidFee': Z,
    'other.misc': [4, 0, 0, 0, 0, 0, 4],
    totalProcessed: [33, 2, 0, 0, 0, 0, 35],
    // 总计 cell is empty in the extraction (MANIFEST: should be 1)
    carriedForward: [1, 0, 0, 0, 0, 0, 1],
  },
  t4: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
};

// ── 2025 Shanghai Municipal Government Office ──
const shanghai: Truth = {
  t2: {
    // 规章 | 22 | 235 with 废止 55 detached; 行政规范性文件 | 34 | 189 with 废止 missing
    regulations: { issued: 22, repealed: 55, inForce: 235 },
    normativeDocs: { issued: 34, inForce: 189 },
    licensing: { decisions: 0 },
    penalty: { decisions: 0 },
    coercion: { decisions: 0 },
    adminFees: { feeAmountWan: 0 },
  },
  t3: {
    newReceived: [1259, 36, 0, 0, 0, 0, 1295],
    carriedOver: [170, 15, 0, 0, 4, 0, 189],
    granted: [201, 5, 0, 0, 0, 0, 206],
    partial: [2, 0, 0, 0, 0, 0, 2],
    'denied.stateSecret': [4, 0, 0, 0, 0, 0, 4],
    'denied.lawForbidden': Z,
    'denied.threeSafetyOneStability': [1, 0, 0, 0, 0, 0, 1],
    'denied.thirdParty': Z,
    'denied.internalAffairs': [8, 0, 0, 0, 1, 0, 9],
    'denied.processInfo': [1, 0, 0, 0, 0, 0, 1],
    'denied.enforcementFile': Z,
    'denied.adminQuery': [5, 0, 0, 0, 0, 0, 5],
    'unable.notHeld': [484, 28, 0, 0, 1, 0, 513],
    'unable.needsCreation': [47, 1, 0, 0, 0, 0, 48],
    'unable.unclear': [3, 0, 0, 0, 0, 0, 3],
    'notProcessed.complaint': [61, 1, 0, 0, 0, 0, 62],
    'notProcessed.repeated': [16, 0, 0, 0, 0, 0, 16],
    'notProcessed.publication': [1, 0, 0, 0, 0, 0, 1],
    'notProcessed.massRepeated': [1, 0, 0, 0, 0, 0, 1],
    'notProcessed.confirmReissue': Z,
    'other.noCorrection': [40, 1, 0, 0, 2, 0, 43],
    'other.unpaidFee': Z,
    'other.misc': [264, 12, 0, 0, 0, 0, 276],
    totalProcessed: [1139, 48, 0, 0, 4, 0, 1191],
    carriedForward: [290, 3, 0, 0, 0, 0, 293],
  },
  t4: [40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22],
};

// ── 2025 Shuyang county government (OCR: per-group tables, four rows under a wrong header) ──
const shuyang: Truth = {
  t2: {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocs: { issued: 6, repealed: 1, inForce: 32 },
    licensing: { decisions: 517645 },
    penalty: { decisions: 693957 },
    coercion: { decisions: 2154 },
    adminFees: { feeAmountWan: 4068.208 },
  },
  t3: {
    newReceived: [705, 3, 0, 0, 5, 0, 713],
    carriedOver: [36, 0, 0, 0, 0, 0, 36],
    granted: [290, 1, 0, 0, 3, 0, 294],
    partial: [99, 0, 0, 0, 2, 0, 101],
    'denied.stateSecret': Z,
    'denied.lawForbidden': Z,
    'denied.threeSafetyOneStability': [2, 0, 0, 0, 0, 0, 2],
    'denied.thirdParty': [2, 0, 0, 0, 0, 0, 2],
    'denied.internalAffairs': [13, 0, 0, 0, 0, 0, 13],
    'denied.processInfo': [2, 0, 0, 0, 0, 0, 2],
    'denied.enforcementFile': [4, 0, 0, 0, 0, 0, 4],
    'denied.adminQuery': [9, 0, 0, 0, 0, 0, 9],
    'unable.notHeld': [111, 0, 0, 0, 0, 0, 111],
    'unable.needsCreation': [2, 0, 0, 0, 0, 0, 2],
    'unable.unclear': Z,
    'notProcessed.complaint': [12, 0, 0, 0, 0, 0, 12],
    'notProcessed.repeated': [6, 1, 0, 0, 0, 0, 7],
    'notProcessed.publication': Z,
    'notProcessed.massRepeated': Z,
    'notProcessed.confirmReissue': Z,
    'other.noCorrection': [9, 0, 0, 0, 0, 0, 9],
    'other.unpaidFee': [7, 0, 0, 0, 0, 0, 7],
    'other.misc': [142, 1, 0, 0, 0, 0, 143],
    totalProcessed: [710, 3, 0, 0, 5, 0, 718],
    carriedForward: [31, 0, 0, 0, 0, 0, 31],
  },
  t4: [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10],
};

describe('readText on Markdown-extracted reports: never a wrong number', () => {
  it('2024 Shanghai kewei: reads the labelled rows only; rows with detached labels stay unread', () => {
    const r = readText(load('2024-shanghai-kewei.md'), { source: 'kewei' })[0]!;
    expect(Report.safeParse(r).success).toBe(true);
    expect(r.format).toBe('2021');
    expect(audit(r, kewei)).toEqual({ t2: 10, t3: 14 * 7, t4: 15 });
    const t3 = rowsRead(r, 't3');
    // unlabelled rows (部分公开, 2., 5., （四）1–3, （五）4–5, （六）1–2) are not guessed
    for (const row of [
      'partial',
      'denied.lawForbidden',
      'denied.internalAffairs',
      'unable.notHeld',
      'unable.needsCreation',
      'other.noCorrection',
    ])
      expect(t3.has(row), row).toBe(false);
    // 结转下年度: 6 values and an empty 总计 cell — no blank cell is invented
    expect(t3.has('carriedForward')).toBe(false);
    expect(r.readNotes).toContainEqual(
      expect.objectContaining({
        code: 'lineValueCount',
        table: 't3',
        params: expect.objectContaining({ label: '四、结转下年度继续办理', count: 6, cols: 7 }),
      }),
    );
    expect(r.readNotes).toContainEqual(expect.objectContaining({ code: 'unlabelledRows', table: 't3' }));
  });

  it('2025 Shanghai government office: cut labels that fit two rows stay unread; short t2 rows stay unread', () => {
    const r = readText(load('2025-shanghai-shizhengfu-bangongting.md'))[0]!;
    expect(audit(r, shanghai)).toEqual({ t2: 4, t3: 22 * 7, t4: 15 });
    const t3 = rowsRead(r, 't3');
    // "行政机关不再处理其政府信息公" ends both （六）1 and （六）2
    expect(t3.has('other.noCorrection')).toBe(false);
    expect(r.readNotes).toContainEqual(
      expect.objectContaining({
        code: 'lineLabelFits',
        table: 't3',
        params: expect.objectContaining({ label: '行政机关不再处理其政府信息公', rows: 'other.noCorrection / other.unpaidFee' }),
      }),
    );
    expect(t3.has('partial')).toBe(false);
    // 规章 | 22 | 235: two values for three columns
    expect(rowsRead(r, 't2').has('regulations')).toBe(false);
  });

  it('2025 Shuyang: rows under a header of row labels (本年新收件数 | 上年结转件数 | …) stay unread', () => {
    const r = readText(load('2025-shuyang-xianzhengfu.md'))[0]!;
    expect(audit(r, shuyang)).toEqual({ t2: 10, t3: 21 * 7, t4: 15 });
    const t3 = rowsRead(r, 't3');
    for (const row of ['other.unpaidFee', 'other.misc', 'totalProcessed', 'carriedForward']) expect(t3.has(row), row).toBe(false);
    expect(r.readNotes.filter((n) => n.code === 'lineUnderRowLabels').map((n) => n.params?.label)).toEqual([
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
      '（七）总计',
      '四、结转下年度继续办理',
    ]);
    // t4 is printed as three small tables under block headings
    expect(r.cells.filter((c) => c.table === 't4').map((c) => c.value)).toEqual(shuyang.t4);
  });
});
