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

export type MarkKind = 'suspect' | 'review' | 'related' | 'blank';

export interface Mark {
  key: string;
  itemId: string;
  n: number;
  kind: MarkKind;
  cell: string;
  rule: string;
  element: Element;
  /** the marker badge sits on the first mark of each finding */
  marker: boolean;
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
    const f = it.finding;
    const own: Mark[] = [];
    const add = (ref: CellRef, kind: MarkKind): void => {
      const cell = cellKey(ref);
      const element = rr.elements.get(cell);
      if (!element || own.some((m) => m.cell === cell)) return;
      own.push({ key: `${it.id}#${cell}`, itemId: it.id, n: it.n, kind, cell, rule: f.rule, element, marker: false });
    };
    const strong: MarkKind = f.status === 'fail' && f.severity === 'error' ? 'suspect' : 'review';
    if (f.suspects.length) {
      for (const s of f.suspects) add(s, strong);
      // the other cells of a broken identity, softer
      if (f.status === 'fail' && f.severity === 'error') for (const c of f.cells) add(c, 'related');
    } else if (f.blanks?.length) {
      // blank cells: a quiet mark each, no number (a sparse table would drown in markers)
      for (const c of f.blanks) add(c, 'blank');
    } else if (f.rule.startsWith('xy.')) {
      // a cross-year finding: only this year's side is on this page (last year's cells share the same ids)
      for (const c of f.leftCells ?? f.cells) add(c, strong);
    } else if (!f.evidence) {
      // an identity that fails with no single suspect: outline its cells
      for (const c of f.cells) add(c, strong);
    }
    // narrative findings (evidence = a sentence of the text) stay in the panel: the sentence is not a cell
    const first = own.find((m) => m.kind !== 'blank' && m.kind !== 'related');
    if (first) first.marker = true;
    marks.push(...own);
  }
  return marks;
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
