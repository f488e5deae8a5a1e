// A small dense two-phase simplex for the localizer: is {A u = b, u ≥ 0} feasible, what is min c·u, and — the
// reason it is written here rather than taken from an LP package — when it is infeasible, a Farkas certificate y
// (yᵀA ≤ 0, yᵀb > 0): a combination of identities that no filling of the unknowns can satisfy, which tells the
// localizer which printed cells one of the changes must touch (Fellegi–Holt's implied edits).
// Systems here are some forty identities over at most a few hundred cells, coefficients ±1; Bland's rule keeps the
// (very degenerate) pivoting finite once Dantzig's steepest choice stalls.

export type LpResult = { status: 'optimal'; u: number[]; value: number } | { status: 'infeasible'; y: number[] } | { status: 'unbounded' };

const EPS = 1e-9;

/** min c·u subject to A u = b, u ≥ 0 (c omitted: any feasible u). A is m × n, dense. */
export function simplex(A: readonly (readonly number[])[], b: readonly number[], c?: readonly number[]): LpResult {
  const m = A.length;
  const n = m > 0 ? A[0]!.length : c ? c.length : 0;
  const width = n + m + 1;
  const rhs = n + m;
  // rows flipped so that b ≥ 0; artificials start as the basis
  const sign = b.map((v) => (v < 0 ? -1 : 1));
  const T: Float64Array[] = A.map((row, i) => {
    const t = new Float64Array(width);
    for (let j = 0; j < n; j++) t[j] = sign[i]! * row[j]!;
    t[n + i] = 1;
    t[rhs] = sign[i]! * b[i]!;
    return t;
  });
  const basis = Array.from({ length: m }, (_, i) => n + i);

  // the reduced costs of the current objective, kept as one more row and pivoted with the others
  const z = new Float64Array(width);
  const pivot = (r: number, col: number) => {
    const pr = T[r]!;
    const p = pr[col]!;
    for (let j = 0; j < width; j++) pr[j]! /= p;
    for (let i = 0; i <= m; i++) {
      if (i === r) continue;
      const row = i < m ? T[i]! : z;
      const f = row[col]!;
      if (Math.abs(f) < EPS) continue;
      for (let j = 0; j < width; j++) row[j]! -= f * pr[j]!;
    }
    basis[r] = col;
  };
  const price = (cost: Float64Array) => {
    z.fill(0);
    for (let j = 0; j < cost.length; j++) z[j] = cost[j]!;
    for (let i = 0; i < m; i++) {
      const cb = cost[basis[i]!]!;
      if (cb !== 0) for (let j = 0; j < width; j++) z[j]! -= cb * T[i]![j]!;
    }
  };

  /** Minimise `cost` over columns < `cols`; false if unbounded. Dantzig's rule, Bland's after a run of degenerate pivots. */
  const run = (cost: Float64Array, cols: number): boolean => {
    price(cost);
    let stalled = 0;
    for (;;) {
      let enter = -1;
      for (let j = 0; j < cols; j++) {
        if (z[j]! < -EPS && (enter < 0 || (stalled < 50 && z[j]! < z[enter]!))) {
          enter = j;
          if (stalled >= 50) break;
        }
      }
      if (enter < 0) return true;
      let leave = -1;
      let best = Infinity;
      for (let i = 0; i < m; i++) {
        const a = T[i]![enter]!;
        if (a <= EPS) continue;
        const ratio = T[i]![rhs]! / a;
        if (ratio < best - EPS || (ratio < best + EPS && basis[i]! < basis[leave]!)) {
          best = ratio;
          leave = i;
        }
      }
      if (leave < 0) return false;
      stalled = best < EPS ? stalled + 1 : 0;
      pivot(leave, enter);
    }
  };

  // Phase 1: minimise the sum of the artificials.
  const cost1 = new Float64Array(n + m);
  for (let i = 0; i < m; i++) cost1[n + i] = 1;
  run(cost1, n + m);
  let infeasibility = 0;
  for (let i = 0; i < m; i++) if (basis[i]! >= n) infeasibility += T[i]![rhs]!;
  if (infeasibility > 1e-7) {
    // π_k = 1 − (reduced cost of artificial k); y = π in the unflipped rows
    return { status: 'infeasible', y: Array.from({ length: m }, (_, k) => sign[k]! * (1 - z[n + k]!)) };
  }
  // Drive the artificials left in the basis (at 0) out where a structural column can replace them.
  for (let i = 0; c && i < m; i++) {
    if (basis[i]! < n) continue;
    for (let j = 0; j < n; j++) {
      if (Math.abs(T[i]![j]!) > EPS) {
        pivot(i, j);
        break;
      }
    }
  }
  if (c) {
    const cost2 = new Float64Array(n + m);
    for (let j = 0; j < n; j++) cost2[j] = c[j]!;
    if (!run(cost2, n)) return { status: 'unbounded' };
  }
  const u = new Array<number>(n).fill(0);
  for (let i = 0; i < m; i++) if (basis[i]! < n) u[basis[i]!] = T[i]![rhs]!;
  let value = 0;
  if (c) for (let j = 0; j < n; j++) value += c[j]! * u[j]!;
  return { status: 'optimal', u, value };
}
