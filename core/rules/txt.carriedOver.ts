import { claimMessages, narrativeRule, t3Value } from './narrative';
import type { RuleCases } from './types';

// Spec §7.5: "上年(度)结转 N件" against t3 上年结转 · 总计.
export default narrativeRule({
  id: 'txt.carriedOver',
  reads: ['text', 't3'],
  subject: 'applications',
  doc: 'The narrative\'s "上年(度)结转…N件" equals table 三 上年结转 · 总计 (spec §7.5).',
  patterns: [{ keyword: /上一?年度?结转/ }],
  readings: (_r, lookup) => [{ name: 'carriedOver', value: t3Value(lookup, 'carriedOver') }],
  messages: claimMessages({ zh: '上年结转申请', en: 'applications carried over' }),
});

export const cases: RuleCases = {
  valid: [{ name: 'matches 0', sections: { 'sec.applications': '上年结转申请0件。' }, expect: { status: 'pass', claimed: 0 } }],
  invalid: [{ name: 'Shanghai-style 18 vs 0', sections: { 'sec.applications': '答复政府信息公开申请121件（含上年度结转申请18件，均按时答复）。' }, expect: { status: 'fail', claimed: 18, right: 0 } }],
};
