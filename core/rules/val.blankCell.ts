import type { CellRef } from '../model/schema';
import { draft } from './draft';
import type { FindingDraft, Rule, RuleCases } from './types';

// Spec §7.1, §7.8: the template expects a number in every cell ("0" written out); one finding per row with blanks.
const rule: Rule = {
  kind: 'report',
  id: 'val.blankCell',
  severity: 'warning',
  reads: ['t2', 't3', 't4'],
  doc: 'Cells left blank or filled with a placeholder (—, -, /, 无) where the template expects a number; 0 should be written. Warning, or info when the rest of the row is all zero (spec §7.1, §7.8; Shanghai 2019 left 70 of 182 table-三 cells blank).',
  messages: {
    fail: {
      zh: '{scopeRow}有 {blankCount} 个空白或占位单元格（{blankCols} 列），应填写数字（0 也应写出）。',
      en: 'In {scopeRow}, {blankCount} cell(s) are blank or placeholders (columns {blankCols}); a number (0 included) should be printed.',
    },
    pass: { zh: '表格中没有空白单元格。', en: 'No blank cells in the tables.' },
  },
  check(report) {
    type Row = { blanks: CellRef[]; nonzero: number; table: string; row: string };
    // rows by table, then row id (no key string per cell), listed in the order the cells first name them
    const byTable = new Map<string, Map<string, Row>>();
    const rows: Row[] = [];
    let seen = 0;
    for (const c of report.cells) {
      if (c.table === 't2' && (c.col === 'itemsDelta' || c.col === 'procurementAmount')) continue;
      seen++;
      let table = byTable.get(c.table);
      if (!table) byTable.set(c.table, (table = new Map()));
      let r = table.get(c.row);
      if (!r) {
        table.set(c.row, (r = { blanks: [], nonzero: 0, table: c.table, row: c.row }));
        rows.push(r);
      }
      if (c.kind === 'blank' || c.kind === 'placeholder') r.blanks.push({ table: c.table, row: c.row, col: c.col });
      else if (c.value !== 0) r.nonzero++;
    }
    if (seen === 0) return [];
    const out: FindingDraft[] = [];
    for (const r of rows) {
      if (r.blanks.length === 0) continue;
      out.push(draft(rule.id, r.nonzero === 0 ? 'info' : 'warning', 'fail', { scope: r.row, cells: r.blanks, blanks: r.blanks, params: { table: r.table, blankCols: r.blanks.map((b) => b.col).join(', ') } }));
    }
    return out.length > 0 ? out : [draft(rule.id, 'warning', 'pass')];
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [{ name: 'Huixian: every cell filled', expect: { status: 'pass', count: 1 } }],
  invalid: [
    {
      name: 'blank total of a row with numbers',
      cells: { 't3:granted:total': '' },
      expect: { status: 'fail', scope: 'granted', blanks: ['t3:granted:total'] },
    },
    { name: 'placeholder in t4', cells: { 't4:cases:litDirect.pending': '—' }, expect: { status: 'fail', scope: 'cases', blanks: ['t4:cases:litDirect.pending'] } },
  ],
};
