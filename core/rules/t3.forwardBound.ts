import { t3ForwardBoundSpecs } from './identity';
import { identityRule, SUM_REVIEW } from './sumRule';
import type { RuleCases } from './types';

// Spec §7.2: implied by t3.balance and non-negativity; still judgeable when 办理总计 is blank.
export default identityRule({
  id: 't3.forwardBound',
  table: 't3',
  doc: 'Table 三, every column: 结转下年度 ≤ 本年新收 + 上年结转 (implied by the balance and counts ≥ 0; it still speaks when （七）总计 is blank or unread) (spec §7.2).',
  specs: () => t3ForwardBoundSpecs(),
  messages: {
    fail: {
      zh: '表三「{scope}」列：结转下年度 {left} 超过新收 + 上年结转 {right}。',
      en: 't3 column {scope}: carried forward {left} exceeds new + carried over {right}.',
    },
    pass: { zh: '表三「{scope}」列：结转下年度 {left} ≤ 新收 + 上年结转 {right}。', en: 't3 column {scope}: carried forward {left} ≤ new + carried over {right}.' },
    ...SUM_REVIEW,
  },
});

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian 2023 as printed', expect: { status: 'pass', count: 7 } },
    { name: 'processed row unread does not matter', remove: ['t3:totalProcessed:*'], expect: { status: 'pass', count: 7 } },
  ],
  invalid: [
    {
      name: 'more carried forward than there were applications',
      cells: { 't3:carriedForward:otherOrg': '9' },
      expect: { status: 'fail', scope: 'otherOrg', left: 9, right: 5, difference: 4 },
    },
    {
      name: 'blank new-received cell may hold the number',
      cells: { 't3:carriedForward:otherOrg': '9', 't3:newReceived:otherOrg': '' },
      expect: { status: 'needsReview', scope: 'otherOrg', left: 9, right: 0, blanks: ['t3:newReceived:otherOrg'] },
    },
  ],
};
