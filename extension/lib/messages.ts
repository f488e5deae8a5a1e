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
  /** PDF attachments (or embedded PDFs) of the page's reports that can be checked on request and were not yet */
  pdfLinks?: string[];
  /** a PDF attachment is being downloaded and read */
  pdfReading?: boolean;
}

export type ToBackground =
  | { type: 'gidar:state'; summary: FrameSummary }
  | { type: 'gidar:getTab'; tabId: number }
  | { type: 'gidar:checkTab'; tabId: number }
  /** the PDF reader could not be imported (not a gov.cn page): inject it into the asking frame (activeTab) */
  | { type: 'gidar:loadPdfReader' }
  /** the sweep (lib/sweep.ts): a listed report on another gov.cn host, fetched under the host permission the user granted */
  | { type: 'gidar:sweepFetch'; url: string }
  /** the sweep: which of the list's other gov.cn hosts the user has not granted (the results page asks for them) */
  | { type: 'gidar:sweepUnpermitted'; hosts: string[] };

export type ToContent =
  | { type: 'gidar:setAnnotations'; on: boolean }
  | { type: 'gidar:export'; format: ExportFormat; table?: 't2' | 't3' | 't4' }
  | { type: 'gidar:openPanel' }
  | { type: 'gidar:ping' }
  /** from the popup: fetch and check this PDF attachment (the user asked for it) */
  | { type: 'gidar:checkPdf'; url: string }
  /** to the gov.cn bootstrap: check this page now (load the annotator, or check again) */
  | { type: 'gidar:checkNow' }
  /** "check the reports listed on this page" (lib/sweep.ts): how many; start (the user clicked); cancel */
  | { type: 'gidar:sweepCount' }
  | { type: 'gidar:sweepStart'; id: string; tabId: number | null }
  /** the results page: the user's answer to its request for the other hosts the sweep waits for */
  | { type: 'gidar:sweepPermission'; id: string; granted: boolean }
  | { type: 'gidar:sweepCancel'; id: string }
  /** the results page: is the sweep still running in this tab (not closed or navigated away)? */
  | { type: 'gidar:sweepAlive'; id: string };

export interface AuditData {
  url: string;
  title: string;
  checkedAt: string;
  /** `source`: the PDF a report was read from, when not the page */
  results: { report: Report; findings: Finding[]; source?: string }[];
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
