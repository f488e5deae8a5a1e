// Choosing between several cuts of concatenated t3 rows with the table's column identities (spec §7.2):
// newReceived + carriedOver = totalProcessed + carriedForward, and totalProcessed = Σ leaves, in every column.
// A row's cut is fixed only when every combination of cuts that satisfies the identities agrees on it.

/** candidates per t3 row id: each candidate is the row's 7 values; an empty list means the row is unknown */
export type T3Candidates = Map<string, number[][]>;

export interface T3Choice {
  /** index into the row's candidates, or null when the row stays unread */
  index: number | null;
  /** the choice needed the column identities (the row alone had several cuts) */
  byIdentity: boolean;
}

interface Identity {
  left: string[];
  right: string[];
}

export function resolveT3(cands: T3Candidates, leaves: readonly string[], cap = 50_000): Map<string, T3Choice> {
  const out = new Map<string, T3Choice>();
  for (const [row, list] of cands) out.set(row, { index: list.length === 1 ? 0 : null, byIdentity: false });

  const identities: Identity[] = [
    { left: ['newReceived', 'carriedOver'], right: ['totalProcessed', 'carriedForward'] },
    { left: ['totalProcessed'], right: [...leaves] },
  ];
  const known = (row: string) => (cands.get(row)?.length ?? 0) > 0;
  const usable = identities.filter((id) => [...id.left, ...id.right].every(known));
  const ambiguous = [...cands.keys()].filter(
    (r) => (cands.get(r)?.length ?? 0) > 1 && usable.some((id) => id.left.includes(r) || id.right.includes(r)),
  );
  if (ambiguous.length === 0) return out;

  let product = 1;
  for (const r of ambiguous) {
    product *= cands.get(r)!.length;
    if (product > cap) return out;
  }

  const pick = new Map<string, number>();
  for (const [row, list] of cands) if (list.length === 1) pick.set(row, 0);
  const seen = new Map<string, Set<number>>(ambiguous.map((r) => [r, new Set<number>()]));
  let consistent = 0;

  const value = (row: string, col: number) => cands.get(row)![pick.get(row)!]![col]!;
  const holds = () =>
    usable.every((id) => {
      for (let c = 0; c < 7; c++) {
        let l = 0;
        let r = 0;
        for (const row of id.left) l += value(row, c);
        for (const row of id.right) r += value(row, c);
        if (l !== r) return false;
      }
      return true;
    });
  const walk = (i: number): void => {
    if (i === ambiguous.length) {
      if (holds()) {
        consistent++;
        for (const r of ambiguous) seen.get(r)!.add(pick.get(r)!);
      }
      return;
    }
    const row = ambiguous[i]!;
    const n = cands.get(row)!.length;
    for (let k = 0; k < n; k++) {
      pick.set(row, k);
      walk(i + 1);
    }
    pick.delete(row);
  };
  walk(0);
  if (consistent === 0) return out;
  for (const r of ambiguous) {
    const s = seen.get(r)!;
    if (s.size === 1) out.set(r, { index: [...s][0]!, byIdentity: true });
  }
  return out;
}
