// Messages between the content scripts, the background and the popup.
import type { Finding, Report } from '../../core/model/schema';

export type ExportFormat = 'csv' | 'json' | 'tsv' | 'audit-md' | 'audit-html';

export interface FrameSummary {
  url: string;
  title: string;
  reports: number;
  tables: string[];
  fail: number;
  errors: number;
  needsReview: number;
  pass: number;
  notCheckable: number;
  annotations: boolean;
}

export type ToBackground =
  | { type: 'gidar:state'; summary: FrameSummary }
  | { type: 'gidar:getTab'; tabId: number }
  | { type: 'gidar:checkTab'; tabId: number };

export type ToContent =
  | { type: 'gidar:setAnnotations'; on: boolean }
  | { type: 'gidar:export'; format: ExportFormat; table?: 't2' | 't3' | 't4' }
  | { type: 'gidar:openPanel' }
  | { type: 'gidar:ping' }
  /** to the gov.cn bootstrap: check this page now (load the annotator, or check again) */
  | { type: 'gidar:checkNow' };

export interface AuditData {
  url: string;
  title: string;
  checkedAt: string;
  results: { report: Report; findings: Finding[] }[];
}

export interface ExportResult {
  ok: boolean;
  /** audit formats: the data the popup builds the record from */
  audit?: AuditData;
  filename?: string;
  mime?: string;
  text?: string;
  error?: string;
}

export interface TabState {
  frames: { frameId: number; summary: FrameSummary }[];
}
