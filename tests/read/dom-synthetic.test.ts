// Synthetic pages for the layouts of spec §9 (tests/fixtures/html, written by make.py there).
// In every fixture, t3 row i (template order, 0-based) × column j prints (i+1)*10+j and t4 prints 101..115,
// so a cell mapped to the wrong row or column shows up as a wrong value.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../core/model/schema';
import { T3_2021, T3_COLS, templateCells } from '../../core/model/templates';
import { readDocument } from '../../core/read/dom';
import type { ReadReport } from '../../core/read/types';

function read(file: string, url?: string): ReadReport {
  const html = readFileSync(new URL(`../fixtures/html/${file}`, import.meta.url), 'utf8');
  const doc = parseHTML(html).document as unknown as Document;
  return readDocument(doc, url ? { url } : {})[0]!;
}

function value(r: Report, table: string, row: string, col: string): number | null | undefined {
  return r.cells.find((c) => c.table === table && c.row === row && c.col === col)?.value;
}

/** Every t3 cell of the listed rows holds its fixture value; rows not listed are absent. */
function expectT3(r: Report, rows: readonly string[] = T3_2021.rows.map((d) => d.id)) {
  const want: string[] = [];
  T3_2021.rows.forEach((d, i) => {
    if (!rows.includes(d.id)) return;
    T3_COLS.forEach((c, j) => want.push(`${d.id}:${c.id}=${(i + 1) * 10 + j}`));
  });
  const got = r.cells.filter((c) => c.table === 't3').map((c) => `${c.row}:${c.col}=${c.value}`);
  expect(got.sort()).toEqual(want.sort());
}

function expectT4(r: Report) {
  const got = templateCells('t4', '2021').map((k) => value(r, 't4', k.row, k.col));
  expect(got).toEqual(Array.from({ length: 15 }, (_, k) => 101 + k));
}

function expectT2(r: Report, without: string[] = []) {
  const want: Record<string, number> = {
    'regulations:issued': 1,
    'regulations:repealed': 2,
    'regulations:inForce': 3,
    'normativeDocs:issued': 4,
    'normativeDocs:repealed': 5,
    'normativeDocs:inForce': 6,
    'licensing:decisions': 77,
    'penalty:decisions': 88,
    'coercion:decisions': 99,
    'adminFees:feeAmountWan': 12.5,
  };
  for (const k of without) delete want[k];
  const got = Object.fromEntries(r.cells.filter((c) => c.table === 't2').map((c) => [`${c.row}:${c.col}`, c.value]));
  expect(got).toEqual(want);
}

describe('synthetic layouts', () => {
  it('baseline: the template as published', () => {
    const { report } = read('baseline-2021.html');
    expect(report.format).toBe('2021');
    expect(report.tablesFound).toEqual(['t2', 't3', 't4']);
    expectT3(report);
    expectT4(report);
    expectT2(report);
    expect(report.readNotes).toEqual([]);
    expect(report.extras).toEqual([]);
  });

  it('a table split over two <table> elements is merged', () => {
    const { report, tableElements } = read('split-table.html');
    expectT3(report);
    expect(tableElements.t3).toHaveLength(2);
    const sources = new Set(report.cells.filter((c) => c.table === 't3').map((c) => (c.source.type === 'dom' ? c.source.tableIndex : -1)));
    expect(sources.size).toBe(2);
    expect(report.readNotes).toContainEqual(expect.objectContaining({ code: 'tableMerged', table: 't3', params: { count: 2 } }));
  });

  it('header rows in their own table are joined to the data table', () => {
    const { report, tableElements } = read('header-only-table.html');
    expectT3(report);
    expectT4(report);
    expect(tableElements.t3).toHaveLength(2);
    expect(tableElements.t4).toHaveLength(2);
  });

  it('tables nested in layout tables: the innermost data tables are read, the metadata table is not', () => {
    const { report, tableElements } = read('nested-layout.html');
    expectT3(report);
    expectT4(report);
    expectT2(report);
    for (const id of ['t2', 't3', 't4'] as const) {
      const t = tableElements[id]![0]!;
      expect(t.getElementsByTagName('table').length).toBe(0);
    }
    expect(tableElements.t2![0]!.getAttribute('class')).not.toBe('table_content');
    expect(report.cells.every((c) => c.source.type === 'dom' && c.source.tableIndex > 0)).toBe(true);
  });

  it('a group row and a header row repeated mid-table are skipped (V9, V18)', () => {
    const { report } = read('repeated-group-row.html');
    expectT3(report);
    expect(report.extras).toEqual([]);
  });

  it('table 四 printed transposed (3 × 5) maps to the single row cases', () => {
    const { report } = read('transposed-t4.html');
    expectT4(report);
    expect(report.readNotes).toContainEqual(expect.objectContaining({ code: 'transposed', table: 't4' }));
  });

  it('missing rows give read notes, not invented cells', () => {
    const { report } = read('missing-row.html');
    expectT3(report, T3_2021.rows.map((d) => d.id).filter((id) => id !== 'notProcessed.publication'));
    expectT2(report, ['coercion:decisions']);
    expect(report.readNotes).toContainEqual(
      expect.objectContaining({ code: 'rowNotFound', table: 't3', params: { row: 'notProcessed.publication', label: '3.要求提供公开出版物' } }),
    );
    expect(report.readNotes).toContainEqual(expect.objectContaining({ code: 'rowNotFound', table: 't2', params: expect.objectContaining({ row: 'coercion' }) }));
  });

  it('extra rows are kept as extras with their printed values', () => {
    const { report } = read('extra-row.html');
    expectT3(report);
    expectT2(report);
    const t3x = report.extras.find((x) => x.table === 't3');
    expect(t3x?.label).toBe('小计');
    expect(t3x?.raw).toEqual(['900', '901', '902', '903', '904', '905', '906']);
    const t2x = report.extras.find((x) => x.table === 't2');
    expect(t2x?.label).toBe('其他主动公开文件');
    expect(t2x?.raw).toEqual(['7', '8', '9']);
  });

  it('typos, stray spaces, synonyms and borderless tables (V3, V14, V17)', () => {
    const { report } = read('typo-labels.html');
    expectT3(report);
    expectT4(report);
    expectT2(report);
    expect(report.extras).toEqual([]);
  });

  it('broken spans: （七）总计 outside the results span, 总计 header in row 1 (V8)', () => {
    const { report } = read('broken-spans.html');
    expectT3(report);
  });

  it('F2021 report with a single （六）其他处理 row reads it as the group total grp.other, no invented sub-rows', () => {
    const { report, elements } = read('single-other-row.html');
    expect(report.format).toBe('2021');
    const others = ['other.noCorrection', 'other.unpaidFee', 'other.misc'];
    const grp = report.cells.filter((c) => c.row === 'grp.other');
    expect(grp.map((c) => `${c.col}=${c.raw}`)).toEqual(T3_COLS.map((c, j) => `${c.id}=${1000 + j}`));
    expect(elements.get('t3:grp.other:naturalPerson')?.textContent).toBe('1000');
    expectT3({ ...report, cells: report.cells.filter((c) => c.row !== 'grp.other') }, T3_2021.rows.map((d) => d.id).filter((id) => !others.includes(id)));
    expect(report.extras).toEqual([]);
    expect(report.readNotes).toContainEqual(
      expect.objectContaining({ code: 'groupCollapsed', table: 't3', params: { row: 'grp.other', label: '（六）其他处理', count: 3 } }),
    );
    expect(report.readNotes.filter((n) => n.code === 'rowNotFound')).toEqual([]);
  });
});

describe('not checkable pages', () => {
  it('a table printed as an image is reported, the others are read', () => {
    const { report } = read('image-table.html', 'https://www.example.gov.cn/zwgk/nb/2024/t1.html');
    expect(report.tablesFound).toEqual(['t2', 't4']);
    expect(report.notCheckable).toEqual([
      { table: 't3', reason: 'image', link: 'https://www.example.gov.cn/images/2024/t3.png', detail: 'table printed as an image' },
    ]);
    expectT4(report);
  });

  it('a report published only as an attachment', () => {
    const { report } = read('attachment-only.html', 'https://www.example.gov.cn/zwgk/nb/2024/t1.html');
    expect(report.tablesFound).toEqual([]);
    expect(report.cells).toEqual([]);
    expect(report.notCheckable).toEqual([
      { table: 'report', reason: 'attachment', link: 'https://www.example.gov.cn/files/2024/report2023.pdf', detail: 'report published as an attachment' },
    ]);
  });

  it('a report shown only in an embedded PDF viewer', () => {
    const { report } = read('pdf-viewer.html');
    expect(report.tablesFound).toEqual([]);
    expect(report.notCheckable).toHaveLength(1);
    expect(report.notCheckable[0]).toMatchObject({ table: 'report', reason: 'embeddedPdf' });
    expect(report.notCheckable[0]!.link).toContain('viewer.html?file=/files/2024/report2023.pdf');
  });

  it('a page without any report gives one clear note per table and never throws', () => {
    const doc = parseHTML('<html><body><p>没有内容</p></body></html>').document as unknown as Document;
    const [r] = readDocument(doc);
    expect(r!.report.cells).toEqual([]);
    expect(r!.report.notCheckable.map((n) => n.reason)).toEqual(['missing', 'missing', 'missing']);
    expect(r!.report.readNotes.filter((n) => n.code === 'tableNotFound').map((n) => n.table)).toEqual(['t2', 't3', 't4']);
  });
});

describe('Word phantom cells', () => {
  it('an empty cell right of the header in every data row does not shift the values', () => {
    const { report } = read('phantom-cells.html');
    expectT3(report);
    expectT4(report);
  });
});

describe('merged value cells', () => {
  it('reads the cells the header names one by one and says which were not read', () => {
    const { report } = read('merged-cells.html');
    const all = T3_2021.rows.map((d) => d.id);
    // every other row complete; denied.lawForbidden only its 自然人 cell
    expect(value(report, 't3', 'denied.lawForbidden', 'naturalPerson')).toBe(60);
    expect(report.cells.filter((c) => c.row === 'denied.lawForbidden')).toHaveLength(1);
    const others = report.cells.filter((c) => c.table === 't3' && c.row !== 'denied.lawForbidden');
    expect(others).toHaveLength((all.length - 1) * 7);
    expect(report.readNotes).toContainEqual(
      expect.objectContaining({
        code: 'rowFewCells',
        table: 't3',
        params: expect.objectContaining({ row: 'denied.lawForbidden', count: 2, cols: 'commercial, research, publicInterest, legalService, otherOrg, total' }),
      }),
    );
    // t4: the first ten columns, the merged 复议后起诉 block not read
    const t4 = templateCells('t4', '2021').map((k) => value(report, 't4', k.row, k.col));
    expect(t4).toEqual([...Array.from({ length: 10 }, (_, k) => 101 + k), ...Array<undefined>(5).fill(undefined)]);
    expect(report.readNotes).toContainEqual(
      expect.objectContaining({ code: 'dataRowByHeader', table: 't4', params: expect.objectContaining({ count: 11, skipped: 1 }) }),
    );
  });
});

describe('older format', () => {
  it('a pre-2019 report is recognised and not forced into the 2019/2021 tables', () => {
    const { report } = read('older-format.html');
    expect(report.format).toBe('older');
    expect(report.year).toBe(2017);
    expect(report.cells).toEqual([]);
    expect(report.notCheckable).toEqual([
      {
        table: 'report',
        reason: 'unreadable',
        detail: 'older (pre-2019) format: its statistics table is not mapped onto tables 二/三/四',
        note: expect.objectContaining({ code: 'olderFormatNotMapped', zh: '2019年以前的旧版格式：其统计表不对应表二、表三、表四' }),
      },
    ]);
  });
});

describe('surplus columns', () => {
  it('a 备注 column right of the values is not read as a value', () => {
    const { report } = read('remarks-column.html');
    expectT3(report);
    expectT4(report);
    expect(report.readNotes).toContainEqual(
      expect.objectContaining({ code: 'rowsExtraCellsByHeader', table: 't3', params: { count: 17, rows: 'newReceived, carriedOver, partial, …' } }),
    );
  });
});

describe('F2019 layout', () => {
  it('reads table 二 with signed deltas, placeholders and units, and the single （六） row of table 三', () => {
    const { report } = read('format-2019.html');
    expect(report.format).toBe('2019');
    const t2 = Object.fromEntries(report.cells.filter((c) => c.table === 't2').map((c) => [`${c.row}:${c.col}`, [c.kind, c.value]]));
    expect(t2).toEqual({
      'regulations:newlyMade': ['number', 1],
      'regulations:newlyPublished': ['number', 2],
      'regulations:publishedTotal': ['number', 3],
      'normativeDocs:newlyMade': ['number', 4],
      'normativeDocs:newlyPublished': ['number', 5],
      'normativeDocs:publishedTotal': ['number', 6],
      'licensing:itemsLastYear': ['blank', null],
      'licensing:itemsDelta': ['number', -3],
      'licensing:decisions': ['number', 7],
      'otherServices:itemsLastYear': ['number', 8],
      'otherServices:itemsDelta': ['number', 2],
      'otherServices:decisions': ['number', 9],
      'penalty:itemsLastYear': ['number', 10],
      'penalty:itemsDelta': ['number', 0],
      'penalty:decisions': ['number', 11],
      'coercion:itemsLastYear': ['placeholder', null],
      'coercion:itemsDelta': ['placeholder', null],
      'coercion:decisions': ['placeholder', null],
      'adminFees:itemsLastYear': ['number', 12],
      'adminFees:itemsDelta': ['number', -1],
      'centralProcurement:procurementCount': ['number', 13],
      'centralProcurement:procurementAmount': ['number', 73802895.9],
    });
    expect(report.cells.find((c) => c.col === 'procurementAmount')?.unit).toBe('元');
    // 23 rows × 7; （一）予以公开 × 自然人 prints 未统计: a text cell, not a label
    expect(report.cells.filter((c) => c.table === 't3')).toHaveLength(23 * 7);
    expect(report.cells.find((c) => c.table === 't3' && c.row === 'granted' && c.col === 'naturalPerson')).toMatchObject({ raw: '未统计', kind: 'text', value: null });
    expect(value(report, 't3', 'granted', 'total')).toBe(36);
    expect(value(report, 't3', 'other', 'naturalPerson')).toBe(210);
    expect(value(report, 't3', 'totalProcessed', 'total')).toBe(226);
    expect(value(report, 't3', 'carriedForward', 'naturalPerson')).toBe(230);
    expect(report.extras).toEqual([]);
  });
});

describe('table 二 cell layouts', () => {
  it('a one-value row printed over three separate cells takes the printed one', () => {
    const html = `<p>二、主动公开政府信息情况</p><table border="1">
      <tr><td colspan="4">第二十条第（一）项</td></tr>
      <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
      <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
      <tr><td>行政规范性文件</td><td>4</td><td>5</td><td>6</td></tr>
      <tr><td colspan="4">第二十条第（五）项</td></tr>
      <tr><td>信息内容</td><td>本年处理决定数量</td><td></td><td></td></tr>
      <tr><td>行政许可</td><td>2629</td><td></td><td></td></tr>
      <tr><td colspan="4">第二十条第（六）项</td></tr>
      <tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
      <tr><td>行政处罚</td><td></td><td>1330</td><td></td></tr>
      <tr><td>行政强制</td><td colspan="3">54</td></tr>
      <tr><td colspan="4">第二十条第（八）项</td></tr>
      <tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
      <tr><td>行政事业性收费</td><td colspan="3">5949.088667</td></tr></table>`;
    const doc = parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document;
    const { report } = readDocument(doc)[0]!;
    expect(value(report, 't2', 'licensing', 'decisions')).toBe(2629);
    expect(value(report, 't2', 'penalty', 'decisions')).toBe(1330);
    expect(value(report, 't2', 'coercion', 'decisions')).toBe(54);
    expect(value(report, 't2', 'adminFees', 'feeAmountWan')).toBe(5949.088667);
    expect(value(report, 't2', 'normativeDocs', 'inForce')).toBe(6);
    expect(report.cells.filter((c) => c.table === 't2')).toHaveLength(10);
  });
});

describe('column order', () => {
  it('columns printed in another order are mapped by their header', () => {
    // 科研机构 before 商业企业, 合计 for 总计
    const head = `<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
      <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">合计</td></tr>
      <tr><td>科研机构</td><td>商业企业</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`;
    const row = `<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>1</td><td>3</td><td>2</td><td>4</td><td>5</td><td>6</td><td>21</td></tr>`;
    const doc = parseHTML(`<html><body><p>三、收到和处理政府信息公开申请情况</p><table>${head}${row}</table></body></html>`).document as unknown as Document;
    const { report } = readDocument(doc)[0]!;
    const got = Object.fromEntries(report.cells.filter((c) => c.row === 'newReceived').map((c) => [c.col, c.value]));
    expect(got).toEqual({ naturalPerson: 1, research: 3, commercial: 2, publicInterest: 4, legalService: 5, otherOrg: 6, total: 21 });
    expect(report.readNotes).toContainEqual(expect.objectContaining({ code: 'rowsColumnsReordered', table: 't3', params: { count: 1, rows: 'newReceived' } }));
  });
});
