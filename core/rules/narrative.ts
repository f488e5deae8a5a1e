// Shared machinery of the txt.* rules (spec §7.5): a number the text claims, compared with what the tables say.
import type { ClaimSubject } from '../explain/claimScope';
import { evidenceOf, findClaims, type Claim, type ClaimPattern } from '../explain/claims';
import type { CellRef, Report, Section, Severity } from '../model/schema';
import { groupRowId, T3_PARTS, t3GroupMembers, type T3Group } from '../model/templates';
import { lookupIn, oncePerCheck, t3Layout, type CellLookup } from './identity';
import type { FindingDraft, Rule, RuleMessages } from './types';

/** Units a count of review or litigation cases is given in. */
export const CASE_UNITS = ['件', '起', '宗', '个'] as const;

/** A table value with the cells it comes from. */
export interface TableValue {
  value: number;
  cells: CellRef[];
  /** how it was obtained when the total cell itself was blank */
  derived?: 'rowSum';
}

/** One reading the claim may match (e.g. 收到 = new only, or new + carried over). */
export interface Reading {
  name: string;
  value: TableValue | null;
}

const t3ref = (row: string, col: string): CellRef => ({ table: 't3', row, col });

/**
 * A t3 row's value in one column. For the 总计 column a blank total is replaced by the sum of its printed parts
 * (Shanghai 2019 left every result row's 总计 blank); text or unread cells give null.
 */
export function t3Value(lookup: CellLookup, row: string, col = 'total'): TableValue | null {
  const c = lookup(t3ref(row, col));
  if (c && c.kind === 'number' && c.value !== null) return { value: c.value, cells: [t3ref(row, col)] };
  if (col !== 'total') return c && (c.kind === 'blank' || c.kind === 'placeholder') ? { value: 0, cells: [t3ref(row, col)] } : null;
  const parts = T3_PARTS.map((p) => lookup(t3ref(row, p)));
  if (parts.some((p) => !p || p.kind === 'text')) return null;
  return { value: parts.reduce((a, p) => a + (p!.value ?? 0), 0), cells: T3_PARTS.map((p) => t3ref(row, p)), derived: 'rowSum' };
}

/** Sum of several table values (null if any is missing). */
export function sumValues(values: (TableValue | null)[]): TableValue | null {
  if (values.some((v) => v === null)) return null;
  const vs = values as TableValue[];
  return { value: vs.reduce((a, v) => a + v.value, 0), cells: vs.flatMap((v) => v.cells), ...(vs.some((v) => v.derived) ? { derived: 'rowSum' as const } : {}) };
}

/** The rows of an outcome group in the report's layout: its group row where it is printed collapsed, else its leaves. */
export function t3GroupRows(report: Report, group: T3Group): string[] {
  const layout = t3Layout(report);
  if (layout.collapsed.has(group)) return [groupRowId(group)];
  const members = t3GroupMembers(layout.format, group);
  return members.length ? members : ['other'];
}

/** The 总计 of an outcome group (sum of its leaves). */
export function t3GroupValue(report: Report, lookup: CellLookup, group: T3Group, col = 'total'): TableValue | null {
  return sumValues(t3GroupRows(report, group).map((r) => t3Value(lookup, r, col)));
}

export function t4Value(lookup: CellLookup, col: string): TableValue | null {
  const ref: CellRef = { table: 't4', row: 'cases', col };
  const c = lookup(ref);
  if (!c || c.kind === 'text') return null;
  return { value: c.value ?? 0, cells: [ref] };
}

/** A t4 block total; a blank 总计 is replaced by the sum of the block's outcomes. */
export function t4BlockTotal(lookup: CellLookup, block: string): TableValue | null {
  const total = lookup({ table: 't4', row: 'cases', col: `${block}.total` });
  if (total && total.kind === 'number' && total.value !== null) return { value: total.value, cells: [{ table: 't4', row: 'cases', col: `${block}.total` }] };
  const parts = ['upheld', 'corrected', 'other', 'pending'].map((o) => t4Value(lookup, `${block}.${o}`));
  const s = sumValues(parts);
  return s ? { ...s, derived: 'rowSum' } : null;
}

export function t2Value(lookup: CellLookup, row: string, col: string): TableValue | null {
  const ref: CellRef = { table: 't2', row, col };
  const c = lookup(ref);
  if (!c || c.kind !== 'number' || c.value === null) return null;
  return { value: c.value, cells: [ref] };
}

/**
 * A pattern's claims in the report's `sections` (all by default), each section searched once per check: three
 * rules read the outcome counts (予以公开 …), and a pattern's claims in a section depend on that section alone.
 */
export function claimsIn(report: Report, pattern: ClaimPattern, sections: readonly Section[] = report.sections): Claim[] {
  return sections.flatMap((sec) => oncePerCheck(report, sec, pattern, () => findClaims([sec], pattern, report)));
}

/** Judge one claim against its readings: pass when any reading equals it, else fail against the first. */
export function judgeClaim(rule: string, severity: Severity, claim: Claim, readings: Reading[], scope: string, tolerance = 0): FindingDraft {
  const usable = readings.filter((r) => r.value !== null);
  const base = {
    rule,
    scope,
    evidence: evidenceOf(claim),
    suspects: [],
    ambiguous: false,
    tolerance,
  };
  if (usable.length === 0) {
    return { ...base, severity: 'info', status: 'notCheckable', cells: [], left: claim.value, right: null, difference: null, params: { reason: 'tableValueMissing', keyword: claim.keyword } };
  }
  const match = usable.find((r) => Math.abs(r.value!.value - claim.value) <= tolerance + 1e-9);
  const shown = match ?? usable[0]!;
  const v = shown.value!;
  const difference = Math.round((claim.value - v.value) * 1e6) / 1e6;
  return {
    ...base,
    severity: match ? 'info' : severity,
    status: match ? 'pass' : 'fail',
    cells: v.cells,
    left: claim.value,
    right: v.value,
    difference,
    params: { reading: shown.name, keyword: claim.keyword, readings: usable.map((r) => `${r.name}=${r.value!.value}`).join(', ') },
  };
}

/** A narrative rule: claims found by patterns, each compared with the readings the table offers. */
export function narrativeRule(def: {
  id: string;
  severity?: Severity;
  reads: Rule['reads'];
  doc: string;
  /** what the claimed number counts: sentences about something else are not compared (explain/claimScope.ts) */
  subject: ClaimSubject;
  patterns: ClaimPattern[];
  readings: (report: Report, lookup: CellLookup, claim: Claim) => Reading[];
  scope?: (claim: Claim) => string;
  messages: RuleMessages;
}): Rule {
  const severity = def.severity ?? 'warning';
  // the subject written into each pattern once (a pattern naming its own keeps it), so that the same pattern
  // object is asked for every check and its claims are shared with the other rules that read it (claimsIn)
  const patterns = def.patterns.map((p) => ('subject' in p ? p : { subject: def.subject, ...p }));
  return {
    kind: 'report',
    id: def.id,
    severity,
    reads: def.reads,
    doc: def.doc,
    messages: def.messages,
    check(report) {
      const lookup = lookupIn(report);
      const seen = new Set<string>();
      const out: FindingDraft[] = [];
      for (const p of patterns) {
        for (const claim of claimsIn(report, p)) {
          const key = `${claim.section}|${claim.sentence}|${claim.start}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(judgeClaim(def.id, severity, claim, def.readings(report, lookup, claim), def.scope ? def.scope(claim) : def.id.slice(4)));
        }
      }
      return out;
    },
  };
}

/** Shared wording: {keyword} {claimed} {right} {reading} {readings} {sentence}. */
export function claimMessages(what: { zh: string; en: string }): RuleMessages {
  return {
    fail: {
      zh: `正文称${what.zh} {claimed}，表格为 {right}（{readings}）。原句：“{sentence}”`,
      en: `The text says ${what.en} {claimed}; the table says {right} ({readings}). Sentence: “{sentence}”`,
    },
    pass: { zh: `正文所述${what.zh} {claimed} 与表格一致（{reading}）。`, en: `The text's ${what.en} {claimed} matches the table ({reading}).` },
    notCheckable: { zh: `正文称${what.zh} {claimed}，但表格中没有可比的数字。`, en: `The text says ${what.en} {claimed}, but the table has no comparable number.` },
  };
}
