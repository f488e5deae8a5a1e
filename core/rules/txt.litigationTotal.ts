import { CASE_UNITS, claimMessages, narrativeRule, sumValues, t4BlockTotal } from './narrative';
import type { RuleCases } from './types';

// Spec §7.5: "行政诉讼 N件" against 未经复议直接起诉 · 总计 + 复议后起诉 · 总计.
export default narrativeRule({
  id: 'txt.litigationTotal',
  reads: ['text', 't4'],
  subject: 'cases',
  doc: 'The narrative\'s "行政诉讼 N件" equals table 四 未经复议直接起诉 · 总计 + 复议后起诉 · 总计 (spec §7.5; Pingtan 2023: 7 = 5 + 2).',
  patterns: [{ keyword: /(?:行政)?诉讼|被起诉|提起诉讼/, exclude: /败诉|胜诉/, between: /复议|起诉/, units: CASE_UNITS, window: 12 }],
  readings: (_r, lookup) => [{ name: 'litDirect.total+litAfterReview.total', value: sumValues([t4BlockTotal(lookup, 'litDirect'), t4BlockTotal(lookup, 'litAfterReview')]) }],
  messages: claimMessages({ zh: '行政诉讼', en: 'lawsuits' }),
});

export const cases: RuleCases = {
  valid: [{ name: 'Huixian 2023: 行政诉讼 0 件', expect: { status: 'pass', claimed: 0, right: 0 } }],
  invalid: [
    { name: 'not a claim: reviews and lawsuits together', sections: { 'sec.reviewLitigation': '本年度发生行政复议和行政诉讼共3件。' }, expect: { status: 'fail', count: 0 } },
    {
      name: 'Pingtan 2023 numbers, text says 5',
      cells: { 't4:cases:litDirect.upheld': '4', 't4:cases:litDirect.pending': '1', 't4:cases:litDirect.total': '5', 't4:cases:litAfterReview.upheld': '1', 't4:cases:litAfterReview.other': '1', 't4:cases:litAfterReview.total': '2' },
      sections: { 'sec.reviewLitigation': '行政复议6件，行政诉讼5件。' },
      expect: { status: 'fail', claimed: 5, right: 7 },
    },
  ],
};
