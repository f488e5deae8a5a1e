import { t3Layout, t3RowTotalSpecs } from './identity';
import { identityRule, SUM_REVIEW } from './sumRule';
import type { RuleCases } from './types';

// Spec §7.2: in every t3 row, 总计 = 自然人 + the five 法人或其他组织 columns.
export default identityRule({
  id: 't3.rowTotal',
  table: 't3',
  doc: 'Table 三, every data row: the 总计 column equals 自然人 plus the five 法人或其他组织 columns (spec §7.2).',
  specs: (r) => t3RowTotalSpecs(t3Layout(r)),
  messages: {
    fail: {
      zh: '表三「{scope}」行：总计 {left} ≠ 各类申请人之和 {right}（差 {difference}）。',
      en: 't3 row {scope}: total {left} ≠ sum of applicant columns {right} (difference {difference}).',
    },
    pass: { zh: '表三「{scope}」行：总计 = 各类申请人之和 = {left}。', en: 't3 row {scope}: total = sum of applicant columns = {left}.' },
    ...SUM_REVIEW,
  },
});

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian 2023 as printed', expect: { status: 'pass', count: 25 } },
    { name: 'a zero written as 0', cells: { 't3:granted:research': '0' }, expect: { status: 'pass' } },
  ],
  invalid: [
    {
      name: 'total of 予以公开 mistyped',
      cells: { 't3:granted:total': '98' },
      expect: { status: 'fail', scope: 'granted', left: 98, right: 88, difference: 10, cells: ['t3:granted:total', 't3:granted:naturalPerson'] },
    },
    {
      name: 'blank 总计 that must hold a number',
      cells: { 't3:granted:total': '' },
      expect: { status: 'needsReview', scope: 'granted', left: 0, right: 88, blanks: ['t3:granted:total'], suspects: [{ cell: 't3:granted:total', suggested: 88 }] },
    },
    {
      name: 'blank part where 0 works',
      cells: { 't3:granted:research': '' },
      expect: { status: 'needsReview', scope: 'granted', difference: 0, blanks: ['t3:granted:research'] },
    },
    {
      name: 'blank part that cannot fix the row',
      cells: { 't3:granted:research': '', 't3:granted:naturalPerson': '90' },
      expect: { status: 'fail', scope: 'granted', left: 88, right: 95, blanks: ['t3:granted:research'] },
    },
    { name: 'text in a cell', cells: { 't3:granted:research': '见附件' }, expect: { status: 'notCheckable', scope: 'granted' } },
    { name: 'row not read', remove: ['t3:granted:*'], expect: { status: 'notCheckable', scope: 'granted' } },
  ],
};
