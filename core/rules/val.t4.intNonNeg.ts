import { cellRule, isNegativeText } from './valueCheck';
import type { RuleCases } from './types';

// Spec §7.1: t4 counts cases; every printed number is a whole number ≥ 0.
export default cellRule({
  id: 'val.t4.intNonNeg',
  severity: 'error',
  tables: ['t4'],
  doc: 'Every number printed in table 四 is a whole number ≥ 0: the table counts review and litigation cases (spec §7.1).',
  applies: (c) => c.kind === 'number' || isNegativeText(c),
  problem: (c) => (isNegativeText(c) ? 'negative' : !Number.isInteger(c.value) ? 'decimal' : c.value! < 0 ? 'negative' : null),
  messages: {
    fail: { zh: '{cells} 印作“{raw}”：案件数应为非负整数。', en: '{cells} reads "{raw}": case counts are whole numbers ≥ 0.' },
    pass: { zh: '表四的数字均为非负整数。', en: 'Every number in table 4 is a whole number ≥ 0.' },
  },
});

export const cases: RuleCases = {
  valid: [{ name: 'Huixian', expect: { status: 'pass', count: 1 } }],
  invalid: [{ name: 'a decimal', cells: { 't4:cases:review.upheld': '1.5' }, expect: { status: 'fail', cells: ['t4:cases:review.upheld'], left: 1.5 } }],
};
