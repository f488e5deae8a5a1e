import { t4BlockSpec } from './identity';
import { identityRule, SUM_REVIEW } from './sumRule';
import type { RuleCases } from './types';

// Spec §7.3: the same sum in the 未经复议直接起诉 block.
export default identityRule({
  id: 't4.litDirectSum',
  table: 't4',
  doc: 'Table 四, 行政诉讼 › 未经复议直接起诉 block: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计 (spec §7.3).',
  specs: () => [t4BlockSpec('litDirect')],
  messages: {
    fail: {
      zh: '表四「未经复议直接起诉」：总计 {left} ≠ 各结果之和 {right}（差 {difference}）。',
      en: 't4 litigation without prior review: total {left} ≠ sum of outcomes {right} (difference {difference}).',
    },
    pass: { zh: '表四「未经复议直接起诉」：总计 = 各结果之和 = {left}。', en: 't4 litigation without prior review: total = sum of outcomes = {left}.' },
    ...SUM_REVIEW,
  },
});

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian 2023: all 0', expect: { status: 'pass', count: 1 } },
    { name: 'Pingtan 2023: 4 + 0 + 0 + 1 = 5', cells: { 't4:cases:litDirect.upheld': '4', 't4:cases:litDirect.pending': '1', 't4:cases:litDirect.total': '5' }, expect: { status: 'pass' } },
  ],
  invalid: [
    {
      name: 'total not updated',
      cells: { 't4:cases:litDirect.upheld': '4', 't4:cases:litDirect.pending': '1', 't4:cases:litDirect.total': '4' },
      expect: { status: 'fail', scope: 'litDirect', left: 4, right: 5, difference: -1 },
    },
  ],
};
