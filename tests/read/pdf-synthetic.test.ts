// The PDF layout (core/read/pdf.ts) on synthetic text items: what a text layer looks like where tables are drawn
// (labels left, numbers in columns, labels wrapped over lines, tables over two pages, blank cells).
import { describe, expect, it } from 'vitest';
import { layoutPdf, readPdf, type PdfPage, type PdfTextItem } from '../../core/read/pdf';
import type { Cell, Report } from '../../core/model/schema';

const T3_COLS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
const COL_X = [380, 410, 440, 470, 500, 530, 560];
const H = 10;

/** an item as pdf.js gives it: baseline at y (up from the page bottom); CJK glyphs a square, digits half as wide */
function item(page: number, str: string, x: number, y: number, h = H): PdfTextItem {
  const width = [...str].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1) * h, 0);
  return { page, str, x, y, width, height: h };
}

/** a row: label at x 80, numbers centred on the columns ('' = nothing printed) */
function row(page: number, label: string | null, values: string[], y: number, cols = COL_X): PdfTextItem[] {
  const out = label ? [item(page, label, 80, y)] : [];
  values.forEach((v, j) => {
    if (v) out.push(item(page, v, cols[j]! - (v.length * H) / 4, y));
  });
  return out;
}

function page(n: number, items: PdfTextItem[]): PdfPage {
  return { page: n, width: 595, height: 842, items };
}

const T3_HEAD = (p: number, y: number): PdfTextItem[] => [
  item(p, '三、收到和处理政府信息公开申请情况', 80, y, 16),
  item(p, '申请人情况', 390, y - 30),
  item(p, '自然人', 310, y - 50),
  item(p, '法人或其他组织', 380, y - 45),
  item(p, '总计', 495, y - 50),
];

const cell = (r: Report, table: string, rowId: string, col: string): Cell | undefined =>
  r.cells.find((c) => c.table === table && c.row === rowId && c.col === col);
const values = (r: Report, rowId: string) => T3_COLS.map((c) => cell(r, 't3', rowId, c)?.value ?? null);

describe('PDF layout: table rows', () => {
  it('a blank cell in the middle of a row stays blank, in its column', () => {
    const p = page(1, [
      ...T3_HEAD(1, 700),
      ...row(1, '一、本年新收政府信息公开申请数量', ['21', '1', '2', '0', '0', '0', '24'], 600),
      ...row(1, '二、上年结转政府信息公开申请数量', ['3', '0', '', '0', '0', '0', '3'], 580),
      ...row(1, '（一）予以公开', ['10', '1', '2', '0', '0', '0', '13'], 560),
    ]);
    const layout = layoutPdf([p]);
    expect(layout.text).toContain('二、上年结转政府信息公开申请数量\t3\t0\t\t0\t0\t0\t3');
    const [r] = readPdf([p]);
    expect(values(r!, 'carriedOver')).toEqual([3, 0, null, 0, 0, 0, 3]);
    expect(cell(r!, 't3', 'carriedOver', 'research')).toMatchObject({ kind: 'blank', raw: '', value: null });
    expect(cell(r!, 't3', 'carriedOver', 'publicInterest')).toMatchObject({ kind: 'number', raw: '0' });
    expect(values(r!, 'newReceived')).toEqual([21, 1, 2, 0, 0, 0, 24]);
    // the blank cell's place is its column on the row's line
    expect(cell(r!, 't3', 'carriedOver', 'research')!.source).toMatchObject({ type: 'pdf', page: 1 });
    const src = cell(r!, 't3', 'carriedOver', 'research')!.source as { x: number; y: number };
    expect(Math.abs(src.x - (COL_X[2]! - H / 4))).toBeLessThan(1);
  });

  it('a blank in the first or last column stays in that column', () => {
    const p = page(1, [
      ...T3_HEAD(1, 700),
      ...row(1, '一、本年新收政府信息公开申请数量', ['21', '1', '2', '0', '0', '0', '24'], 600),
      ...row(1, '二、上年结转政府信息公开申请数量', ['', '0', '0', '0', '0', '0', '0'], 580),
      ...row(1, '（一）予以公开', ['10', '1', '2', '0', '0', '0', ''], 560),
    ]);
    const [r] = readPdf([p]);
    expect(values(r!, 'carriedOver')).toEqual([null, 0, 0, 0, 0, 0, 0]);
    expect(cell(r!, 't3', 'carriedOver', 'naturalPerson')!.kind).toBe('blank');
    expect(values(r!, 'granted')).toEqual([10, 1, 2, 0, 0, 0, null]);
    expect(cell(r!, 't3', 'granted', 'total')!.kind).toBe('blank');
  });

  it('numbers that fit no column are not moved into one: the row is left unread', () => {
    const p = page(1, [
      ...T3_HEAD(1, 700),
      ...row(1, '一、本年新收政府信息公开申请数量', ['21', '1', '2', '0', '0', '0', '24'], 600),
      // six numbers, one of them between two columns
      ...row(1, '二、上年结转政府信息公开申请数量', ['3', '0', '0', '0', '0', '3'], 580, [380, 410, 455, 500, 530, 560]),
    ]);
    const [r] = readPdf([p]);
    expect(r!.cells.filter((c) => c.row === 'carriedOver')).toEqual([]);
    expect(r!.readNotes.map((n) => n.code)).toContain('lineValueCount');
  });

  it('a label wrapped over two lines, the numbers between them: one row, read by its whole label', () => {
    const p = page(1, [
      ...T3_HEAD(1, 700),
      ...row(1, '（一）予以公开', ['10', '1', '0', '0', '0', '0', '11'], 600),
      item(1, '（二）部分公开（区分处理的，只计这一情形，', 80, 584),
      ...row(1, null, ['4', '0', '0', '0', '0', '0', '4'], 578),
      item(1, '不计其他情形）', 80, 572),
      ...row(1, '1.属于国家秘密', ['1', '0', '0', '0', '0', '0', '1'], 556),
    ]);
    const layout = layoutPdf([p]);
    expect(layout.text).toContain('（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t4\t0\t0\t0\t0\t0\t4');
    const [r] = readPdf([p]);
    expect(values(r!, 'partial')).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(values(r!, 'granted')).toEqual([10, 1, 0, 0, 0, 0, 11]);
    expect(values(r!, 'denied.stateSecret')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('a group label centred on its rows and a row header stacked one character per line do not disturb the rows', () => {
    const stack = ['三、', '本', '年', '度', '办', '理', '结', '果'].map((ch, i) => item(1, ch, 60, 610 - i * 12));
    const p = page(1, [
      ...T3_HEAD(1, 700),
      ...stack,
      ...row(1, '（一）予以公开', ['10', '1', '0', '0', '0', '0', '11'], 600),
      item(1, '（三）不予公开', 120, 570),
      ...row(1, '1.属于国家秘密', ['1', '0', '0', '0', '0', '0', '1'], 580).map((it) => (it.x === 80 ? { ...it, x: 200 } : it)),
      ...row(1, '2.其他法律行政法规禁止公开', ['2', '0', '0', '0', '0', '0', '2'], 560).map((it) => (it.x === 80 ? { ...it, x: 200 } : it)),
    ]);
    const layout = layoutPdf([p]);
    expect(layout.text).toContain('三、本年度办理结果');
    const [r] = readPdf([p]);
    expect(values(r!, 'granted')).toEqual([10, 1, 0, 0, 0, 0, 11]);
    expect(values(r!, 'denied.stateSecret')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(values(r!, 'denied.lawForbidden')).toEqual([2, 0, 0, 0, 0, 0, 2]);
  });

  it('a table split over two pages: the page number is dropped, the columns carry over, a blank stays in its column', () => {
    const p1 = page(1, [
      ...T3_HEAD(1, 700),
      ...row(1, '一、本年新收政府信息公开申请数量', ['21', '1', '2', '0', '0', '0', '24'], 600),
      ...row(1, '二、上年结转政府信息公开申请数量', ['3', '0', '0', '0', '0', '0', '3'], 580),
      item(1, '- 1 -', 290, 40),
    ]);
    const p2 = page(2, [
      item(2, '- 2 -', 290, 800),
      ...row(2, '（一）予以公开', ['10', '1', '', '0', '0', '0', '11'], 760),
      ...row(2, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['4', '0', '0', '0', '0', '0', '4'], 740),
    ]);
    const layout = layoutPdf([p1, p2]);
    expect(layout.text).not.toMatch(/- [12] -/);
    const [r] = readPdf([p1, p2]);
    expect(values(r!, 'newReceived')).toEqual([21, 1, 2, 0, 0, 0, 24]);
    expect(values(r!, 'granted')).toEqual([10, 1, null, 0, 0, 0, 11]);
    expect(cell(r!, 't3', 'granted', 'research')!.kind).toBe('blank');
    expect(values(r!, 'partial')).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(cell(r!, 't3', 'granted', 'naturalPerson')!.source).toMatchObject({ type: 'pdf', page: 2 });
    expect(cell(r!, 't3', 'newReceived', 'naturalPerson')!.source).toMatchObject({ type: 'pdf', page: 1 });
  });

  it('sub-tables with different columns are not merged: a one-column row under a three-column one stays one column', () => {
    const p = page(1, [
      item(1, '二、主动公开政府信息情况', 80, 780, 16),
      item(1, '第二十条第（一）项', 240, 750),
      item(1, '信息内容', 120, 730),
      item(1, '本年制发件数', 250, 730),
      item(1, '本年废止件数', 340, 730),
      item(1, '现行有效件数', 430, 730),
      ...row(1, '规章', ['0', '0', '0'], 710, [280, 370, 460]),
      ...row(1, '行政规范性文件', ['1', '', '5'], 690, [280, 370, 460]),
      item(1, '第二十条第（五）项', 240, 660),
      item(1, '信息内容', 120, 640),
      item(1, '本年处理决定数量', 320, 640),
      ...row(1, '行政许可', ['550'], 620, [370]),
    ]);
    const [r] = readPdf([p]);
    expect(cell(r!, 't2', 'normativeDocs', 'issued')!.value).toBe(1);
    expect(cell(r!, 't2', 'normativeDocs', 'repealed')!.kind).toBe('blank');
    expect(cell(r!, 't2', 'normativeDocs', 'inForce')!.value).toBe(5);
    expect(cell(r!, 't2', 'licensing', 'decisions')).toMatchObject({ value: 550, kind: 'number' });
  });

  it('table 四 with a cell missing is left unread, never shifted', () => {
    const xs = Array.from({ length: 15 }, (_, j) => 90 + j * 28);
    const vals = ['10', '1', '0', '0', '11', '0', '0', '0', '0', '0', '5', '0', '0', '0', '5'];
    const p = page(1, [
      item(1, '四、政府信息公开行政复议、行政诉讼情况', 80, 700, 16),
      item(1, '行政复议', 130, 680),
      item(1, '行政诉讼', 350, 680),
      ...row(
        1,
        null,
        vals.map((v, j) => (j === 7 ? '' : v)),
        600,
        xs,
      ),
    ]);
    const [r] = readPdf([p]);
    expect(r!.cells.filter((c) => c.table === 't4')).toEqual([]);
    const full = page(1, [...p.items.filter((it) => it.y !== 600), ...row(1, null, vals, 600, xs)]);
    const [f] = readPdf([full]);
    expect(f!.cells.filter((c) => c.table === 't4').map((c) => c.value)).toEqual(vals.map(Number));
  });
});

describe('PDF layout: text', () => {
  it('headings and narrative keep their lines; metadata and sections are read from them', () => {
    const p = page(1, [
      item(1, '某某县人民政府', 200, 780, 22),
      item(1, '2023 年政府信息公开工作年度报告', 130, 750, 22),
      item(1, '一、总体情况', 100, 700, 16),
      item(1, '2023年，本县受理政府信息公开申请', 74, 680, 16),
      // 4 digits and 14 characters end at x 330; a space, then the number
      item(1, '21', 334, 680, 16),
      item(1, '件。', 354, 680, 16),
      ...T3_HEAD(1, 640),
      ...row(1, '一、本年新收政府信息公开申请数量', ['21', '0', '0', '0', '0', '0', '21'], 540),
    ]);
    const layout = layoutPdf([p]);
    expect(layout.text.split('\n').slice(0, 3)).toEqual(['某某县人民政府', '2023 年政府信息公开工作年度报告', '一、总体情况']);
    expect(layout.text).toContain('2023年，本县受理政府信息公开申请 21 件。');
    const [r] = readPdf([p]);
    expect(r!.agency).toBe('某某县人民政府');
    expect(r!.year).toBe(2023);
    expect(r!.sections.map((s) => s.id)).toContain('sec.overview');
  });

  it('reading notes name the PDF page of the line', () => {
    const p = page(3, [
      ...T3_HEAD(3, 700),
      ...row(3, '一、本年新收政府信息公开申请数量', ['21', '1', '2', '0', '0', '0', '24'], 600),
      ...row(3, '（九）不存在的行', ['1', '0', '0', '0', '0', '0', '1'], 580),
    ]);
    const [r] = readPdf([p]);
    const note = r!.readNotes.find((n) => n.code === 'lineLabelUnknown');
    expect(note?.params).toMatchObject({ page: 3 });
    expect(note?.zh).toContain('PDF第3页');
    expect(note?.en).toContain('PDF page 3');
  });
});
