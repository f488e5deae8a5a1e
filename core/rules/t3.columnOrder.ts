import { T3_PARTS } from '../model/templates';
import { draft } from './draft';
import { hasTable, lookupIn, t3Layout, t3RowIds } from './identity';
import type { Rule, RuleCases } from './types';

// Spec §7.2: a column layout is trusted only if the row totals mostly hold (≥ 90 % of fully printed rows).
const THRESHOLD = 0.9;

const rule: Rule = {
  kind: 'report',
  id: 't3.columnOrder',
  severity: 'warning',
  reads: ['t3'],
  doc: 'The column order read for table 三 is plausible: the header labels placed every column (they name the template\'s columns in its order), or else in at least 90 % of rows printed in full 总计 equals the six applicant columns. If neither, the columns may have been mapped wrongly and every table-三 finding is doubtful (spec §7.2). Where the headers placed the columns, failing row totals are errors of the report (t3.rowTotal), not a doubt about the reading.',
  messages: {
    fail: { zh: '表三只有 {share}% 的行满足“总计 = 各列之和”（{passing}/{rows}），列的对应关系可能读错。', en: 'Only {share}% of table-3 rows satisfy total = sum of columns ({passing}/{rows}); the columns may have been mapped wrongly.' },
    pass: { zh: '表三列顺序可信（{basisZh}）。', en: 'Table 3 column order is plausible ({basisEn}).' },
    notCheckable: { zh: '表三完整印出的行太少，无法判断列顺序。', en: 'Too few table-3 rows printed in full to judge the column order.' },
  },
  check(report) {
    if (!hasTable(report, 't3')) return [];
    // the printed header labels named every column where it was read: the mapping is not in doubt
    if (report.columnsByHeader?.includes('t3'))
      return [draft(rule.id, 'warning', 'pass', { scope: 't3', params: { by: 'header', basisZh: '各列按表头标签对应，与模板一致', basisEn: 'every column placed by its header label, as in the template' } })];
    const lookup = lookupIn(report);
    let rows = 0;
    let passing = 0;
    for (const row of t3RowIds(t3Layout(report))) {
      const cells = [...T3_PARTS, 'total'].map((col) => lookup({ table: 't3', row, col }));
      if (cells.some((c) => !c || c.kind !== 'number')) continue;
      const parts = cells.slice(0, 6).reduce((a, c) => a + c!.value!, 0);
      // an all-zero row says nothing about the order
      if (parts === 0 && cells[6]!.value === 0) continue;
      rows++;
      if (parts === cells[6]!.value) passing++;
    }
    if (rows < 3) return [draft(rule.id, 'warning', 'notCheckable', { scope: 't3', params: { rows, passing, share: 0 } })];
    const share = Math.round((passing / rows) * 1000) / 10;
    const basis = { basisZh: `${passing}/${rows} 行合计一致`, basisEn: `${passing}/${rows} rows add up` };
    return [draft(rule.id, 'warning', passing / rows >= THRESHOLD ? 'pass' : 'fail', { scope: 't3', left: passing, right: rows, params: { by: 'rowTotals', rows, passing, share, ...basis } })];
  },
};
export default rule;

// the office left every 总计 of 表三 at 0 while the applicant columns hold numbers (a real error of the report)
const TOTALS_ZERO: Record<string, string> = Object.fromEntries(
  ['newReceived', 'granted', 'partial', 'denied.thirdParty', 'denied.internalAffairs', 'unable.notHeld', 'notProcessed.repeated', 'other.noCorrection', 'totalProcessed'].map((row) => [`t3:${row}:total`, '0']),
);

export const cases: RuleCases = {
  valid: [
    { name: 'Huixian', expect: { status: 'pass' } },
    {
      name: '总计 column all 0 under header labels that name every column: the row totals fail (t3.rowTotal), the reading is not in doubt',
      cells: TOTALS_ZERO,
      meta: { columnsByHeader: ['t3', 't4'] },
      expect: { status: 'pass', count: 1 },
    },
  ],
  invalid: [
    {
      name: '总计 column all 0 with the columns placed by position (no header confirmed them): the mapping is in doubt',
      cells: TOTALS_ZERO,
      meta: { columnsByHeader: ['t4'] },
      expect: { status: 'fail' },
    },
    {
      name: 'total column read as 其他 (columns shifted)',
      cells: {
        't3:newReceived:otherOrg': '121', 't3:newReceived:total': '5', 't3:granted:otherOrg': '88', 't3:granted:total': '5',
        't3:partial:otherOrg': '2', 't3:partial:total': '0', 't3:denied.thirdParty:otherOrg': '1', 't3:denied.thirdParty:total': '0',
        't3:denied.internalAffairs:otherOrg': '1', 't3:denied.internalAffairs:total': '0', 't3:unable.notHeld:otherOrg': '26', 't3:unable.notHeld:total': '0',
        't3:notProcessed.repeated:otherOrg': '1', 't3:notProcessed.repeated:total': '0', 't3:other.noCorrection:otherOrg': '2', 't3:other.noCorrection:total': '0',
        't3:totalProcessed:otherOrg': '121', 't3:totalProcessed:total': '5',
      },
      expect: { status: 'fail' },
    },
  ],
};
