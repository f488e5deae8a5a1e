import { claimMessages, narrativeRule, sumValues, t3Value } from './narrative';
import type { RuleCases } from './types';

// Spec §7.5: "共收到/受理 … 申请 N件" is either new applications or new + carried over; both are accepted.
export default narrativeRule({
  id: 'txt.received',
  reads: ['text', 't3'],
  subject: 'applications',
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
    // claimScope: the same wording in another scope is no claim on this year's table
    { name: 'not a claim: cumulative (截至目前)', sections: { 'sec.overview': '截至目前，共收到政府信息公开申请1500件。' }, expect: { status: 'pass', count: 0 } },
    { name: 'not a claim: a change against last year', sections: { 'sec.overview': '收到政府信息公开申请较上年增加12件。' }, expect: { status: 'pass', count: 0 } },
    { name: 'not a claim: last year\'s number', sections: { 'sec.overview': '上年度收到政府信息公开申请100件。' }, expect: { status: 'pass', count: 0 } },
    { name: 'not a claim: another year', sections: { 'sec.overview': '2022年共收到政府信息公开申请100件。' }, expect: { status: 'pass', count: 0 } },
    { name: 'not a claim: one unit\'s share', sections: { 'sec.overview': '共收到政府信息公开申请121件，其中民政局收到申请1件。' }, expect: { status: 'pass', count: 1, claimed: 121 } },
    {
      name: 'not a claim in a department\'s report: 全区 counts the region',
      meta: { agency: '某区投资促进局' },
      sections: { 'sec.overview': '2023年，全区共收到政府信息公开申请81件。' },
      expect: { status: 'pass', count: 0 },
    },
    {
      name: 'not a claim in a government\'s report: the government itself (Hongze 2024: 区政府办代表区政府受理 17 件, tables 95)',
      meta: { agency: '淮安市洪泽区人民政府' },
      sections: { 'sec.overview': '2023 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。' },
      expect: { status: 'pass', count: 0 },
    },
    { name: 'a government\'s 全区 is its own count', sections: { 'sec.overview': '2023年，全区共收到政府信息公开申请121件。' }, expect: { status: 'pass', count: 1, claimed: 121 } },
    { name: 'issue 13: 条 for applications, the subject decides', cells: { 't3:newReceived:naturalPerson': '0', 't3:newReceived:otherOrg': '0', 't3:newReceived:total': '0' }, sections: { 'sec.applications': '共收到政府信息公开申请0条。' }, expect: { status: 'pass', claimed: 0 } },

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
