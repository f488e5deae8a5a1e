import { draft } from './draft';
import type { Rule, RuleCases } from './types';

// Spec §7.7 (info): section 五 says something (not just 无).
const rule: Rule = {
  kind: 'report',
  id: 'meta.problemsNonEmpty',
  severity: 'info',
  reads: ['text'],
  doc: 'Section 五 (存在的主要问题及改进情况) is not empty and not just "无": at least about ten characters of content (spec §7.7).',
  messages: {
    fail: { zh: '第五部分（存在的主要问题及改进情况）几乎没有内容。', en: 'Section 5 (problems and improvements) is practically empty.' },
    pass: { zh: '第五部分有实质内容。', en: 'Section 5 has content.' },
  },
  check(report) {
    const sec = report.sections.find((s) => s.id === 'sec.problems');
    if (!sec) return [];
    const body = sec.text.replace(/[\s\u00a0\u3000。，；：、.,;:（）()一二三四五六七八九十]/g, '');
    const empty = body.length < 10 || /^(无|暂无|没有)$/.test(body);
    return [draft(rule.id, 'info', empty ? 'fail' : 'pass', { scope: 'sec.problems' })];
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [{ name: 'Huixian', expect: { status: 'pass' } }],
  invalid: [{ name: '无', sections: { 'sec.problems': '无。' }, expect: { status: 'fail' } }],
};
