import { draft } from './draft';
import type { Rule, RuleCases } from './types';

// Spec §1.1, §7.7: the six sections of the 2019/2021 formats, in order.
export const SECTION_IDS = ['sec.overview', 'sec.proactive', 'sec.applications', 'sec.reviewLitigation', 'sec.problems', 'sec.other'];

const rule: Rule = {
  kind: 'report',
  id: 'meta.sections',
  severity: 'warning',
  reads: ['meta'],
  doc: 'The report has the six sections of the national format (总体情况, 主动公开, 收到和处理申请, 复议诉讼, 问题及改进, 其他事项), each once and in order (spec §1.1, §7.7).',
  messages: {
    fail: { zh: '未找到报告的 {missingCount} 个部分（{missing}）{orderZh}。', en: '{missingCount} section(s) of the report were not found ({missing}){orderEn}.' },
    pass: { zh: '报告六个部分齐全且顺序正确。', en: 'All six sections are present, in order.' },
  },
  check(report) {
    // pre-2019 reports follow their own chapter plan
    if (report.sections.length === 0 || report.format === 'older') return [];
    // the report itself is in an attachment or an embedded PDF: the page's text is not its sections
    if (report.notCheckable.some((n) => n.table === 'report' && (n.reason === 'attachment' || n.reason === 'embeddedPdf'))) return [];
    const ids = report.sections.map((s) => s.id).filter((id) => SECTION_IDS.includes(id));
    const missing = SECTION_IDS.filter((id) => !ids.includes(id));
    const inOrder = ids.every((id, i) => i === 0 || SECTION_IDS.indexOf(id) > SECTION_IDS.indexOf(ids[i - 1]!));
    const ok = missing.length === 0 && inOrder;
    return [
      draft(rule.id, 'warning', ok ? 'pass' : 'fail', {
        params: { missingCount: missing.length, missing: missing.join(', ') || '—', orderZh: inOrder ? '' : '，且顺序有误或重复', orderEn: inOrder ? '' : '; sections are out of order or repeated' },
      }),
    ];
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian: six sections', expect: { status: 'pass' } },
    {
      name: 'the report is an attachment: the page around the link has no sections of its own',
      sections: { 'sec.overview': '详见附件。' },
      meta: { notCheckable: [{ table: 'report', reason: 'attachment', link: 'https://www.example.gov.cn/files/report2023.pdf' }] },
      expect: { status: 'pass', count: 0 },
    },
  ],
  invalid: [
    { name: 'no section 五', sections: { 'sec.overview': 'a', 'sec.proactive': 'b', 'sec.applications': 'c', 'sec.reviewLitigation': 'd', 'sec.other': 'f' }, expect: { status: 'fail' } },
  ],
};
