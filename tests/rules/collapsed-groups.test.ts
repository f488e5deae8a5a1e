// Issue 14 part 1: a 表三 group printed as one row is read as the group total (spec §0 `grp.<group>`), so the
// outcome sums stay checkable and a single misprinted cell is still pinned. Real documents: the Hongze 2023 and
// 2024 PDFs, which print （六）其他处理 as one row of zeros (MANIFEST; pdf-real.test.ts types every cell). Synthetic
// variants of each group: the Huixian 2023 sample (tab-separated text, and an HTML table built from its numbers)
// with the group's sub-rows replaced by one row of their sums.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pdfPages } from '../../cli/pdf';
import { checkReport } from '../../core/check';
import { cellKey } from '../../core/model/ids';
import type { Finding, Report } from '../../core/model/schema';
import { groupRowId, T3_2021, T3_COLS, T3_GROUPS, t3GroupMembers, type T3Group } from '../../core/model/templates';
import { readDocument } from '../../core/read/dom';
import { readPdf, type PdfPage } from '../../core/read/pdf';
import { readText } from '../../core/read/text';
import { HUIXIAN_T3 } from './fixtures';

const pass = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule && f.status === 'pass').map((f) => f.scope);
const failing = (fs: Finding[]) => fs.filter((f) => f.status === 'fail' && f.severity === 'error');
const COLS = T3_COLS.map((c) => c.id);

/** The PDF's pages with the text item printing `key`'s cell replaced by `printed`. */
function changeItem(pages: PdfPage[], report: Report, key: string, printed: string): PdfPage[] {
  const c = report.cells.find((x) => cellKey(x) === key)!;
  if (c.source.type !== 'pdf') throw new Error('not a PDF cell');
  const { page, x, y } = c.source;
  return pages.map((p) => {
    if (p.page !== page) return p;
    // the item at the cell's x whose top (from the page's top) is nearest the cell's
    const items = p.items.filter((it) => Math.abs(it.x - x) < 0.5 && it.str.trim() === c.raw);
    const top = (it: PdfPage['items'][number]) => Math.abs(p.height - it.y - it.height - y);
    const target = items.sort((a, b) => top(a) - top(b))[0]!;
    return { ...p, items: p.items.map((it) => (it === target ? { ...it, str: printed } : it)) };
  });
}

describe.each([
  // the changed cell: printed value as in the PDF, the value it is changed to
  { file: '2023-huaian-hongzequ.pdf', change: 't3:unable.notHeld:naturalPerson', printed: 10, to: '13' },
  { file: '2024-huaian-hongzequ.pdf', change: 't3:unable.unclear:naturalPerson', printed: 0, to: '3' },
])('$file: （六）其他处理 printed as one row', ({ file, change, printed, to }) => {
  const pagesP = (async () => pdfPages(new Uint8Array(readFileSync(new URL(`../fixtures/corpus/real/${file}`, import.meta.url))), file))();

  it('the outcome sums and balances are checked with the group total and hold; the reading note names the row', async () => {
    const report = readPdf(await pagesP)[0]!;
    expect(report.cells.filter((c) => c.row === 'grp.other').map((c) => c.value)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(report.cells.some((c) => c.row.startsWith('other.'))).toBe(false);
    const note = report.readNotes.find((n) => n.code === 'groupCollapsed')!;
    expect(note.zh).toContain('“（六）其他处理”只印了一行');
    expect(note.en).toContain('"（六）其他处理" printed as a single row');
    const fs = checkReport(report);
    expect(pass(fs, 't3.outcomeSum')).toEqual(COLS);
    expect(pass(fs, 't3.balance')).toEqual(COLS);
    expect(pass(fs, 't3.rowTotal')).toContain('grp.other');
    expect(fs.filter((f) => f.rule.startsWith('t3.') && f.status !== 'pass')).toEqual([]);
    // the stacked column header (自然人 / 商业 企业 / 科研 机构 …) placed the columns
    expect(report.columnsByHeader).toEqual(['t3']);
    expect(fs.find((f) => f.rule === 't3.columnOrder')!.params?.by).toBe('header');
  });

  it(`one changed 自然人 number (${change} ${printed} → ${to}) is pinned to its cell`, async () => {
    const pages = await pagesP;
    const report = readPdf(changeItem(pages, readPdf(pages)[0]!, change, to))[0]!;
    const fs = checkReport(report).filter((f) => f.rule.startsWith('t3.') && f.status === 'fail');
    const row = change.split(':')[1]!;
    expect(fs.map((f) => `${f.rule}:${f.scope}`).sort()).toEqual([`t3.outcomeSum:naturalPerson`, `t3.rowTotal:${row}`]);
    for (const f of fs) {
      expect(f.ambiguous).toBe(false);
      // (+ 0: the localizer's simplex may give −0 for 0)
      expect(f.suspects.map((s) => [cellKey(s), s.printed, s.suggested + 0])).toEqual([[change, Number(to), printed]]);
    }
  });
});

// ── synthetic variants of each group, from the Huixian 2023 sample ──
const GROUPS: T3Group[] = ['denied', 'unable', 'notProcessed', 'other'];
const groupSum = (g: T3Group) => COLS.map((_, j) => t3GroupMembers('2021', g).reduce((a, r) => a + HUIXIAN_T3[r]![j]!, 0));
const HUIXIAN_TEXT = readFileSync(new URL('../../samples/huixian-2023.txt', import.meta.url), 'utf8');

/** The sample text with the group's sub-row lines replaced by one line of their sums under the group heading. */
function collapsedText(g: T3Group, change?: { col: number; to: number }): string {
  const labels = T3_2021.rows.filter((r) => r.group === g).map((r) => r.label.replace(/^\d+\./, ''));
  const lines = HUIXIAN_TEXT.split('\n');
  // the line whose label cell is the sub-row's label (printed "1. 申请人…", "3. 其他")
  const at = (label: string, from = 0) => lines.findIndex((l, i) => i >= from && l.split('\t').some((c) => c.replace(/^\d+\.\s*/, '').trim() === label));
  const first = at(labels[0]!);
  const last = at(labels[labels.length - 1]!, first);
  expect([first > 0, last >= first]).toEqual([true, true]);
  const values = groupSum(g);
  if (change) values[change.col] = change.to;
  return [...lines.slice(0, first), ['', T3_GROUPS[g], ...values].join('\t'), ...lines.slice(last + 1)].join('\n');
}

/**
 * An HTML page with the Huixian 表三 in the template's layout (三、本年度办理结果 spanning the outcome rows, each group
 * heading spanning its sub-rows), the group printed as one row: its heading beside the values, spanning two columns.
 */
function collapsedHtml(g: T3Group, change?: { col: number; to: number }, leaf?: { row: string; to: number }): string {
  const printedRow = (id: string) => (leaf?.row === id ? [leaf.to, ...HUIXIAN_T3[id]!.slice(1)] : HUIXIAN_T3[id]!);
  const td = (t: string | number, span = '') => `<td${span}>${t}</td>`;
  const vals = (v: readonly number[]) => v.map((x) => td(x)).join('');
  const rows = [
    td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' rowspan="3" colspan="3"') + td('申请人情况', ' colspan="7"'),
    td('自然人', ' rowspan="2"') + td('法人或其他组织', ' colspan="5"') + td('总计', ' rowspan="2"'),
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => td(t)).join(''),
  ];
  const printed = T3_2021.rows.filter((r) => r.group !== g || r.id === t3GroupMembers('2021', g)[0]);
  const results = printed.filter((r) => !['newReceived', 'carriedOver', 'carriedForward'].includes(r.id)).length;
  let resultsOpen = false;
  const seen = new Set<string>();
  for (const r of printed) {
    if (['newReceived', 'carriedOver', 'carriedForward'].includes(r.id)) {
      rows.push(td(r.label, ' colspan="3"') + vals(printedRow(r.id)));
      continue;
    }
    const head = resultsOpen ? '' : td('三、本年度办理结果', ` rowspan="${results}"`);
    resultsOpen = true;
    if (r.group === g) {
      const v = groupSum(g);
      if (change) v[change.col] = change.to;
      rows.push(head + td(T3_GROUPS[g]!, ' colspan="2"') + vals(v));
    } else if (r.group) {
      const n = T3_2021.rows.filter((x) => x.group === r.group).length;
      const groupHead = seen.has(r.group) ? '' : td(T3_GROUPS[r.group]!, ` rowspan="${n}"`);
      seen.add(r.group);
      rows.push(head + groupHead + td(r.label) + vals(printedRow(r.id)));
    } else rows.push(head + td(r.label, ' colspan="2"') + vals(printedRow(r.id)));
  }
  const table = `<table border="1">${rows.map((r) => `<tr>${r}</tr>`).join('')}</table>`;
  return `<html><head><title>辉县市人民政府2023年政府信息公开工作年度报告</title></head><body><p>三、收到和处理政府信息公开申请情况</p>${table}</body></html>`;
}

const readHtml = (html: string) => readDocument(parseHTML(html).document as unknown as Document)[0]!.report;

describe.each(GROUPS)('Huixian 2023 with %s printed as one row', (g) => {
  const heading = T3_GROUPS[g]!;
  const grp = groupRowId(g);
  // a change of the group row's 自然人 total by 3
  const change = { col: 0, to: groupSum(g)[0]! + 3 };

  describe.each([
    ['text', (c?: typeof change) => readText(collapsedText(g, c))[0]!],
    ['HTML', (c?: typeof change) => readHtml(collapsedHtml(g, c))],
  ] as const)('%s', (kind, read) => {
    it('reads the group total, checks every outcome sum with it, and says the row was collapsed', () => {
      const report = read();
      expect(report.cells.filter((c) => c.row === grp).map((c) => c.value)).toEqual(groupSum(g));
      expect(report.cells.filter((c) => t3GroupMembers('2021', g).includes(c.row))).toEqual([]);
      expect(report.readNotes).toContainEqual(expect.objectContaining({ code: 'groupCollapsed', params: { row: grp, label: heading, count: t3GroupMembers('2021', g).length } }));
      const fs = checkReport(report);
      expect(pass(fs, 't3.outcomeSum')).toEqual(COLS);
      expect(pass(fs, 't3.rowTotal')).toContain(grp);
      expect(fs.filter((f) => f.rule === 't3.rowSet').map((f) => f.status)).toEqual(['pass']);
      expect(report.readNotes.filter((n) => n.code === 'rowNotFound' || n.code === 'rowsNotRead' || n.code === 'labelNotFound')).toEqual([]);
      expect(failing(fs)).toEqual([]);
    });

    if (kind === 'HTML')
      it('pins a 自然人 number outside the group changed from 0 to 3 (the row total and the outcome sum bind it)', () => {
        const row = g === 'denied' ? 'unable.needsCreation' : 'denied.stateSecret';
        expect(HUIXIAN_T3[row]![0]).toBe(0);
        const fs = failing(checkReport(readHtml(collapsedHtml(g, undefined, { row, to: 3 }))));
        expect(fs.map((f) => `${f.rule}:${f.scope}`).sort()).toEqual(['t3.outcomeSum:naturalPerson', `t3.rowTotal:${row}`]);
        for (const f of fs) expect(f.suspects.map((s) => [cellKey(s), s.printed, s.suggested + 0])).toEqual([[`t3:${row}:naturalPerson`, 3, 0]]);
      });

    it('pins a changed group total to its cell', () => {
      const fs = failing(checkReport(read(change)));
      expect(fs.map((f) => `${f.rule}:${f.scope}`).sort()).toEqual(['t3.outcomeSum:naturalPerson', `t3.rowTotal:${grp}`]);
      for (const f of fs) expect(f.suspects.map((s) => [cellKey(s), s.printed, s.suggested])).toEqual([[`t3:${grp}:naturalPerson`, change.to, change.to - 3]]);
    });
  });
});

// Real run-together text (Pingtan 2025 page.txt, MANIFEST: every 表三 row adds up) with one group cut down to its
// heading and the group's sums as the page would print them, digits run together. The sums, from the page's rows:
// 不予公开 3 + 2 + 3 + 3 = 11 (自然人); 无法提供 49 + 3 = 52 (自然人) and 1 (商业企业), 53 in all; 不予处理 2;
// 其他处理 8 + 2 + 1 = 11.
describe.each([
  { g: 'denied' as const, next: '（四）无法提供', run: '110000011', sums: [11, 0, 0, 0, 0, 0, 11] },
  { g: 'unable' as const, next: '（五）不予处理', run: '521000053', sums: [52, 1, 0, 0, 0, 0, 53] },
  { g: 'notProcessed' as const, next: '（六）其他处理', run: '2000002', sums: [2, 0, 0, 0, 0, 0, 2] },
  { g: 'other' as const, next: '（七）总计', run: '110000011', sums: [11, 0, 0, 0, 0, 0, 11] },
])('Pingtan 2025 page.txt (cells run together) with $g printed as one row', ({ g, next, run, sums }) => {
  const text = readFileSync(new URL('../fixtures/corpus/real/2025-pingtan-guanweihui.txt', import.meta.url), 'utf8');
  const heading = T3_GROUPS[g]!;
  const from = text.indexOf(heading);
  const to = text.indexOf(next, from + heading.length);
  const collapsedRun = text.slice(0, from) + heading + run + text.slice(to);

  it('reads the group total where its digits split one way with the column identities, and checks the outcome sums', () => {
    expect([from > 0, to > from]).toEqual([true, true]);
    const report = readText(collapsedRun)[0]!;
    expect(report.cells.filter((c) => c.row === groupRowId(g)).map((c) => c.value)).toEqual(sums);
    expect(report.readNotes.map((n) => n.code)).toContain('groupCollapsed');
    expect(report.readNotes.filter((n) => n.code === 'labelNotFound')).toEqual([]);
    const fs = checkReport(report);
    expect(pass(fs, 't3.outcomeSum')).toEqual(COLS);
    expect(failing(fs)).toEqual([]);
  });
});
