import { claimMessages, narrativeRule, t2Value } from './narrative';
import type { RuleCases } from './types';

// Spec §7.5: "现行有效(行政)规范性文件 N件" against t2 行政规范性文件 · 现行有效件数 (2021 format).
export default narrativeRule({
  id: 'txt.inForceDocs',
  reads: ['text', 't2'],
  subject: 'documents',
  doc: 'The narrative\'s "现行有效(行政)规范性文件 N件" equals table 二 行政规范性文件 · 现行有效件数 (spec §7.5; Pingtan 2023: text 393 vs table 470).',
  patterns: [
    { keyword: /现行有效的?(?:行政)?规范性文件/ },
    { keyword: /现行有效/, require: /规范性文件/ },
  ],
  readings: (_r, lookup) => [{ name: 'normativeDocs.inForce', value: t2Value(lookup, 'normativeDocs', 'inForce') }],
  messages: claimMessages({ zh: '现行有效规范性文件', en: 'normative documents in force' }),
});

export const cases: RuleCases = {
  valid: [{ name: 'Huixian: 70', sections: { 'sec.proactive': '目前现行有效的行政规范性文件70件。' }, expect: { status: 'pass', claimed: 70 } }],
  invalid: [
    {
      name: 'Pingtan 2023: text 393 vs table 470',
      cells: { 't2:normativeDocs:inForce': '470' },
      sections: { 'sec.overview': '全区现行有效规范性文件393件。' },
      expect: { status: 'fail', claimed: 393, right: 470, cells: ['t2:normativeDocs:inForce'] },
    },
  ],
};
