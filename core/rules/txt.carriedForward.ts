import { claimMessages, narrativeRule, t3Value } from './narrative';
import type { RuleCases } from './types';

// Spec §7.5: "结转下年度 N件" / "N件…顺延到下年度" against t3 结转下年度继续办理 · 总计.
const KEY = /(?:结转|顺延|转)(?:至|到)?(?:下一?年度?|\d{4}\s*年度?)/;
export default narrativeRule({
  id: 'txt.carriedForward',
  reads: ['text', 't3'],
  subject: 'applications',
  doc: 'The narrative\'s "结转下年度…N件" or "N件…顺延到下年度" equals table 三 结转下年度继续办理 · 总计 (spec §7.5).',
  patterns: [{ keyword: KEY }, { keyword: KEY, numberBefore: true }],
  readings: (_r, lookup) => [{ name: 'carriedForward', value: t3Value(lookup, 'carriedForward') }],
  messages: claimMessages({ zh: '结转下年度申请', en: 'applications carried forward' }),
});

export const cases: RuleCases = {
  valid: [
    { name: 'nothing carried forward', sections: { 'sec.applications': '结转下年度继续办理0件。' }, expect: { status: 'pass', claimed: 0 } },
    { name: 'Shanghai kewei 2024 wording: 转下一年度办理答复的有 0 件', sections: { 'sec.overview': '其他处理 14 件，转下一年度办理答复的有 0 件。' }, expect: { status: 'pass', claimed: 0, count: 1 } },
    { name: 'Pingtan 2025 wording: 结转至2026年0件', sections: { 'sec.overview': '共收到政府信息公开申请121件，共办结121件，结转至2024年0件。' }, expect: { status: 'pass', claimed: 0, count: 1 } },
  ],
  invalid: [
    {
      name: 'Shanghai style: number before 顺延',
      sections: { 'sec.applications': '答复申请121件（另有72件申请按照《条例》顺延到下年度答复）。' },
      expect: { status: 'fail', claimed: 72, right: 0 },
    },
  ],
};
