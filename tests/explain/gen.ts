// Random consistent t3/t4 tables for the property tests, and a brute-force oracle independent of the localizer.
import fc from 'fast-check';
import { cellKey } from '../../core/model/ids';
import type { CellRef, Report } from '../../core/model/schema';
import { allSumSpecs, lookupIn, resolveIdentity } from '../../core/model/identities';
import { buildReport, T3_COLS, T3_ROWS_2021, T4_COLS } from '../rules/fixtures';

const small = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 41, max: 900 }) });

/** A consistent 2021 t3 (25 × 7) and t4 (15), as numbers in template order. */
export const consistentTables = fc
  .record({
    leaves: fc.array(fc.array(small, { minLength: 6, maxLength: 6 }), { minLength: 21, maxLength: 21 }),
    carried: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 6, maxLength: 6 }),
    forward: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 6, maxLength: 6 }),
    t4: fc.array(fc.array(small, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ leaves, carried, forward, t4 }) => {
    const withTotal = (r: number[]) => [...r, r.reduce((a, b) => a + b, 0)];
    const processed = [0, 1, 2, 3, 4, 5].map((c) => leaves.reduce((a, r) => a + r[c]!, 0));
    // carried over cannot exceed what was processed or carried forward (new received ≥ 0)
    const carriedOk = carried.map((v, c) => Math.min(v, processed[c]! + forward[c]!));
    const received = processed.map((p, c) => p + forward[c]! - carriedOk[c]!);
    const t3 = [withTotal(received), withTotal(carriedOk), ...leaves.map(withTotal), withTotal(processed), withTotal(forward)];
    const t4flat = t4.flatMap((b) => withTotal(b));
    return { t3, t4: t4flat };
  });

export function tablesReport(t: { t3: number[][]; t4: number[] }): Report {
  return buildReport({ t3: t.t3, t4: t.t4, t2: null, sections: [] });
}

export interface CellPos {
  table: 't3' | 't4';
  row: number;
  col: number;
}

export function refOf(p: CellPos): CellRef {
  return p.table === 't3' ? { table: 't3', row: T3_ROWS_2021[p.row]!, col: T3_COLS[p.col]! } : { table: 't4', row: 'cases', col: T4_COLS[p.col]! };
}

export const t3Pos = fc.record({ table: fc.constant('t3' as const), row: fc.integer({ min: 0, max: 24 }), col: fc.integer({ min: 0, max: 6 }) });
export const t4Pos = fc.record({ table: fc.constant('t4' as const), row: fc.constant(0), col: fc.integer({ min: 0, max: 14 }) });

export function valueAt(t: { t3: number[][]; t4: number[] }, p: CellPos): number {
  return p.table === 't3' ? t.t3[p.row]![p.col]! : t.t4[p.col]!;
}

export function withValue(t: { t3: number[][]; t4: number[] }, p: CellPos, v: number): { t3: number[][]; t4: number[] } {
  const t3 = t.t3.map((r) => [...r]);
  const t4 = [...t.t4];
  if (p.table === 't3') t3[p.row]![p.col] = v;
  else t4[p.col] = v;
  return { t3, t4 };
}

/**
 * Brute force, sharing nothing with the localizer but the identity list: every set of `size` cells of one table
 * for which some integer values ≥ 0 make every identity hold. Solved by plain Gaussian elimination per set.
 */
export function oracle(report: Report, table: 't3' | 't4', size: 1 | 2): string[][] {
  const values = new Map(report.cells.map((c) => [cellKey(c), c.value ?? 0]));
  const lookup = lookupIn(report);
  const eqs = allSumSpecs(report)
    .map((s) => resolveIdentity(s, lookup))
    .filter((s) => s.left[0]!.table === table)
    .map((s) => ({ plus: s.left.map(cellKey), minus: s.right.map(cellKey) }));
  const residual = eqs.map((e) => e.plus.reduce((a, k) => a + values.get(k)!, 0) - e.minus.reduce((a, k) => a + values.get(k)!, 0));
  const keys = [...new Set(eqs.flatMap((e) => [...e.plus, ...e.minus]))];
  const out: string[][] = [];
  const coef = (e: (typeof eqs)[number], k: string) => (e.plus.includes(k) ? 1 : e.minus.includes(k) ? -1 : 0);
  const trySet = (set: string[]) => {
    // rows: [coefs..., rhs] for a·d = −residual
    const rows = eqs.map((e, i) => [...set.map((k) => coef(e, k)), -residual[i]!]);
    const n = set.length;
    let r = 0;
    const pivots: number[] = [];
    for (let c = 0; c < n; c++) {
      const p = rows.findIndex((row, i) => i >= r && row[c] !== 0);
      if (p < 0) return; // a free direction: not a minimal explanation
      [rows[r], rows[p]] = [rows[p]!, rows[r]!];
      const pr = rows[r]!;
      for (let i = 0; i < rows.length; i++) {
        if (i === r || rows[i]![c] === 0) continue;
        const f = rows[i]![c]! / pr[c]!;
        rows[i] = rows[i]!.map((v, j) => v - f * pr[j]!);
      }
      pivots.push(r);
      r++;
    }
    for (let i = r; i < rows.length; i++) if (Math.abs(rows[i]![n]!) > 1e-9) return;
    const d = pivots.map((pr, c) => rows[pr]![n]! / rows[pr]![c]!);
    if (d.some((x) => Math.abs(x) < 1e-9)) return;
    const sol = set.map((k, i) => [k, Math.round(values.get(k)! + d[i]!)] as const);
    if (sol.some(([, v], i) => v < 0 || Math.abs(values.get(set[i]!)! + d[i]! - v) > 1e-9)) return;
    out.push(sol.map(([k, v]) => `${k}=${v}`).sort());
  };
  // A set must touch every failing identity (an identity without a changed cell keeps its residual).
  const failing = eqs.map((_, i) => i).filter((i) => residual[i] !== 0);
  const touches = (set: string[]) => failing.every((i) => set.some((k) => coef(eqs[i]!, k) !== 0));
  if (size === 1) {
    for (const k of keys) if (touches([k])) trySet([k]);
  } else {
    for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) if (touches([keys[i]!, keys[j]!])) trySet([keys[i]!, keys[j]!]);
  }
  return out.map((s) => s.sort()).sort();
}
