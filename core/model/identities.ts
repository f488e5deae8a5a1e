// Which cells sum to which: every arithmetic identity of tables 三 and 四 as data (spec §7.2, §7.3), below both
// readers of it — the sum rules judge each identity on its own (rules/identity.ts), error localization solves them
// together (explain/localize.ts). Like R validate's rules-as-data that both checking and errorlocate read.
import { cellIndex, cellKey } from './ids';
import type { Cell, CellRef, Report, Severity } from './schema';
import {
  collapsedGroups,
  groupRowId,
  T3_GROUP_IDS,
  T3_PARTS,
  t3GroupMembers,
  t3Leaves,
  t3RowDefs,
  T4_BLOCKS,
  T4_OUTCOMES,
  type T3Group,
  type TemplateFormat,
} from './templates';

/**
 * A group of t3 rows in one column, counted once: the group's own row when the report prints the group as one
 * collapsed row (`row`, e.g. （六）其他处理 printed without its sub-rows), else the sum of its sub-rows (`parts`).
 */
export interface GroupTerm {
  kind: 'group';
  /** the group id (spec §4.2: denied, unable, notProcessed, other) */
  group: string;
  /** the collapsed row's cell */
  row: CellRef;
  /** the sub-rows' cells, in template order */
  parts: CellRef[];
}

/** One operand of an identity: a printed cell, or a group that is either one collapsed row or its sub-rows. */
export type Term = CellRef | GroupTerm;

export const isGroupTerm = (t: Term): t is GroupTerm => (t as GroupTerm).kind === 'group';

export interface IdentitySpec {
  rule: string;
  severity: Severity;
  /** the row, column or block the identity is about */
  scope: string;
  left: Term[];
  right: Term[];
  /** 'eq': Σleft = Σright; 'le': Σleft ≤ Σright */
  relation: 'eq' | 'le';
}

/** An identity with its group terms resolved to the cells this report has. */
export interface ResolvedIdentity extends IdentitySpec {
  left: CellRef[];
  right: CellRef[];
}

export type CellLookup = (ref: CellRef) => Cell | undefined;

/** The cells a term stands for in a report: a group's collapsed row if the report has it, else its sub-rows. */
export function termCells(term: Term, lookup: CellLookup): CellRef[] {
  if (!isGroupTerm(term)) return [term];
  return lookup(term.row) !== undefined ? [term.row] : term.parts;
}

export function resolveIdentity(spec: IdentitySpec, lookup: CellLookup): ResolvedIdentity {
  const plain = (ts: Term[]) => ts.every((t) => !isGroupTerm(t));
  if (plain(spec.left) && plain(spec.right)) return spec as ResolvedIdentity;
  return { ...spec, left: spec.left.flatMap((t) => termCells(t, lookup)), right: spec.right.flatMap((t) => termCells(t, lookup)) };
}

const t3 = (row: string, col: string): CellRef => ({ table: 't3', row, col });
const t4 = (col: string): CellRef => ({ table: 't4', row: 'cases', col });

/**
 * How a report prints table 三: the format's rows, with the groups printed collapsed as one row (spec §0: the
 * group total `grp.<group>`, its sub-rows absent).
 */
export interface T3Layout {
  format: TemplateFormat;
  collapsed: ReadonlySet<T3Group>;
}

/**
 * Which t3 layout a report uses. (A 2021-format report with cells in the 2019 row `other`, as readers before the
 * group rows wrote a collapsed （六）, is read with the 2019 rows.)
 */
export function t3Layout(report: Pick<Report, 'format' | 'cells'>): T3Layout {
  let format: TemplateFormat = report.format === '2019' ? '2019' : '2021';
  const rows = new Set<string>();
  for (const c of report.cells) if (c.table === 't3') rows.add(c.row);
  if (format === '2021' && rows.has('other') && ![...rows].some((r) => r.startsWith('other.'))) format = '2019';
  const collapsed = new Set([...collapsedGroups(rows)].filter((g) => t3GroupMembers(format, g).length > 0));
  return { format, collapsed };
}

/** The t3 rows of a layout: a collapsed group's row stands where its sub-rows would. */
export function t3RowIds(layout: T3Layout): string[] {
  return t3RowDefs(layout.format, layout.collapsed).map((r) => r.id);
}

export const T3_COL_IDS = [...T3_PARTS, 'total'] as const;

export function t3RowTotalSpecs(layout: T3Layout): IdentitySpec[] {
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

/** A group of the format in one column: its collapsed row where the report prints one, else its sub-rows. */
function groupTerm(format: TemplateFormat, group: T3Group, col: string): GroupTerm {
  return { kind: 'group', group, row: t3(groupRowId(group), col), parts: t3GroupMembers(format, group).map((r) => t3(r, col)) };
}

/**
 * （七）总计 = Σ outcome leaves, per column; each group with sub-rows is one term (its collapsed row or its sub-rows),
 * so the sum stays checkable where a report prints a group as one row.
 */
export function t3OutcomeSumSpecs(layout: Pick<T3Layout, 'format'>): IdentitySpec[] {
  const terms = (col: string): Term[] => {
    const out: Term[] = [];
    for (const row of t3Leaves(layout.format)) {
      const g = T3_GROUP_IDS.find((x) => t3GroupMembers(layout.format, x).includes(row));
      if (!g) out.push(t3(row, col));
      else if (!out.some((t) => isGroupTerm(t) && t.group === g)) out.push(groupTerm(layout.format, g, col));
    }
    return out;
  };
  return T3_COL_IDS.map((col) => ({
    rule: 't3.outcomeSum',
    severity: 'error',
    scope: col,
    left: [t3('totalProcessed', col)],
    right: terms(col),
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

const SUM_SPECS = new Map<string, readonly IdentitySpec[]>();

/**
 * Every linear equality of a report's t3 and t4 (the system the localizer solves; t3.forwardBound follows from them).
 * Built once per layout (format and collapsed groups): the same data for every report, not to be changed by callers.
 */
export function allSumSpecs(report: Pick<Report, 'format' | 'cells'>): readonly IdentitySpec[] {
  const layout = t3Layout(report);
  const key = `${layout.format}:${[...layout.collapsed].sort().join(',')}`;
  let specs = SUM_SPECS.get(key);
  if (!specs) {
    specs = [...t3RowTotalSpecs(layout), ...t3BalanceSpecs(), ...t3OutcomeSumSpecs(layout), ...T4_BLOCKS.map((b) => t4BlockSpec(b.id))];
    SUM_SPECS.set(key, specs);
  }
  return specs;
}

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
