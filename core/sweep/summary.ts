// The sweep's summary: one row per report source (a report page, its attachment, a file), its CSV columns and the
// counts behind them. One definition for the sweep command (which stores the rows in SQLite) and the extension's
// "check the reports listed on this page" (which keeps them in the browser): their summary CSVs are the same.
import Papa from 'papaparse';
import type { Finding, Report } from '../model/schema';
import { joinYears } from '../years';
import { FORMULA_START } from '../export/csv';
import { byImportance } from '../export/labels';

/** The summary CSV's columns, exactly these first and in this order; then where each report was read and found. */
export const SUMMARY_COLUMNS = [
  'source',
  'fetch',
  'agency',
  'year',
  'format',
  'errors',
  'warnings',
  'needs_review',
  'passed',
  'not_checkable',
  'first_error',
  'read_from',
  'found_on',
  'received',
] as const;

export interface SummaryRow {
  source: string;
  /** 'ok' or the one-line reason the source could not be checked */
  fetch: string;
  agency: string | null;
  year: number | null;
  format: string | null;
  errors: number;
  warnings: number;
  needs_review: number;
  passed: number;
  not_checkable: number;
  first_error: string | null;
  read_from: string | null;
  found_on: string | null;
  received: number | null;
}

export interface Counts {
  errors: number;
  warnings: number;
  needsReview: number;
  passed: number;
  notCheckable: number;
}

/** Counts as in the single-report summary: failures split by severity (errors; warnings and notes), review, passed. */
export function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, needsReview: 0, passed: 0, notCheckable: 0 };
  for (const f of findings) {
    if (f.status === 'fail') {
      if (f.severity === 'error') c.errors++;
      else c.warnings++;
    } else if (f.status === 'needsReview') c.needsReview++;
    else if (f.status === 'pass') c.passed++;
    else c.notCheckable++;
  }
  return c;
}

/** The message (zh) of the most important failing error. */
export function firstError(findings: readonly Finding[]): string | null {
  return [...findings].sort(byImportance).find((f) => f.status === 'fail' && f.severity === 'error')?.message.zh ?? null;
}

/** 表三 本年新收 总计: the applications the agency received, for the dashboard's chart */
export function received(report: Report): number | null {
  return report.cells.find((c) => c.table === 't3' && c.row === 'newReceived' && c.col === 'total')?.value ?? null;
}

export interface SweptReport {
  report: Report;
  findings: Finding[];
  /** where the tables were read: the page, or its attachment */
  readFrom: string;
}

/** One source of a sweep: what was asked for, where it was found, and the reports read from it (none on failure). */
export interface SweptSource {
  source: string;
  foundOn: string | null;
  fetch: string;
  reports: SweptReport[];
}

/** The summary row of a source: agency, year, format and counts of its first report; the first error of any. */
export function summaryRow(s: SweptSource): SummaryRow {
  const first = s.reports[0];
  const c = first ? countFindings(first.findings) : { errors: 0, warnings: 0, needsReview: 0, passed: 0, notCheckable: 0 };
  return {
    source: s.source,
    fetch: s.fetch,
    agency: first?.report.agency ?? null,
    year: first?.report.year ?? null,
    format: first?.report.format ?? null,
    errors: c.errors,
    warnings: c.warnings,
    needs_review: c.needsReview,
    passed: c.passed,
    not_checkable: c.notCheckable,
    first_error: s.reports.map((r) => firstError(r.findings)).find((e) => e !== null) ?? null,
    read_from: first?.readFrom ?? null,
    found_on: s.foundOn,
    received: first ? received(first.report) : null,
  };
}

/** A row's values in SUMMARY_COLUMNS order, a missing value as an empty cell. */
export function summaryValues(row: SummaryRow): (string | number)[] {
  return SUMMARY_COLUMNS.map((k) => row[k] ?? '');
}

/** The summary CSV: CRLF, formula-looking text neutralised (page text is untrusted), a BOM unless `bom: false`. */
export function summaryCsv(rows: readonly SummaryRow[], opts: { bom?: boolean } = {}): string {
  const body = Papa.unparse(
    { fields: [...SUMMARY_COLUMNS], data: rows.map(summaryValues) },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return (opts.bom === false ? '' : '\uFEFF') + body + '\r\n';
}

/**
 * The sources with each report joined with its agency's previous year among them, as `npm run check` joins several
 * years (core/years.ts) given the reports in the order of where they were read (`readFrom`): the sweep command's
 * store pairs them so too, whichever arrived first.
 */
export function withCrossYear(sources: readonly SweptSource[]): SweptSource[] {
  const all = sources.flatMap((s) => s.reports);
  const order = all.map((_, i) => i).sort((a, b) => byCodeUnit(all[a]!.readFrom, all[b]!.readFrom) || a - b);
  const joined: SweptReport[] = [];
  joinYears(order.map((i) => all[i]!)).forEach((r, k) => (joined[order[k]!] = r));
  let i = 0;
  return sources.map((s) => ({ ...s, reports: s.reports.map(() => joined[i++]!) }));
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
