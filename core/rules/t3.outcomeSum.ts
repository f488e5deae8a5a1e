import { t3Layout, t3OutcomeSumSpecs } from './identity';
import { identityRule, SUM_REVIEW } from './sumRule';
import type { RuleCases } from './types';

// Spec §7.2: （七）总计 is the sum of the outcome leaves (21 in 2021, 19 in 2019), per column.
export default identityRule({
  id: 't3.outcomeSum',
  table: 't3',
  doc: 'Table 三, every column: （七）总计 equals the sum of the outcome rows （一）…（六） (21 leaves in the 2021 format, 19 in 2019; a group printed as one row counts with its total, spec §0) (spec §7.2). Pingtan 2020 fails only this rule.',
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

/** The Huixian sample with a group printed as one row of its totals (spec §0 `grp.<group>`), its sub-rows absent. */
function collapsed(group: string, members: string[], naturalPerson: number, extra: Record<string, string> = {}) {
  const cols = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
  return {
    remove: members.map((r) => `t3:${r}:*`),
    cells: { ...Object.fromEntries(cols.map((c) => [`t3:grp.${group}:${c}`, c === 'naturalPerson' || c === 'total' ? String(naturalPerson) : '0'])), ...extra },
  };
}
const DENIED = ['stateSecret', 'lawForbidden', 'threeSafetyOneStability', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFile', 'adminQuery'].map((r) => `denied.${r}`);
const UNABLE = ['notHeld', 'needsCreation', 'unclear'].map((r) => `unable.${r}`);
const NOT_PROCESSED = ['complaint', 'repeated', 'publication', 'massRepeated', 'confirmReissue'].map((r) => `notProcessed.${r}`);
const OTHER = ['other.noCorrection', 'other.unpaidFee', 'other.misc'];

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian 2023 as printed', expect: { status: 'pass', count: 7 } },
    // Huixian's groups hold 2 (不予公开), 26 (无法提供), 1 (不予处理), 2 (其他处理) natural-person applications
    { name: "（六）其他处理 printed as one row in a 2021 report (Huai'an Hongze 2023): the group total counts", ...collapsed('other', OTHER, 2), expect: { status: 'pass', count: 7 } },
    { name: '（三）不予公开 printed as one row', ...collapsed('denied', DENIED, 2), expect: { status: 'pass', count: 7 } },
    { name: '（四）无法提供 printed as one row', ...collapsed('unable', UNABLE, 26), expect: { status: 'pass', count: 7 } },
    { name: '（五）不予处理 printed as one row', ...collapsed('notProcessed', NOT_PROCESSED, 1), expect: { status: 'pass', count: 7 } },
  ],
  invalid: [
    {
      name: 'an outcome leaf mistyped in both its column and its row total',
      cells: { 't3:unable.notHeld:naturalPerson': '62', 't3:unable.notHeld:total': '62' },
      expect: { status: 'fail', scope: 'naturalPerson', left: 116, right: 152, difference: -36 },
    },
    {
      name: 'a collapsed group total that does not add up with the other outcomes',
      ...collapsed('other', OTHER, 5),
      expect: { status: 'fail', scope: 'naturalPerson', left: 116, right: 119, difference: -3, cells: ['t3:grp.other:naturalPerson'] },
    },
    {
      name: 'blank leaves',
      cells: { 't3:denied.stateSecret:naturalPerson': '—' },
      expect: { status: 'needsReview', scope: 'naturalPerson', difference: 0, blanks: ['t3:denied.stateSecret:naturalPerson'] },
    },
  ],
};
