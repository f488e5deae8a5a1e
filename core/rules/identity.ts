// The one helper every sum rule shares: which cells form each identity, and how an identity is judged
// (spec §7.2, §7.3, §7.8). The localizer (explain/localize.ts) reads the same identity lists.
import { cellIndex, cellKey } from '../model/ids';
import type { Cell, CellRef, Report, Severity, Suspect } from '../model/schema';
import { T3_2019, T3_2021, T3_PARTS, T4_BLOCKS, T4_OUTCOMES, t3Leaves } from '../model/templates';
import type { FindingDraft } from './types';

export interface IdentitySpec {
  rule: string;
  severity: Severity;
  /** the row, column or block the identity is about */
  scope: string;
  left: CellRef[];
  right: CellRef[];
  /** 'eq': Σleft = Σright; 'le': Σleft ≤ Σright */
  relation: 'eq' | 'le';
}

const t3 = (row: string, col: string): CellRef => ({ table: 't3', row, col });
const t4 = (col: string): CellRef => ({ table: 't4', row: 'cases', col });

/**
 * Which t3 layout a report uses. A 2021-format report whose （六） is one collapsed row (Huai'an Hongze
 * 2023/2024) is read with the 2019 row `other`; its leaves are then the 2019 leaves.
 */
export function t3Layout(report: Pick<Report, 'format' | 'cells'>): '2021' | '2019' {
  if (report.format === '2019') return '2019';
  let collapsed = false;
  for (const c of report.cells) {
    if (c.table !== 't3') continue;
    if (c.row.startsWith('other.')) return '2021';
    if (c.row === 'other') collapsed = true;
  }
  return collapsed ? '2019' : '2021';
}

export function t3RowIds(layout: '2021' | '2019'): string[] {
  return (layout === '2019' ? T3_2019 : T3_2021).rows.map((r) => r.id);
}

export const T3_COL_IDS = [...T3_PARTS, 'total'] as const;

export function t3RowTotalSpecs(layout: '2021' | '2019'): IdentitySpec[] {
  return t3RowIds(layout).map((row) => ({
    rule: 't3.rowTotal',
    severity: 'error',
    scope: row,
    left: [t3(row, 'total')],
    right: T3_PARTS.map((c) => t3(row, c)),
    relation: 'eq',
  }));
}

export function t3BalanceSpecs(): IdentitySpec[] {
  return T3_COL_IDS.map((col) => ({
    rule: 't3.balance',
    severity: 'error',
    scope: col,
    left: [t3('newReceived', col), t3('carriedOver', col)],
    right: [t3('totalProcessed', col), t3('carriedForward', col)],
    relation: 'eq',
  }));
}

export function t3OutcomeSumSpecs(layout: '2021' | '2019'): IdentitySpec[] {
  const leaves = t3Leaves(layout);
  return T3_COL_IDS.map((col) => ({
    rule: 't3.outcomeSum',
    severity: 'error',
    scope: col,
    left: [t3('totalProcessed', col)],
    right: leaves.map((r) => t3(r, col)),
    relation: 'eq',
  }));
}

export function t3ForwardBoundSpecs(): IdentitySpec[] {
  return T3_COL_IDS.map((col) => ({
    rule: 't3.forwardBound',
    severity: 'error',
    scope: col,
    left: [t3('carriedForward', col)],
    right: [t3('newReceived', col), t3('carriedOver', col)],
    relation: 'le',
  }));
}

export type T4Block = (typeof T4_BLOCKS)[number]['id'];
export const T4_RULE_OF_BLOCK: Record<T4Block, string> = {
  review: 't4.reviewSum',
  litDirect: 't4.litDirectSum',
  litAfterReview: 't4.litAfterReviewSum',
};

export function t4BlockSpec(block: T4Block): IdentitySpec {
  return {
    rule: T4_RULE_OF_BLOCK[block],
    severity: 'error',
    scope: block,
    left: [t4(`${block}.total`)],
    right: T4_OUTCOMES.filter((o) => o.id !== 'total').map((o) => t4(`${block}.${o.id}`)),
    relation: 'eq',
  };
}

/** Every linear identity of a report's t3 and t4 (the system the localizer solves). */
export function allSumSpecs(report: Pick<Report, 'format' | 'cells'>): IdentitySpec[] {
  const layout = t3Layout(report);
  return [
    ...t3RowTotalSpecs(layout),
    ...t3BalanceSpecs(),
    ...t3OutcomeSumSpecs(layout),
    ...T4_BLOCKS.map((b) => t4BlockSpec(b.id)),
  ];
}

export type CellLookup = (ref: CellRef) => Cell | undefined;

// checkReport builds the index once for all its rules (some twenty would each build it; on a cold page that is
// a noticeable share of the first check). Only while that check runs, and only for the cells array it indexed.
let scope: { cells: readonly Cell[]; lookup: CellLookup } | null = null;

/** Run `fn` with one shared cell index for `report` (lookupIn returns it for this report's cells). */
export function withSharedLookup<T>(report: Pick<Report, 'cells'>, fn: () => T): T {
  const outer = scope;
  const idx = cellIndex(report);
  scope = { cells: report.cells, lookup: (ref) => idx.get(cellKey(ref)) };
  try {
    return fn();
  } finally {
    scope = outer;
  }
}

export function lookupIn(report: Pick<Report, 'cells'>): CellLookup {
  if (scope && scope.cells === report.cells) return scope.lookup;
  const idx = cellIndex(report);
  return (ref) => idx.get(cellKey(ref));
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
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
export function evaluateIdentity(spec: IdentitySpec, lookup: CellLookup): FindingDraft {
  const all = [...spec.left, ...spec.right];
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
  // each operand looked up once (the judgement below reads every one several times)
  const found = new Map<CellRef, Cell | undefined>();
  for (const r of all) if (!found.has(r)) found.set(r, lookup(r));
  const cellOf = (r: CellRef) => found.get(r);
  const missing = all.filter((r) => cellOf(r) === undefined);
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
  const textCells = all.filter((r) => cellOf(r)!.kind === 'text');
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
  const val = (r: CellRef) => cellOf(r)!.value ?? 0;
  const isBlank = (r: CellRef) => cellOf(r)!.value === null;
  const left = tidy(sum(spec.left.map(val)));
  const right = tidy(sum(spec.right.map(val)));
  const difference = tidy(left - right);
  const blanksL = spec.left.filter(isBlank);
  const blanksR = spec.right.filter(isBlank);
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

export function evaluateAll(specs: IdentitySpec[], report: Pick<Report, 'cells'>): FindingDraft[] {
  const lookup = lookupIn(report);
  return specs.map((s) => evaluateIdentity(s, lookup));
}

/** Did the report read any cell of this table? Rules over an absent table say nothing (meta.tablesPresent does). */
export function hasTable(report: Pick<Report, 'cells'>, table: 't2' | 't3' | 't4'): boolean {
  return report.cells.some((c) => c.table === table);
}
