import type { Cell, CellRef } from '../model/schema';
import { evaluateIdentity, hasTable, lookupIn, T3_COL_IDS } from './identity';
import { SUM_REVIEW } from './sumRule';
import type { PairRule, RuleCases } from './types';

// Spec §7.6: what was carried forward last year is what is carried over this year, per t3 column.
const rule: PairRule = {
  kind: 'pair',
  id: 'xy.carryContinuity',
  severity: 'warning',
  reads: ['t3'],
  doc: 'Across two consecutive reports of one agency, for every table-三 column: this year\'s 上年结转 = last year\'s 结转下年度继续办理 (spec §7.6; Pingtan 2021→22, 22→23, 23→24 all hold).',
  messages: {
    fail: { zh: '「{scope}」列：本年上年结转 {left} 件，而上年报告结转下年度 {right} 件。', en: 'Column {scope}: carried over this year {left}, but last year\'s report carried forward {right}.' },
    pass: { zh: '「{scope}」列：上年结转与上年报告的结转下年度一致（{left}）。', en: 'Column {scope}: carried over matches last year\'s carried forward ({left}).' },
    ...SUM_REVIEW,
  },
  check(previous, current) {
    if (!hasTable(previous, 't3') || !hasTable(current, 't3')) return [];
    const prev = lookupIn(previous);
    const cur = lookupIn(current);
    // carriedOver is read from this year's report, carriedForward from last year's
    const lookup = (ref: CellRef): Cell | undefined => (ref.row === 'carriedOver' ? cur(ref) : prev(ref));
    return T3_COL_IDS.map((col) =>
      evaluateIdentity(
        { rule: rule.id, severity: 'warning', scope: col, left: [{ table: 't3', row: 'carriedOver', col }], right: [{ table: 't3', row: 'carriedForward', col }], relation: 'eq' },
        lookup,
      ),
    ).map((f) => ({ ...f, params: { ...f.params, previousYear: previous.year ?? '?', currentYear: current.year ?? '?' } }));
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [{ name: 'nothing carried either way', expect: { status: 'pass', count: 7 } }],
  invalid: [
    {
      name: 'last year carried forward 1 that never arrived',
      previous: { cells: { 't3:carriedForward:naturalPerson': '1', 't3:carriedForward:total': '1' } },
      expect: { status: 'fail', scope: 'naturalPerson', left: 0, right: 1, difference: -1 },
    },
  ],
};
