// What reading a page or a text produces.
import type { Report } from '../model/schema';

export interface ReadReport {
  report: Report;
  /** `table:row:col` → the element the cell was read from (DOM input only) */
  elements: Map<string, Element>;
  /** the <table> elements each table was read from, in order (DOM input only) */
  tableElements: Partial<Record<'t2' | 't3' | 't4', Element[]>>;
}

export interface ReadOptions {
  /** page address, for resolving attachment links and for the audit record */
  url?: string;
}
