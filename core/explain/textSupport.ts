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

/**
 * Among equally small `solutions`, the one that more of the text's claims agree with than with any other, with
 * the first claim that agrees with it and not with every alternative; null when no claim tells them apart.
 */
export function textSupported(solutions: readonly (readonly Suspect[])[], claims: readonly FindingDraft[]): TextSupport | null {
  if (solutions.length < 2) return null;
  const changed = new Set(solutions.flatMap((sol) => sol.map(cellKey)));
  const relevant = claims.filter((c) => c.cells.some((ref) => changed.has(cellKey(ref))));
  if (relevant.length === 0) return null;
  const agreeing = solutions.map((sol) => relevant.filter((c) => agrees(c, sol)));
  const best = Math.max(...agreeing.map((a) => a.length));
  const winners = agreeing.flatMap((a, i) => (a.length === best ? [i] : []));
  if (best === 0 || winners.length !== 1) return null;
  const i = winners[0]!;
  // the sentence quoted: one that tells this correction from another (not one every alternative satisfies)
  const telling = agreeing[i]!.find((c) => agreeing.some((a) => !a.includes(c))) ?? agreeing[i]![0]!;
  return { alternative: i, rule: telling.rule, evidence: telling.evidence! };
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
    if (!support) return f;
    const inFinding = new Set([...f.cells, ...(f.leftCells ?? []), ...(f.rightCells ?? [])].map(cellKey));
    const suspects = f.alternatives[support.alternative]!.filter((s) => inFinding.has(cellKey(s)));
    return { ...f, suspects, textSupport: support, params: { ...f.params, localization: 'textSupported' } };
  });
}
