// Exports of the checked data: JSON contract, tidy CSV, clipboard TSV, audit record.
export { toContract, contractCells, canonicalJson, type CheckedReport } from './json';
export { toCsv, csvRows, CSV_COLUMNS, type CsvColumn, type CsvOptions } from './csv';
export { tableTsv } from './tsv';
export {
  buildAuditRecord,
  auditMarkdown,
  auditHtml,
  cellsDigestInput,
  sha256Hex,
  escapeHtml,
  escapeMarkdown,
  type AuditInput,
  type AuditRecord,
} from './audit';
export { arithmetic, suspectLines, byImportance, hasFailingError, cellName, rowLabel, colLabel, formatName, type Lang } from './labels';
