import { draft } from './draft';
import type { Rule, RuleCases } from './types';

// Spec §7.7: the year in the title, the report's year and the 统计期限 sentence agree.
const PERIOD = /统计(?:期限|周期|时限|区间)[^0-9。；]{0,12}((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日/;
const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;

const rule: Rule = {
  kind: 'report',
  id: 'meta.yearConsistency',
  severity: 'warning',
  reads: ['meta', 'text'],
  doc: 'The year in the title, the report year and the statistics period (统计期限为YYYY年1月1日至12月31日) agree (spec §7.7).',
  messages: {
    fail: { zh: '年度不一致：{years}。', en: 'Years disagree: {years}.' },
    pass: { zh: '标题、统计期限与报告年度一致（{years}）。', en: 'Title, statistics period and report year agree ({years}).' },
  },
  check(report) {
    const years: [string, number][] = [];
    if (report.year !== null) years.push(['year', report.year]);
    const t = report.title ? TITLE_YEAR.exec(report.title) : null;
    if (t) years.push(['title', Number(t[1])]);
    for (const s of report.sections) {
      const m = PERIOD.exec(s.text);
      if (m) {
        years.push(['period', Number(m[1])]);
        break;
      }
    }
    if (years.length < 2) return [];
    const ok = years.every(([, y]) => y === years[0]![1]);
    return [draft(rule.id, 'warning', ok ? 'pass' : 'fail', { params: { years: years.map(([k, y]) => `${k}=${y}`).join(', ') } })];
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [{ name: 'Huixian 2023', sections: { 'sec.overview': '本报告统计期限为2023年1月1日至12月31日。' }, expect: { status: 'pass' } }],
  invalid: [{ name: 'period copied from last year', sections: { 'sec.overview': '本报告统计期限为2022年1月1日至12月31日。' }, expect: { status: 'fail' } }],
};
