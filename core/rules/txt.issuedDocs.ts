import { claimMessages, narrativeRule, t2Value } from './narrative';
import type { RuleCases } from './types';

// Spec §7.5: "本年度制发的规范性文件 N件" against t2 行政规范性文件 · 本年制发件数 (2019: 本年新制作数量).
export default narrativeRule({
  id: 'txt.issuedDocs',
  reads: ['text', 't2'],
  subject: 'documents',
  doc: 'The narrative\'s "制发/印发(行政)规范性文件 N件" equals table 二 行政规范性文件 · 本年制发件数 (2019 format: 本年新制作数量) (spec §7.5).',
  patterns: [{ keyword: /(?:制发|印发|出台)(?:了|的)?(?:行政)?规范性文件/, exclude: /现行有效|废止|清理/ }],
  readings: (_r, lookup) => [
    { name: 'normativeDocs.issued', value: t2Value(lookup, 'normativeDocs', 'issued') },
    { name: 'normativeDocs.newlyMade', value: t2Value(lookup, 'normativeDocs', 'newlyMade') },
  ],
  messages: claimMessages({ zh: '制发规范性文件', en: 'normative documents issued' }),
});

export const cases: RuleCases = {
  valid: [{ name: 'Huixian: 5', sections: { 'sec.proactive': '本年度制发行政规范性文件5件。' }, expect: { status: 'pass', claimed: 5 } }],
  invalid: [{ name: 'text says 五 vs 6', cells: { 't2:normativeDocs:issued': '6' }, sections: { 'sec.proactive': '本年度共制发规范性文件五件。' }, expect: { status: 'fail', claimed: 5, right: 6 } }],
};
