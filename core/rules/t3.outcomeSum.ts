import { t3Layout, t3OutcomeSumSpecs } from './identity';
import { identityRule, SUM_REVIEW } from './sumRule';
import type { RuleCases } from './types';

// Spec §7.2: （七）总计 is the sum of the outcome leaves (21 in 2021, 19 in 2019), per column.
export default identityRule({
  id: 't3.outcomeSum',
  table: 't3',
  doc: 'Table 三, every column: （七）总计 equals the sum of the outcome rows （一）…（六） (21 leaves in the 2021 format, 19 in 2019) (spec §7.2). Pingtan 2020 fails only this rule.',
  specs: (r) => t3OutcomeSumSpecs(t3Layout(r)),
  messages: {
    fail: {
      zh: '表三「{scope}」列：（七）总计 {left} ≠ 各办理结果之和 {right}（差 {difference}）。',
      en: 't3 column {scope}: total processed {left} ≠ sum of the outcome rows {right} (difference {difference}).',
    },
    pass: { zh: '表三「{scope}」列：（七）总计 = 各办理结果之和 = {left}。', en: 't3 column {scope}: total processed = sum of the outcome rows = {left}.' },
    ...SUM_REVIEW,
  },
});

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian 2023 as printed', expect: { status: 'pass', count: 7 } },
    {
      name: "2021 format with （六）其他处理 collapsed into one row (Huai'an Hongze 2023)",
      remove: ['t3:other.noCorrection:*', 't3:other.unpaidFee:*', 't3:other.misc:*'],
      cells: { 't3:other:naturalPerson': '2', 't3:other:commercial': '0', 't3:other:research': '0', 't3:other:publicInterest': '0', 't3:other:legalService': '0', 't3:other:otherOrg': '0', 't3:other:total': '2' },
      expect: { status: 'pass', count: 7 },
    },
  ],
  invalid: [
    {
      name: 'an outcome leaf mistyped in both its column and its row total',
      cells: { 't3:unable.notHeld:naturalPerson': '62', 't3:unable.notHeld:total': '62' },
      expect: { status: 'fail', scope: 'naturalPerson', left: 116, right: 152, difference: -36 },
    },
    {
      name: 'blank leaves',
      cells: { 't3:denied.stateSecret:naturalPerson': '—' },
      expect: { status: 'needsReview', scope: 'naturalPerson', difference: 0, blanks: ['t3:denied.stateSecret:naturalPerson'] },
    },
  ],
};
