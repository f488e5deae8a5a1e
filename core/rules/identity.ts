// How an identity is judged on its own (spec §7.2, §7.3, §7.8): the sum rules' shared helper. Which cells form each
// identity is data in model/identities.ts, read by this judgement and by the localizer (explain/localize.ts).
import { cellKey } from '../model/ids';
import type { CellRef, Report, Suspect } from '../model/schema';
import { identityCells, lookupIn, type CellLookup, type IdentitySpec } from '../model/identities';
import type { FindingDraft } from './types';

export {
  allSumSpecs,
  lookupIn,
  oncePerCheck,
  t3BalanceSpecs,
  T3_COL_IDS,
  t3ForwardBoundSpecs,
  t3Layout,
  t3OutcomeSumSpecs,
  t3RowIds,
  t3RowTotalSpecs,
  t4BlockSpec,
  T4_RULE_OF_BLOCK,
  withSharedLookup,
  type CellLookup,
  type IdentitySpec,
  type T3Layout,
  type T4Block,
} from '../model/identities';

/** Counts are integers; decimals (fees) are compared after rounding away float noise. */
const tidy = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Judge one identity (spec §7.8): all numbers → pass/fail. Blank or placeholder operands are unknowns ≥ 0:
 * the identity fails only if no such filling can make it hold (which is the case exactly when it fails with the
 * blanks as 0 and every blank sits on the side that is already larger); otherwise needsReview, listing the blanks
 * (info when 0 works, warning when a blank must hold a number — then, if it is the only blank on the short side, it is
 * suggested).
 * Text operands or operands not read → notCheckable.
 */
export function evaluateIdentity(identity: IdentitySpec, lookup: CellLookup): FindingDraft {
  // resolved and looked up once per report: the localizer reads the same identities
  const { spec, refs: all, cells } = identityCells(identity, lookup);
  const base = {
    rule: spec.rule,
    scope: spec.scope,
    cells: all,
    leftCells: spec.left,
    rightCells: spec.right,
    suspects: [] as Suspect[],
    ambiguous: false,
    tolerance: 0,
  };
  const missing = all.filter((_, i) => cells[i] === undefined);
  if (missing.length > 0) {
    return {
      ...base,
      severity: 'info',
      status: 'notCheckable',
      left: null,
      right: null,
      difference: null,
      params: { reason: 'missing', missing: missing.map(cellKey).join(' '), missingCount: missing.length },
    };
  }
  const textCells = all.filter((_, i) => cells[i]!.kind === 'text');
  if (textCells.length > 0) {
    return {
      ...base,
      severity: 'info',
      status: 'notCheckable',
      left: null,
      right: null,
      difference: null,
      params: { reason: 'text', text: textCells.map(cellKey).join(' '), missingCount: textCells.length },
    };
  }
  // operand i is cells[i]: the left side's first, then the right side's
  const n = spec.left.length;
  let leftSum = 0;
  let rightSum = 0;
  const blanksL: CellRef[] = [];
  const blanksR: CellRef[] = [];
  all.forEach((r, i) => {
    const value = cells[i]!.value;
    if (i < n) leftSum += value ?? 0;
    else rightSum += value ?? 0;
    if (value === null) (i < n ? blanksL : blanksR).push(r);
  });
  const left = tidy(leftSum);
  const right = tidy(rightSum);
  const difference = tidy(left - right);
  const blanks = [...blanksL, ...blanksR];
  const holds = spec.relation === 'eq' ? difference === 0 : difference <= 0;
  if (blanks.length === 0) {
    return { ...base, severity: holds ? 'info' : spec.severity, status: holds ? 'pass' : 'fail', left, right, difference };
  }
  // Can some filling of the blanks with numbers ≥ 0 make it hold? Raising a blank raises its side.
  const fillable = holds || (difference < 0 && blanksL.length > 0) || (difference > 0 && blanksR.length > 0);
  if (!fillable) {
    return { ...base, severity: spec.severity, status: 'fail', left, right, difference, blanks };
  }
  const suspects: Suspect[] = [];
  // One blank on the short side: it should hold the difference (reading the other side's blanks as 0).
  const shortSide = difference < 0 ? blanksL : blanksR;
  if (!holds && spec.relation === 'eq' && shortSide.length === 1) {
    suspects.push({ ...shortSide[0]!, printed: null, suggested: Math.abs(difference), typo: null });
  }
  return {
    ...base,
    severity: holds ? 'info' : 'warning',
    status: 'needsReview',
    left,
    right,
    difference,
    blanks,
    suspects,
    params: { blanksMustHoldNumber: holds ? 0 : 1 },
  };
}

export function evaluateAll(specs: readonly IdentitySpec[], report: Pick<Report, 'cells'>): FindingDraft[] {
  const lookup = lookupIn(report);
  return specs.map((s) => evaluateIdentity(s, lookup));
}

/** Did the report read any cell of this table? Rules over an absent table say nothing (meta.tablesPresent does). */
export function hasTable(report: Pick<Report, 'cells'>, table: 't2' | 't3' | 't4'): boolean {
  return report.cells.some((c) => c.table === table);
}
