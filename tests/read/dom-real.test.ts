// Real pages of the corpus (tests/fixtures/corpus/real, copies of /work/shared/corpus/real).
// Expected values were read by hand from each page's HTML source and from the MANIFEST hand checks.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Cell, Report } from '../../core/model/schema';
import { Report as ReportSchema } from '../../core/model/schema';
import { T3_COLS, templateCells } from '../../core/model/templates';
import { readDocument } from '../../core/read/dom';
import { MAX_REPORT_TABLE_ROWS, scanDocument } from '../../core/read/dom-scan';
import type { ReadReport } from '../../core/read/types';

const cache = new Map<string, { read: ReadReport; doc: Document }>();
function read(file: string) {
  let hit = cache.get(file);
  if (!hit) {
    const html = readFileSync(new URL(`../fixtures/corpus/real/${file}`, import.meta.url), 'utf8');
    const doc = parseHTML(html).document as unknown as Document;
    const results = readDocument(doc);
    expect(results).toHaveLength(1);
    hit = { read: results[0]!, doc };
    cache.set(file, hit);
  }
  return hit;
}

function cell(r: Report, table: string, row: string, col: string): Cell {
  const c = r.cells.find((x) => x.table === table && x.row === row && x.col === col);
  if (!c) throw new Error(`no cell ${table}:${row}:${col}`);
  return c;
}

/** Values of a t3 row in column order; null for blank cells. */
function t3Row(r: Report, row: string): (number | null)[] {
  return T3_COLS.map((c) => cell(r, 't3', row, c.id).value);
}

function t4Row(r: Report): (number | null)[] {
  return templateCells('t4', '2021').map((k) => cell(r, 't4', k.row, k.col).value);
}

/** Every template cell of the format is present exactly once. */
function expectComplete(r: Report, table: 't2' | 't3' | 't4', format: '2021' | '2019') {
  const want = templateCells(table, format).map((k) => `${k.row}:${k.col}`);
  const got = r.cells.filter((c) => c.table === table).map((c) => `${c.row}:${c.col}`);
  expect(got.sort()).toEqual([...want].sort());
}

describe('Shanghai 2019 (F2019, blank cells)', () => {
  const file = '2019-shanghai-shizhengfu-bangongting.html';

  it('reads meta and finds the three tables', () => {
    const { report } = read(file).read;
    expect(report.format).toBe('2019');
    expect(report.year).toBe(2019);
    expect(report.agency).toBe('上海市人民政府办公厅');
    expect(report.tablesFound).toEqual(['t2', 't3', 't4']);
    expect(report.notCheckable).toEqual([]);
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('maps every cell: t3 23×7, t4 15, t2 22', () => {
    const { report } = read(file).read;
    expect(report.cells.filter((c) => c.table === 't3')).toHaveLength(23 * 7);
    expect(report.cells.filter((c) => c.table === 't4')).toHaveLength(15);
    expectComplete(report, 't2', '2019');
    expectComplete(report, 't3', '2019');
    expectComplete(report, 't4', '2019');
    expect(report.extras).toEqual([]);
  });

  it('reads table 三 with its blanks kept blank', () => {
    const { report } = read(file).read;
    expect(t3Row(report, 'newReceived')).toEqual([821, 35, null, null, 2, 1, 859]);
    expect(t3Row(report, 'carriedOver')).toEqual([18, null, null, null, null, null, 18]);
    expect(t3Row(report, 'granted')).toEqual([258, 12, null, null, 1, 1, null]);
    expect(t3Row(report, 'denied.processInfo')).toEqual([3, 1, null, null, null, null, null]);
    expect(t3Row(report, 'unable.notHeld')).toEqual([252, 12, null, null, 1, null, null]);
    expect(t3Row(report, 'notProcessed.repeated')).toEqual([5, 4, null, null, null, null, null]);
    expect(t3Row(report, 'other')).toEqual([null, null, null, null, null, null, null]);
    expect(t3Row(report, 'totalProcessed')).toEqual([767, 35, null, null, 2, 1, 805]);
    expect(t3Row(report, 'carriedForward')).toEqual([72, null, null, null, null, null, 72]);
    // MANIFEST: the 总计 column is blank for every result row
    const results = ['granted', 'partial', 'denied.stateSecret', 'denied.adminQuery', 'unable.unclear', 'notProcessed.complaint', 'other'];
    for (const row of results) expect(cell(report, 't3', row, 'total')).toMatchObject({ kind: 'blank', value: null, raw: '' });
    // F2019 has no （六） sub-rows
    expect(report.cells.some((c) => c.row.startsWith('other.'))).toBe(false);
    expect(cell(report, 't3', 'newReceived', 'total').source).toEqual({ type: 'dom', tableIndex: 1, gridRow: 3, gridCol: 9 });
  });

  it('reads table 四 and table 二 (F2019 columns, unit in cell)', () => {
    const { report } = read(file).read;
    expect(t4Row(report)).toEqual([5, null, null, 2, 7, 8, null, null, 1, 9, null, null, null, null, null]);
    expect(cell(report, 't2', 'regulations', 'publishedTotal').value).toBe(524);
    expect(cell(report, 't2', 'normativeDocs', 'newlyMade').value).toBe(60);
    expect(cell(report, 't2', 'normativeDocs', 'publishedTotal').value).toBe(368);
    expect(cell(report, 't2', 'licensing', 'itemsDelta')).toMatchObject({ value: 0, kind: 'number' });
    expect(cell(report, 't2', 'centralProcurement', 'procurementCount').value).toBe(6);
    expect(cell(report, 't2', 'centralProcurement', 'procurementAmount')).toMatchObject({ raw: '251000元', value: 251000, unit: '元' });
  });

  it('splits the narrative into sections without the tables', () => {
    const { report } = read(file).read;
    const overview = report.sections.find((s) => s.id === 'sec.overview');
    expect(overview?.text).toContain('依申请公开方面');
    expect(report.sections.map((s) => s.text).join('')).not.toContain('勾稽');
  });
});

describe('Pingtan 2023 (F2021, PDF viewer beside the HTML tables)', () => {
  const file = '2023-pingtan-guanweihui.html';

  it('reads meta, all 200 cells, and prefers the HTML tables to the viewer', () => {
    const { report } = read(file).read;
    expect(report.format).toBe('2021');
    expect(report.year).toBe(2023);
    expect(report.agency).toBe('平潭综合实验区');
    expect(report.tablesFound).toEqual(['t2', 't3', 't4']);
    expect(report.notCheckable).toEqual([]);
    expect(report.readNotes.map((n) => n.code)).toEqual(['pdfViewerBesideTables']);
    expect(report.cells.filter((c) => c.table === 't3')).toHaveLength(25 * 7);
    expectComplete(report, 't2', '2021');
    expectComplete(report, 't3', '2021');
    expectComplete(report, 't4', '2021');
  });

  it('reads table 三', () => {
    const { report } = read(file).read;
    expect(t3Row(report, 'newReceived')).toEqual([80, 1, 0, 0, 0, 0, 81]);
    expect(t3Row(report, 'granted')).toEqual([22, 0, 0, 0, 0, 0, 22]);
    expect(t3Row(report, 'partial')).toEqual([19, 1, 0, 0, 0, 0, 20]);
    expect(t3Row(report, 'denied.thirdParty')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t3Row(report, 'unable.notHeld')).toEqual([31, 0, 0, 0, 0, 0, 31]);
    expect(t3Row(report, 'other.noCorrection')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t3Row(report, 'other.unpaidFee')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(t3Row(report, 'other.misc')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t3Row(report, 'totalProcessed')).toEqual([80, 1, 0, 0, 0, 0, 81]);
    expect(t3Row(report, 'carriedForward')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('reads tables 四 and 二', () => {
    const { report } = read(file).read;
    expect(t4Row(report)).toEqual([1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2]);
    expect(cell(report, 't2', 'normativeDocs', 'issued').value).toBe(77);
    expect(cell(report, 't2', 'normativeDocs', 'repealed').value).toBe(132);
    expect(cell(report, 't2', 'normativeDocs', 'inForce').value).toBe(470);
    expect(cell(report, 't2', 'regulations', 'inForce').value).toBe(0);
    expect(cell(report, 't2', 'licensing', 'decisions').value).toBe(2629);
    expect(cell(report, 't2', 'penalty', 'decisions').value).toBe(1330);
    expect(cell(report, 't2', 'coercion', 'decisions').value).toBe(54);
    expect(cell(report, 't2', 'adminFees', 'feeAmountWan')).toMatchObject({ raw: '5949.088667', value: 5949.088667, kind: 'number' });
  });

  it('maps every cell key to the element it was read from', () => {
    const { read: rr } = read(file);
    expect(rr.elements.size).toBe(rr.report.cells.length);
    const el = rr.elements.get('t3:granted:naturalPerson')!;
    expect(el.tagName.toUpperCase()).toBe('TD');
    expect(el.textContent?.trim()).toBe('22');
    expect(rr.elements.get('t4:cases:litDirect.total')!.textContent?.trim()).toBe('5');
    expect(rr.tableElements.t3).toHaveLength(1);
    expect(rr.tableElements.t3![0]!.textContent).toContain('申请人情况');
  });

  it('keeps the narrative numbers in section 一 and leaves the site chrome out of the sections', () => {
    const { report } = read(file).read;
    const overview = report.sections.find((s) => s.id === 'sec.overview');
    expect(overview?.text).toContain('共计81件');
    // section 六 is one sentence; the site footer (主办单位, 备案号) after it is not part of the report
    expect(report.sections.find((s) => s.id === 'sec.other')?.text).toBe('2023年，无收取信息处理费情况。');
    expect(report.sections.find((s) => s.id === 'sec.preamble')?.text.startsWith('本报告根据《中华人民共和国政府信息公开条例》')).toBe(true);
  });
});

describe('Pingtan 2025 (F2021, labels split over <p> with &nbsp; runs)', () => {
  const file = '2025-pingtan-guanweihui.html';

  it('maps all 200 cells', () => {
    const { report } = read(file).read;
    expect(report.format).toBe('2021');
    expect(report.year).toBe(2025);
    expectComplete(report, 't2', '2021');
    expectComplete(report, 't3', '2021');
    expectComplete(report, 't4', '2021');
    expect(report.notCheckable).toEqual([]);
  });

  it('reads the MANIFEST hand-check rows', () => {
    const { report } = read(file).read;
    expect(t3Row(report, 'newReceived')).toEqual([151, 3, 0, 0, 0, 0, 154]);
    expect(t3Row(report, 'carriedForward')).toEqual([4, 2, 0, 0, 0, 0, 6]);
    expect(t3Row(report, 'totalProcessed')).toEqual([147, 1, 0, 0, 0, 0, 148]);
    expect(t3Row(report, 'partial')).toEqual([38, 0, 0, 0, 0, 0, 38]);
    expect(t3Row(report, 'unable.notHeld')).toEqual([49, 1, 0, 0, 0, 0, 50]);
    expect(t3Row(report, 'other.noCorrection')).toEqual([8, 0, 0, 0, 0, 0, 8]);
    expect(t3Row(report, 'other.unpaidFee')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(t4Row(report)).toEqual([25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3]);
    expect(cell(report, 't2', 'normativeDocs', 'inForce').value).toBe(546);
    expect(cell(report, 't2', 'licensing', 'decisions').value).toBe(2418);
    expect(cell(report, 't2', 'adminFees', 'feeAmountWan').value).toBe(4166.241619);
  });
});

describe('Shuyang 2023 (F2021, metadata table first, 法人 columns blank)', () => {
  const file = '2023-shuyang-fagaiju.html';

  it('does not take the metadata table for a report table', () => {
    const { read: rr } = read(file);
    expect(rr.report.tablesFound).toEqual(['t2', 't3', 't4']);
    expect(rr.tableElements.t2![0]!.getAttribute('class')).not.toBe('table_content');
    expect(rr.report.cells.every((c) => c.source.type === 'dom' && c.source.tableIndex >= 1)).toBe(true);
    expect(rr.report.agency).toBe('沭阳县发展和改革局');
    expect(rr.report.year).toBe(2023);
  });

  it('maps all 200 cells; the five 法人 columns are blank in every row', () => {
    const { report } = read(file).read;
    expectComplete(report, 't2', '2021');
    expectComplete(report, 't3', '2021');
    expectComplete(report, 't4', '2021');
    const org = ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];
    const blanks = report.cells.filter((c) => c.table === 't3' && org.includes(c.col));
    expect(blanks).toHaveLength(125);
    expect(blanks.every((c) => c.kind === 'blank' && c.value === null)).toBe(true);
    expect(t3Row(report, 'newReceived')).toEqual([26, null, null, null, null, null, 26]);
    expect(t3Row(report, 'granted')).toEqual([26, null, null, null, null, null, 26]);
    expect(t3Row(report, 'totalProcessed')).toEqual([26, null, null, null, null, null, 26]);
    expect(t3Row(report, 'denied.stateSecret')).toEqual([0, null, null, null, null, null, 0]);
  });

  it('reads tables 四 and 二 (规范性文件 label)', () => {
    const { report } = read(file).read;
    expect(t4Row(report)).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(cell(report, 't2', 'normativeDocs', 'issued').value).toBe(8);
    expect(cell(report, 't2', 'normativeDocs', 'repealed').value).toBe(0);
    expect(cell(report, 't2', 'normativeDocs', 'inForce').value).toBe(18);
    expect(cell(report, 't2', 'adminFees', 'feeAmountWan').value).toBe(0);
  });
});

describe('a report page with a large data table beside the report (an appendix list)', () => {
  const file = '2025-pingtan-guanweihui.html';
  const html = readFileSync(new URL(`../fixtures/corpus/real/${file}`, import.meta.url), 'utf8');
  // 8,000 rows × 12 cells of numbers, after the report's text: never a report table, and reading it would cost
  // the page a long task
  const rows = Array.from({ length: 8000 }, (_, r) => `<tr>${Array.from({ length: 12 }, (_, c) => `<td>${r * 12 + c}</td>`).join('')}</tr>`).join('');
  const appendix = `<table><tr><th>序号</th><th>文件名称</th><th>数量</th></tr>${rows}</table>`;
  const withAppendix = html.replace(/<\/body>/i, `${appendix}</body>`);

  it('reads the same cells as the page without it, and passes the data table over', () => {
    const plain = read(file).read.report;
    const doc = parseHTML(withAppendix).document as unknown as Document;
    const scan = scanDocument(doc);
    const huge = scan.tables.findIndex((t) => t.querySelectorAll('tr').length > 8000);
    expect(huge).toBeGreaterThan(0);
    expect(scan.tableOversized[huge]).toBe(true);
    // the report's own tables are never passed over, on any real page
    expect(scan.tableOversized.filter(Boolean)).toHaveLength(1);
    expect(scan.blocks.some((b) => b.tableIndex === huge)).toBe(false);
    const [rr] = readDocument(doc);
    expect(rr!.report.tablesFound).toEqual(plain.tablesFound);
    const values = (r: Report) => r.cells.map((c) => `${c.table}:${c.row}:${c.col}=${c.raw}`);
    expect(values(rr!.report)).toEqual(values(plain));
  });

  it('a table with 400 rows is still read (the limit is above any report table)', () => {
    for (const f of ['2019-shanghai-shizhengfu-bangongting.html', '2023-pingtan-guanweihui.html', '2023-shuyang-fagaiju.html', file]) {
      const doc = parseHTML(readFileSync(new URL(`../fixtures/corpus/real/${f}`, import.meta.url), 'utf8')).document as unknown as Document;
      expect(scanDocument(doc).tableOversized.some(Boolean)).toBe(false);
    }
    const doc = parseHTML(`<table>${'<tr><td>1</td></tr>'.repeat(MAX_REPORT_TABLE_ROWS)}</table><table>${'<tr><td>1</td></tr>'.repeat(MAX_REPORT_TABLE_ROWS + 1)}</table>`).document as unknown as Document;
    expect(scanDocument(doc).tableOversized).toEqual([false, true]);
  });
});
