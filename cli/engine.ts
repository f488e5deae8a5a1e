// The core entry points the CLI and the bench use: read a DOM, read a text, check a report.
// One seam, so tests and the bench see exactly what the CLI runs.
import type { Finding, Report } from '../core/model/schema';
import type { ReadReport } from '../core/read/types';
import { readDocument } from '../core/read/dom';
import { readText } from '../core/read/text';
import { readPdf, type PdfPage } from '../core/read/pdf';
import { checkPair, checkReport } from '../core/check';

export type ReadDocument = (doc: Document, opts?: { url?: string }) => ReadReport[];
export type ReadText = (text: string, opts?: { source?: string }) => Report[];
export type ReadPdf = (pages: readonly PdfPage[], opts?: { source?: string }) => Report[];
export type CheckReport = (report: Report) => Finding[];
export type CheckPair = (previous: Report, current: Report) => Finding[];

export interface Engine {
  readDocument: ReadDocument;
  readText: ReadText;
  /** a PDF's text layer (positioned text items per page, from cli/pdf.ts) */
  readPdf: ReadPdf;
  checkReport: CheckReport;
  /** the cross-year rules (spec §7.6) for one agency's reports of two consecutive years */
  checkPair: CheckPair;
}

const engine: Engine = { readDocument, readText, readPdf, checkReport, checkPair };

export function loadEngine(): Promise<Engine> {
  return Promise.resolve(engine);
}
