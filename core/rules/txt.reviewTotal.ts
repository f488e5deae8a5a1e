import { CASE_UNITS, claimMessages, narrativeRule, t4BlockTotal } from './narrative';
import type { RuleCases } from './types';

// Spec §7.5: "(产生/引发)行政复议 N件" against t4 行政复议 · 总计.
export default narrativeRule({
  id: 'txt.reviewTotal',
  reads: ['text', 't4'],
  doc: 'The narrative\'s "行政复议 N件" equals table 四 行政复议 · 总计 (spec §7.5; Huixian 2023: 6).',
  patterns: [{ keyword: /(?:行政)?复议(?!后)/, between: /诉讼|起诉/, units: CASE_UNITS, window: 12 }],
  readings: (_r, lookup) => [{ name: 'review.total', value: t4BlockTotal(lookup, 'review') }],
  messages: claimMessages({ zh: '行政复议', en: 'administrative reviews' }),
});

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian 2023: 行政复议 6 件', expect: { status: 'pass', claimed: 6, right: 6 } },
    { name: 'Pingtan 2023 wording, counted in 起', sections: { 'sec.overview': '因政府信息公开引起的行政复议案件6起、行政诉讼案件0件。' }, expect: { status: 'pass', claimed: 6, count: 1 } },
  ],
  invalid: [{ name: 'text says 7', sections: { 'sec.reviewLitigation': '本年度发生行政复议7件，行政诉讼0件。' }, expect: { status: 'fail', claimed: 7, right: 6, cells: ['t4:cases:review.total'] } }],
};
