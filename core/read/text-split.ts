// Splitting a run of concatenated digits back into table cells (spec §9 V11).
// A crawler's text prints "801000081" for the cells 80,1,0,0,0,0,81. We enumerate every way the run can be cut
// into the row's cells (no leading zeros, whitespace is always a cell boundary) and keep the cuts that satisfy the
// row's own identity (the parts of each group add up to its last cell). Callers read a row only when exactly one
// cut survives; the truth is always among the survivors, so a unique survivor is the printed row.

export interface SplitPart {
  value: number;
  /** offset of the part's first digit inside the run string */
  start: number;
  /** the digits as printed */
  raw: string;
}

export interface SplitResult {
  /** surviving cuts, at most `maxSolutions` */
  solutions: SplitPart[][];
  /** false when the search stopped early (budget or maxSolutions reached): the list may be incomplete */
  complete: boolean;
}

export interface SplitOptions {
  /** each group's last cell is the sum of the group's other cells (t3 row: one group of 7; t4: three groups of 5) */
  sumLast: boolean;
  /** stop after this many survivors (default 64) */
  maxSolutions?: number;
  /** stop after this many search steps (default 200 000) */
  budget?: number;
  /** longest cell in digits (default 9) */
  maxCellDigits?: number;
}

interface Token {
  text: string;
  start: number;
}

/** Whitespace-separated digit tokens of a run; null when the run holds anything but digits and whitespace. */
export function digitTokens(run: string): Token[] | null {
  const tokens: Token[] = [];
  // zero-width characters between digits come from markup boundaries: a cell boundary like a space
  const re = /[^\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g;
  for (let m = re.exec(run); m; m = re.exec(run)) {
    if (!/^\d+$/.test(m[0])) return null;
    tokens.push({ text: m[0], start: m.index });
  }
  return tokens;
}

/**
 * Every cut of `run` (digits and whitespace) into groups of cells. `groups` gives each group's size.
 * Returns no solutions (complete) when the run is not digits and whitespace.
 */
export function splitRun(run: string, groups: readonly number[], opts: SplitOptions): SplitResult {
  const tokens = digitTokens(run);
  const solutions: SplitPart[][] = [];
  if (!tokens || tokens.length === 0 || groups.length === 0) return { solutions, complete: true };
  const maxSolutions = opts.maxSolutions ?? 64;
  const maxLen = opts.maxCellDigits ?? 9;
  let budget = opts.budget ?? 200_000;
  let complete = true;

  const totalParts = groups.reduce((a, b) => a + b, 0);
  // digits left from token i (offset 0) to the end, for pruning
  const digitsFrom: number[] = new Array<number>(tokens.length + 1).fill(0);
  for (let i = tokens.length - 1; i >= 0; i--) digitsFrom[i] = digitsFrom[i + 1]! + tokens[i]!.text.length;

  const parts: SplitPart[] = [];

  const dfs = (tok: number, off: number, group: number, inGroup: number, groupSum: number): void => {
    if (!complete) return;
    if (--budget < 0) {
      complete = false;
      return;
    }
    const partIdx = parts.length;
    if (partIdx === totalParts) {
      if (tok === tokens.length) {
        solutions.push(parts.slice());
        if (solutions.length >= maxSolutions) complete = false;
      }
      return;
    }
    if (tok === tokens.length) return;
    const left = digitsFrom[tok]! - off;
    const partsLeft = totalParts - partIdx;
    const tokensLeft = tokens.length - tok; // each remaining token needs at least one part of its own
    if (left < partsLeft || left > partsLeft * maxLen || tokensLeft > partsLeft) return;

    const t = tokens[tok]!;
    const size = groups[group]!;
    const isTotal = opts.sumLast && inGroup === size - 1;
    const advance = (len: number, value: number) => {
      parts.push({ value, start: t.start + off, raw: t.text.slice(off, off + len) });
      const nOff = off + len;
      const [nTok, nOff2] = nOff === t.text.length ? [tok + 1, 0] : [tok, nOff];
      if (inGroup + 1 === size) dfs(nTok, nOff2, group + 1, 0, 0);
      else dfs(nTok, nOff2, group, inGroup + 1, groupSum + value);
      parts.pop();
    };
    if (isTotal) {
      const want = String(groupSum);
      if (t.text.startsWith(want, off)) advance(want.length, groupSum);
      return;
    }
    const room = Math.min(maxLen, t.text.length - off);
    // parts still needed after this one: the rest of this group and every later group, one digit at least each
    const partsAfter = partsLeft - 1;
    for (let len = 1; len <= room; len++) {
      if (len > 1 && t.text[off] === '0') break; // no leading zeros
      const value = Number(t.text.slice(off, off + len));
      // the group's total has at least as many digits as the running sum: longer cuts only make this worse
      if (opts.sumLast && left - len < partsAfter - 1 + String(groupSum + value).length) break;
      advance(len, value);
      if (!complete) return;
    }
  };
  dfs(0, 0, 0, 0, 0);
  return { solutions, complete };
}

/** The one cut of a run, or null with the reason (several cuts, none, or search stopped). */
export function uniqueSplit(
  run: string,
  groups: readonly number[],
  opts: SplitOptions,
): { parts: SplitPart[] } | { reason: 'none' | 'several' | 'tooMany'; count: number } {
  const r = splitRun(run, groups, { ...opts, maxSolutions: Math.max(2, opts.maxSolutions ?? 2) });
  if (r.solutions.length === 1 && r.complete) return { parts: r.solutions[0]! };
  if (r.solutions.length === 0) return r.complete ? { reason: 'none', count: 0 } : { reason: 'tooMany', count: 0 };
  if (r.solutions.length === 1) return { reason: 'tooMany', count: 1 };
  return { reason: 'several', count: r.solutions.length };
}
