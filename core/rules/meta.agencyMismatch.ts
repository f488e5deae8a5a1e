import { readBodyTitleAgency, readPublisher, readSignature, sameAgency } from '../read/meta';
import { draft } from './draft';
import type { Rule, RuleCases } from './types';

// Issue 13 §3: the title names one agency and the closing signature (落款) or the page's 发布机构 another
// (seen: title 投资促进局, signature 国有资产管理局). A warning, not info: the report is filed, compared year to year
// and summed in a sweep under the title's agency, so a second author must be seen before that happens; it does not
// change the exit code, since the numbers themselves may be right.
const SCOPES: Record<string, string> = { 'the signature': 'signature', 'the page\'s publisher': 'publisher', 'the title printed in the body': 'bodyTitle' };

const rule: Rule = {
  kind: 'report',
  id: 'meta.agencyMismatch',
  severity: 'warning',
  reads: ['meta', 'text'],
  doc: 'The agency in the title is the one that signs the report (落款 beside its date), the one the page names as publisher (发布机构) and the one in the title printed at the head of the body; an abbreviation, the government\'s own office or a name without its city count as the same.',
  messages: {
    fail: {
      zh: '报告标题的机关（{agency}）与{whereZh}（{other}）不一致：请核实报告由哪个机关发布，汇总时不要归错机关。',
      en: 'The title names {agency}, but {whereEn} is {other}: check which agency issued the report before filing it under one.',
    },
    pass: { zh: '标题的机关与{whereZh}一致（{other}）。', en: 'The title\'s agency agrees with {whereEn} ({other}).' },
  },
  check(report) {
    if (!report.agency) return [];
    const last = report.sections[report.sections.length - 1];
    const preamble = report.sections.find((s) => s.id === 'sec.preamble');
    const others: { other: string; whereZh: string; whereEn: string }[] = [];
    const signed = (last ? readSignature(last.text) : null) ?? (preamble ? readSignature(preamble.text) : null);
    if (signed) others.push({ other: signed, whereZh: '落款', whereEn: 'the signature' });
    const published = preamble ? readPublisher(preamble.text) : null;
    if (published) others.push({ other: published, whereZh: '页面的发布机构', whereEn: 'the page\'s publisher' });
    // the title printed at the head of the body, where the agency was taken from the page's own title
    const printed = preamble ? readBodyTitleAgency(preamble.text) : null;
    if (printed && printed !== report.agency) others.push({ other: printed, whereZh: '正文标题', whereEn: 'the title printed in the body' });
    return others.map((o) =>
      draft(rule.id, 'warning', sameAgency(report.agency!, o.other) ? 'pass' : 'fail', { scope: SCOPES[o.whereEn]!, params: { agency: report.agency!, ...o } }),
    );
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [
    { name: 'Shuyang 2023: signed by the title\'s agency', meta: { agency: '沭阳县发展和改革局' }, sections: { 'sec.other': '2023年度，县发展和改革局政府信息公开未发生收费情况。\n沭阳县发展和改革局\n2024年1月17日' }, expect: { status: 'pass', scope: 'signature' } },
    { name: 'abbreviated signature', meta: { agency: '沭阳县发展和改革局' }, sections: { 'sec.other': '无。\n县发改局\n2024年1月17日' }, expect: { status: 'pass' } },
    { name: 'the government\'s office publishes (Pingtan 2023)', meta: { agency: '平潭综合实验区' }, sections: { 'sec.preamble': '标题: 平潭综合实验区2023年度政府信息公开工作年度报告\n发布机构: 平潭综合实验区管委会办公室\n栏目: 政府信息公开年报', 'sec.other': '2023年，无收取信息处理费情况。' }, expect: { status: 'pass', scope: 'publisher' } },
    { name: 'signature on one line with its date', meta: { agency: '淮安市洪泽区人民政府' }, sections: { 'sec.other': '全年收取信息处理费 0 元。\n洪泽区人民政府 2024年1月20日' }, expect: { status: 'pass' } },
    { name: 'no signature: nothing to say', sections: { 'sec.other': '本年度没有产生信息公开处理费。\n特此报告。\n2024年1月20日' }, expect: { status: 'pass', count: 0 } },
  ],
  invalid: [
    {
      name: 'issue 13: title 投资促进局, signature 国有资产管理局',
      meta: { agency: '某区投资促进局' },
      sections: { 'sec.other': '本年度未收取信息处理费。\n某区国有资产管理局\n2024年1月15日' },
      expect: { status: 'fail', scope: 'signature' },
    },
    {
      name: 'the page\'s title and the title printed in the body name different agencies',
      meta: { agency: '某区投资促进局', title: '某区投资促进局2023年政府信息公开工作年度报告' },
      sections: { 'sec.preamble': '某区国有资产管理局2023年政府信息公开工作年度报告\n本报告根据《条例》编制。', 'sec.other': '无。' },
      expect: { status: 'fail', scope: 'bodyTitle' },
    },
    {
      name: 'signature under the title, another agency',
      meta: { agency: '某县财政局' },
      sections: { 'sec.preamble': '某县财政局2023年政府信息公开工作年度报告\n某县审计局\n（2024年1月20日）', 'sec.other': '无。' },
      expect: { status: 'fail', scope: 'signature' },
    },
  ],
};
