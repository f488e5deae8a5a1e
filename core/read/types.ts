// What reading a page or a text produces.
import type { Report } from '../model/schema';

export interface ReadReport {
  report: Report;
  /** `table:row:col` → the element the cell was read from (DOM input only) */
  elements: Map<string, Element>;
  /** the <table> elements each table was read from, in order (DOM input only) */
  tableElements: Partial<Record<'t2' | 't3' | 't4', Element[]>>;
  /** the smallest element holding the report's tables and section headings (DOM input; absent when that is the whole page) */
  root?: Element;
}

export interface ReadOptions {
  /** page address, for resolving attachment links and for the audit record */
  url?: string;
}

/**
 * The readers return a skeleton for any text; it is a report when something of one was recognised: cells,
 * a format, a report title, or tables that exist but cannot be read (image, attachment, embedded PDF).
 */
export function isReport(r: Report): boolean {
  return r.cells.length > 0 || r.format !== 'unknown' || r.title !== null || r.notCheckable.some((n) => n.reason !== 'missing');
}
