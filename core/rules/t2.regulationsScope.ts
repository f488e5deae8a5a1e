import { draft } from './draft';
import type { Rule, RuleCases } from './types';

// Spec §7.4 (info): only provincial governments and cities with districts / autonomous prefectures make 规章.
const MAY_MAKE_REGULATIONS = /(?:省|自治区|市|自治州)人民政府(?:办公厅|办公室)?$/;

const rule: Rule = {
  kind: 'report',
  id: 't2.regulationsScope',
  severity: 'info',
  reads: ['t2', 'meta'],
  doc: 'Table 二 规章 rows are normally 0 except for provincial governments and governments of cities with districts / autonomous prefectures (county-level governments and departments make no 规章) (spec §7.4).',
  messages: {
    fail: { zh: '{agency}通常无权制定规章，但表二「规章」行有 {left} 件。', en: '{agency} does not normally make regulations, but table 2 lists {left} regulations.' },
    pass: { zh: '表二「规章」行与机关层级相符。', en: 'Table 2 regulations row fits the agency level.' },
  },
  check(report) {
    const cells = report.cells.filter((c) => c.table === 't2' && c.row === 'regulations' && c.kind === 'number');
    if (cells.length === 0 || !report.agency) return [];
    const agency = report.agency.replace(/\s+/g, '');
    const sum = cells.reduce((a, c) => a + (c.value ?? 0), 0);
    if (MAY_MAKE_REGULATIONS.test(agency) || sum === 0) return [draft(rule.id, 'info', 'pass', { params: { agency } })];
    return [draft(rule.id, 'info', 'fail', { cells: cells.map((c) => ({ table: c.table, row: c.row, col: c.col })), left: sum, params: { agency } })];
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [
    { name: 'county department with 0', meta: { agency: '沭阳县发展和改革局' }, expect: { status: 'pass' } },
    { name: 'municipal office with regulations', meta: { agency: '上海市人民政府办公厅' }, cells: { 't2:regulations:issued': '13' }, expect: { status: 'pass' } },
  ],
  invalid: [{ name: 'district government with regulations', meta: { agency: '淮安市洪泽区人民政府' }, cells: { 't2:regulations:issued': '2' }, expect: { status: 'fail', left: 2 } }],
};
