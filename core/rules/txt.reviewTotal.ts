import { CASE_UNITS, claimMessages, narrativeRule, t4BlockTotal } from './narrative';
import type { RuleCases } from './types';

// Spec §7.5: "(产生/引发)行政复议 N件" against t4 行政复议 · 总计.
export default narrativeRule({
  id: 'txt.reviewTotal',
  reads: ['text', 't4'],
  subject: 'cases',
  doc: 'The narrative\'s "行政复议 N件" equals table 四 行政复议 · 总计 (spec §7.5; Huixian 2023: 6).',
  patterns: [
    { keyword: /(?:行政)?复议(?!后)/, between: /诉讼|起诉/, units: CASE_UNITS, window: 12 },
    // "有 1 件涉及政府信息公开工作的行政复议" (Shanghai kewei 2024): the number before, tied to the keyword by 涉及/因…的
    { keyword: /(?:行政)?复议(?!后)/, numberBefore: true, gap: /^\s*[件起宗个]\s*(?:涉及|因)[^、，；]{0,16}的$/, units: CASE_UNITS, window: 24 },
  ],
  readings: (_r, lookup) => [{ name: 'review.total', value: t4BlockTotal(lookup, 'review') }],
  messages: claimMessages({ zh: '行政复议', en: 'administrative reviews' }),
});

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian 2023: 行政复议 6 件', expect: { status: 'pass', claimed: 6, right: 6 } },
    { name: 'Shanghai kewei 2024 wording, number before the keyword', cells: { 't4:cases:review.upheld': '1', 't4:cases:review.corrected': '0', 't4:cases:review.other': '0', 't4:cases:review.total': '1' }, sections: { 'sec.overview': '2023 年市科委有 1 件涉及政府信息公开工作的行政复议，该行政复议件未被复议审查机关纠错。' }, expect: { status: 'pass', claimed: 1, count: 1 } },
    { name: 'Pingtan 2023 wording, counted in 起', sections: { 'sec.overview': '因政府信息公开引起的行政复议案件6起、行政诉讼案件0件。' }, expect: { status: 'pass', claimed: 6, count: 1 } },
  ],
  invalid: [
    { name: 'not a claim: one outcome\'s count (被行政复议纠错0件)', sections: { 'sec.reviewLitigation': '全年被行政复议纠错0件。' }, expect: { status: 'fail', count: 0 } },
    { name: 'not a claim: reviews and lawsuits together', sections: { 'sec.reviewLitigation': '本年度发生行政复议和行政诉讼共3件。' }, expect: { status: 'fail', count: 0 } },
    { name: 'text says 7', sections: { 'sec.reviewLitigation': '本年度发生行政复议7件，行政诉讼0件。' }, expect: { status: 'fail', claimed: 7, right: 6, cells: ['t4:cases:review.total'] } },
  ],
};
