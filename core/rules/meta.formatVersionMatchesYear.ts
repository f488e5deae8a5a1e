import { draft } from './draft';
import type { Rule, RuleCases } from './types';

// Spec §6, §7.7: ≤ 2018 older free form; 2019–2020 the 2019 format; ≥ 2021 the 2021 format.
export function expectedFormat(year: number): '2021' | '2019' | 'older' {
  return year <= 2018 ? 'older' : year <= 2020 ? '2019' : '2021';
}

const rule: Rule = {
  kind: 'report',
  id: 'meta.formatVersionMatchesYear',
  severity: 'warning',
  reads: ['meta'],
  doc: 'The detected table format matches the report year: reports for 2019–2020 use the 2019 format (国办公开办函〔2019〕60号), 2021 on the 2021 format (〔2021〕30号), earlier years the older free form (spec §6, §7.7).',
  messages: {
    fail: { zh: '{year} 年度报告应使用 {expected} 版格式，实际为 {format} 版。', en: 'A report for {year} should use the {expected} format, but uses {format}.' },
    pass: { zh: '格式版本（{format}）与报告年度 {year} 相符。', en: 'The format ({format}) fits the report year {year}.' },
  },
  check(report) {
    if (report.year === null || report.format === 'unknown') return [];
    const expected = expectedFormat(report.year);
    return [draft(rule.id, 'warning', expected === report.format ? 'pass' : 'fail', { params: { year: report.year, expected, format: report.format } })];
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [{ name: 'Huixian 2023 in the 2021 format', expect: { status: 'pass' } }],
  invalid: [{ name: '2023 report in the 2019 format', meta: { format: '2019' }, expect: { status: 'fail' } }],
};
