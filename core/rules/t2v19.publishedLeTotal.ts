import type { CellRef } from '../model/schema';
import { evaluateAll, type IdentitySpec } from './identity';
import { SUM_REVIEW } from './sumRule';
import type { Rule, RuleCases } from './types';

// Spec §7.4 (info): 2019 format — what was newly published this year is part of what is published in total.
const t2 = (row: string, col: string): CellRef => ({ table: 't2', row, col });
const specs = (): IdentitySpec[] =>
  ['regulations', 'normativeDocs'].map((row) => ({
    rule: 't2v19.publishedLeTotal',
    severity: 'info',
    scope: row,
    left: [t2(row, 'newlyPublished')],
    right: [t2(row, 'publishedTotal')],
    relation: 'le',
  }));

const rule: Rule = {
  kind: 'report',
  id: 't2v19.publishedLeTotal',
  severity: 'info',
  reads: ['t2'],
  doc: 'Table 二 in the 2019 format, 规章 and 规范性文件: 本年新公开数量 ≤ 对外公开总数量 (spec §7.4).',
  messages: {
    fail: { zh: '表二「{scope}」：本年新公开 {left} 件，多于对外公开总数 {right} 件。', en: 't2 {scope}: {left} newly published exceeds {right} published in total.' },
    pass: { zh: '表二「{scope}」：本年新公开不多于对外公开总数。', en: 't2 {scope}: newly published ≤ published in total.' },
    ...SUM_REVIEW,
  },
  check(report) {
    if (report.format !== '2019' || !report.cells.some((c) => c.table === 't2' && c.col === 'publishedTotal')) return [];
    return evaluateAll(specs(), report);
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [
    {
      name: 'Shanghai 2019: 13 ≤ 524, 60 ≤ 368',
      meta: { format: '2019' },
      cells: { 't2:regulations:newlyPublished': '13', 't2:regulations:publishedTotal': '524', 't2:normativeDocs:newlyPublished': '60', 't2:normativeDocs:publishedTotal': '368' },
      expect: { status: 'pass', count: 2 },
    },
  ],
  invalid: [
    {
      name: 'more new than in total',
      meta: { format: '2019' },
      cells: { 't2:regulations:newlyPublished': '13', 't2:regulations:publishedTotal': '5', 't2:normativeDocs:newlyPublished': '60', 't2:normativeDocs:publishedTotal': '368' },
      expect: { status: 'fail', scope: 'regulations', left: 13, right: 5 },
    },
  ],
};
