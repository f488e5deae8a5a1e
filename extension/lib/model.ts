// What the overlay and the panel show, derived from the read reports and their findings.
import type { CellRef, Finding, TableId } from '../../core/model/schema';
import { cellKey } from '../../core/model/ids';
import type { ReadReport } from '../../core/read/types';
import { byImportance } from '../../core/export/labels';
import { pdfOfEntry } from './pdf-items';

export interface CheckedPage {
  /** `source`: the PDF a report was read from (a page's attachment); its cells are not on the page, so nothing is marked */
  reports: { rr: ReadReport; findings: Finding[]; source?: string }[];
}

/**
 * The page's reports, then those read from its PDF attachments on request. A page report whose tables were all in
 * PDFs that have now been read no longer says its tables are missing (meta.tablesPresent): they were read, from the PDF.
 */
export function joinPdfReports(pageReports: CheckedPage['reports'], pdfReports: CheckedPage['reports'], base?: string): CheckedPage['reports'] {
  const read = new Set(pdfReports.map((r) => r.source));
  const joined = pageReports.map((r) => {
    const nc = r.rr.report.notCheckable;
    const allRead = nc.length > 0 && nc.every((n) => read.has(pdfOfEntry(n, base) ?? undefined));
    return allRead ? { ...r, findings: r.findings.filter((f) => f.rule !== 'meta.tablesPresent') } : r;
  });
  return [...joined, ...pdfReports];
}

/** The page of the PDF a finding's cell (its suspect first) was read from; null for cells read from the page. */
export function pdfPageOf(f: Finding, report: { cells: readonly { table: string; row: string; col: string; source: { type: string; page?: number } }[] }): number | null {
  for (const ref of [...f.suspects, ...f.cells]) {
    const c = report.cells.find((x) => x.table === ref.table && x.row === ref.row && x.col === ref.col);
    if (c?.source.type === 'pdf' && typeof c.source.page === 'number') return c.source.page;
  }
  return null;
}

export interface Item {
  /** stable across reloads of the page: remembered confirm/dismiss decisions are keyed by it */
  id: string;
  /** marker number (1-based) for fail/needsReview findings, 0 otherwise */
  n: number;
  reportIndex: number;
  finding: Finding;
}

/**
 * suspect: the unique suggested correction of a failing error; review: the same for a finding to review;
 * candidate: a cell of one of several equally simple corrections; related: the other printed cells of a broken
 * identity; blank: a blank cell the finding reads (a quiet mark, in addition to the others).
 */
export type MarkKind = 'suspect' | 'review' | 'candidate' | 'related' | 'blank';

export interface Mark {
  key: string;
  itemId: string;
  n: number;
  kind: MarkKind;
  /** error: a failing error-severity finding; review: the others drawn on the page */
  tone: 'error' | 'review';
  cell: string;
  rule: string;
  element: Element;
  /** the marker badge sits on one mark of each finding: its suggested cell, else the identity's first printed cell */
  marker: boolean;
  /** a suspect the report's text names among equally small corrections (Finding.textSupport) */
  textSupported?: boolean;
}

export interface Badge {
  key: string;
  table: TableId;
  element: Element;
}

export function findingId(reportIndex: number, f: Finding): string {
  const cells = f.cells.map(cellKey).sort().join(',');
  return `${reportIndex}|${f.rule}|${cells}`;
}

export function buildItems(page: CheckedPage): Item[] {
  const items: Item[] = [];
  page.reports.forEach(({ findings }, reportIndex) => {
    for (const f of findings) items.push({ id: findingId(reportIndex, f), n: 0, reportIndex, finding: f });
  });
  // Stable order for a stable numbering: most important first (core's order), reports in page order.
  items.sort((a, b) => importance(a.finding, b.finding) || a.reportIndex - b.reportIndex);
  let n = 0;
  for (const it of items) if (onPage(it.finding)) it.n = ++n;
  return items;
}

const STATUS_ORDER: Record<Finding['status'], number> = { fail: 0, needsReview: 1, notCheckable: 2, pass: 3 };
const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * core's byImportance, without its String.localeCompare on rule ids where that is not needed: the first
 * localeCompare of a page sets up an ICU collator, 6–24 ms of the first check in Chromium.
 */
export function importance(a: Finding, b: Finding): number {
  if (!ASCII_COLLATION) return byImportance(a, b);
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    Math.abs(b.difference ?? 0) - Math.abs(a.difference ?? 0) ||
    compareRuleIds(a.rule, b.rule)
  );
}

// In the Chinese and English collations (as in the root one), ids made of ASCII letters, digits and dots compare
// as their lower-cased text ('.' < digits < letters), then lower case before upper case at the first difference.
const ASCII_COLLATION = /^(zh|en)\b/i.test(globalThis.navigator?.language ?? '');
const RULE_ID = /^[A-Za-z0-9.]*$/;

/** Same sign as a.localeCompare(b) under ASCII_COLLATION. */
export function compareRuleIds(a: string, b: string): number {
  if (a === b) return 0;
  if (!RULE_ID.test(a) || !RULE_ID.test(b)) return a.localeCompare(b);
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] === la[i] ? -1 : 1;
  return 0;
}

/**
 * Drawn on the page and numbered: failures, and reviews worth a look. Info-level reviews (blank cells where
 * the identity still holds with blank as 0) are listed in the panel only, or a sparse table drowns in marks.
 */
export function onPage(f: Finding): boolean {
  return f.status === 'fail' || (f.status === 'needsReview' && f.severity !== 'info');
}

export function buildMarks(page: CheckedPage, items: Item[]): Mark[] {
  const marks: Mark[] = [];
  for (const it of items) {
    if (it.n === 0) continue;
    const { rr } = page.reports[it.reportIndex]!;
    const own = findingMarks(it.finding).flatMap(({ ref, kind }): Mark[] => {
      const cell = cellKey(ref);
      const element = rr.elements.get(cell);
      if (!element) return [];
      const tone = isError(it.finding) ? 'error' : 'review';
      // the suspect of a correction the report's own text supports among equally small ones (Finding.textSupport)
      const textSupported = kind === 'suspect' && it.finding.textSupport !== undefined ? { textSupported: true } : {};
      return [{ key: `${it.id}#${cell}`, itemId: it.id, n: it.n, kind, tone, cell, rule: it.finding.rule, element, marker: false, ...textSupported }];
    });
    // Blank cells to review carry no marker of their own (a sparse table would drown in numbers); an error always has one.
    const first = own.find((m) => m.kind !== 'related' && m.kind !== 'blank') ?? own.find((m) => m.kind === 'related');
    if (first) first.marker = true;
    marks.push(...own);
  }
  return marks;
}

function isError(f: Finding): boolean {
  return f.status === 'fail' && f.severity === 'error';
}

/**
 * The cells a finding drawn on the page marks, each once, the most telling kind first. A failing error outlines
 * every printed cell of its identity, and its suggested corrections (the unique suspect, or each alternative's cells
 * when several explain it equally) stand out from them; its blank cells keep their quiet mark as well.
 */
export function findingMarks(f: Finding): { ref: CellRef; kind: MarkKind }[] {
  const out = new Map<string, { ref: CellRef; kind: MarkKind }>();
  const add = (ref: CellRef, kind: MarkKind): void => {
    const key = cellKey(ref);
    if (!out.has(key)) out.set(key, { ref, kind });
  };
  // narrative findings (evidence = a sentence of the text) stay in the panel: the sentence is not a cell
  if (f.evidence && f.suspects.length === 0) return [];
  const blanks = new Set((f.blanks ?? []).map(cellKey));
  if (f.rule.startsWith('xy.')) {
    // a cross-year finding: only this year's side is on this page (last year's cells share the same ids)
    for (const c of f.leftCells ?? f.cells) add(c, isError(f) ? 'suspect' : 'review');
  } else if (isError(f)) {
    const inFinding = new Set(f.cells.map(cellKey));
    for (const s of f.suspects) add(s, 'suspect');
    if (f.ambiguous) for (const alt of f.alternatives ?? []) for (const s of alt) if (inFinding.has(cellKey(s))) add(s, 'candidate');
    // An identity's cells are only where the error may be; a cell rule's cells are the error itself.
    const identity = f.leftCells !== undefined || f.rightCells !== undefined;
    for (const c of f.cells) add(c, blanks.has(cellKey(c)) ? 'blank' : identity ? 'related' : 'suspect');
  } else if (f.suspects.length) {
    for (const s of f.suspects) add(s, 'review');
  } else if (blanks.size) {
    // blank cells of a finding to review: a quiet mark each (a sparse table would drown in outlines)
    for (const c of f.blanks!) add(c, 'blank');
  } else {
    for (const c of f.cells) add(c, 'review');
  }
  return [...out.values()];
}

/** A small "consistent" badge on every table whose identities all hold. */
export function buildBadges(page: CheckedPage, items: Item[]): Badge[] {
  const badges: Badge[] = [];
  page.reports.forEach(({ rr }, reportIndex) => {
    for (const table of rr.report.tablesFound) {
      const bad = items.some(
        (it) => it.reportIndex === reportIndex && it.n > 0 && it.finding.cells.some((c) => c.table === table),
      );
      const checked = items.some((it) => it.reportIndex === reportIndex && it.finding.status === 'pass' && it.finding.cells.some((c) => c.table === table));
      const el = rr.tableElements[table]?.[0];
      if (!bad && checked && el) badges.push({ key: `${reportIndex}:${table}`, table, element: el });
    }
  });
  return badges;
}

export interface Counts {
  fail: number;
  errors: number;
  needsReview: number;
  pass: number;
  notCheckable: number;
}

export function countItems(items: Item[], page: CheckedPage): Counts {
  const c: Counts = { fail: 0, errors: 0, needsReview: 0, pass: 0, notCheckable: 0 };
  for (const it of items) {
    c[it.finding.status]++;
    if (it.finding.status === 'fail' && it.finding.severity === 'error') c.errors++;
  }
  for (const r of page.reports) c.notCheckable += r.rr.report.notCheckable.length;
  return c;
}

/** What the overlay shows of a checked page: its findings in order, their marks, the badges and the counts. */
export function pageView(page: CheckedPage): { page: CheckedPage; items: Item[]; marks: Mark[]; badges: Badge[]; counts: Counts } {
  const items = buildItems(page);
  return { page, items, marks: buildMarks(page, items), badges: buildBadges(page, items), counts: countItems(items, page) };
}
