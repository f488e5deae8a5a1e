import { cellRule, isNegativeText } from './valueCheck';
import type { RuleCases } from './types';

// Spec §7.1: anything that is neither a number, a blank nor a placeholder in a numeric cell.
export default cellRule({
  id: 'val.textInNumericCell',
  severity: 'warning',
  tables: ['t2', 't3', 't4'],
  doc: 'A numeric cell of tables 二/三/四 holds text that is not a number, blank or placeholder (e.g. "见附件", "约20"); identities over it are not checkable (spec §7.1).',
  applies: () => true,
  problem: (c) => (c.kind === 'text' && !isNegativeText(c) ? 'text' : null),
  messages: {
    fail: { zh: '{cells} 印作“{raw}”，不是数字。', en: '{cells} reads "{raw}", which is not a number.' },
    pass: { zh: '数字单元格中没有文字。', en: 'No text in numeric cells.' },
  },
});

export const cases: RuleCases = {
  valid: [{ name: 'a blank is not text', cells: { 't3:granted:research': '' }, expect: { status: 'pass', count: 1 } }],
  invalid: [{ name: '见附件', cells: { 't3:granted:research': '见附件' }, expect: { status: 'fail', cells: ['t3:granted:research'] } }],
};
