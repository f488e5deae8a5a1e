import { describe, expect, it } from 'vitest';
import { cellKey } from '../../core/model/ids';
import { allSumSpecs, lookupIn, resolveIdentity, type GroupTerm, type IdentitySpec } from '../../core/model/identities';
import { checkReport } from '../../core/check';
import { evaluateIdentity } from '../../core/rules/identity';
import { buildReport, withCells } from '../rules/fixtures';

// （六）其他处理 × 自然人 as one group term: the collapsed row where the report prints it, else the three sub-rows.
const other: GroupTerm = {
  kind: 'group',
  group: 'other',
  row: { table: 't3', row: 'other', col: 'naturalPerson' },
  parts: ['other.noCorrection', 'other.unpaidFee', 'other.misc'].map((row) => ({ table: 't3' as const, row, col: 'naturalPerson' })),
};
// Huixian 2023: （六） holds 2 + 0 + 0 natural-person applications
const spec: IdentitySpec = { rule: 'test.otherGroup', severity: 'error', scope: 'naturalPerson', left: [other], right: [{ table: 't3', row: 'partial', col: 'naturalPerson' }], relation: 'eq' };

describe('identity terms', () => {
  it('a group term stands for its sub-rows where the report prints them', () => {
    const report = buildReport();
    expect(resolveIdentity(spec, lookupIn(report)).left.map(cellKey)).toEqual(['t3:other.noCorrection:naturalPerson', 't3:other.unpaidFee:naturalPerson', 't3:other.misc:naturalPerson']);
    expect(evaluateIdentity(spec, lookupIn(report))).toMatchObject({ status: 'pass', left: 2, right: 2 });
  });

  it('and for the collapsed row where the report prints （六） as one row', () => {
    const report = withCells(buildReport(), { 't3:other:naturalPerson': '3' }, ['t3:other.noCorrection:*', 't3:other.unpaidFee:*', 't3:other.misc:*']);
    expect(resolveIdentity(spec, lookupIn(report)).left.map(cellKey)).toEqual(['t3:other:naturalPerson']);
    expect(evaluateIdentity(spec, lookupIn(report))).toMatchObject({ status: 'fail', left: 3, right: 2, difference: 1 });
  });
});

describe('the identity lists are shared data', () => {
  it('one list per layout, frozen: a finding holds their operand lists, and changing one would change every later check', () => {
    const report = buildReport();
    const specs = allSumSpecs(report);
    expect(allSumSpecs(withCells(report, { 't3:granted:naturalPerson': '84' }))).toBe(specs);
    const rowTotal = checkReport(report).find((f) => f.rule === 't3.rowTotal')!;
    expect(() => (rowTotal.rightCells as unknown[]).push(rowTotal.rightCells![0])).toThrow(TypeError);
    expect(Object.isFrozen(specs[0]!.left[0])).toBe(true);
    // a 2019 report has its own list (its t3 rows differ)
    expect(allSumSpecs({ ...report, format: '2019' })).not.toBe(specs);
  });
});
