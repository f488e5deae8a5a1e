import { cellRule } from './valueCheck';
import type { RuleCases } from './types';

// Spec §7.1 (info): a fee printed in 元, or implausibly large for 万元, was probably entered in the wrong unit.
export default cellRule({
  id: 'val.t2.feeUnitSuspect',
  severity: 'info',
  tables: ['t2'],
  doc: 'Table 二 本年收费金额 printed with 元 (not 万元), or above 10^7 万元, was probably entered in 元 (spec §7.1).',
  applies: (c) => c.row === 'adminFees' && c.col === 'feeAmountWan' && c.kind === 'number',
  problem: (c) => (c.unit === '元' ? 'yuan' : c.value! > 1e7 ? 'tooLarge' : null),
  messages: {
    fail: { zh: '{cells} 印作“{raw}”：疑似以元而非万元填报。', en: '{cells} reads "{raw}": probably entered in yuan rather than 10,000 yuan.' },
    pass: { zh: '收费金额的单位无异常。', en: 'The fee amount\'s unit looks right.' },
  },
});

export const cases: RuleCases = {
  valid: [{ name: 'Huixian 20587.3303', expect: { status: 'pass' } }],
  invalid: [
    { name: 'printed in 元', cells: { 't2:adminFees:feeAmountWan': '251000元' }, expect: { status: 'fail' } },
    { name: 'too large for 万元', cells: { 't2:adminFees:feeAmountWan': '205873303' }, expect: { status: 'fail', left: 205873303 } },
  ],
};
