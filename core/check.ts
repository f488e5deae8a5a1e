// Entry points: every single-report rule plus error localization; every cross-year rule for a pair.
import { attachSuspects, localize, type Localization } from './explain/localize';
import { applyTextSupport } from './explain/textSupport';
import { finalize } from './explain/messages';
import type { Finding, FormatVersion, Report } from './model/schema';
import { pairRules, reportRules, ruleById } from './rules';
import { withSharedLookup } from './model/identities';
import type { FindingDraft, Rule } from './rules/types';
import { agencyKey } from './read/meta';

/** Most important first: failed errors, anything needing review, failed warnings, failed info, not checkable, passes. */
function rank(f: Pick<Finding, 'status' | 'severity'>): number {
  if (f.status === 'fail') return f.severity === 'error' ? 0 : f.severity === 'warning' ? 2 : 3;
  if (f.status === 'needsReview') return f.severity === 'info' ? 1.5 : 1;
  if (f.status === 'notCheckable') return 4;
  return 5;
}

/** `format`: the report's, so that cells are named by its template (a pair of years names them from their own cells). */
function render(drafts: FindingDraft[], format?: FormatVersion): Finding[] {
  const out = drafts.map((d) => {
    const rule = ruleById(d.rule);
    return finalize(d, rule ? rule.messages : { fail: { zh: d.rule, en: d.rule }, pass: { zh: d.rule, en: d.rule } }, format);
  });
  return sortFindings(out);
}

/** Most important first; Array.prototype.sort is stable: within a class, registry order and table order are kept. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => rank(a) - rank(b));
}

function runSafely<T>(ruleId: string, fn: () => T[]): T[] | FindingDraft[] {
  try {
    return fn();
  } catch (e) {
    // A rule bug must not take the other rules down; it shows as one notCheckable finding.
    return [
      {
        rule: ruleId,
        severity: 'info',
        status: 'notCheckable',
        cells: [],
        left: null,
        right: null,
        difference: null,
        suspects: [],
        ambiguous: false,
        params: { reason: 'internal', detail: e instanceof Error ? e.message : String(e) },
      },
    ];
  }
}

/** One rule's findings, with the suspects the localization gives them. */
function ruleDrafts(report: Report, rule: Rule, locs: Localization[]): FindingDraft[] {
  return attachSuspects(runSafely(rule.id, () => rule.check(report)) as FindingDraft[], locs);
}

/** The findings of a check, in the registry's order, rendered. */
function finish(report: Report, drafts: FindingDraft[]): Finding[] {
  // where the arithmetic leaves several equally small corrections, the report's own text may name one (issue 13)
  return render(applyTextSupport(drafts), report.format);
}

export function checkReport(report: Report): Finding[] {
  return withSharedLookup(report, () => {
    const locs = localize(report);
    return finish(report, reportRules.flatMap((rule) => ruleDrafts(report, rule, locs)));
  });
}

export interface TwoPassCheck {
  /** the findings of the first pass's rules (the others' left out), localized and rendered */
  findings: Finding[];
  /** every rule's findings, as checkReport gives them: the first pass's rules and the localization are not run again */
  complete(): Finding[];
}

/**
 * A check in two passes: the rules `first` picks at once, the others on complete(). The extension draws the tables'
 * marks from a first pass without the rules that read the narrative and completes it once the page is idle.
 */
export function checkInTwoPasses(report: Report, first: (rule: Rule) => boolean): TwoPassCheck {
  return withSharedLookup(report, () => {
    const locs = localize(report);
    const early = reportRules.map((rule) => (first(rule) ? ruleDrafts(report, rule, locs) : null));
    return {
      findings: finish(report, early.flatMap((d) => d ?? [])),
      complete: () => withSharedLookup(report, () => finish(report, reportRules.flatMap((rule, i) => early[i] ?? ruleDrafts(report, rule, locs)))),
    };
  });
}

/** An agency's name as compared across reports (read/meta.ts, where the signature check uses it too). */
export { agencyKey } from './read/meta';

/** Why two reports cannot be compared year to year, or null. */
function pairProblem(previous: Report, current: Report): { zh: string; en: string } | null {
  const a = agencyKey(previous.agency);
  const b = agencyKey(current.agency);
  if (a && b && a !== b) return { zh: `两份报告的机关不同（${previous.agency} / ${current.agency}）`, en: 'the two reports are from different agencies' };
  if (previous.year !== null && current.year !== null && current.year !== previous.year + 1) {
    return { zh: `两份报告不是相邻年度（${previous.year} / ${current.year}）`, en: `the reports are not for consecutive years (${previous.year} / ${current.year})` };
  }
  return null;
}

/**
 * The (previous, current) pairs among `reports` that are one agency's reports for consecutive years, as when
 * several years are checked at once: for each report the first of the year before (the same report given twice,
 * as a page and as text, is compared once). Reports whose agency or year is unknown are never paired.
 */
export function consecutivePairs<T extends Report>(reports: T[]): [T, T][] {
  // the first report of each agency and year, so that pairing stays linear for a sweep's thousands
  const first = new Map<string, T>();
  for (const r of reports) {
    const a = agencyKey(r.agency);
    if (a && r.year !== null && !first.has(`${r.year}|${a}`)) first.set(`${r.year}|${a}`, r);
  }
  const pairs: [T, T][] = [];
  for (const current of reports) {
    const a = agencyKey(current.agency);
    const previous = a && current.year !== null ? first.get(`${current.year - 1}|${a}`) : undefined;
    if (previous) pairs.push([previous, current]);
  }
  return pairs;
}

export function checkPair(previous: Report, current: Report): Finding[] {
  const problem = pairProblem(previous, current);
  const drafts: FindingDraft[] = [];
  for (const rule of pairRules) {
    if (problem) {
      drafts.push({
        rule: rule.id,
        severity: 'info',
        status: 'notCheckable',
        cells: [],
        left: null,
        right: null,
        difference: null,
        suspects: [],
        ambiguous: false,
        params: { reason: 'notAPair', reasonZh: problem.zh, reasonEn: problem.en },
      });
      continue;
    }
    drafts.push(...(runSafely(rule.id, () => rule.check(previous, current)) as FindingDraft[]));
  }
  return render(drafts);
}
