import { lookupIn } from './identity';
import { claimsIn, t3Value } from './narrative';
import { OUTCOME_PATTERN, outcomeReadings, outcomeScope } from './outcomeText';
import type { FindingDraft, Rule, RuleCases } from './types';

// Spec §7.5: "占 X%" after an outcome count, against group / （七）总计 × 100, ±0.1 pp (reports truncate: 4.34 %).
// or in brackets right after the count: "予以公开及部分公开 208 件（17.46%）" (Shanghai 2025)
const PERCENT = /^[^。；;]{0,6}?(?:占(?:比|总数的|全部申请的|比例为)?|[（(])\s*(\d+(?:\.\d+)?)\s*[%％]/;
const TOLERANCE = 0.1;

const rule: Rule = {
  kind: 'report',
  id: 'txt.outcomePercent',
  severity: 'warning',
  reads: ['text', 't3'],
  doc: 'A percentage given after an outcome count ("不予公开35件，占4.34%") equals the group\'s share of （七）总计 in table 三, within ±0.1 percentage points (reports truncate) (spec §7.5).',
  messages: {
    fail: {
      zh: '正文称「{keyword}」占 {claimed}%，按表格应为 {right}%（{groupValue} / {processed}）。原句：“{sentence}”',
      en: 'The text gives "{keyword}" as {claimed}%; by the table it is {right}% ({groupValue} / {processed}). Sentence: “{sentence}”',
    },
    pass: { zh: '「{keyword}」占比 {claimed}% 与表格一致。', en: 'The share of "{keyword}", {claimed}%, matches the table.' },
  },
  check(report) {
    const lookup = lookupIn(report);
    const processed = t3Value(lookup, 'totalProcessed');
    const out: FindingDraft[] = [];
    if (!processed || processed.value === 0) return out;
    for (const claim of claimsIn(report, OUTCOME_PATTERN)) {
      const m = PERCENT.exec(claim.sentence.slice(claim.end));
      if (!m) continue;
      const claimed = Number(m[1]);
      const pStart = claim.end + m.index + m[0].indexOf(m[1]!);
      const readings = outcomeReadings(report, lookup, outcomeScope(claim)).filter((r) => r.value !== null);
      if (readings.length === 0) continue;
      const shares = readings.map((r) => ({ r, share: (r.value!.value / processed.value) * 100 }));
      const match = shares.find((s) => Math.abs(s.share - claimed) <= TOLERANCE + 1e-9);
      const shown = match ?? shares[0]!;
      const right = Math.round(shown.share * 100) / 100;
      out.push({
        rule: rule.id,
        severity: match ? 'info' : 'warning',
        status: match ? 'pass' : 'fail',
        scope: outcomeScope(claim),
        cells: [...shown.r.value!.cells, ...processed.cells],
        left: claimed,
        right,
        difference: Math.round((claimed - right) * 100) / 100,
        tolerance: TOLERANCE,
        suspects: [],
        ambiguous: false,
        evidence: { section: claim.section, sentence: claim.sentence, start: pStart, end: pStart + m[1]!.length, claimed },
        params: { keyword: claim.keyword, groupValue: shown.r.value!.value, processed: processed.value, reading: shown.r.name },
      });
    }
    return out;
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian: 无法提供26件，占21.5%', sections: { 'sec.applications': '无法提供26件，占21.5%。' }, expect: { status: 'pass', claimed: 21.5 } },
    { name: 'Shanghai 2025 style: share in brackets', sections: { 'sec.applications': '其中，予以公开及部分公开 90 件（74.38%），无法提供 26 件（21.49%）。' }, expect: { status: 'pass', claimed: 74.38, count: 2 } },
  ],
  invalid: [{ name: 'share does not match', sections: { 'sec.applications': '予以公开88件，占80%。' }, expect: { status: 'fail', claimed: 80, right: 72.73 } }],
};
