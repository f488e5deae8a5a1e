// Error localization (generalised Fellegi–Holt, as in R's errorlocate): the smallest set of printed cells whose
// change makes every linear identity of t3 (row totals, balance, outcome sums) and t4 (three block sums) hold,
// with the value each cell should have. Exact up to `maxChanges` cells per connected system.
import { cellKey } from '../model/ids';
import type { CellRef, Report, Suspect } from '../model/schema';
import { allSumSpecs, lookupIn, resolveIdentity, type ResolvedIdentity } from '../model/identities';
import type { FindingDraft } from '../rules/types';

export interface Localization {
  /** 't3', or the t4 block id ('review' …): each is an independent system of identities */
  system: string;
  /** consistent: nothing fails; unique / ambiguous: minimal explanations found; beyondLimit: more than maxChanges cells needed */
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
  values: number[];
  /** identities: member cell indices, coefficients (+1 left, −1 right), residual (Σ coef·value) */
  ids: { spec: ResolvedIdentity; cells: number[]; coefs: number[]; residual: number }[];
  /** identity indices per cell */
  byCell: number[][];
}

const tidy = (x: number) => Math.round(x * 1e6) / 1e6;

/** Build the systems from the identities whose operands are all printed numbers (others cannot constrain). */
function buildSystems(report: Pick<Report, 'format' | 'cells'>): Sys[] {
  const lookup = lookupIn(report);
  const systems = new Map<string, Sys>();
  const cellIdx = new Map<string, [Sys, number]>();
  for (const identity of allSumSpecs(report)) {
    const spec = resolveIdentity(identity, lookup);
    const refs = [...spec.left, ...spec.right];
    const cells = refs.map(lookup);
    if (cells.some((c) => c === undefined || c.kind !== 'number' || c.value === null)) continue;
    const name = spec.left[0]!.table === 't4' ? spec.scope : 't3';
    let sys = systems.get(name);
    if (!sys) {
      sys = { name, refs: [], values: [], ids: [], byCell: [] };
      systems.set(name, sys);
    }
    const idxs: number[] = [];
    const coefs: number[] = [];
    let residual = 0;
    refs.forEach((ref, i) => {
      const key = cellKey(ref);
      let entry = cellIdx.get(key);
      if (!entry) {
        entry = [sys, sys.refs.length];
        sys.refs.push(ref);
        sys.values.push(cells[i]!.value!);
        sys.byCell.push([]);
        cellIdx.set(key, entry);
      }
      const coef = i < spec.left.length ? 1 : -1;
      idxs.push(entry[1]);
      coefs.push(coef);
      residual += coef * cells[i]!.value!;
    });
    const id = sys.ids.length;
    sys.ids.push({ spec, cells: idxs, coefs, residual: tidy(residual) });
    for (const c of idxs) sys.byCell[c]!.push(id);
  }
  return [...systems.values()];
}

/** Deltas for a candidate set, or null if it cannot make every identity hold with integers ≥ 0 and all cells changed. */
function solve(sys: Sys, set: number[]): Map<number, number> | null {
  const d = new Map<number, number>();
  const pending = new Set<number>();
  for (const c of set) for (const id of sys.byCell[c]!) pending.add(id);
  const inSet = new Set(set);
  let progress = true;
  while (pending.size > 0 && progress) {
    progress = false;
    for (const id of pending) {
      const idn = sys.ids[id]!;
      let acc = idn.residual;
      let unknown = -1;
      let unknownCoef = 0;
      let nUnknown = 0;
      for (let i = 0; i < idn.cells.length; i++) {
        const c = idn.cells[i]!;
        if (!inSet.has(c)) continue;
        const known = d.get(c);
        if (known === undefined) {
          nUnknown++;
          unknown = c;
          unknownCoef = idn.coefs[i]!;
        } else acc += idn.coefs[i]! * known;
      }
      if (nUnknown === 0) {
        if (tidy(acc) !== 0) return null;
        pending.delete(id);
        progress = true;
      } else if (nUnknown === 1) {
        d.set(unknown, tidy(-acc / unknownCoef));
        pending.delete(id);
        progress = true;
      }
    }
  }
  // Two or more unknowns left in every open identity: a family of solutions, so a smaller set would do.
  if (pending.size > 0) return null;
  for (const c of set) {
    const delta = d.get(c);
    if (delta === undefined || delta === 0) return null;
    const v = tidy(sys.values[c]! + delta);
    if (v < 0 || !Number.isInteger(v)) return null;
  }
  return d;
}

/**
 * Order of listing among equally small explanations (never a verdict): one-keystroke slips first, then
 * explanations that change totals (a sum left un-updated is a common slip), then template order.
 */
function plausibility(sol: Suspect[]): number {
  const typos = sol.filter((s) => s.typo !== null).length;
  const totals = sol.filter((s) => s.col === 'total' || s.col.endsWith('.total') || s.row === 'totalProcessed').length;
  return typos * 100 + totals;
}

function localizeSystem(sys: Sys, maxChanges: number, maxAlternatives: number): Localization {
  const failing = sys.ids.map((x, i) => (x.residual !== 0 ? i : -1)).filter((i) => i >= 0);
  const failingNames = failing.map((i) => `${sys.ids[i]!.spec.rule}|${sys.ids[i]!.spec.scope}`);
  if (failing.length === 0) return { system: sys.name, status: 'consistent', solutions: [], failing: [] };
  const maxPerCell = Math.max(...sys.byCell.map((b) => b.length));
  const inFailing = new Set<number>();
  for (const i of failing) for (const c of sys.ids[i]!.cells) inFailing.add(c);

  for (let k = 1; k <= maxChanges; k++) {
    // A single cell sits in at most maxPerCell identities: too many failing identities for k cells.
    if (failing.length > k * maxPerCell) continue;
    const found: Map<number, number>[] = [];
    const foundSets: number[][] = [];
    const seen = new Set<string>();
    const rec = (chosen: number[]) => {
      if (found.length >= maxAlternatives) return;
      if (chosen.length === k) {
        // identities without a changed cell keep their residual: every failing one must be hit
        if (!failing.every((id) => sys.ids[id]!.cells.some((c) => chosen.includes(c)))) return;
        const sorted = [...chosen].sort((a, b) => a - b);
        const key = sorted.join(',');
        if (seen.has(key)) return;
        seen.add(key);
        const d = solve(sys, sorted);
        if (d) {
          found.push(d);
          foundSets.push(sorted);
        }
        return;
      }
      const chosenSet = new Set(chosen);
      const hit = (id: number) => sys.ids[id]!.cells.some((c) => chosenSet.has(c));
      const unhit = failing.filter((i) => !hit(i));
      if (unhit.length > (k - chosen.length) * maxPerCell) return;
      if (unhit.length > 0) {
        // Branch on the unhit failing identity with the fewest cells: some changed cell must lie in it.
        let best = unhit[0]!;
        for (const i of unhit) if (sys.ids[i]!.cells.length < sys.ids[best]!.cells.length) best = i;
        for (const c of sys.ids[best]!.cells) if (!chosenSet.has(c)) rec([...chosen, c]);
        return;
      }
      // Every failing identity is hit: a further cell must lie in a failing identity or share one with a chosen cell
      // (a cell touching only passing identities, alone, would break them).
      const extra = new Set<number>(inFailing);
      for (const c of chosen) for (const id of sys.byCell[c]!) for (const n of sys.ids[id]!.cells) extra.add(n);
      for (const c of extra) if (!chosenSet.has(c)) rec([...chosen, c]);
    };
    rec([]);
    if (found.length > 0) {
      const solutions = found.map((d, i) =>
        foundSets[i]!.map((c) => {
          const printed = sys.values[c]!;
          const suggested = tidy(printed + d.get(c)!);
          return { ...sys.refs[c]!, printed, suggested, typo: typoKind(printed, suggested) };
        }),
      );
      solutions.sort((a, b) => plausibility(b) - plausibility(a));
      return { system: sys.name, status: solutions.length === 1 ? 'unique' : 'ambiguous', solutions, failing: failingNames };
    }
  }
  return { system: sys.name, status: 'beyondLimit', solutions: [], failing: failingNames };
}

/** Localize the errors of every t3/t4 system of a report. */
export function localize(report: Pick<Report, 'format' | 'cells'>, opts: LocalizeOptions = {}): Localization[] {
  const maxChanges = opts.maxChanges ?? 3;
  const maxAlternatives = opts.maxAlternatives ?? 50;
  return buildSystems(report).map((s) => localizeSystem(s, maxChanges, maxAlternatives));
}

const SUM_RULES = new Set(['t3.rowTotal', 't3.balance', 't3.outcomeSum', 't3.forwardBound', 't4.reviewSum', 't4.litDirectSum', 't4.litAfterReviewSum']);

function systemOf(f: FindingDraft): string | null {
  if (!SUM_RULES.has(f.rule)) return null;
  return f.rule.startsWith('t3.') ? 't3' : (f.scope ?? null);
}

/** Attach suspects to the failing identity findings whose cells contain them (ambiguity and alternatives included). */
export function attachSuspects(findings: FindingDraft[], locs: Localization[]): FindingDraft[] {
  const bySystem = new Map(locs.map((l) => [l.system, l]));
  return findings.map((f) => {
    if (f.status !== 'fail') return f;
    const sysName = systemOf(f);
    const loc = sysName ? bySystem.get(sysName) : undefined;
    if (!loc || loc.status === 'consistent') return f;
    const inFinding = new Set(f.cells.map(cellKey));
    if (loc.status === 'beyondLimit') return { ...f, params: { ...f.params, localization: 'beyondLimit' } };
    if (loc.status === 'unique') {
      const suspects = loc.solutions[0]!.filter((s) => inFinding.has(cellKey(s)));
      if (suspects.length === 0) return { ...f, params: { ...f.params, localization: 'unique' } };
      return { ...f, suspects, ambiguous: false, params: { ...f.params, localization: 'unique' } };
    }
    const touching = loc.solutions.filter((sol) => sol.some((s) => inFinding.has(cellKey(s))));
    if (touching.length === 0) return f;
    // Only what every alternative agrees on is stated as a suspect.
    const common = loc.solutions[0]!.filter(
      (s) => inFinding.has(cellKey(s)) && loc.solutions.every((sol) => sol.some((t) => cellKey(t) === cellKey(s) && t.suggested === s.suggested)),
    );
    return { ...f, suspects: common, ambiguous: true, alternatives: loc.solutions, params: { ...f.params, localization: 'ambiguous' } };
  });
}
