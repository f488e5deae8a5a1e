// Checking a PDF: download it, load the PDF reader chunk (pdf.js), read it yielding between pages, check its reports.
// Shared by the annotator (a page's attachment) and the popup (a PDF open in the tab itself). No pdf.js here.
import { browser } from 'wxt/browser';
import type { Report } from '../../core/model/schema';
import { checkReport } from './core';
import { previousYear, withPreviousYear } from './history';
import type { CheckedPage } from './model';
import { looksLikePdf, PdfReadError } from './pdf-items';
import type { PdfReader } from './pdf-reader';
import { nextTask } from './next-task';


/** a PDF larger than this is not downloaded (annual reports are a few MB) */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;
export const PDF_TIMEOUT_MS = 60_000;

/**
 * The PDF's bytes; a failure is a PdfReadError. `credentials`: the annotator sends the page's cookies to its own
 * origin only; the popup sends them to the tab's origin (the PDF the user has open).
 */
export async function downloadPdf(url: string, credentials: RequestCredentials): Promise<Uint8Array> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), PDF_TIMEOUT_MS);
  try {
    let res: Response;
    try {
      res = await fetch(url, { credentials, signal: abort.signal });
    } catch {
      // another site's file without CORS headers (no grant), a refused connection, or our timeout
      throw new PdfReadError(abort.signal.aborted ? 'timeout' : 'blocked');
    }
    if (!res.ok) throw new PdfReadError('http', String(res.status));
    if (Number(res.headers.get('content-length') ?? 0) > MAX_PDF_BYTES) throw new PdfReadError('tooLarge');
    let buffer: ArrayBuffer;
    try {
      buffer = await res.arrayBuffer();
    } catch {
      throw new PdfReadError(abort.signal.aborted ? 'timeout' : 'blocked');
    }
    const bytes = new Uint8Array(buffer);
    if (bytes.length > MAX_PDF_BYTES) throw new PdfReadError('tooLarge');
    if (!looksLikePdf(bytes)) throw new PdfReadError('notPdf');
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The PDF reader chunk (pdf.js and core's PDF reader), which leaves its entry point in this world: imported from the
 * extension in an extension page or on gov.cn (web-accessible there, as the annotator); elsewhere injected by the
 * background under the toolbar's activeTab grant that brought the annotator.
 */
export async function loadPdfReader(): Promise<PdfReader> {
  if (!globalThis.__gidarPdfReader) {
    const extensionPage = /^(chrome|moz)-extension:$/.test(location.protocol);
    if (extensionPage || /(^|\.)gov\.cn$/i.test(location.hostname)) {
      await import(/* @vite-ignore */ ownUrl('/pdf-reader.js')).catch(() => undefined);
    }
    if (!globalThis.__gidarPdfReader && !extensionPage) await browser.runtime.sendMessage({ type: 'gidar:loadPdfReader' }).catch(() => undefined);
  }
  if (!globalThis.__gidarPdfReader) throw new PdfReadError('unreadable', 'the PDF reader could not be loaded');
  return globalThis.__gidarPdfReader;
}

/**
 * An extension file's address for this world. In Chromium runtime.getURL() gives the per-session dynamic address
 * of web-accessible files (wxt.config.ts: use_dynamic_url), which a content script must use; the extension's own
 * pages (the popup) may load only from their own origin ('self' in their CSP), the static one.
 */
function ownUrl(path: string): string {
  if (/^(chrome|moz)-extension:$/.test(location.protocol)) return new URL(path, location.origin).href;
  return (browser.runtime.getURL as (path: string) => string)(path);
}

/** where the build puts pdf.js's Chinese cMaps (wxt.config.ts; not a typed public path: copied by a build hook) */
export const cMapUrl = (): string => ownUrl('/cmaps/');

/**
 * The PDF at `url` downloaded, read (one page per task) and its reports checked, with last year's findings when
 * its agency's previous year was checked here; each report names the PDF as its source. A failure is a PdfReadError.
 */
export async function checkPdfAt(url: string, credentials: RequestCredentials): Promise<{ reports: Report[]; checked: CheckedPage['reports'] }> {
  const [bytes, reader] = await Promise.all([downloadPdf(url, credentials), loadPdfReader()]);
  performance.mark('gidar:pdf-loaded');
  const reports = await reader.read(bytes, url, { yieldTask: nextTask, cMapUrl: cMapUrl() });
  performance.mark('gidar:pdf-read');
  const checked: CheckedPage['reports'] = [];
  for (const report of reports) {
    await nextTask();
    const findings = withPreviousYear(report, checkReport(report), await previousYear(report, url).catch(() => null));
    checked.push({ rr: { report, elements: new Map(), tableElements: {} }, findings, source: url });
  }
  performance.mark('gidar:pdf-checked');
  return { reports, checked };
}
