import { t3BalanceSpecs } from './identity';
import { identityRule, SUM_REVIEW } from './sumRule';
import type { RuleCases } from './types';

// Spec §7.2: the template's own note — 第一项加第二项之和，等于第三项加第四项之和 — per column.
export default identityRule({
  id: 't3.balance',
  table: 't3',
  doc: 'Table 三, every column: 本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理, as the note printed in the table says (spec §7.2).',
  specs: () => t3BalanceSpecs(),
  messages: {
    fail: {
      zh: '表三「{scope}」列：新收 + 上年结转 = {left}，但办理总计 + 结转下年度 = {right}（差 {difference}）。',
      en: 't3 column {scope}: new + carried over = {left}, but processed + carried forward = {right} (difference {difference}).',
    },
    pass: { zh: '表三「{scope}」列：新收 + 上年结转 = 办理总计 + 结转下年度 = {left}。', en: 't3 column {scope}: new + carried over = processed + carried forward = {left}.' },
    ...SUM_REVIEW,
  },
});

export const cases: RuleCases = {
  valid: [{ name: 'Huixian 2023 as printed', expect: { status: 'pass', count: 7 } }],
  invalid: [
    {
      name: 'carried forward printed where there is none',
      cells: { 't3:carriedForward:naturalPerson': '3', 't3:carriedForward:total': '3' },
      expect: { status: 'fail', scope: 'naturalPerson', left: 116, right: 119, difference: -3 },
    },
    {
      name: 'blank carried-over cells',
      cells: { 't3:carriedOver:research': '', 't3:carriedForward:research': '' },
      expect: { status: 'needsReview', scope: 'research', difference: 0, blanks: ['t3:carriedOver:research', 't3:carriedForward:research'] },
    },
    { name: 'carried-over row not read', remove: ['t3:carriedOver:*'], expect: { status: 'notCheckable', count: 7 } },
  ],
};
