import { claimMessages, narrativeRule, sumValues, t3Value } from './narrative';
import type { RuleCases } from './types';

// Spec §7.5: "共收到/受理 … 申请 N件" is either new applications or new + carried over; both are accepted.
export default narrativeRule({
  id: 'txt.received',
  reads: ['text', 't3'],
  doc: 'The narrative\'s "共收到/受理/接收…申请 N件" equals 本年新收 · 总计, or 新收 + 上年结转 (both usages are real: Pingtan 2022, Shanghai 2019); the finding says which (spec §7.5).',
  patterns: [{ keyword: /(?:收到|受理|接收|接到)/, require: /申请/, window: 30, exclude: /未收到|没有收到|未受理|新收|复议|诉讼/ }],
  readings: (_r, lookup) => {
    const fresh = t3Value(lookup, 'newReceived');
    return [
      { name: 'newReceived', value: fresh },
      { name: 'newReceived+carriedOver', value: sumValues([fresh, t3Value(lookup, 'carriedOver')]) },
    ];
  },
  messages: claimMessages({ zh: '收到申请', en: 'applications received' }),
});

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian 2023: 共收到依申请公开 121 件', expect: { status: 'pass', claimed: 121, right: 121 } },
    {
      name: 'received counted with carried over (Pingtan 2022 style)',
      cells: { 't3:carriedOver:naturalPerson': '1', 't3:carriedOver:total': '1', 't3:carriedForward:naturalPerson': '1', 't3:carriedForward:total': '1' },
      sections: { 'sec.overview': '全年共收到政府信息公开申请122件。' },
      expect: { status: 'pass', claimed: 122, right: 122 },
    },
  ],
  invalid: [
    {
      name: 'Pingtan 2023 wording, a long way from 接收 to the number',
      sections: { 'sec.overview': '2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。' },
      expect: { status: 'fail', claimed: 81, right: 121 },
    },
    { name: 'text says 一百二十 (Chinese numeral)', sections: { 'sec.overview': '2023年共收到依申请公开一百二十件，均按时答复。' }, expect: { status: 'fail', claimed: 120, right: 121, difference: -1 } },
  ],
};
