import { cellRule, isNegativeText } from './valueCheck';
import type { RuleCases } from './types';

// Spec §7.1: t2 counts documents and decisions; F2019 本年增/减 may be negative, amounts may be decimal.
const COUNT_COLS = new Set(['issued', 'repealed', 'inForce', 'decisions', 'newlyMade', 'newlyPublished', 'publishedTotal', 'itemsLastYear', 'procurementCount']);

export default cellRule({
  id: 'val.t2.countIntNonNeg',
  severity: 'error',
  tables: ['t2'],
  doc: 'Counts in table 二 (制发/废止/现行有效, 处理决定数量; 2019: 新制作/新公开/对外公开总数量, 上一年项目数量, 采购项目数量) are whole numbers ≥ 0; 本年增/减 and money amounts are exempt (spec §7.1).',
  applies: (c) => COUNT_COLS.has(c.col) && (c.kind === 'number' || isNegativeText(c)),
  problem: (c) => (isNegativeText(c) ? 'negative' : !Number.isInteger(c.value) ? 'decimal' : c.value! < 0 ? 'negative' : null),
  messages: {
    fail: { zh: '{cells} 印作“{raw}”：件数应为非负整数。', en: '{cells} reads "{raw}": counts are whole numbers ≥ 0.' },
    pass: { zh: '表二的件数均为非负整数。', en: 'Every count in table 2 is a whole number ≥ 0.' },
  },
});

export const cases: RuleCases = {
  valid: [{ name: 'Huixian (fee 20587.3303 exempt)', expect: { status: 'pass', count: 1 } }],
  invalid: [{ name: 'a decimal count', cells: { 't2:penalty:decisions': '3681.5' }, expect: { status: 'fail', cells: ['t2:penalty:decisions'] } }],
};
