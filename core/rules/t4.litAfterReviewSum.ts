import { t4BlockSpec } from './identity';
import { identityRule, SUM_REVIEW } from './sumRule';
import type { RuleCases } from './types';

// Spec §7.3: the same sum in the 复议后起诉 block.
export default identityRule({
  id: 't4.litAfterReviewSum',
  table: 't4',
  doc: 'Table 四, 行政诉讼 › 复议后起诉 block: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计 (spec §7.3).',
  specs: () => [t4BlockSpec('litAfterReview')],
  messages: {
    fail: {
      zh: '表四「复议后起诉」：总计 {left} ≠ 各结果之和 {right}（差 {difference}）。',
      en: 't4 litigation after review: total {left} ≠ sum of outcomes {right} (difference {difference}).',
    },
    pass: { zh: '表四「复议后起诉」：总计 = 各结果之和 = {left}。', en: 't4 litigation after review: total = sum of outcomes = {left}.' },
    ...SUM_REVIEW,
  },
});

export const cases: RuleCases = {
  valid: [{ name: 'Huixian 2023: all 0', expect: { status: 'pass', count: 1 } }],
  invalid: [
    {
      name: "Huai'an Hongze 2023: 5, 0, 0, 0 with total 0",
      cells: { 't4:cases:litAfterReview.upheld': '5' },
      // Arithmetic alone cannot tell 总计 → 5 from 维持 → 0: both are listed, nothing is asserted as certain
      // (the text says nothing about lawsuits).
      sections: { 'sec.other': '无。' },
      expect: { status: 'fail', scope: 'litAfterReview', left: 0, right: 5, difference: -5, suspects: [] },
    },
    {
      name: 'the same with the text saying 行政诉讼 0 件: 维持 5→0 is the correction it supports (issue 13)',
      cells: { 't4:cases:litAfterReview.upheld': '5' },
      sections: { 'sec.overview': '2023 年共收到依申请公开 121 件，产生行政复议 6 件、行政诉讼 0 件。' },
      expect: { status: 'fail', scope: 'litAfterReview', suspects: [{ cell: 't4:cases:litAfterReview.upheld', suggested: 0 }] },
    },
  ],
};
