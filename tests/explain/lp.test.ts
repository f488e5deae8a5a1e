import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from 'yalps';
import { simplex } from '../../core/explain/lp';

// Small systems of identities as the localizer builds them: coefficients ±1 or 0, integer right-hand sides.
const system = fc.integer({ min: 1, max: 6 }).chain((m) =>
  fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.record({
      A: fc.array(fc.array(fc.constantFrom<number>(-1, 0, 0, 1), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      b: fc.array(fc.integer({ min: -20, max: 20 }), { minLength: m, maxLength: m }),
      c: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }),
    }),
  ),
);

/** The same program for yalps: rows as constraints, columns as variables ≥ 0. */
function reference(A: number[][], b: number[], c?: number[]) {
  const constraints = new Map(b.map((v, i) => [`r${i}`, { equal: v }]));
  const variables = new Map(A[0]!.map((_, j) => [`u${j}`, new Map([...A.map((row, i) => [`r${i}`, row[j]!] as const), ['obj', c?.[j] ?? 0] as const])]));
  return solve({ direction: 'minimize', objective: 'obj', constraints, variables });
}

describe('simplex', () => {
  it('agrees with an LP package on feasibility and optimum; an infeasible answer carries a valid Farkas certificate', () => {
    fc.assert(
      fc.property(system, ({ A, b, c }) => {
        const mine = simplex(A, b, c);
        const theirs = reference(A, b, c);
        if (theirs.status === 'infeasible') {
          expect(mine.status).toBe('infeasible');
          if (mine.status !== 'infeasible') return;
          const { y } = mine;
          // yᵀA ≤ 0 in every column, yᵀb > 0: no u ≥ 0 can satisfy A u = b
          for (let j = 0; j < A[0]!.length; j++) expect(A.reduce((s, row, i) => s + y[i]! * row[j]!, 0)).toBeLessThanOrEqual(1e-7);
          expect(b.reduce((s, v, i) => s + y[i]! * v, 0)).toBeGreaterThan(1e-7);
        } else if (theirs.status === 'optimal') {
          expect(mine.status).toBe('optimal');
          if (mine.status !== 'optimal') return;
          expect(mine.value).toBeCloseTo(theirs.result, 6);
          A.forEach((row, i) => expect(row.reduce((s, a, j) => s + a * mine.u[j]!, 0)).toBeCloseTo(b[i]!, 6));
          for (const v of mine.u) expect(v).toBeGreaterThanOrEqual(-1e-9);
        } else expect(mine.status).toBe(theirs.status);
      }),
      { numRuns: 3000 },
    );
  });
});
