import { draft } from './draft';
import { hasTable, t3Layout, t3RowIds } from './identity';
import type { Rule, RuleCases } from './types';

// Spec §7.2: all 25 (2021) / 23 (2019) data rows present; unknown rows only if recognised (小计, 合计).
const KNOWN_EXTRA = /小计|合计/;

const rule: Rule = {
  kind: 'report',
  id: 't3.rowSet',
  severity: 'warning',
  reads: ['t3'],
  doc: 'Table 三 has every data row of its format (25 in 2021, 23 in 2019; a group printed as one row, read as its total grp.<group>, stands for its sub-rows) and no unknown rows besides 小计/合计 (spec §7.2).',
  messages: {
    fail: { zh: '表三有 {missingCount} 行未读到（{missing}），另有 {extraCount} 个无法识别的行（{extras}）。', en: 'Table 3: {missingCount} row(s) were not read ({missing}) and has {extraCount} unrecognised row(s) ({extras}).' },
    pass: { zh: '表三的行齐全（{rowCount} 行）。', en: 'Table 3 has all {rowCount} rows.' },
  },
  check(report) {
    if (!hasTable(report, 't3')) return [];
    const expected = t3RowIds(t3Layout(report));
    const present = new Set(report.cells.filter((c) => c.table === 't3').map((c) => c.row));
    const missing = expected.filter((r) => !present.has(r));
    const extras = report.extras.filter((e) => e.table === 't3' && !KNOWN_EXTRA.test(e.label)).map((e) => e.label);
    const params = { missingCount: missing.length, missing: missing.join(', ') || '—', extraCount: extras.length, extras: extras.join(', ') || '—', rowCount: expected.length };
    return [draft(rule.id, 'warning', missing.length + extras.length === 0 ? 'pass' : 'fail', { scope: 't3', params })];
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian: 25 rows', expect: { status: 'pass' } },
    {
      name: "（六） printed as one row, read as its group total (Huai'an Hongze 2023)",
      remove: ['t3:other.noCorrection:*', 't3:other.unpaidFee:*', 't3:other.misc:*'],
      cells: { 't3:grp.other:naturalPerson': '2', 't3:grp.other:total': '2' },
      expect: { status: 'pass' },
    },
  ],
  invalid: [
    { name: 'a row not read', remove: ['t3:denied.adminQuery:*'], expect: { status: 'fail' } },
    { name: 'an unknown row', extras: [{ table: 't3', label: '（八）其他情况' }], expect: { status: 'fail' } },
  ],
};
