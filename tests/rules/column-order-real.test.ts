// t3.columnOrder doubts the reading only where the header labels did not place the columns (issue 14 part 2).
// Real page: Pingtan 2025 (corpus HTML; MANIFEST hand check: every table-三 row adds up). Its 总计 column is
// emptied to 0 as an office that forgot to fill the totals would print it: 15 rows have applicants (page.txt of
// the same report: 新收 154, 予以公开 33, 部分公开 38, 内部事务 3, 过程性 2, 执法案卷 3, 行政查询 3, 不掌握 50,
// 另行制作 3, 信访 2, 逾期不补正 8, 逾期未缴费 2, 其他 1, （七）总计 148, 结转 6), so 15 row totals fail.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../core/check';
import { readDocument } from '../../core/read/dom';
import { readText } from '../../core/read/text';
import { T3_COLS } from '../../core/model/templates';

const FAILING_ROWS = [
  'newReceived',
  'granted',
  'partial',
  'denied.internalAffairs',
  'denied.processInfo',
  'denied.enforcementFile',
  'denied.adminQuery',
  'unable.notHeld',
  'unable.needsCreation',
  'notProcessed.complaint',
  'other.noCorrection',
  'other.unpaidFee',
  'other.misc',
  'totalProcessed',
  'carriedForward',
];

/** The Pingtan 2025 page with every 表三 总计 cell printed as 0; `dropHeader` also removes the table's header rows. */
function pingtanTotalsZero(dropHeader: boolean) {
  const html = readFileSync(new URL('../fixtures/corpus/real/2025-pingtan-guanweihui.html', import.meta.url), 'utf8');
  const doc = parseHTML(html).document as unknown as Document;
  const first = readDocument(doc)[0]!;
  for (const [key, el] of first.elements) if (key.startsWith('t3:') && key.endsWith(':total')) el.textContent = '0';
  if (dropHeader) {
    const table = first.tableElements.t3![0]!;
    const rows = [...table.querySelectorAll('tr')];
    const firstData = rows.findIndex((tr) => tr.textContent!.includes('本年新收'));
    rows.slice(0, firstData).forEach((tr) => tr.remove());
  }
  return readDocument(doc)[0]!.report;
}

describe('t3.columnOrder on a real page whose 总计 column is all 0', () => {
  it('headers matching the template: the row totals fail as errors, no doubt about the column order', () => {
    const report = pingtanTotalsZero(false);
    expect(report.columnsByHeader).toContain('t3');
    const findings = checkReport(report);
    const rowTotals = findings.filter((f) => f.rule === 't3.rowTotal' && f.status === 'fail');
    expect(rowTotals.map((f) => f.scope).sort()).toEqual([...FAILING_ROWS].sort());
    expect(rowTotals.every((f) => f.severity === 'error' && f.left === 0)).toBe(true);
    const order = findings.filter((f) => f.rule === 't3.columnOrder');
    expect(order.map((f) => [f.status, f.params?.by])).toEqual([['pass', 'header']]);
    expect(findings.some((f) => f.message.zh.includes('列的对应关系可能读错'))).toBe(false);
  });

  it('header rows missing (columns placed by position): the same numbers leave the column order in doubt', () => {
    const report = pingtanTotalsZero(true);
    expect(report.columnsByHeader ?? []).not.toContain('t3');
    const findings = checkReport(report);
    expect(findings.filter((f) => f.rule === 't3.rowTotal' && f.status === 'fail')).toHaveLength(FAILING_ROWS.length);
    const order = findings.find((f) => f.rule === 't3.columnOrder')!;
    expect([order.status, order.severity, order.params?.share]).toEqual(['fail', 'warning', 0]);
    expect(order.message.zh).toContain('列的对应关系可能读错');
  });
});

describe('text tables: the header line places the columns only where its cells stand above the values', () => {
  const header = ['项目', ...T3_COLS.map((c) => c.label)];
  const row = (label: string, v: number[]) => [label, ...v.map(String)];
  const rows = [
    row('一、本年新收政府信息公开申请数量', [3, 1, 0, 0, 0, 0, 0]),
    row('二、上年结转政府信息公开申请数量', [0, 0, 0, 0, 0, 0, 0]),
    row('（一）予以公开', [2, 1, 0, 0, 0, 0, 0]),
    row('（二）部分公开', [1, 0, 0, 0, 0, 0, 0]),
    row('（七）总计', [3, 1, 0, 0, 0, 0, 0]),
    row('四、结转下年度继续办理', [0, 0, 0, 0, 0, 0, 0]),
  ];
  const read = (lines: string[][], sep: string) => readText(['国办公开办函〔2021〕30号', ...lines.map((l) => l.join(sep))].join('\n'))[0]!;

  it('tab-separated with a header of the template columns: confirmed, no doubt', () => {
    const r = read([header, ...rows], '\t');
    expect(r.columnsByHeader).toEqual(['t3']);
    const order = checkReport(r).find((f) => f.rule === 't3.columnOrder')!;
    expect([order.status, order.params?.by]).toEqual(['pass', 'header']);
  });

  it('the same rows under a header shifted by one cell: placed by position, the doubt stays', () => {
    const r = read([['', ...header], ...rows], '\t');
    expect(r.columnsByHeader).toBeUndefined();
    const order = checkReport(r).find((f) => f.rule === 't3.columnOrder')!;
    expect(order.status).toBe('fail');
  });

  it('no header line at all: placed by position', () => {
    expect(read(rows, '\t').columnsByHeader).toBeUndefined();
  });
});
