import type { Rule, RuleCases } from './types';

// Spec §7.5 (info): from the 2021 format on, section 六 says whether 信息处理费 was charged (国办函〔2020〕109号).
// Deliberately not compared with t2 行政事业性收费, which is unrelated fee income.
const FEE = /信息处理费|处理费|收费/;

const rule: Rule = {
  kind: 'report',
  id: 'txt.feeStatement',
  severity: 'info',
  reads: ['text', 'meta'],
  doc: 'Reports in the 2021 format say in section 六 whether an information-processing fee (信息处理费) was charged; not compared with table 二 行政事业性收费, which is unrelated (spec §7.5).',
  messages: {
    fail: { zh: '第六部分未说明是否收取信息处理费。', en: 'Section 6 does not say whether an information-processing fee was charged.' },
    pass: { zh: '第六部分说明了信息处理费情况。', en: 'Section 6 states the information-processing fee.' },
    notCheckable: { zh: '未读到第六部分，无法检查信息处理费说明。', en: 'Section 6 was not read; the fee statement cannot be checked.' },
  },
  check(report) {
    if (report.format !== '2021') return [];
    const sec = report.sections.find((s) => s.id === 'sec.other');
    const base = { rule: rule.id, cells: [], left: null, right: null, difference: null, suspects: [], ambiguous: false, scope: 'sec.other' };
    if (!sec) return report.sections.length === 0 ? [] : [{ ...base, severity: 'info', status: 'notCheckable' }];
    return [{ ...base, severity: 'info', status: FEE.test(sec.text) ? 'pass' : 'fail' }];
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [{ name: 'Huixian: 本年度没有产生信息公开处理费', expect: { status: 'pass' } }],
  invalid: [{ name: 'section 六 says only 无', sections: { 'sec.other': '无其他需要报告的事项。' }, expect: { status: 'fail' } }],
};
