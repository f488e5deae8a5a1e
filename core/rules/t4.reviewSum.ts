import { t4BlockSpec } from './identity';
import { identityRule, SUM_REVIEW } from './sumRule';
import type { RuleCases } from './types';

// Spec §7.3: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计 in the 行政复议 block.
export default identityRule({
  id: 't4.reviewSum',
  table: 't4',
  doc: 'Table 四, 行政复议 block: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计 (spec §7.3).',
  specs: () => [t4BlockSpec('review')],
  messages: {
    fail: {
      zh: '表四「行政复议」：总计 {left} ≠ 维持、纠正、其他、尚未审结之和 {right}（差 {difference}）。',
      en: 't4 administrative review: total {left} ≠ upheld + corrected + other + pending = {right} (difference {difference}).',
    },
    pass: { zh: '表四「行政复议」：总计 = 各结果之和 = {left}。', en: 't4 administrative review: total = sum of outcomes = {left}.' },
    ...SUM_REVIEW,
  },
});

export const cases: RuleCases = {
  valid: [{ name: 'Huixian 2023: 1 + 4 + 1 + 0 = 6', expect: { status: 'pass', count: 1 } }],
  invalid: [
    {
      // 总计 0→1 or 维持 1→0 are equally simple; the text states one case, upheld
      name: 'issue 13: 维持 1 and 总计 0, the text says 行政复议1起，结果为维持: 总计 0→1',
      cells: { 't4:cases:review.upheld': '1', 't4:cases:review.corrected': '0', 't4:cases:review.other': '0', 't4:cases:review.pending': '0', 't4:cases:review.total': '0' },
      sections: { 'sec.reviewLitigation': '因依申请公开引发行政复议1起，结果为维持。' },
      expect: { status: 'fail', scope: 'review', suspects: [{ cell: 't4:cases:review.total', suggested: 1 }] },
    },
    {
      name: 'the same without a statement on reviews: undecided',
      cells: { 't4:cases:review.upheld': '1', 't4:cases:review.corrected': '0', 't4:cases:review.other': '0', 't4:cases:review.pending': '0', 't4:cases:review.total': '0' },
      sections: { 'sec.reviewLitigation': '无。' },
      expect: { status: 'fail', scope: 'review', suspects: [] },
    },
    {
      name: "Huai'an Hongze 2023: 10, 1, 0, 0 with total 0",
      cells: { 't4:cases:review.upheld': '10', 't4:cases:review.corrected': '1', 't4:cases:review.other': '0', 't4:cases:review.pending': '0', 't4:cases:review.total': '0' },
      expect: { status: 'fail', scope: 'review', left: 0, right: 11, difference: -11, suspects: [{ cell: 't4:cases:review.total', suggested: 11 }] },
    },
    {
      name: 'Shanghai 2019 style blanks: 5, blank, blank, 2, 7',
      cells: { 't4:cases:review.upheld': '5', 't4:cases:review.corrected': '', 't4:cases:review.other': '', 't4:cases:review.pending': '2', 't4:cases:review.total': '7' },
      expect: { status: 'needsReview', scope: 'review', difference: 0, blanks: ['t4:cases:review.corrected', 't4:cases:review.other'] },
    },
  ],
};
