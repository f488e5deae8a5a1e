// Tidy CSV: one row per cell, stable column names (spec §0 ids plus labels for people).
import Papa from 'papaparse';
import type { Report } from '../model/schema';
import { colLabel, rowLabel } from './labels';

export const CSV_COLUMNS = ['source', 'agency', 'year', 'format', 'table', 'row', 'row_label', 'col', 'col_label', 'value', 'raw'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface CsvOptions {
  /** UTF-8 byte-order mark, so Excel opens the Chinese text correctly. Default true. */
  bom?: boolean;
}

/**
 * Page text is untrusted: a cell starting with = + @ (or - not followed by a number) would run as a
 * spreadsheet formula, so papaparse prefixes it with a quote. Signed numbers (F2019 itemsDelta "-185") stay.
 */
export const FORMULA_START = /^(?:[=+@\t\r]|-(?!\d+(?:\.\d+)?$))/;

export function csvRows(
  source: string,
  reports: readonly Pick<Report, 'agency' | 'year' | 'format' | 'cells'>[],
): Record<CsvColumn, string | number>[] {
  return reports.flatMap((r) =>
    r.cells.map((c) => ({
      source,
      agency: r.agency ?? '',
      year: r.year ?? '',
      format: r.format,
      table: c.table,
      row: c.row,
      row_label: c.table === 't4' ? '' : rowLabel(c.table, r.format, c.row),
      col: c.col,
      col_label: colLabel(c.table, r.format, c.col),
      value: c.value ?? '',
      raw: c.raw,
    })),
  );
}

export function toCsv(
  source: string,
  reports: readonly Pick<Report, 'agency' | 'year' | 'format' | 'cells'>[],
  opts: CsvOptions = {},
): string {
  return toCsvBySource([{ source, reports }], opts);
}

/** One CSV of reports read from several sources (a page and the PDF attachment it links), each row naming its own. */
export function toCsvBySource(
  groups: readonly { source: string; reports: readonly Pick<Report, 'agency' | 'year' | 'format' | 'cells'>[] }[],
  opts: CsvOptions = {},
): string {
  const rows = groups.flatMap((g) => csvRows(g.source, g.reports));
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows.map((row) => CSV_COLUMNS.map((k) => row[k])) },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return (opts.bom === false ? '' : '\uFEFF') + body + '\r\n';
}
