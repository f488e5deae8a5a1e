import { cellKey } from '../model/ids';
import { draft } from './draft';
import type { FindingDraft, PairRule, RuleCases } from './types';

// Spec §7.6: identical t3/t4 numbers, or ≥ 90 % identical narrative, versus last year (条例 47: 内容雷同).
const SIMILAR = 0.9;

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of two texts' character bigrams (whitespace ignored). */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a.replace(/\s+/g, ''));
  const y = bigrams(b.replace(/\s+/g, ''));
  let common = 0;
  let total = 0;
  for (const [g, n] of x) {
    common += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

const rule: PairRule = {
  kind: 'pair',
  id: 'xy.duplicateContent',
  severity: 'warning',
  reads: ['t3', 't4', 'text'],
  doc: 'This year\'s report repeats last year\'s: every table-三/四 number identical (with some non-zero), or the narrative ≥ 90 % the same (character-bigram similarity). 条例 第四十七条 names 内容雷同; CASS 2017 found reports repeating ~90 % of the prior year (spec §7.6).',
  messages: {
    fail: { zh: '与上年报告雷同：{whatZh}。', en: 'Repeats last year\'s report: {whatEn}.' },
    pass: { zh: '与上年报告不雷同（{whatZh}）。', en: 'Not a repeat of last year\'s report ({whatEn}).' },
  },
  check(previous, current) {
    const out: FindingDraft[] = [];
    const nums = (cells: typeof current.cells) => new Map(cells.filter((c) => c.table === 't3' || c.table === 't4').map((c) => [cellKey(c), c.value]));
    const a = nums(previous.cells);
    const b = nums(current.cells);
    if (a.size > 0 && b.size > 0) {
      let same = 0;
      let nonzero = 0;
      for (const [k, v] of b) {
        if (a.has(k) && a.get(k) === v) same++;
        if (v) nonzero++;
      }
      const identical = same === b.size && a.size === b.size && nonzero > 0;
      out.push(
        draft(rule.id, 'warning', identical ? 'fail' : 'pass', {
          scope: 'tables',
          left: same,
          right: b.size,
          params: { whatZh: `表三、表四 ${same}/${b.size} 个数字相同`, whatEn: `${same} of ${b.size} table-3/4 numbers identical` },
        }),
      );
    }
    const ta = previous.sections.map((s) => s.text).join('\n');
    const tb = current.sections.map((s) => s.text).join('\n');
    if (ta.length >= 50 && tb.length >= 50) {
      const sim = Math.round(textSimilarity(ta, tb) * 1000) / 10;
      out.push(
        draft(rule.id, 'warning', sim >= SIMILAR * 100 ? 'fail' : 'pass', {
          scope: 'narrative',
          left: sim,
          right: SIMILAR * 100,
          params: { whatZh: `正文相似度 ${sim}%`, whatEn: `narrative ${sim}% similar` },
        }),
      );
    }
    return out;
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [
    {
      name: 'different numbers and text',
      previous: { cells: { 't3:granted:naturalPerson': '80', 't3:granted:total': '85' }, sections: { 'sec.overview': '2022年，本机关认真贯彻条例，共收到政府信息公开申请100件，均在法定期限内办理完毕，未发生行政复议和行政诉讼。主动公开各类信息二百余条。' } },
      expect: { status: 'pass', count: 2 },
    },
  ],
  invalid: [{ name: 'the same report again', expect: { status: 'fail', scope: 'tables' } }],
};
