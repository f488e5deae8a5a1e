// The public JSON contract, version 1 (spec §0): what `--json` prints and what the extension exports.
import type { Contract, Finding, Report } from '../model/schema';

export interface CheckedReport {
  report: Report;
  findings: Finding[];
  /** where this report was read from, when not the contract's source (a page's PDF attachment) */
  source?: string;
}

/** Contract cells keep only the public fields; `source`/`unit` are reading details, not contract. */
export function contractCells(report: Pick<Report, 'cells'>): Contract['reports'][number]['cells'] {
  return report.cells.map((c) => ({ table: c.table, row: c.row, col: c.col, raw: c.raw, value: c.value, kind: c.kind }));
}

export function toContract(source: string, results: readonly CheckedReport[]): Contract {
  return {
    version: 1,
    source,
    reports: results.map(({ report, findings, source: own }) => ({
      ...(own !== undefined && own !== source ? { source: own } : {}),
      format: report.format,
      year: report.year,
      agency: report.agency,
      cells: contractCells(report),
      findings,
      notCheckable: report.notCheckable,
    })),
  };
}

/** Stable, key-sorted JSON (no whitespace): the form the audit digest is computed over. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}
