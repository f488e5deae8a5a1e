// How one agency's reports of consecutive years join — one definition for the CLI with several years, both sweeps
// (the sweep command's store and the extension's) and the extension's history: the later report gets the cross-year
// findings (spec §7.6), and last year's 结转下年度 may decide between equally small corrections of its tables
// (issue 13 §2), as a sentence of the text does.
import { checkPair, consecutivePairs, sortFindings } from './check';
import { applyTextSupport, previousYearClaims } from './explain/textSupport';
import { finalize } from './explain/messages';
import type { Finding, FormatVersion, Report } from './model/schema';
import { ruleById } from './rules';

/**
 * A report's own findings (as checked alone) with last year's report as one more statement between equally small
 * corrections; the cross-year findings themselves are not among them. Unchanged findings are the same objects.
 */
export function decideByYear(findings: Finding[], pair: readonly Finding[], format?: FormatVersion): Finding[] {
  return applyTextSupport(findings, previousYearClaims(pair)).map((f, i) => {
    if (f === findings[i]) return f;
    const rule = ruleById(f.rule);
    return rule ? finalize(f, rule.messages, format) : f;
  });
}

/** A report's findings joined with the cross-year findings against its agency's previous report, most important first. */
export function joinYearFindings(findings: Finding[], pair: Finding[], format?: FormatVersion): Finding[] {
  return sortFindings([...decideByYear(findings, pair, format), ...pair]);
}

/**
 * Checked reports (in the order they were given or found), each whose agency's previous year is among them joined
 * with the first such report (consecutivePairs); the others as they are. `pair`: the cross-year check (the CLI
 * passes its lazily loaded engine's).
 */
export function joinYears<E extends { report: Report; findings: Finding[] }>(
  entries: readonly E[],
  pair: (previous: Report, current: Report) => Finding[] = checkPair,
): E[] {
  const previousOf = new Map(consecutivePairs(entries.map((e) => e.report)).map(([p, c]) => [c, p]));
  return entries.map((e) => {
    const previous = previousOf.get(e.report);
    return previous ? { ...e, findings: joinYearFindings(e.findings, pair(previous, e.report), e.report.format) } : e;
  });
}
