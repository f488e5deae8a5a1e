// Reading and checking the page's reports: the page's blocks and tables, locating and mapping them, then one report
// at a time, each with last year's report of its agency if that was checked in this browser. Each step is a task of
// its own, so that none holds the page's main thread for long; a newer check supersedes one still running.
// The first check of a page draws from a quick pass (the tables' rules and their localization, without the rules
// that read the narrative or last year's comparison), then completes it once the page is idle without running those
// rules or the localization again (core's checkInTwoPasses).
import type { Finding } from '../../core/model/schema';
import type { ReadReport } from '../../core/read/types';
import { checkInTwoPasses, checkReport, readScanned, scanPage } from './core';
import { previousYear, withPreviousYear, type Remembered } from './history';
import { joinPdfReports, type CheckedPage } from './model';
import { nextTask } from './next-task';
import { takePrescan } from './prescan';

export interface PageCheck {
  page: CheckedPage;
  /** the reader or checker failed: one line for the panel */
  error: string | null;
}

export interface PageCheckSteps {
  /** the reports read from PDF attachments on request: they join every check of the page */
  pdfReports: CheckedPage['reports'];
  /** false once a newer check has started: this one stops at its next step */
  current(): boolean;
  /** the page has been read (before checking): `reports` report-like findings */
  read(reports: number): void;
}

/** A page read, its reports not yet (or not wholly) checked. */
export interface PageRead {
  found: ReadReport[];
  error: string | null;
  /** last year's report of each found report's agency, looked up while this year's is checked */
  previous: Promise<Remembered | null>[];
  /** each found report's whole check after a quick pass: the quick pass's work is not done again */
  completions: (() => Finding[])[];
}

/** The rules that read the narrative (txt.*, and the meta rules that read the text): a quick pass leaves them for later. */
const readsText = (rule: { reads: readonly string[] }): boolean => rule.reads.includes('text');

/** Read the page (the bootstrap's scan when it has one); null when superseded. */
export async function readPage(doc: Document, url: string, steps: PageCheckSteps): Promise<PageRead | null> {
  let error: string | null = null;
  let found: ReadReport[] = [];
  try {
    // the first check's page was read ahead by the bootstrap while this code loaded (prescan.ts)
    const ahead = takePrescan();
    const scan = ahead ?? scanPage(doc);
    if (!ahead && !(scan instanceof Error)) {
      await nextTask();
      if (!steps.current()) return null;
    }
    const read = readScanned(scan, { url });
    // A page without any report table reads as one empty report with every table "missing": not a report.
    found = read.filter((rr) => rr.report.tablesFound.length > 0 || rr.report.notCheckable.some((n) => n.reason !== 'missing'));
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  steps.read(found.length);
  const previous = found.map((rr) => previousYear(rr.report, url).catch(() => null));
  return { found, error, previous, completions: [] };
}

/**
 * The page's checked reports; null when superseded. `quick`: the tables' rules only (see the file's head); else every
 * rule and, where last year's report of the agency was checked here, the cross-year ones.
 */
export async function checkRead(read: PageRead, url: string, steps: Omit<PageCheckSteps, 'read'>, quick = false): Promise<PageCheck | null> {
  // the PDF attachments read on request stay, whatever this reading of the page gives
  let page: CheckedPage = { reports: [...steps.pdfReports] };
  let error = read.error;
  if (error !== null) return { page, error };
  try {
    const reports: CheckedPage['reports'] = [];
    for (const [i, rr] of read.found.entries()) {
      await nextTask();
      if (!steps.current()) return null;
      if (quick) {
        const pass = checkInTwoPasses(rr.report, (rule) => !readsText(rule));
        read.completions[i] = pass.complete;
        reports.push({ rr, findings: pass.findings });
        continue;
      }
      const findings = read.completions[i]?.() ?? checkReport(rr.report);
      reports.push({ rr, findings: withPreviousYear(rr.report, findings, await read.previous[i]!) });
    }
    page = { reports: joinPdfReports(reports, steps.pdfReports, url) };
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  return { page, error };
}
