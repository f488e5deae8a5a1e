// The three corpus PDFs with a text layer (tests/fixtures/corpus/real/MANIFEST.json), read as the CLI reads them:
// pdf.js text items (cli/pdf.ts) laid out and read by core/read/pdf.ts. Truth typed from the PDFs' text items
// (printed with pdf.js, x/y per item) and the MANIFEST hand checks; every emitted cell is compared with it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfPages } from '../../cli/pdf';
import { layoutPdf, readPdf } from '../../core/read/pdf';
import { checkReport } from '../../core/check';
import { Report, type Report as ReportT } from '../../core/model/schema';

const dir = new URL('../fixtures/corpus/real/', import.meta.url);
const T3_COLS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
const T4_COLS = ['review', 'litDirect', 'litAfterReview'].flatMap((b) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `${b}.${o}`),
);
const Z = [0, 0, 0, 0, 0, 0, 0];
const only = (n: number) => [n, 0, 0, 0, 0, 0, n];

interface Truth {
  t2: Record<string, Record<string, number>>;
  t3: Record<string, number[]>;
  t4: number[];
}

/** each PDF read once, by the first test that needs it */
const cache = new Map<string, Promise<ReportT>>();
function read(file: string): Promise<ReportT> {
  let p = cache.get(file);
  if (!p) cache.set(file, (p = readOnce(file)));
  return p;
}

async function readOnce(file: string): Promise<ReportT> {
  const path = new URL(file, dir);
  const reports = readPdf(await pdfPages(new Uint8Array(readFileSync(path)), file), { source: file });
  expect(reports).toHaveLength(1);
  return Report.parse(reports[0]);
}

/** every cell is in the truth with its value, and every truth cell was read */
function audit(r: ReportT, t: Truth): void {
  const truth = new Map<string, number>();
  for (const [row, cols] of Object.entries(t.t2)) for (const [col, v] of Object.entries(cols)) truth.set(`t2:${row}:${col}`, v);
  for (const [row, vs] of Object.entries(t.t3)) vs.forEach((v, j) => truth.set(`t3:${row}:${T3_COLS[j]}`, v));
  t.t4.forEach((v, j) => truth.set(`t4:cases:${T4_COLS[j]}`, v));
  const seen = new Set<string>();
  for (const c of r.cells) {
    const k = `${c.table}:${c.row}:${c.col}`;
    expect(truth.has(k), `emitted ${k}=${c.raw}, which the document does not give`).toBe(true);
    expect(c.value, `${k} raw "${c.raw}"`).toBe(truth.get(k));
    expect(c.kind).toBe('number');
    expect(c.source.type).toBe('pdf');
    seen.add(k);
  }
  expect([...truth.keys()].filter((k) => !seen.has(k))).toEqual([]);
}

// Rows of table 三 common to the two Hongze reports' layout: the 2021 rows with （六） printed as one row, read as
// the group total grp.other (spec §0; both PDFs print it as 0 0 0 0 0 0 0).
const T3_HONGZE_ROWS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partial',
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
  'grp.other',
  'totalProcessed',
  'carriedForward',
];

describe("2023 Huai'an Hongze district (5 pages; a real error in table 四)", () => {
  const hz23 = () => read('2023-huaian-hongzequ.pdf');
  const truth: Truth = {
    t2: {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 0, repealed: 5, inForce: 5 },
      licensing: { decisions: 550 },
      penalty: { decisions: 4119 },
      coercion: { decisions: 195 },
      adminFees: { feeAmountWan: 7730.28 },
    },
    t3: {
      ...Object.fromEntries(T3_HONGZE_ROWS.map((id) => [id, Z])),
      newReceived: only(21),
      partial: only(4),
      'denied.stateSecret': only(1),
      'denied.processInfo': only(1),
      'denied.enforcementFile': only(1),
      'unable.notHeld': only(10),
      'unable.needsCreation': only(3),
      'notProcessed.complaint': only(1),
      totalProcessed: only(21),
    },
    // 行政复议 10 1 0 0 总计0; 未经复议直接起诉 all 0; 复议后起诉 5 0 0 0 总计0 (MANIFEST: the two totals are misprinted)
    t4: [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0],
  };

  it('reads agency, year, format and every printed cell', async () => {
    const r = await hz23();
    expect([r.agency, r.year, r.format]).toEqual(['洪泽区人民政府', 2023, '2021']);
    expect(r.tablesFound).toEqual(['t2', 't3', 't4']);
    audit(r, truth);
  });

  it('reads the single （六）其他处理 row as the group total, as the HTML reader does, and says so', async () => {
    const r = await hz23();
    expect(r.extras).toEqual([]);
    expect(r.readNotes).toContainEqual(
      expect.objectContaining({ code: 'groupCollapsed', table: 't3', params: { row: 'grp.other', label: '（六）其他处理', count: 3 } }),
    );
    // the three sub-rows were never printed: not listed as rows not read
    expect(r.readNotes.map((n) => n.code)).not.toContain('rowsNotRead');
  });

  it('joins the column header of 表三, printed over four lines, per column into one line above the rows', async () => {
    const pages = await pdfPages(new Uint8Array(readFileSync(new URL('2023-huaian-hongzequ.pdf', dir))), 'hz23');
    const lines = layoutPdf(pages).text.split('\n');
    // as printed: 自然人 | 总计 / 商业 | 科研 / 社会公益组织 | 法律服务机构 | 其他 / 企业 | 机构
    const at = lines.indexOf('自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^一、本年新收政府信息公开申请数量\t21\t/);
    expect((await hz23()).columnsByHeader).toEqual(['t3']);
  });

  it('cells point at their page and place: 行政复议 结果维持 "10" on page 4', async () => {
    const r = await hz23();
    const c = r.cells.find((x) => x.table === 't4' && x.col === 'review.upheld')!;
    // pdf.js item: x 86.2, baseline 377.9, height 14.1 on an 842-point page
    expect(c.source).toEqual({ type: 'pdf', page: 4, x: 86.2, y: 450 });
    const g = r.cells.find((x) => x.table === 't3' && x.row === 'granted' && x.col === 'naturalPerson')!;
    expect(g.source).toMatchObject({ type: 'pdf', page: 3, x: 322.2 });
  });

  it('the two 表四 totals fail, each pointing at the printed 总计', async () => {
    const r = await hz23();
    const f = checkReport(r);
    const errors = f.filter((x) => x.severity === 'error' && x.status === 'fail');
    expect(errors.map((x) => x.rule).sort()).toEqual(['t4.litAfterReviewSum', 't4.reviewSum']);
    const review = errors.find((x) => x.rule === 't4.reviewSum')!;
    expect([review.left, review.right]).toEqual([0, 11]);
    expect(review.suspects).toEqual([expect.objectContaining({ col: 'review.total', printed: 0, suggested: 11 })]);
    const after = errors.find((x) => x.rule === 't4.litAfterReviewSum')!;
    expect([after.left, after.right]).toEqual([0, 5]);
    // 总计 0 → 5, or 结果维持 5 → 0: equally simple, the total is one of the two
    const candidates = after.suspects.length ? [after.suspects] : (after.alternatives ?? []);
    expect(candidates.flat()).toContainEqual(expect.objectContaining({ col: 'litAfterReview.total', printed: 0, suggested: 5 }));
  });
});

describe("2024 Huai'an Hongze district (5 pages)", () => {
  const hz24 = () => read('2024-huaian-hongzequ.pdf');
  it('reads every printed cell; no error-severity finding fails', async () => {
    const r = await hz24();
    expect([r.agency, r.year, r.format]).toEqual(['淮安市洪泽区人民政府', 2024, '2021']);
    audit(r, {
      t2: {
        regulations: { issued: 0, repealed: 0, inForce: 0 },
        normativeDocs: { issued: 3, repealed: 0, inForce: 8 },
        licensing: { decisions: 9487 },
        penalty: { decisions: 2776 },
        coercion: { decisions: 84 },
        adminFees: { feeAmountWan: 7545 },
      },
      t3: {
        ...Object.fromEntries(T3_HONGZE_ROWS.map((id) => [id, Z])),
        newReceived: only(95),
        granted: only(50),
        partial: only(9),
        'denied.threeSafetyOneStability': only(1),
        'denied.processInfo': only(1),
        'denied.enforcementFile': only(1),
        'unable.notHeld': only(31),
        'unable.needsCreation': only(1),
        'notProcessed.complaint': only(1),
        totalProcessed: only(95),
      },
      t4: [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3],
    });
    expect(checkReport(r).filter((x) => x.severity === 'error' && x.status === 'fail')).toEqual([]);
  });
});

describe("2024 Huai'an city government (6 pages, WPS; stacked row headers, labels over three lines, 表三 over two pages)", () => {
  const sz24 = () => read('2024-huaian-shizhengfu.pdf');
  it('reads every printed cell, the 2021 rows complete; every finding passes', async () => {
    const r = await sz24();
    expect([r.agency, r.year, r.format]).toEqual(['淮安市人民政府', 2024, '2021']);
    audit(r, {
      t2: {
        regulations: { issued: 1, repealed: 0, inForce: 11 },
        normativeDocs: { issued: 8, repealed: 26, inForce: 66 },
        licensing: { decisions: 447228 },
        penalty: { decisions: 3985758 },
        coercion: { decisions: 88283 },
        adminFees: { feeAmountWan: 96171.6 },
      },
      t3: {
        newReceived: [3001, 53, 0, 0, 61, 4, 3119],
        carriedOver: only(34),
        granted: [1288, 21, 0, 0, 50, 3, 1362],
        partial: [447, 7, 0, 0, 0, 0, 454],
        'denied.stateSecret': only(2),
        'denied.lawForbidden': [30, 1, 0, 0, 0, 0, 31],
        'denied.threeSafetyOneStability': only(5),
        'denied.thirdParty': only(6),
        'denied.internalAffairs': [7, 1, 0, 0, 0, 0, 8],
        'denied.processInfo': only(12),
        'denied.enforcementFile': only(9),
        'denied.adminQuery': only(105),
        'unable.notHeld': [746, 12, 0, 0, 10, 1, 769],
        'unable.needsCreation': only(11),
        'unable.unclear': only(1),
        'notProcessed.complaint': [56, 6, 0, 0, 0, 0, 62],
        'notProcessed.repeated': only(25),
        'notProcessed.publication': Z,
        'notProcessed.massRepeated': Z,
        'notProcessed.confirmReissue': only(1),
        'other.noCorrection': [67, 3, 0, 0, 1, 0, 71],
        'other.unpaidFee': only(6),
        'other.misc': [108, 2, 0, 0, 0, 0, 110],
        totalProcessed: [2932, 53, 0, 0, 61, 4, 3050],
        carriedForward: only(103),
      },
      t4: [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20],
    });
    expect(r.readNotes).toEqual([]);
    const f = checkReport(r);
    expect(f.filter((x) => x.status === 'fail' || x.status === 'needsReview')).toEqual([]);
    // the narrative's numbers (3119 受理, 3050 答复, 诉讼 46 …) were found and agree
    expect(f.filter((x) => x.rule.startsWith('txt.') && x.status === 'pass').length).toBeGreaterThan(0);
  });
});
