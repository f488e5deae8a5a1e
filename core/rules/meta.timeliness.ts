import { draft } from './draft';
import type { Rule, RuleCases } from './types';

// Spec §7.7 (info, watchdog use): 条例 49 — departments publish by 31 Jan, the government-level report by 31 Mar
// of the following year. The publication date is taken from a "发布日期/发布时间/成文日期" line of the page.
const PUBLISHED = /(?:发布日期|发布时间|成文日期|发文日期|公开日期)\s*[:：]?\s*((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
// a government (or its office, or a 管委会) rather than one of its departments; a bare place name is read as the government
const GOVERNMENT_LEVEL = /人民政府(?:办公厅|办公室)?$|管委会|管理委员会|(?:省|市|县|区|州|旗|盟)$/;

const rule: Rule = {
  kind: 'report',
  id: 'meta.timeliness',
  severity: 'info',
  reads: ['meta', 'text'],
  doc: 'The report was published by 31 January (departments) or 31 March (government-level reports) of the following year (条例 第四十九条, spec §7.7). Needs a publication date printed on the page (发布日期 / 发布时间 / 成文日期).',
  messages: {
    fail: { zh: '{published} 发布，晚于 {deadline} 的法定期限（{kindZh}）。', en: 'Published {published}, after the {deadline} deadline ({kindEn}).' },
    pass: { zh: '{published} 发布，未超过 {deadline} 的法定期限。', en: 'Published {published}, within the {deadline} deadline.' },
  },
  check(report) {
    if (report.year === null) return [];
    let m: RegExpExecArray | null = null;
    for (const s of report.sections) if ((m = PUBLISHED.exec(s.text))) break;
    if (!m) return [];
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const government = report.agency ? GOVERNMENT_LEVEL.test(report.agency.replace(/\s+/g, '')) : false;
    const deadline = { y: report.year + 1, mo: government ? 3 : 1, d: 31 };
    const late = y * 10000 + mo * 100 + d > deadline.y * 10000 + deadline.mo * 100 + deadline.d;
    const pad = (n: number) => String(n).padStart(2, '0');
    return [
      draft(rule.id, 'info', late ? 'fail' : 'pass', {
        params: {
          published: `${y}-${pad(mo)}-${pad(d)}`,
          deadline: `${deadline.y}-${pad(deadline.mo)}-${pad(deadline.d)}`,
          kindZh: government ? '政府年度报告' : '部门年度报告',
          kindEn: government ? 'government-level report' : 'department report',
        },
      }),
    ];
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [{ name: 'Shanghai 2019 style, 2020-01-31', sections: { 'sec.preamble': '发布日期：2024-01-31' }, expect: { status: 'pass' } }],
  invalid: [
    { name: 'a county government publishing in April', sections: { 'sec.preamble': '发布时间: 2024-04-02 08:58' }, expect: { status: 'fail' } },
    { name: 'a department publishing in February', meta: { agency: '沭阳县发展和改革局' }, sections: { 'sec.preamble': '发布日期：2024年2月5日' }, expect: { status: 'fail' } },
  ],
};
