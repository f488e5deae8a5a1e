import { findSentences } from '../explain/claims';
import type { CellRef } from '../model/schema';
import { lookupIn } from './identity';
import { sumValues, t3Value, t4BlockTotal, type TableValue } from './narrative';
import type { FindingDraft, Rule, RuleCases } from './types';

// Spec §7.5 (info): "未收到…申请", "未发生…行政复议、行政诉讼" — the table's totals must then be 0.
// (each statement of a sentence: "未受理依申请公开,未发生因依申请公开而引发的行政诉讼、行政复议")
const CASES = '(?:行政复议|行政诉讼|复议|诉讼)';
const CLAIM = new RegExp(`(?:未|没有|无)(?:收到|发生|产生|出现|接到|受理)[^，。；,]{0,20}?(?:政府信息公开申请|依申请公开|申请|${CASES})(?:[^，。；,]{0,6}${CASES}(?:[、和及与或]${CASES})*)?`);

const rule: Rule = {
  kind: 'report',
  id: 'txt.zeroClaims',
  severity: 'info',
  reads: ['text', 't3', 't4'],
  doc: 'When the narrative says nothing happened ("未收到政府信息公开申请", "未发生行政复议、行政诉讼"), the matching table totals are 0 (spec §7.5).',
  messages: {
    fail: { zh: '正文称未发生（{topic}），但表格中为 {right}。原句：“{sentence}”', en: 'The text says there were none ({topicEn}), but the table has {right}. Sentence: “{sentence}”' },
    pass: { zh: '正文所称未发生（{topic}）与表格一致。', en: 'The text says there were none ({topicEn}); the table agrees.' },
  },
  check(report) {
    const lookup = lookupIn(report);
    const out: FindingDraft[] = [];
    for (const s of findSentences(report.sections, CLAIM)) {
      const m = s.match;
      // "未发生…被行政复议纠错" denies a corrected outcome, not the cases themselves
      if (/^[^，。；]{0,8}(?:纠错|纠正|败诉|撤销|确认违法|被诉)/.test(s.sentence.slice(s.index + m.length))) continue;
      const parts: { zh: string; en: string; v: TableValue | null }[] = [];
      if (/申请/.test(m) && !/复议|诉讼/.test(m)) parts.push({ zh: '申请', en: 'applications', v: t3Value(lookup, 'newReceived') });
      if (/复议/.test(m)) parts.push({ zh: '行政复议', en: 'reviews', v: t4BlockTotal(lookup, 'review') });
      if (/诉讼/.test(m)) parts.push({ zh: '行政诉讼', en: 'lawsuits', v: sumValues([t4BlockTotal(lookup, 'litDirect'), t4BlockTotal(lookup, 'litAfterReview')]) });
      const usable = parts.filter((p) => p.v !== null);
      if (usable.length === 0) continue;
      const right = usable.reduce((a, p) => a + p.v!.value, 0);
      const cells: CellRef[] = usable.flatMap((p) => p.v!.cells);
      out.push({
        rule: rule.id,
        severity: 'info',
        status: right === 0 ? 'pass' : 'fail',
        scope: usable.map((p) => p.en).join('+'),
        cells,
        left: 0,
        right,
        difference: -right,
        suspects: [],
        ambiguous: false,
        evidence: { section: s.section, sentence: s.sentence, start: s.index, end: s.index + m.length, claimed: 0 },
        params: { topic: usable.map((p) => p.zh).join('、'), topicEn: usable.map((p) => p.en).join(', ') },
      });
    }
    return out;
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [
    { name: 'no litigation, table 0', sections: { 'sec.reviewLitigation': '本年度未发生政府信息公开行政诉讼。' }, expect: { status: 'pass', right: 0 } },
    {
      name: 'not a zero claim: 未发生被行政复议纠错 (Shanghai 2025)',
      sections: { 'sec.reviewLitigation': '全年未发生因依申请公开被行政复议纠错或被诉讼败诉的情况。本年度未发生行政诉讼。' },
      expect: { status: 'pass', count: 1, right: 0 },
    },
  ],
  invalid: [
    {
      name: 'two statements in one sentence (婺城区教育局 2023)',
      sections: { 'sec.overview': '2023年我局未受理依申请公开,未发生因依申请公开而引发的行政诉讼、行政复议。' },
      expect: { status: 'fail', scope: 'reviews+lawsuits', right: 6, count: 2 },
    },
    { name: 'no review claimed, table has 6', sections: { 'sec.reviewLitigation': '本年度未发生行政复议和行政诉讼情况。' }, expect: { status: 'fail', right: 6, claimed: 0 } },
  ],
};
