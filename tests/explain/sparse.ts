// The real pages whose table 三 leaves cells blank, a typo-like change of each of their printed 自然人 cells made in
// the page itself, and an oracle independent of the localizer: which single printed cell, given some value, lets
// every identity of the table hold with the blanks filled by integers ≥ 0 (spec §7.8), solved as an integer
// program by an LP package (yalps) rather than by the localizer's own simplex and search.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { solve, type Constraint, type Model } from 'yalps';
import { cellKey } from '../../core/model/ids';
import { allSumSpecs, lookupIn, resolveIdentity } from '../../core/model/identities';
import type { Cell, Report } from '../../core/model/schema';
import { readDocument } from '../../core/read/dom';
import { buildGrid } from '../../core/read/grid';
import { documentsIn } from '../documents';

/** Real HTML pages of the corpus whose t3 has blank cells (the 法人 columns, or the 总计 column, left empty). */
export function sparsePages(): string[] {
  return documentsIn('corpus/real/').filter((f) => f.endsWith('.html') && readPage(readFileSync(f, 'utf8')).cells.some((c) => c.table === 't3' && c.value === null && c.kind !== 'text'));
}

export function readPage(html: string): Report {
  return readDocument(parseHTML(html).document as unknown as Document)[0]!.report;
}

/** Typo-like misprints of a count: two adjacent digits swapped or the last doubled, and a digit dropped or a 1 slipped in front. */
export function typos(v: number): number[] {
  const s = String(v);
  const out = new Set<number>();
  if (s.length >= 2 && s.at(-1) !== s.at(-2)) out.add(Number(s.slice(0, -2) + s.at(-1) + s.at(-2)));
  else out.add(v === 0 ? 8 : Number(s + s.at(-1)));
  out.add(s.length >= 2 ? Number(s.slice(0, -1)) : Number('1' + s));
  out.delete(v);
  return [...out];
}

/** The page with one table cell's text replaced, as served; read again as the CLI reads it. */
export function pageWith(html: string, cell: Cell, text: string): Report {
  const { document } = parseHTML(html);
  if (cell.source.type !== 'dom') throw new Error('not a DOM cell');
  const table = document.querySelectorAll('table')[cell.source.tableIndex]!;
  const slot = buildGrid(table as unknown as Element).slots[cell.source.gridRow]![cell.source.gridCol]!;
  slot.el.textContent = text;
  return readDocument(document as unknown as Document)[0]!.report;
}

/**
 * Every single printed t3 cell that, set to some integer ≥ 0 other than its own, lets every t3 identity hold with
 * the blanks as integers ≥ 0; with the values it may take (`lo`…`hi`). Null when the table already holds as printed.
 */
export function singleCellExplanations(report: Report): { key: string; lo: number; hi: number; printed: number }[] | null {
  const lookup = lookupIn(report);
  const ids = allSumSpecs(report)
    .map((s) => resolveIdentity(s, lookup))
    .filter((s) => s.left[0]!.table === 't3')
    .filter((s) => [...s.left, ...s.right].every((r) => lookup(r) !== undefined && lookup(r)!.kind !== 'text'));
  const cells = new Map<string, Cell>();
  for (const s of ids) for (const r of [...s.left, ...s.right]) cells.set(cellKey(r), lookup(r)!);
  const model = (free: string | null, direction?: 'minimize' | 'maximize'): Model => {
    const constraints = new Map<string, Constraint>();
    const variables = new Map<string, Map<string, number>>();
    ids.forEach((s, i) => {
      let rhs = 0;
      const terms = [...s.left.map((r) => [r, 1] as const), ...s.right.map((r) => [r, -1] as const)];
      for (const [r, coef] of terms) {
        const k = cellKey(r);
        const c = cells.get(k)!;
        if (c.value !== null && k !== free) rhs -= coef * c.value;
        else {
          if (!variables.has(k)) variables.set(k, new Map());
          variables.get(k)!.set(`id${i}`, coef);
        }
      }
      constraints.set(`id${i}`, { equal: rhs });
    });
    if (free) variables.get(free)!.set('objective', 1);
    return { direction, objective: direction ? 'objective' : undefined, constraints, variables, integers: true };
  };
  if (solve(model(null)).status === 'optimal') return null;
  const out: { key: string; lo: number; hi: number; printed: number }[] = [];
  for (const [key, c] of cells) {
    if (c.value === null) continue;
    const lo = solve(model(key, 'minimize'));
    if (lo.status !== 'optimal') continue;
    const hi = solve(model(key, 'maximize'));
    out.push({ key, lo: lo.result + 0, hi: hi.status === 'optimal' ? hi.result + 0 : Infinity, printed: c.value });
  }
  return out;
}
