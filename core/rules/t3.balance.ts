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
      // 新收 3 → 0 and 结转下年度 0 → 3 are equally simple; the text says nothing was received
      name: 'issue 13: 新收 3 with nothing processed, the text says 共收到政府信息公开申请0条: 新收 3→0',
      // the Huixian numbers emptied: 新收 3 (自然人 3), nothing processed, nothing carried forward
      cells: {
        't3:newReceived:naturalPerson': '3', 't3:newReceived:otherOrg': '0', 't3:newReceived:total': '3', 't3:granted:naturalPerson': '0',
        't3:granted:otherOrg': '0', 't3:granted:total': '0', 't3:partial:naturalPerson': '0', 't3:partial:otherOrg': '0', 't3:partial:total': '0',
        't3:denied.thirdParty:naturalPerson': '0', 't3:denied.thirdParty:otherOrg': '0', 't3:denied.thirdParty:total': '0',
        't3:denied.internalAffairs:naturalPerson': '0', 't3:denied.internalAffairs:otherOrg': '0', 't3:denied.internalAffairs:total': '0',
        't3:unable.notHeld:naturalPerson': '0', 't3:unable.notHeld:otherOrg': '0', 't3:unable.notHeld:total': '0',
        't3:notProcessed.repeated:naturalPerson': '0', 't3:notProcessed.repeated:otherOrg': '0', 't3:notProcessed.repeated:total': '0',
        't3:other.noCorrection:naturalPerson': '0', 't3:other.noCorrection:otherOrg': '0', 't3:other.noCorrection:total': '0',
        't3:totalProcessed:naturalPerson': '0', 't3:totalProcessed:otherOrg': '0', 't3:totalProcessed:total': '0',
      },
      sections: { 'sec.applications': '共收到政府信息公开申请0条。' },
      expect: { status: 'fail', scope: 'total', suspects: [{ cell: 't3:newReceived:total', suggested: 0 }] },
    },
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
