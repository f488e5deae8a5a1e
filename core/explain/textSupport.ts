// The narrative as a tie-breaker (issue 13 §2): when error localization finds several equally small corrections,
// a number the report's own text states may agree with exactly one of them — "因依申请公开引发行政复议1起" when the
// choice is 行政复议总计 0→1 or 结果维持 1→0. That correction is then named as the most likely one; the others stay
// listed as possible. When the text agrees with none of them, or with several equally, nothing changes.
import { cellKey } from '../model/ids';
import type { Suspect, TextSupport } from '../model/schema';
import type { FindingDraft } from '../rules/types';

// Claims whose table side is a share or a sum of several claims, not a sum of cells: they cannot be re-read
// after a correction by adding its deltas.
const NOT_A_CELL_SUM = new Set(['txt.outcomePercent', 'txt.outcomePartsSum']);

/**
 * Narrative findings that can speak for a correction: a number the text states (evidence) compared with a sum of
 * table cells (`right` over `cells`), passed or failed.
 */
export function narrativeClaims(drafts: readonly FindingDraft[]): FindingDraft[] {
  return drafts.filter(
    (d) => d.evidence !== undefined && d.rule.startsWith('txt.') && !NOT_A_CELL_SUM.has(d.rule) && (d.status === 'pass' || d.status === 'fail') && d.right !== null && d.cells.length > 0,
  );
}

/** Does the claim hold once the cells of `solution` carry their suggested values? */
function agrees(claim: FindingDraft, solution: readonly Suspect[]): boolean {
  const cells = new Set(claim.cells.map(cellKey));
  const delta = solution.filter((s) => cells.has(cellKey(s))).reduce((a, s) => a + s.suggested - (s.printed ?? 0), 0);
  return Math.abs(claim.right! + delta - claim.evidence!.claimed) <= (claim.tolerance ?? 0) + 1e-9;
}

/** One independent statement: a sentence of the text, or last year's report as a whole (all its columns). */
const sourceOf = (c: FindingDraft): string => (c.evidence!.section === 'previousYear' ? 'previousYear' : `${c.evidence!.section ?? ''}|${c.evidence!.sentence}`);

/**
 * Among equally small `solutions`, the one that more statements agree with than any other (a statement agrees when
 * every claim it makes on the cells in question holds after the correction), with a claim of a statement that
 * tells it from another; null when no statement tells them apart, or two back different corrections.
 */
export function textSupported(solutions: readonly (readonly Suspect[])[], claims: readonly FindingDraft[]): TextSupport | null {
  if (solutions.length < 2) return null;
  const changed = new Set(solutions.flatMap((sol) => sol.map(cellKey)));
  const sources = new Map<string, FindingDraft[]>();
  for (const c of claims) {
    if (!c.cells.some((ref) => changed.has(cellKey(ref)))) continue;
    const k = sourceOf(c);
    sources.set(k, [...(sources.get(k) ?? []), c]);
  }
  if (sources.size === 0) return null;
  const statements = [...sources.values()];
  const agreeing = solutions.map((sol) => statements.filter((cs) => cs.every((c) => agrees(c, sol))));
  const best = Math.max(...agreeing.map((a) => a.length));
  const winners = agreeing.flatMap((a, i) => (a.length === best ? [i] : []));
  if (best === 0 || winners.length !== 1) return null;
  const i = winners[0]!;
  // the statement quoted: one that tells this correction from another (not one every alternative satisfies)
  const telling = agreeing[i]!.find((st) => agreeing.some((a) => !a.includes(st))) ?? agreeing[i]![0]!;
  // of last year's columns, its 总计
  const claim = telling.find((c) => c.scope === 'total') ?? telling[0]!;
  return { alternative: i, rule: claim.rule, evidence: claim.evidence! };
}

/**
 * Last year's report of the same agency as a statement about this year's cells: its 结转下年度继续办理 is what this
 * year's 上年结转 should be, per column (the xy.carryContinuity findings of a pair), re-read as claims on this year's
 * 上年结转 cells. Their evidence has section 'previousYear' and names last year's number.
 */
export function previousYearClaims(pairFindings: readonly FindingDraft[]): FindingDraft[] {
  return pairFindings.flatMap((f) => {
    if (f.rule !== 'xy.carryContinuity' || (f.status !== 'pass' && f.status !== 'fail') || f.left === null || f.right === null) return [];
    const cells = f.leftCells ?? f.cells.filter((c) => c.row === 'carriedOver');
    const year = f.params?.previousYear ?? '';
    const sentence = `${year}年报告：结转下年度继续办理 ${f.right}`;
    const start = sentence.lastIndexOf(String(f.right));
    return [{ ...f, cells, right: f.left, evidence: { section: 'previousYear', sentence, start, end: start + String(f.right).length, claimed: f.right } }];
  });
}

/**
 * Findings with equally small alternatives get the one the text supports, if any: `textSupport` names it and
 * `suspects` become its cells in the finding (`ambiguous` stays true: the arithmetic alone does not decide).
 * `extra`: further independent statements (previousYearClaims of last year's report).
 */
export function applyTextSupport<F extends FindingDraft>(findings: F[], extra: readonly FindingDraft[] = []): F[] {
  const claims = [...narrativeClaims(findings), ...extra];
  if (claims.length === 0) return findings;
  return findings.map((f) => {
    if (!f.ambiguous || !f.alternatives || f.alternatives.length < 2) return f;
    const support = textSupported(f.alternatives, claims);
    const inFinding = new Set([...f.cells, ...(f.leftCells ?? []), ...(f.rightCells ?? [])].map(cellKey));
    if (!support) {
      if (!f.textSupport) return f;
      // decided before on less evidence (the text alone), now contradicted (by last year's report): undecided again
      const alts = f.alternatives;
      const common = alts[0]!.filter((s) => inFinding.has(cellKey(s)) && alts.every((sol) => sol.some((t) => cellKey(t) === cellKey(s) && t.suggested === s.suggested)));
      const undecided: F = { ...f, suspects: common, params: { ...f.params, localization: 'ambiguous' } };
      delete undecided.textSupport;
      return undecided;
    }
    const suspects = f.alternatives[support.alternative]!.filter((s) => inFinding.has(cellKey(s)));
    return { ...f, suspects, textSupport: support, params: { ...f.params, localization: 'textSupported' } };
  });
}
