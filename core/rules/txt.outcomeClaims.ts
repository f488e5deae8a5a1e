import { findSentences } from '../explain/claims';
import type { CellRef } from '../model/schema';
import { lookupIn } from './identity';
import { t4Value } from './narrative';
import type { FindingDraft, Rule, RuleCases } from './types';

// Spec §7.5 (info): "均获维持 / 均已结案 / 零败诉" against the t4 outcome columns.
const CLAIM = /均获维持|均被维持|全部维持|均予维持|均已结案|均已审结|全部审结|零败诉|无败诉|未败诉|没有败诉/;

const rule: Rule = {
  kind: 'report',
  id: 'txt.outcomeClaims',
  severity: 'info',
  reads: ['text', 't4'],
  doc: 'Sweeping outcome claims agree with table 四: "均获维持" means no 结果纠正, 其他结果 or 尚未审结; "均已结案" no 尚未审结; "零败诉" no 结果纠正 in the lawsuits. The blocks are those the sentence names (复议, 诉讼), all if it names none (spec §7.5; Shanghai 2019 says 均获维持 with 3 cases pending).',
  messages: {
    fail: {
      zh: '正文称“{match}”，但表格中{what}共 {right} 件（{columns}）。原句：“{sentence}”',
      en: 'The text says "{match}", but the table has {right} case(s) {whatEn} ({columns}). Sentence: “{sentence}”',
    },
    pass: { zh: '正文所称“{match}”与表格一致。', en: 'The text\'s "{match}" agrees with the table.' },
  },
  check(report) {
    const lookup = lookupIn(report);
    const out: FindingDraft[] = [];
    for (const s of findSentences(report.sections, CLAIM)) {
      const names = s.sentence;
      const blocks = [
        ...(/复议/.test(names.replace(/复议后起诉/g, '')) ? ['review'] : []),
        ...(/诉讼|起诉/.test(names) ? ['litDirect', 'litAfterReview'] : []),
      ];
      const scope = blocks.length > 0 ? blocks : ['review', 'litDirect', 'litAfterReview'];
      const kind = /维持/.test(s.match) ? 'upheld' : /结案|审结/.test(s.match) ? 'closed' : 'notLost';
      const outcomes = kind === 'upheld' ? ['corrected', 'other', 'pending'] : kind === 'closed' ? ['pending'] : ['corrected'];
      // 败诉 is a court's word: 零败诉 speaks of the lawsuits only
      const judged = kind === 'notLost' ? ['litDirect', 'litAfterReview'] : scope;
      const cells: CellRef[] = [];
      let right = 0;
      let missing = false;
      const nonzero: string[] = [];
      for (const b of judged) {
        for (const o of outcomes) {
          const v = t4Value(lookup, `${b}.${o}`);
          if (!v) {
            missing = true;
            continue;
          }
          cells.push(...v.cells);
          right += v.value;
          if (v.value !== 0) nonzero.push(`${b}.${o}=${v.value}`);
        }
      }
      if (missing && cells.length === 0) continue;
      const whatZh = kind === 'upheld' ? '未获维持（纠正、其他或尚未审结）的' : kind === 'closed' ? '尚未审结的' : '结果纠正（败诉）的';
      const whatEn = kind === 'upheld' ? 'not upheld (corrected, other or pending)' : kind === 'closed' ? 'pending' : 'corrected (lost)';
      out.push({
        rule: rule.id,
        severity: 'info',
        status: right === 0 ? 'pass' : 'fail',
        scope: kind,
        cells,
        left: 0,
        right,
        difference: -right,
        suspects: [],
        ambiguous: false,
        evidence: { section: s.section, sentence: s.sentence, start: s.index, end: s.index + s.match.length, claimed: 0 },
        params: { match: s.match, what: whatZh, whatEn, columns: nonzero.join(', ') || judged.join(', ') },
      });
    }
    return out;
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [{ name: 'litigation all upheld', sections: { 'sec.reviewLitigation': '行政诉讼0件，均获维持。' }, expect: { status: 'pass', right: 0 } }],
  invalid: [
    {
      name: 'Shanghai 2019: 均获维持 while cases are pending',
      sections: { 'sec.reviewLitigation': '信息公开类行政复议6件，诉讼0件，均获维持，继续保持零败诉的记录。' },
      expect: { status: 'fail', right: 5, claimed: 0 },
    },
  ],
};
