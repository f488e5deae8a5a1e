import { claimMessages, narrativeRule, t3Value } from './narrative';
import { PROCESSED_EXCLUDE } from './outcomeText';
import type { RuleCases } from './types';

// Spec §7.5: "办结/答复 N件" against t3 （七）总计 · 总计.
export default narrativeRule({
  id: 'txt.processed',
  reads: ['text', 't3'],
  subject: 'applications',
  doc: 'The narrative\'s "办结/答复…N件" equals table 三 （七）总计 · 总计 (spec §7.5; Pingtan 2021 办结69件, Shanghai 2019 答复805件).',
  patterns: [{ keyword: /(?:办结|答复|办理完毕)/, exclude: PROCESSED_EXCLUDE }],
  readings: (_r, lookup) => [{ name: 'totalProcessed', value: t3Value(lookup, 'totalProcessed') }],
  messages: claimMessages({ zh: '办结（答复）申请', en: 'applications answered' }),
});

export const cases: RuleCases = {
  valid: [
    // claimScope otherMatters (Pingtan 2018; Pingtan 地方税务局 2013)
    { name: 'not a claim: 办结 of 审批事项', sections: { 'sec.applications': '今年我局共受理审批事项117件，办结171件，办结率100%。' }, expect: { status: 'pass', count: 0 } },
    { name: 'not a claim: 办结 of 咨询投诉件', sections: { 'sec.overview': '依托“平潭12345便民服务平台”，对网民的咨询投诉件及时处理并反馈，截至目前共收到15564件咨询投诉件，已办结15042件。' }, expect: { status: 'pass', count: 0 } },
{ name: 'matches 121', sections: { 'sec.applications': '全年共答复政府信息公开申请121件。' }, expect: { status: 'pass', claimed: 121 } }],
  invalid: [
    {
      name: 'an outcome count phrased with 答复 is not the processed number (Shanghai kewei 2024)',
      sections: { 'sec.applications': '所有办结的信息公开申请中同意公开答复 88 件，不予公开答复 2件，全年答复申请120件。' },
      expect: { status: 'fail', claimed: 120, count: 1 },
    },
    { name: 'text says 120', sections: { 'sec.applications': '全年办结120件。' }, expect: { status: 'fail', claimed: 120, right: 121, cells: ['t3:totalProcessed:total'] } },
  ],
};
