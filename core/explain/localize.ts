// Error localization (generalised Fellegi–Holt, as in R's errorlocate): the smallest set of printed cells whose
// change makes every linear identity of t3 (row totals, balance, outcome sums) and t4 (three block sums) hold,
// with the value each cell should have. Exact up to `maxChanges` cells per connected system.
import { cellKey } from '../model/ids';
import type { Cell, CellRef, Report, Suspect } from '../model/schema';
import { allSumSpecs, identityCells, lookupIn, type ResolvedIdentity } from '../model/identities';
import { simplex } from './lp';
import type { FindingDraft } from '../rules/types';

export interface Localization {
  /** 't3', or the t4 block id ('review' …): each is an independent system of identities */
  system: string;
  /** consistent: nothing fails; unique / ambiguous: minimal explanations found; beyondLimit: more than maxChanges cells needed, or the search ran out of tests */
  status: 'consistent' | 'unique' | 'ambiguous' | 'beyondLimit';
  /** every minimal explanation (one when unique), each a set of cells with suggested values */
  solutions: Suspect[][];
  /** `rule|scope` of the identities that fail (all operands numeric) */
  failing: string[];
}

export interface LocalizeOptions {
  /** largest explanation searched (default 3) */
  maxChanges?: number;
  /** stop listing alternatives after this many (default 50) */
  maxAlternatives?: number;
  /** LP tests one system with blanks may run before it gives up as beyondLimit (default 600): keeps a page with many blanks bounded (a table without blanks is enumerated without LP) */
  maxTests?: number;
}

type Typo = NonNullable<Suspect['typo']>;

/** Is `printed` one keystroke away from `suggested`? Named from the typist's side: 'drop' = a digit left out. */
export function typoKind(printed: number, suggested: number): Typo | null {
  if (printed === suggested || printed < 0 || suggested < 0) return null;
  if (!Number.isInteger(printed) || !Number.isInteger(suggested)) return null;
  const p = String(printed);
  const s = String(suggested);
  if (p.length === s.length) {
    const diff: number[] = [];
    for (let i = 0; i < p.length; i++) if (p[i] !== s[i]) diff.push(i);
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && p[diff[0]!] === s[diff[1]!] && p[diff[1]!] === s[diff[0]!]) return 'swap';
    // One wrong digit in a one-digit number is no evidence of a slip: every small difference would qualify.
    if (diff.length === 1 && p.length >= 2) return 'mistype';
    return null;
  }
  if (p.length === s.length - 1) {
    for (let i = 0; i < s.length; i++) if (s.slice(0, i) + s.slice(i + 1) === p) return 'drop';
    return null;
  }
  if (p.length === s.length + 1) {
    for (let i = 0; i < p.length; i++) {
      if (p.slice(0, i) + p.slice(i + 1) === s) {
        if (p[i] === p[i - 1] || p[i] === p[i + 1]) return 'double';
        return 'insert';
      }
    }
  }
  return null;
}

interface Sys {
  name: string;
  refs: CellRef[];
  /** printed values; null for a blank or placeholder, an unknown ≥ 0 (spec §7.8) */
  values: (number | null)[];
  /** identities: member cell indices, coefficients (+1 left, −1 right), residual (Σ coef·value, blanks as 0) */
  ids: { spec: ResolvedIdentity; cells: number[]; coefs: number[]; residual: number }[];
  /** identity indices per cell */
  byCell: number[][];
}

// + 0: no -0 in suggestions
const tidy = (x: number) => Math.round(x * 1e6) / 1e6 + 0;

/** Build the systems from the identities whose operands are all numbers or blanks (text or unread cells cannot constrain). */
function buildSystems(report: Pick<Report, 'format' | 'cells'>): Sys[] {
  const lookup = lookupIn(report);
  const systems = new Map<string, Sys>();
  // a cell's index in its system, by the cell itself: one object per printed address, as looked up
  const cellIdx = new Map<Cell, number>();
  for (const identity of allSumSpecs(report)) {
    // the identities the sum rules judged in this check, already resolved and looked up
    const { spec, refs, cells } = identityCells(identity, lookup);
    if (cells.some((c) => c === undefined || c.kind === 'text')) continue;
    const name = spec.left[0]!.table === 't4' ? spec.scope : 't3';
    let sys = systems.get(name);
    if (!sys) {
      sys = { name, refs: [], values: [], ids: [], byCell: [] };
      systems.set(name, sys);
    }
    const idxs: number[] = [];
    const coefs: number[] = [];
    let residual = 0;
    for (let i = 0; i < refs.length; i++) {
      const cell = cells[i]!;
      let idx = cellIdx.get(cell);
      if (idx === undefined) {
        idx = sys.refs.length;
        sys.refs.push(refs[i]!);
        sys.values.push(cell.value);
        sys.byCell.push([]);
        cellIdx.set(cell, idx);
      }
      const coef = i < spec.left.length ? 1 : -1;
      idxs.push(idx);
      coefs.push(coef);
      residual += coef * (cell.value ?? 0);
    }
    const id = sys.ids.length;
    sys.ids.push({ spec, cells: idxs, coefs, residual: tidy(residual) });
    for (const c of idxs) sys.byCell[c]!.push(id);
  }
  return [...systems.values()];
}

/**
 * Can no filling of the identity's own blanks (each ≥ 0) make it hold? Raising a blank raises its side. Such an
 * identity fails on its own, whatever the rest of the table says.
 */
function failsAlone(sys: Sys, id: number): boolean {
  const { cells, coefs, residual, spec } = sys.ids[id]!;
  if (residual === 0 || (spec.relation === 'le' && residual < 0)) return false;
  // residual > 0: a blank on the right (coef −1) can lower it; residual < 0: a blank on the left can raise it
  return !cells.some((c, i) => sys.values[c] === null && (residual > 0 ? coefs[i]! < 0 : coefs[i]! > 0));
}

/**
 * The linear program of a candidate set `free` of printed cells: unknowns are the blanks, the cells of `free`
 * (both ≥ 0) and one slack per ≤ identity; every identity must hold. Identities without an unknown are left out
 * (they hold or not as printed): `violated` is one that does not.
 */
function lpOf(sys: Sys, free: readonly number[]) {
  const cols: number[] = [];
  const colOf = new Map<number, number>();
  sys.values.forEach((v, c) => {
    if (v === null || free.includes(c)) {
      colOf.set(c, cols.length);
      cols.push(c);
    }
  });
  const slacks = sys.ids.filter((x) => x.spec.relation === 'le').length;
  const width = cols.length + slacks;
  let slack = cols.length;
  const A: number[][] = [];
  const b: number[] = [];
  /** the identity of each row of A */
  const rows: number[] = [];
  let violated = -1;
  sys.ids.forEach(({ cells, coefs, spec }, id) => {
    const row = new Array<number>(width).fill(0);
    let rhs = 0;
    let unknowns = 0;
    cells.forEach((c, i) => {
      const col = colOf.get(c);
      if (col === undefined) rhs -= coefs[i]! * sys.values[c]!;
      else {
        row[col]! += coefs[i]!;
        unknowns++;
      }
    });
    if (spec.relation === 'le') {
      row[slack++] = 1;
      unknowns++;
    }
    if (unknowns > 0) {
      A.push(row);
      b.push(rhs);
      rows.push(id);
    } else if (tidy(rhs) !== 0 && violated < 0) violated = id;
  });
  return { A, b, rows, cols, width, violated };
}

/** The printed cells one of which must change, read from a certificate y (per identity) that the table cannot hold with `free` changed. */
function conflictOf(sys: Sys, free: readonly number[], y: number[]): number[] {
  const weight = new Map<number, number>();
  sys.ids.forEach(({ cells, coefs }, i) => {
    if (Math.abs(y[i]!) < 1e-9) return;
    cells.forEach((c, j) => {
      if (sys.values[c] === null || free.includes(c)) return;
      weight.set(c, (weight.get(c) ?? 0) + y[i]! * coefs[j]!);
    });
  });
  // freeing a cell of weight 0 (or of negative weight holding 0) leaves the certificate standing
  return [...weight].filter(([c, w]) => w > 1e-7 || (w < -1e-7 && sys.values[c] !== 0)).map(([c]) => c);
}

type Test = { ok: true } | { ok: false; conflict: number[] };

/** Does some filling of the blanks and some values of `free` (all ≥ 0) make every identity hold? */
function test(sys: Sys, free: readonly number[]): Test {
  const { A, b, rows, violated } = lpOf(sys, free);
  // an identity with nothing left to fill that does not hold is its own certificate
  if (violated >= 0) return { ok: false, conflict: sys.ids[violated]!.cells.filter((c) => sys.values[c] !== null && !free.includes(c)) };
  const r = simplex(A, b);
  if (r.status === 'optimal') return { ok: true };
  if (r.status === 'unbounded') return { ok: false, conflict: [] };
  const y = new Array<number>(sys.ids.length).fill(0);
  rows.forEach((id, i) => (y[id] = r.y[i]!));
  return { ok: false, conflict: conflictOf(sys, free, y) };
}

/**
 * The values the cells of a minimal explanation `set` should hold. Each is determined or lies in an interval on
 * one side of the printed value (were the printed value inside, a smaller explanation would exist); then the
 * values nearest the printed ones are taken, with the interval as `bounds`. Null if they are not integers.
 */
function valuesOf(sys: Sys, set: number[]): Map<number, Pick<Suspect, 'suggested' | 'bounds'>> | null {
  const { A, b, cols, width, violated } = lpOf(sys, set);
  if (violated >= 0) return null;
  const objective = new Array<number>(width).fill(0);
  const bounds = new Map<number, NonNullable<Suspect['bounds']>>();
  for (const c of set) {
    const col = cols.indexOf(c);
    const lo = simplex(A, b, unit(width, col, 1));
    const hi = simplex(A, b, unit(width, col, -1));
    if (lo.status !== 'optimal' || hi.status === 'infeasible') return null;
    const min = tidy(lo.value);
    const max = hi.status === 'optimal' ? tidy(-hi.value) : null;
    if (max !== min) bounds.set(c, { min, max });
    // printed below the interval: the smallest value is nearest; above it: the largest
    objective[col] = sys.values[c]! < min ? 1 : -1;
  }
  const best = simplex(A, b, objective);
  if (best.status !== 'optimal') return null;
  const out = new Map<number, Pick<Suspect, 'suggested' | 'bounds'>>();
  for (const c of set) {
    const v = tidy(best.u[cols.indexOf(c)]!);
    if (v < 0 || !Number.isInteger(v) || v === sys.values[c]) return null;
    const range = bounds.get(c);
    out.set(c, range ? { suggested: v, bounds: range } : { suggested: v });
  }
  return out;
}

const unit = (n: number, i: number, v: number) => {
  const e = new Array<number>(n).fill(0);
  e[i] = v;
  return e;
};

/**
 * Order of listing among equally small explanations (never a verdict): one-keystroke slips first, then
 * explanations that change totals (a sum left un-updated is a common slip), then template order.
 */
function plausibility(sol: Suspect[]): number {
  const typos = sol.filter((s) => s.typo !== null).length;
  const totals = sol.filter((s) => s.col === 'total' || s.col.endsWith('.total') || s.row === 'totalProcessed').length;
  return typos * 100 + totals;
}

/**
 * Does the table hold with its blanks filled (each ≥ 0)? The usual case first, without the LP: an identity whose
 * unknowns all sit on one side and that already balances sets them to 0, one with a single unknown sets it; what
 * is left, if anything, goes to the LP. False means "not shown to hold" (test() then finds the certificate).
 */
function fillable(sys: Sys): boolean {
  const { A, b, width, violated } = sparseLpOf(sys);
  if (violated >= 0) return false;
  const fixed = new Map<number, number>();
  let open = A.map((_, i) => i);
  for (let changed = true; changed; ) {
    changed = false;
    const next: number[] = [];
    for (const i of open) {
      let rhs = b[i]!;
      // the unknowns left: how many, the first one and its coefficient, and whether their signs differ
      let unknowns = 0;
      let first: [number, number] | undefined;
      let mixed = false;
      for (const term of A[i]!) {
        const v = fixed.get(term[0]);
        if (v !== undefined) rhs -= term[1] * v;
        else if (unknowns++ === 0) first = term;
        else if (Math.sign(term[1]) !== Math.sign(first![1])) mixed = true;
      }
      rhs = tidy(rhs);
      if (unknowns === 0) {
        if (rhs !== 0) return false;
      } else if (unknowns === 1) {
        const v = tidy(rhs / first![1]);
        if (v < 0 || !Number.isInteger(v)) return false;
        fixed.set(first![0], v);
        changed = true;
      } else if (!mixed && rhs * Math.sign(first![1]) < 0) return false;
      else if (!mixed && rhs === 0) {
        for (const [j] of A[i]!) if (!fixed.has(j)) fixed.set(j, 0);
        changed = true;
      } else next.push(i);
    }
    open = next;
  }
  const rest = (i: number) => tidy(A[i]!.reduce((acc, [j, a]) => acc - a * (fixed.get(j) ?? 0), b[i]!));
  // nothing left to balance: every open unknown at 0 will do
  if (open.every((i) => rest(i) === 0)) return true;
  const dense = (i: number) => {
    const row = new Array<number>(width).fill(0);
    for (const [j, a] of A[i]!) if (!fixed.has(j)) row[j] = a;
    return row;
  };
  return simplex(open.map(dense), open.map(rest)).status === 'optimal';
}

/**
 * lpOf(sys, []) with each row as its nonzero [column, coefficient] pairs in column order: a table with a blank
 * column has a hundred unknowns and each identity only a few, and fillable() walks the rows until nothing changes.
 */
function sparseLpOf(sys: Sys) {
  const colOf = new Map<number, number>();
  sys.values.forEach((v, c) => {
    if (v === null) colOf.set(c, colOf.size);
  });
  let slack = colOf.size;
  const A: [number, number][][] = [];
  const b: number[] = [];
  let violated = -1;
  sys.ids.forEach(({ cells, coefs, spec }, id) => {
    const row: [number, number][] = [];
    let rhs = 0;
    cells.forEach((c, i) => {
      const col = colOf.get(c);
      if (col === undefined) rhs -= coefs[i]! * sys.values[c]!;
      else row.push([col, coefs[i]!]);
    });
    if (spec.relation === 'le') row.push([slack++, 1]);
    if (row.length > 0) {
      // a cell on both sides is one column: its coefficients added, dropped where they cancel
      row.sort((x, y) => x[0] - y[0]);
      const merged: [number, number][] = [];
      for (const [col, a] of row) {
        const last = merged[merged.length - 1];
        if (last && last[0] === col) last[1] += a;
        else merged.push([col, a]);
      }
      A.push(merged.filter(([, a]) => a !== 0));
      b.push(rhs);
    } else if (tidy(rhs) !== 0 && violated < 0) violated = id;
  });
  return { A, b, width: slack, violated };
}

/**
 * In a table without blanks, the change of the cells of `set` that makes every identity hold, by elimination over
 * the identities the set touches (the caller has hit every failing one; the others hold as printed). Null when no
 * change of these cells, all ≥ 0, can; 'open' when the set leaves a direction free (the LP then decides, as for
 * tables with blanks). Exact, and far cheaper than an LP test (no tableau, no conflict to scan).
 */
function changeOf(sys: Sys, set: readonly number[]): Map<number, number> | 'open' | null {
  const n = set.length;
  const touched = new Set<number>();
  for (const c of set) for (const id of sys.byCell[c]!) touched.add(id);
  // rows [coefficients of the set's cells…, −residual]: Σ coef·δ = −residual
  const rows: number[][] = [];
  for (const id of touched) {
    const { cells, coefs, residual } = sys.ids[id]!;
    const row = new Array<number>(n + 1).fill(0);
    cells.forEach((c, i) => {
      const j = set.indexOf(c);
      if (j >= 0) row[j]! += coefs[i]!;
    });
    row[n] = -residual;
    rows.push(row);
  }
  const pivots: [number, number][] = [];
  let r = 0;
  for (let j = 0; j < n; j++) {
    let p = r;
    while (p < rows.length && Math.abs(rows[p]![j]!) < 1e-9) p++;
    if (p === rows.length) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pr = rows[r]!;
    for (let i = 0; i < rows.length; i++) {
      const f = i === r ? 0 : rows[i]![j]! / pr[j]!;
      if (f !== 0) rows[i] = rows[i]!.map((v, x) => v - f * pr[x]!);
    }
    pivots.push([r++, j]);
  }
  for (let i = r; i < rows.length; i++) if (tidy(rows[i]![n]!) !== 0) return null;
  if (pivots.length < n) return 'open';
  const change = new Map<number, number>();
  for (const [i, j] of pivots) {
    const delta = tidy(rows[i]![n]! / rows[i]![j]!);
    if (sys.values[set[j]!]! + delta < 0) return null;
    change.set(set[j]!, delta);
  }
  return change;
}

/** A set of cells that can make the table hold; `change` is its one change where elimination found it, else valuesOf asks the LP. */
type Found = { set: number[]; change: Map<number, number> | null };

/**
 * All explanations of exactly k cells of a table without blanks, by enumeration (as before blanks were read as
 * unknowns): no LP and no test budget, since every candidate costs one small elimination and the candidates are few:
 * some cell must lie in each failing identity, and every further cell in a failing identity or in one with a chosen
 * cell (a cell whose identities all hold and contain no other changed cell would break them). Smaller sets were
 * searched at their own level.
 */
function denseLevel(sys: Sys, k: number, failing: number[], maxAlternatives: number): Found[] {
  const maxPerCell = Math.max(...sys.byCell.map((b) => b.length));
  // one cell sits in at most maxPerCell identities: too many failing identities for k cells
  if (failing.length > k * maxPerCell) return [];
  const inFailing = new Set<number>();
  for (const i of failing) for (const c of sys.ids[i]!.cells) inFailing.add(c);
  const found: Found[] = [];
  const seen = new Set<string>();
  const rec = (chosen: number[]) => {
    if (found.length >= maxAlternatives) return;
    const chosenSet = new Set(chosen);
    const unhit = failing.filter((i) => !sys.ids[i]!.cells.some((c) => chosenSet.has(c)));
    if (chosen.length === k) {
      if (unhit.length > 0) return;
      const set = [...chosen].sort((a, b) => a - b);
      const key = set.join(',');
      if (seen.has(key)) return;
      seen.add(key);
      const change = changeOf(sys, set);
      if (change === 'open') {
        if (test(sys, set).ok) found.push({ set, change: null });
      } else if (change) found.push({ set, change });
      return;
    }
    if (unhit.length > (k - chosen.length) * maxPerCell) return;
    if (unhit.length > 0) {
      // branch on the unhit failing identity with the fewest cells: some changed cell lies in it
      let best = unhit[0]!;
      for (const i of unhit) if (sys.ids[i]!.cells.length < sys.ids[best]!.cells.length) best = i;
      for (const c of sys.ids[best]!.cells) if (!chosenSet.has(c)) rec([...chosen, c]);
      return;
    }
    const extra = new Set<number>(inFailing);
    for (const c of chosen) for (const id of sys.byCell[c]!) for (const x of sys.ids[id]!.cells) extra.add(x);
    for (const c of extra) if (!chosenSet.has(c)) rec([...chosen, c]);
  };
  rec([]);
  return found;
}

/** Conflicts: sets of printed cells of which at least one must change, each kept once. */
class Conflicts {
  readonly list: number[][] = [];
  private readonly known = new Set<string>();
  learn(cf: number[]): void {
    const key = [...cf].sort((a, b) => a - b).join(',');
    if (!this.known.has(key)) {
      this.known.add(key);
      this.list.push(cf);
    }
  }
}

/**
 * All explanations of exactly k cells of a table with blanks, or null when the tests ran out first. Implicit
 * hitting sets (as in Fellegi–Holt with implied edits): choose cells until every known conflict is hit, then ask
 * the LP; a failed test yields a conflict the chosen cells do not hit, and the search goes on.
 */
function lpLevel(sys: Sys, k: number, conflicts: Conflicts, tested: Set<string>, budget: { left: number }, maxAlternatives: number): Found[] | null {
  const found: Found[] = [];
  const rec = (chosen: number[]) => {
    if (found.length >= maxAlternatives || budget.left <= 0) return;
    let best: number[] | null = null;
    for (const cf of conflicts.list) if (!cf.some((c) => chosen.includes(c)) && (!best || cf.length < best.length)) best = cf;
    if (best) {
      if (chosen.length < k) for (const c of best) rec([...chosen, c]);
      return;
    }
    const set = [...chosen].sort((a, b) => a - b);
    const key = set.join(',');
    if (tested.has(key)) return;
    tested.add(key);
    budget.left--;
    const t = test(sys, set);
    // feasible with fewer than k cells cannot happen: every smaller set was tested at its own level
    if (t.ok) {
      if (set.length === k) found.push({ set, change: null });
      return;
    }
    conflicts.learn(t.conflict);
    if (set.length < k) rec(chosen);
  };
  rec([]);
  // out of tests before this level was searched through: what was found need not be all, so nothing is claimed
  return budget.left > 0 ? found : null;
}

function localizeSystem(sys: Sys, maxChanges: number, maxAlternatives: number, maxTests: number): Localization {
  const failing = sys.ids.map((_, i) => i).filter((i) => failsAlone(sys, i));
  const failingNames = failing.map((i) => `${sys.ids[i]!.spec.rule}|${sys.ids[i]!.spec.scope}`);
  const consistent: Localization = { system: sys.name, status: 'consistent', solutions: [], failing: [] };
  const beyondLimit: Localization = { system: sys.name, status: 'beyondLimit', solutions: [], failing: failingNames };
  // Without unknowns (no blanks, no ≤ identity) each identity holds or fails as printed and a set's change is
  // determined by elimination: enumerated exactly. With them, the LP tests sets and its certificates guide the search.
  const dense = !sys.values.includes(null) && sys.ids.every((x) => x.spec.relation === 'eq');
  const printedIn = (id: number) => sys.ids[id]!.cells.filter((c) => sys.values[c] !== null);
  const conflicts = new Conflicts();
  failing.map(printedIn).forEach((cf) => conflicts.learn(cf));
  if (failing.length === 0) {
    // every cell printed: each identity holds by itself, so all do; with blanks, they must hold together
    if (dense || fillable(sys)) return consistent;
    const t = test(sys, []);
    if (t.ok) return consistent;
    conflicts.learn(t.conflict);
  }
  const budget = { left: maxTests };
  const tested = new Set<string>();
  for (let k = 1; k <= maxChanges; k++) {
    const found = dense ? denseLevel(sys, k, failing, maxAlternatives) : lpLevel(sys, k, conflicts, tested, budget, maxAlternatives);
    if (!found) return beyondLimit;
    const solutions: Suspect[][] = [];
    for (const { set, change } of found) {
      const values = change ? suggestionsOf(sys, change) : valuesOf(sys, set);
      if (!values) continue;
      solutions.push(
        set.map((c) => {
          const printed = sys.values[c]!;
          const { suggested, bounds } = values.get(c)!;
          return { ...sys.refs[c]!, printed, suggested, typo: typoKind(printed, suggested), ...(bounds ? { bounds } : {}) };
        }),
      );
    }
    if (solutions.length > 0) {
      solutions.sort((a, b) => plausibility(b) - plausibility(a));
      return { system: sys.name, status: solutions.length === 1 ? 'unique' : 'ambiguous', solutions, failing: failingNames };
    }
  }
  return beyondLimit;
}

/** The suggested values of a determined change, or null where one is unchanged or not an integer (as valuesOf). */
function suggestionsOf(sys: Sys, change: Map<number, number>): Map<number, Pick<Suspect, 'suggested' | 'bounds'>> | null {
  const out = new Map<number, Pick<Suspect, 'suggested' | 'bounds'>>();
  for (const [c, delta] of change) {
    const v = tidy(sys.values[c]! + delta);
    if (delta === 0 || !Number.isInteger(v)) return null;
    out.set(c, { suggested: v });
  }
  return out;
}

/** Localize the errors of every t3/t4 system of a report. */
export function localize(report: Pick<Report, 'format' | 'cells'>, opts: LocalizeOptions = {}): Localization[] {
  const maxChanges = opts.maxChanges ?? 3;
  const maxAlternatives = opts.maxAlternatives ?? 50;
  return buildSystems(report).map((s) => localizeSystem(s, maxChanges, maxAlternatives, opts.maxTests ?? 600));
}

const SUM_RULES = new Set(['t3.rowTotal', 't3.balance', 't3.outcomeSum', 't3.forwardBound', 't4.reviewSum', 't4.litDirectSum', 't4.litAfterReviewSum']);

function systemOf(f: FindingDraft): string | null {
  if (!SUM_RULES.has(f.rule)) return null;
  return f.rule.startsWith('t3.') ? 't3' : (f.scope ?? null);
}

/**
 * Attach suspects to the failing identity findings whose cells contain them (ambiguity and alternatives included).
 * Where no identity fails on its own and the table still cannot hold once its blanks are filled (the blanks two
 * identities share cannot take both values), the findings that need review and contain a suspect carry it.
 */
export function attachSuspects(findings: FindingDraft[], locs: Localization[]): FindingDraft[] {
  const bySystem = new Map(locs.map((l) => [l.system, l]));
  return findings.map((f) => {
    if (f.status !== 'fail' && f.status !== 'needsReview') return f;
    const sysName = systemOf(f);
    const loc = sysName ? bySystem.get(sysName) : undefined;
    if (!loc || loc.status === 'consistent') return f;
    const jointly = f.status === 'needsReview';
    if (jointly && loc.failing.length > 0) return f;
    const inFinding = new Set(f.cells.map(cellKey));
    const touches = (sol: Suspect[]) => sol.some((s) => inFinding.has(cellKey(s)));
    if (jointly && !loc.solutions.some(touches)) return f;
    if (loc.status === 'beyondLimit') return { ...f, params: { ...f.params, localization: 'beyondLimit' } };
    if (loc.status === 'unique') {
      const suspects = loc.solutions[0]!.filter((s) => inFinding.has(cellKey(s)));
      if (suspects.length === 0) return { ...f, params: { ...f.params, localization: 'unique' } };
      return { ...f, suspects, ambiguous: false, params: { ...f.params, localization: 'unique' } };
    }
    if (!loc.solutions.some(touches)) return f;
    // Only what every alternative agrees on is stated as a suspect.
    const common = loc.solutions[0]!.filter(
      (s) => inFinding.has(cellKey(s)) && loc.solutions.every((sol) => sol.some((t) => cellKey(t) === cellKey(s) && t.suggested === s.suggested)),
    );
    return { ...f, suspects: common, ambiguous: true, alternatives: loc.solutions, params: { ...f.params, localization: 'ambiguous' } };
  });
}
