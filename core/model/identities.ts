// Which cells sum to which: every arithmetic identity of tables 三 and 四 as data (spec §7.2, §7.3), below both
// readers of it — the sum rules judge each identity on its own (rules/identity.ts), error localization solves them
// together (explain/localize.ts). Like R validate's rules-as-data that both checking and errorlocate read.
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
  // asked by several rules and the localizer in one check: worked out once
  if (scope && scope.cells === report.cells && scope.format === report.format) return (scope.layout ??= layoutOf(report));
  return layoutOf(report);
}

function layoutOf(report: Pick<Report, 'format' | 'cells'>): T3Layout {
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

// The identities are the same data for every report of a layout: each list is built once, and the rules and the
// localizer share its objects (so a report's resolved identities, below, serve both). Frozen: findings hold their
// operand lists, and a change through one would change every later check. By list (a rule id, 'all') and layout
// key, in nested maps: no key string is built per call.
const SPECS = new Map<string, Map<string, readonly IdentitySpec[]>>();

function specsOnce(list: string, layout: string, build: () => IdentitySpec[]): readonly IdentitySpec[] {
  let byLayout = SPECS.get(list);
  if (!byLayout) SPECS.set(list, (byLayout = new Map()));
  let specs = byLayout.get(layout);
  if (!specs) byLayout.set(layout, (specs = Object.freeze(build().map(frozenSpec))));
  return specs;
}

function frozenSpec(spec: IdentitySpec): IdentitySpec {
  for (const t of [...spec.left, ...spec.right]) {
    if (isGroupTerm(t)) {
      Object.freeze(t.row);
      for (const r of t.parts) Object.freeze(r);
      Object.freeze(t.parts);
    }
    Object.freeze(t);
  }
  Object.freeze(spec.left);
  Object.freeze(spec.right);
  return Object.freeze(spec);
}

const layoutKeys = new WeakMap<T3Layout, string>();

/** A layout as a string (format and collapsed groups), worked out once per layout object. */
function layoutKey(layout: T3Layout): string {
  let key = layoutKeys.get(layout);
  if (key === undefined) {
    key = `${layout.format}:${[...layout.collapsed].sort().join(',')}`;
    layoutKeys.set(layout, key);
  }
  return key;
}

export function t3RowTotalSpecs(layout: T3Layout): readonly IdentitySpec[] {
  return specsOnce('t3.rowTotal', layoutKey(layout), () =>
    t3RowIds(layout).map((row) => ({
      rule: 't3.rowTotal',
      severity: 'error',
      scope: row,
      left: [t3(row, 'total')],
      right: T3_PARTS.map((c) => t3(row, c)),
      relation: 'eq',
    })),
  );
}

export function t3BalanceSpecs(): readonly IdentitySpec[] {
  return specsOnce('t3.balance', '', () =>
    T3_COL_IDS.map((col) => ({
      rule: 't3.balance',
      severity: 'error',
      scope: col,
      left: [t3('newReceived', col), t3('carriedOver', col)],
      right: [t3('totalProcessed', col), t3('carriedForward', col)],
      relation: 'eq',
    })),
  );
}

/** A group of the format in one column: its collapsed row where the report prints one, else its sub-rows. */
function groupTerm(format: TemplateFormat, group: T3Group, col: string): GroupTerm {
  return { kind: 'group', group, row: t3(groupRowId(group), col), parts: t3GroupMembers(format, group).map((r) => t3(r, col)) };
}

/**
 * （七）总计 = Σ outcome leaves, per column; each group with sub-rows is one term (its collapsed row or its sub-rows),
 * so the sum stays checkable where a report prints a group as one row.
 */
export function t3OutcomeSumSpecs(layout: Pick<T3Layout, 'format'>): readonly IdentitySpec[] {
  // the terms depend on the format only (a collapsed group is resolved per report)
  return specsOnce('t3.outcomeSum', layout.format, () => outcomeSumSpecs(layout.format));
}

function outcomeSumSpecs(format: TemplateFormat): IdentitySpec[] {
  const terms = (col: string): Term[] => {
    const out: Term[] = [];
    for (const row of t3Leaves(format)) {
      const g = T3_GROUP_IDS.find((x) => t3GroupMembers(format, x).includes(row));
      if (!g) out.push(t3(row, col));
      else if (!out.some((t) => isGroupTerm(t) && t.group === g)) out.push(groupTerm(format, g, col));
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

export function t3ForwardBoundSpecs(): readonly IdentitySpec[] {
  return specsOnce('t3.forwardBound', '', () =>
    T3_COL_IDS.map((col) => ({
      rule: 't3.forwardBound',
      severity: 'error',
      scope: col,
      left: [t3('carriedForward', col)],
      right: [t3('newReceived', col), t3('carriedOver', col)],
      relation: 'le',
    })),
  );
}

export type T4Block = (typeof T4_BLOCKS)[number]['id'];
export const T4_RULE_OF_BLOCK: Record<T4Block, string> = {
  review: 't4.reviewSum',
  litDirect: 't4.litDirectSum',
  litAfterReview: 't4.litAfterReviewSum',
};

export function t4BlockSpec(block: T4Block): IdentitySpec {
  return specsOnce(T4_RULE_OF_BLOCK[block], '', () => [t4BlockSpecOf(block)])[0]!;
}

function t4BlockSpecOf(block: T4Block): IdentitySpec {
  return {
    rule: T4_RULE_OF_BLOCK[block],
    severity: 'error',
    scope: block,
    left: [t4(`${block}.total`)],
    right: T4_OUTCOMES.filter((o) => o.id !== 'total').map((o) => t4(`${block}.${o.id}`)),
    relation: 'eq',
  };
}

/**
 * Every linear equality of a report's t3 and t4 (the system the localizer solves; t3.forwardBound follows from them).
 * Built once per layout (format and collapsed groups): the same data for every report, not to be changed by callers.
 */
export function allSumSpecs(report: Pick<Report, 'format' | 'cells'>): readonly IdentitySpec[] {
  const layout = t3Layout(report);
  return specsOnce('all', layoutKey(layout), () => [
    ...t3RowTotalSpecs(layout),
    ...t3BalanceSpecs(),
    ...t3OutcomeSumSpecs(layout),
    ...T4_BLOCKS.map((b) => t4BlockSpec(b.id)),
  ]);
}

/**
 * A report's cells by table, row and column. Rules and the localizer look cells up thousands of times per check:
 * nested maps over the ids' own strings spare the `table:row:col` key string each lookup would build. As with
 * cellIndex, the last of two cells at one address wins.
 */
function cellLookup(cells: readonly Cell[]): CellLookup {
  const tables = new Map<string, Map<string, Map<string, Cell>>>();
  for (const c of cells) {
    let rows = tables.get(c.table);
    if (!rows) tables.set(c.table, (rows = new Map()));
    let cols = rows.get(c.row);
    if (!cols) rows.set(c.row, (cols = new Map()));
    cols.set(c.col, c);
  }
  return (ref) => tables.get(ref.table)?.get(ref.row)?.get(ref.col);
}

// checkReport builds the index once for all its rules (some twenty would each build it; on a cold page that is
// a noticeable share of the first check). Only while that check runs, and only for the cells array it indexed.
let scope: {
  cells: readonly Cell[];
  format: Report['format'] | undefined;
  lookup: CellLookup;
  layout?: T3Layout;
  /** each identity resolved once, for the sum rules and the localizer alike */
  identities: Map<IdentitySpec, IdentityCells>;
  /** what several rules read, by two keys (oncePerCheck) */
  shared: Map<object, Map<object, unknown>>;
} | null = null;

/** Run `fn` with one shared cell index for `report` (lookupIn returns it for this report's cells). */
export function withSharedLookup<T>(report: Pick<Report, 'cells'> & Partial<Pick<Report, 'format'>>, fn: () => T): T {
  const outer = scope;
  scope = { cells: report.cells, format: report.format, lookup: cellLookup(report.cells), identities: new Map(), shared: new Map() };
  try {
    return fn();
  } finally {
    scope = outer;
  }
}

/**
 * What `make` gives for (a, b), worked out once in a check of `report` and shared by the rules that ask (outside a
 * check, every time). The keys are objects the check does not change (a section, a claim pattern).
 */
export function oncePerCheck<T>(report: Pick<Report, 'cells'>, a: object, b: object, make: () => T): T {
  if (!scope || scope.cells !== report.cells) return make();
  let byB = scope.shared.get(a);
  if (!byB) scope.shared.set(a, (byB = new Map()));
  if (!byB.has(b)) byB.set(b, make());
  return byB.get(b) as T;
}

export function lookupIn(report: Pick<Report, 'cells'>): CellLookup {
  if (scope && scope.cells === report.cells) return scope.lookup;
  return cellLookup(report.cells);
}

/** An identity resolved in a report (its group terms to the rows printed), with its operands and their cells. */
export interface IdentityCells {
  spec: ResolvedIdentity;
  /** left then right operands */
  refs: CellRef[];
  /** the cell of each operand, undefined where none was read */
  cells: (Cell | undefined)[];
}

export function identityCells(identity: IdentitySpec, lookup: CellLookup): IdentityCells {
  const memo = scope && scope.lookup === lookup ? scope.identities : null;
  let found = memo?.get(identity);
  if (!found) {
    const spec = resolveIdentity(identity, lookup);
    const refs = [...spec.left, ...spec.right];
    found = { spec, refs, cells: refs.map(lookup) };
    memo?.set(identity, found);
  }
  return found;
}
