import type { CellRef } from '../model/schema';
import { evaluateAll, hasTable, type IdentitySpec } from './identity';
import { SUM_REVIEW } from './sumRule';
import type { Rule, RuleCases } from './types';

// Spec §7.4: last year's in-force count ≥ 0 implies 现行有效 ≥ 本年制发 − 本年废止 (2021 format).
const t2 = (row: string, col: string): CellRef => ({ table: 't2', row, col });
const specs = (): IdentitySpec[] =>
  ['regulations', 'normativeDocs'].map((row) => ({
    rule: 't2.inForceLowerBound',
    severity: 'warning',
    scope: row,
    left: [t2(row, 'issued')],
    right: [t2(row, 'repealed'), t2(row, 'inForce')],
    relation: 'le',
  }));

const rule: Rule = {
  kind: 'report',
  id: 't2.inForceLowerBound',
  severity: 'warning',
  reads: ['t2'],
  doc: 'Table 二 (2021 format), 规章 and 行政规范性文件: 本年制发 ≤ 本年废止 + 现行有效, i.e. 现行有效 ≥ 制发 − 废止, because last year\'s in-force count was ≥ 0 (spec §7.4).',
  messages: {
    fail: {
      zh: '表二「{scope}」：本年制发 {left} 件，但废止与现行有效合计仅 {right} 件。',
      en: 't2 {scope}: {left} issued this year, but repealed + in force is only {right}.',
    },
    pass: { zh: '表二「{scope}」：现行有效件数不少于制发减废止。', en: 't2 {scope}: in force ≥ issued − repealed.' },
    ...SUM_REVIEW,
  },
  check(report) {
    if (report.format === '2019' || !hasTable(report, 't2')) return [];
    if (!report.cells.some((c) => c.table === 't2' && c.col === 'inForce')) return [];
    return evaluateAll(specs(), report);
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [{ name: 'Huixian: 5 issued, 0 repealed, 70 in force', expect: { status: 'pass', count: 2 } }],
  invalid: [{ name: 'fewer in force than issued', cells: { 't2:normativeDocs:inForce': '3' }, expect: { status: 'fail', scope: 'normativeDocs', left: 5, right: 3 } }],
};
