import { claimMessages, narrativeRule, t3Value } from './narrative';
import type { RuleCases } from './types';

// Spec §7.5: "本年新收 N件" against t3 新收 总计.
export default narrativeRule({
  id: 'txt.newReceived',
  reads: ['text', 't3'],
  subject: 'applications',
  doc: 'The narrative\'s "本年新收…N件" equals table 三 本年新收 · 总计 (spec §7.5).',
  patterns: [{ keyword: /新收(?:到)?/ }],
  readings: (_r, lookup) => [{ name: 'newReceived', value: t3Value(lookup, 'newReceived') }],
  messages: claimMessages({ zh: '本年新收申请', en: 'new applications received' }),
});

export const cases: RuleCases = {
  valid: [{ name: 'matches 121', sections: { 'sec.applications': '本年度新收政府信息公开申请121件。' }, expect: { status: 'pass', claimed: 121, right: 121 } }],
  invalid: [
    {
      name: 'text says 112',
      sections: { 'sec.applications': '本年度新收政府信息公开申请112件，上年结转0件。' },
      expect: { status: 'fail', claimed: 112, left: 112, right: 121, difference: -9, cells: ['t3:newReceived:total'] },
    },
  ],
};
