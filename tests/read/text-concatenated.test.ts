// Crawler text with table cells run together (kind text-concatenated, expect no-wrong-values), and the pre-2019
// report. Truth: MANIFEST hand checks; Pingtan 2023/2025 values typed from the HTML tables of the same reports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readText } from '../../core/read/text';
import { Report, type Report as ReportT } from '../../core/model/schema';
import { cellIndex } from '../../core/model/ids';

const dir = new URL('../fixtures/corpus/real/', import.meta.url);
const load = (f: string) => readFileSync(new URL(f, dir), 'utf8');
const T3_COLS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
const T4_COLS = ['review', 'litDirect', 'litAfterReview'].flatMap((b) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `${b}.${o}`),
);
const Z = [0, 0, 0, 0, 0, 0, 0];
const one = (n: number) => [n, 0, 0, 0, 0, 0, n];

interface Truth {
  t2: Record<string, Record<string, number>>;
  t3: Record<string, number[]>;
  t4: number[];
}

function audit(r: ReportT, t: Truth): Record<'t2' | 't3' | 't4', number> {
  const truth = new Map<string, number>();
  for (const [row, cols] of Object.entries(t.t2)) for (const [col, v] of Object.entries(cols)) truth.set(`t2:${row}:${col}`, v);
  for (const [row, vs] of Object.entries(t.t3)) vs.forEach((v, j) => truth.set(`t3:${row}:${T3_COLS[j]}`, v));
  t.t4.forEach((v, j) => truth.set(`t4:cases:${T4_COLS[j]}`, v));
  const count = { t2: 0, t3: 0, t4: 0 };
  for (const c of r.cells) {
    const k = `${c.table}:${c.row}:${c.col}`;
    expect(truth.has(k), `emitted ${k}=${c.raw}, which the document does not give`).toBe(true);
    expect(c.value, `${k} raw "${c.raw}"`).toBe(truth.get(k));
    count[c.table]++;
  }
  return count;
}

const ALL_ZERO_2021 = [
  'denied.stateSecret',
  'denied.lawForbidden',
  'denied.threeSafetyOneStability',
  'denied.thirdParty',
  'denied.internalAffairs',
  'denied.processInfo',
  'denied.enforcementFile',
  'denied.adminQuery',
  'unable.notHeld',
  'unable.needsCreation',
  'unable.unclear',
  'notProcessed.complaint',
  'notProcessed.repeated',
  'notProcessed.publication',
  'notProcessed.massRepeated',
  'notProcessed.confirmReissue',
  'other.noCorrection',
  'other.unpaidFee',
  'other.misc',
];
const zeros = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, Z]));

// MANIFEST: 新收 23 (all 自然人); 予以公开7 + 部分公开1 + 不掌握7 + 补正后仍不明确5 + 重复申请3 = 23; section 4 all 0.
const pingtan2019: Truth = {
  t2: { regulations: { newlyMade: 0, newlyPublished: 0, publishedTotal: 0 } },
  t3: {
    ...zeros(ALL_ZERO_2021.filter((r) => !r.startsWith('other.'))),
    newReceived: one(23),
    carriedOver: Z,
    granted: one(7),
    partial: one(1),
    'unable.notHeld': one(7),
    'unable.unclear': one(5),
    'notProcessed.repeated': one(3),
    other: Z,
    totalProcessed: one(23),
    carriedForward: Z,
  },
  t4: new Array<number>(15).fill(0),
};

// MANIFEST: 新收 64/0/0/2/0/4 -> 70, （七）总计 63/0/0/2/0/4 -> 69, 结转下 1; 予以公开 27+2+1=30, 不掌握 22+3=25;
// t4 "10203120001200000" = 1,0,2,0,3 / 12,0,0,0,12 / 0…; the rest typed from the text.
const pingtan2021: Truth = {
  t2: {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    licensing: { decisions: 2293 },
    penalty: { decisions: 1282 },
    coercion: { decisions: 42 },
    adminFees: { feeAmountWan: 24252.311082 },
  },
  t3: {
    ...zeros(ALL_ZERO_2021),
    newReceived: [64, 0, 0, 2, 0, 4, 70],
    carriedOver: Z,
    granted: [27, 0, 0, 2, 0, 1, 30],
    partial: one(5),
    'denied.internalAffairs': one(1),
    'denied.enforcementFile': one(6),
    'denied.adminQuery': one(1),
    'unable.notHeld': [22, 0, 0, 0, 0, 3, 25],
    'other.misc': one(1),
    totalProcessed: [63, 0, 0, 2, 0, 4, 69],
    carriedForward: one(1),
  },
  t4: [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0],
};

// HTML of the same report (2023-pingtan-guanweihui.html)
const pingtan2023: Truth = {
  t2: {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocs: { issued: 77, repealed: 132, inForce: 470 },
    licensing: { decisions: 2629 },
    penalty: { decisions: 1330 },
    coercion: { decisions: 54 },
    adminFees: { feeAmountWan: 5949.088667 },
  },
  t3: {
    ...zeros(ALL_ZERO_2021),
    newReceived: [80, 1, 0, 0, 0, 0, 81],
    carriedOver: Z,
    granted: one(22),
    partial: [19, 1, 0, 0, 0, 0, 20],
    'denied.thirdParty': one(1),
    'denied.processInfo': one(1),
    'denied.enforcementFile': one(1),
    'denied.adminQuery': one(2),
    'unable.notHeld': one(31),
    'notProcessed.repeated': one(1),
    'other.noCorrection': one(1),
    'other.misc': one(1),
    totalProcessed: [80, 1, 0, 0, 0, 0, 81],
    carriedForward: Z,
  },
  t4: [1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2],
};

// HTML of the same report (2025-pingtan-guanweihui.html); MANIFEST: （七）总计 147,1,…,148; 结转 4,2,…,6
const pingtan2025: Truth = {
  t2: {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocs: { issued: 58, repealed: 45, inForce: 546 },
    licensing: { decisions: 2418 },
    penalty: { decisions: 644 },
    coercion: { decisions: 64 },
    adminFees: { feeAmountWan: 4166.241619 },
  },
  t3: {
    ...zeros(ALL_ZERO_2021),
    newReceived: [151, 3, 0, 0, 0, 0, 154],
    carriedOver: Z,
    granted: one(33),
    partial: one(38),
    'denied.internalAffairs': one(3),
    'denied.processInfo': one(2),
    'denied.enforcementFile': one(3),
    'denied.adminQuery': one(3),
    'unable.notHeld': [49, 1, 0, 0, 0, 0, 50],
    'unable.needsCreation': one(3),
    'notProcessed.complaint': one(2),
    'other.noCorrection': one(8),
    'other.unpaidFee': one(2),
    'other.misc': one(1),
    totalProcessed: [147, 1, 0, 0, 0, 0, 148],
    carriedForward: [4, 2, 0, 0, 0, 0, 6],
  },
  t4: [25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3],
};

describe('readText on run-together crawler text: never a wrong number', () => {
  it('2019 Pingtan (F2019): every t3/t4 row splits one way; t2 rows with several splits stay unread', () => {
    const r = readText(load('2019-pingtan-guanweihui.txt'))[0]!;
    expect(Report.safeParse(r).success).toBe(true);
    expect(r.format).toBe('2019');
    // 23 rows of the 2019 t3 (single （六）其他处理 row), incl. "230 000023" and "23 0 00 0 023" with odd spaces
    expect(audit(r, pingtan2019)).toEqual({ t2: 3, t3: 23 * 7, t4: 15 });
    expect(r.readNotes).toContainEqual(
      expect.objectContaining({
        code: 'splitSeveral',
        table: 't2',
        params: expect.objectContaining({ label: '规范性文件', run: '898989' }),
      }),
    );
    expect(r.readNotes).toContainEqual(
      expect.objectContaining({ table: 't2', params: expect.objectContaining({ label: '政府集中采购' }) }),
    );
  });

  it('2021 Pingtan: two ambiguous rows fixed by the column identities; t4 "10203120001200000" splits one way', () => {
    const r = readText(load('2021-pingtan-guanweihui.txt'))[0]!;
    expect(audit(r, pingtan2021)).toEqual({ t2: 7, t3: 25 * 7, t4: 15 });
    // 270020130 also reads 2,7,0,0,20,1,30 on its own
    expect(r.readNotes).toContainEqual(
      expect.objectContaining({ code: 'splitByIdentity', table: 't3', params: { label: '（一）予以公开' } }),
    );
    expect(r.readNotes).toContainEqual(
      expect.objectContaining({ code: 'splitSeveral', table: 't2', params: expect.objectContaining({ label: '行政规范性文件' }) }),
    );
  });

  it('2023 Pingtan: agrees with the HTML of the same report', () => {
    const r = readText(load('2023-pingtan-guanweihui.txt'))[0]!;
    expect(audit(r, pingtan2023)).toEqual({ t2: 7, t3: 25 * 7, t4: 15 });
    const idx = cellIndex(r);
    // "一、本年新收政府信息公开申请数量801000081" = 80,1,0,0,0,0,81
    expect(['naturalPerson', 'commercial', 'total'].map((c) => idx.get(`t3:newReceived:${c}`)?.raw)).toEqual(['80', '1', '81']);
    expect(idx.get('t3:newReceived:naturalPerson')?.source).toMatchObject({ type: 'text', line: 10 });
  });

  it('2025 Pingtan: agrees with the HTML (（七）总计 147,1,0,0,0,0,148; 结转 4,2,0,0,0,0,6)', () => {
    const r = readText(load('2025-pingtan-guanweihui.txt'))[0]!;
    expect(audit(r, pingtan2025)).toEqual({ t2: 7, t3: 25 * 7, t4: 15 });
  });

  it('finds the six section headings printed inline in the crawler text', () => {
    const r = readText(load('2023-pingtan-guanweihui.txt'))[0]!;
    expect(r.sections.map((s) => s.id).filter((id) => id !== 'sec.preamble')).toEqual([
      'sec.overview',
      'sec.proactive',
      'sec.applications',
      'sec.reviewLitigation',
      'sec.problems',
      'sec.other',
    ]);
    expect(r.sections.find((s) => s.id === 'sec.applications')?.text).toContain('801000081');
  });

  it('source columns point at the digits inside the line', () => {
    const text = load('2025-pingtan-guanweihui.txt');
    const r = readText(text)[0]!;
    const c = cellIndex(r).get('t3:totalProcessed:naturalPerson')!;
    expect(c.source.type).toBe('text');
    if (c.source.type !== 'text') return;
    const line = text.split('\n')[c.source.line - 1]!;
    expect(line.slice(c.source.column - 1, c.source.column - 1 + 11)).toBe('14710000148');
  });
});

describe('pre-2019 report', () => {
  it('2018 Pingtan is recognised as the older format, nothing forced into the 2019/2021 tables', () => {
    const r = readText(load('2018-pingtan-guanweihui.txt'))[0]!;
    expect(Report.safeParse(r).success).toBe(true);
    expect(r.format).toBe('older');
    expect(r.year).toBe(2018);
    expect(r.cells).toEqual([]);
    expect(r.tablesFound).toEqual([]);
    expect(r.notCheckable.some((n) => n.table === 'report' && /older/.test(n.detail ?? '') && n.note?.code === 'olderFormatNotMapped')).toBe(true);
    expect(r.readNotes.map((n) => n.code)).toEqual(['olderFormat']);
  });
});
