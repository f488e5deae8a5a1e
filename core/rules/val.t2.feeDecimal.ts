import { cellRule } from './valueCheck';
import type { RuleCases } from './types';

// Spec §7.1: 本年收费金额 is in 万元 (the header says so); a unit printed in the cell must agree.
export default cellRule({
  id: 'val.t2.feeDecimal',
  severity: 'warning',
  tables: ['t2'],
  doc: 'Table 二 行政事业性收费 · 本年收费金额 is a decimal ≥ 0 in 万元; a unit printed in the cell must be 万元 (spec §7.1).',
  applies: (c) => c.row === 'adminFees' && c.col === 'feeAmountWan' && (c.kind === 'number' || c.kind === 'text'),
  problem: (c) => (c.kind === 'text' ? 'notANumber' : c.value! < 0 ? 'negative' : c.unit && c.unit !== '万元' ? 'unit' : null),
  messages: {
    fail: { zh: '{cells} 印作“{raw}”：收费金额应为以万元计的非负数。', en: '{cells} reads "{raw}": the fee amount is a number ≥ 0 in 10,000 yuan.' },
    pass: { zh: '收费金额为以万元计的非负数。', en: 'The fee amount is a number ≥ 0 in 10,000 yuan.' },
  },
});

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian 20587.3303', expect: { status: 'pass' } },
    { name: 'unit 万元 printed', cells: { 't2:adminFees:feeAmountWan': '12.5万元' }, expect: { status: 'pass' } },
  ],
  invalid: [{ name: 'unit 元 printed', cells: { 't2:adminFees:feeAmountWan': '251000元' }, expect: { status: 'fail', cells: ['t2:adminFees:feeAmountWan'] } }],
};
