import type { ClaimPattern } from '../explain/claims';
import { lookupIn } from './identity';
import { claimsIn, t3Value } from './narrative';
import { OUTCOME_PATTERN, outcomeScope, PROCESSED_EXCLUDE } from './outcomeText';
import type { FindingDraft, Rule, RuleCases } from './types';

// Spec §7.5: the narrative's own outcome numbers should add up to its processed number (Shanghai 2019: 716 ≠ 805).
const PROCESSED: ClaimPattern = { keyword: /(?:办结|答复|办理完毕)/, exclude: PROCESSED_EXCLUDE, subject: 'applications' };

const rule: Rule = {
  kind: 'report',
  id: 'txt.outcomePartsSum',
  severity: 'warning',
  reads: ['text', 't3'],
  doc: 'When a section lists three or more outcome counts, their sum equals the number of applications it says were answered (or, if it gives none, table 三 （七）总计) (spec §7.5; Shanghai 2019: 258+35+265+158+0 = 716 ≠ 805).',
  messages: {
    fail: {
      zh: '正文列出的各办理结果之和为 {left}，但{againstZh}为 {right}（差 {difference}）。原句：“{sentence}”',
      en: 'The outcome counts the text lists add up to {left}, but {againstEn} is {right} (difference {difference}). Sentence: “{sentence}”',
    },
    pass: { zh: '正文列出的各办理结果之和 {left} 与{againstZh}一致。', en: 'The outcome counts the text lists add up to {left}, as {againstEn}.' },
  },
  check(report) {
    const lookup = lookupIn(report);
    const out: FindingDraft[] = [];
    for (const sec of report.sections) {
      const claims = claimsIn(report, OUTCOME_PATTERN, [sec]);
      // one number per outcome scope; 予以公开及部分公开 stands for both of its parts
      const byScope = new Map<string, (typeof claims)[number]>();
      for (const c of claims) if (!byScope.has(outcomeScope(c))) byScope.set(outcomeScope(c), c);
      if (byScope.has('grantedOrPartial')) {
        byScope.delete('granted');
        byScope.delete('partial');
      }
      if (byScope.size < 3) continue;
      const parts = [...byScope.values()];
      const left = parts.reduce((a, c) => a + c.value, 0);
      const said = claimsIn(report, PROCESSED, [sec])[0];
      const table = t3Value(lookup, 'totalProcessed');
      const right = said ? said.value : table?.value;
      if (right === undefined) continue;
      const first = parts[0]!;
      out.push({
        rule: rule.id,
        severity: left === right ? 'info' : 'warning',
        status: left === right ? 'pass' : 'fail',
        scope: sec.id,
        cells: said ? [] : table!.cells,
        left,
        right,
        difference: left - right,
        suspects: [],
        ambiguous: false,
        evidence: { section: sec.id, sentence: first.sentence, start: first.start, end: first.end, claimed: left },
        params: { againstZh: said ? '正文所称答复总数' : '表三（七）总计', againstEn: said ? 'the number answered the text gives' : 'table 3 total processed', parts: parts.map((c) => `${c.keyword}=${c.value}`).join(', ') },
      });
    }
    return out;
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [
    {
      name: 'Huixian numbers add up to 121',
      sections: { 'sec.applications': '全年答复申请121件。予以公开88件，部分公开2件，不予公开2件，无法提供26件，不予处理1件，其他处理2件。' },
      expect: { status: 'pass', left: 121, right: 121 },
    },
  ],
  invalid: [
    {
      name: 'Shanghai 2019 wording',
      sections: { 'sec.applications': '答复政府信息公开申请121件。予以公开及部分公开80件，占66.1%；不予公开2件；无法提供26件；不予处理1件；其他处理0件。' },
      expect: { status: 'fail', left: 109, right: 121, difference: -12 },
    },
  ],
};
