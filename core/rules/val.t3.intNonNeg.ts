import { cellRule, isNegativeText } from './valueCheck';
import type { RuleCases } from './types';

// Spec §7.1: t3 counts applications; every printed number is a whole number ≥ 0.
export default cellRule({
  id: 'val.t3.intNonNeg',
  severity: 'error',
  tables: ['t3'],
  doc: 'Every number printed in table 三 is a whole number ≥ 0: the table counts applications (spec §7.1).',
  applies: (c) => c.kind === 'number' || isNegativeText(c),
  problem: (c) => (isNegativeText(c) ? 'negative' : !Number.isInteger(c.value) ? 'decimal' : c.value! < 0 ? 'negative' : null),
  messages: {
    fail: { zh: '{cells} 印作“{raw}”：申请件数应为非负整数。', en: '{cells} reads "{raw}": application counts are whole numbers ≥ 0.' },
    pass: { zh: '表三的数字均为非负整数。', en: 'Every number in table 3 is a whole number ≥ 0.' },
  },
});

export const cases: RuleCases = {
  valid: [{ name: 'Huixian', expect: { status: 'pass', count: 1 } }],
  invalid: [
    { name: 'a decimal', cells: { 't3:granted:naturalPerson': '8.3' }, expect: { status: 'fail', cells: ['t3:granted:naturalPerson'], left: 8.3 } },
    { name: 'a negative number', cells: { 't3:carriedOver:total': '-1' }, expect: { status: 'fail', cells: ['t3:carriedOver:total'] } },
  ],
};
