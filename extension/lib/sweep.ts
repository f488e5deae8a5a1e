// "Check the reports listed on this page", the content script's half (a lazily loaded chunk, sweep.js): the report
// links core's discovery finds on the page, then each fetched off-page (same origin with the page's cookies; another
// gov.cn host through the background, only once the user granted it), read and checked with core — an attachment
// (PDF) instead of a page that only links it, as the sweep command does — through the sweep command's per-host
// throttle. Progress and results go to extension storage, where the results page reads them.
import { browser } from 'wxt/browser';
import { reportAttachment } from '../../core/discover';
import { charsetFromContentType, classifyBytes, type Decoder } from '../../core/read/bytes';
import { readDocument } from '../../core/read/dom';
import { readText } from '../../core/read/text';
import { isReport } from '../../core/read/types';
import type { Report } from '../../core/model/schema';
import { summaryRow, withCrossYear, type SweptSource } from '../../core/sweep/summary';
import { HostThrottle } from '../../core/sweep/throttle';
import { checkReport } from './core';
import type { ToContent } from './messages';
import { listedReports } from './listed-reports';
import { nextTask } from './next-task';
import { cMapUrl, loadPdfReader } from './pdf-download';
export { listedReports, type ListedReports } from './listed-reports';
import { addSweep, base64ToBytes, saveSweep, type SweepLink, type SweepRecord } from './sweep-store';

declare global {
  var __gidarSweep: { handle(msg: ToContent): Promise<unknown> } | undefined;
}

interface Fetched {
  finalUrl: string;
  contentType: string | null;
  bytes: Uint8Array;
}

class SourceError extends Error {}

const textDecoder: Decoder = (bytes, charset) => {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return null;
  }
};

/** An address's bytes: same origin from here with the page's cookies; another gov.cn host through the background. */
async function fetchBytes(url: string, signal: AbortSignal, waitForGrant: boolean): Promise<Fetched> {
  if (new URL(url).origin !== location.origin) {
    const res = (await browser.runtime.sendMessage({ type: 'gidar:sweepFetch', url, waitForGrant })) as
      { ok: true; finalUrl: string; contentType: string | null; body: string } | { ok: false; error: string } | undefined;
    if (!res) throw new SourceError('cannot fetch: no answer');
    if (!res.ok) throw new SourceError(res.error);
    return { finalUrl: res.finalUrl, contentType: res.contentType, bytes: base64ToBytes(res.body) };
  }
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', signal });
  } catch (e) {
    throw new SourceError(signal.aborted ? 'cancelled' : `cannot fetch: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new SourceError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  return { finalUrl: res.url || url, contentType: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** The reports in fetched bytes, read as the sweep command reads them (no report: a SourceError). */
async function readFetched(f: Fetched, source: string): Promise<Report[]> {
  const got = classifyBytes(f.finalUrl, f.bytes, textDecoder, charsetFromContentType(f.contentType));
  if ('code' in got) throw new SourceError(got.en);
  let reports: Report[];
  if (got.kind === 'pdf') {
    const reader = await loadPdfReader();
    reports = await reader.read(got.bytes, source, { yieldTask: nextTask, cMapUrl: cMapUrl() });
  } else if (got.kind === 'html') {
    const doc = new DOMParser().parseFromString(got.text, 'text/html');
    reports = readDocument(doc, { url: f.finalUrl }).map((r) => r.report);
  } else reports = readText(got.text, { source });
  reports = reports.filter(isReport);
  if (!reports.length) throw new SourceError(`no annual-report statistics table found: ${source}`);
  return reports;
}

/** One listed report: its page, or the attachment the page only links, read and checked. */
async function checkSource(
  link: SweepLink,
  listUrl: string,
  throttle: HostThrottle,
  signal: AbortSignal,
  waitForGrant: boolean,
): Promise<SweptSource> {
  const source: SweptSource = { source: link.url, foundOn: listUrl, fetch: 'ok', reports: [] };
  const get = (url: string): Promise<Fetched> =>
    throttle.run(url, () => (signal.aborted ? Promise.reject(new SourceError('cancelled')) : fetchBytes(url, signal, waitForGrant)));
  try {
    const page = await get(link.url);
    const reports = await readFetched(page, link.url);
    await nextTask();
    source.reports = reports.map((report) => ({ report, findings: checkReport(report), readFrom: link.url }));
    const attachment = reports.length === 1 ? reportAttachment(reports[0]!, page.finalUrl) : null;
    if (!attachment) return source;
    try {
      const inner = await readFetched(await get(attachment), attachment);
      const first = reports[0]!;
      source.reports = inner.map((r) => {
        // the page names agency and year better than a PDF's first lines when the PDF does not
        const report = { ...r, agency: r.agency ?? first.agency, year: r.year ?? first.year };
        return { report, findings: checkReport(report), readFrom: attachment };
      });
    } catch (e) {
      return { ...source, fetch: `attachment ${attachment}: ${reason(e)}` };
    }
    return source;
  } catch (e) {
    return { ...source, fetch: reason(e) };
  }
}

function reason(e: unknown): string {
  const text = e instanceof SourceError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
  return text.replace(/\s+/g, ' ').trim();
}

const running = new Map<string, AbortController>();

/** Runs a sweep of the page's listed reports, storing each result as it comes; resolves when all are done or cancelled. */
/** `otherHostsAsked`: the user is being asked for the other hosts; their reports wait for the answer (background). */
export async function runSweep(id: string, tabId: number | null, otherHostsAsked: boolean): Promise<void> {
  const listUrl = location.href;
  const { links } = listedReports(document, listUrl);
  const abort = new AbortController();
  running.set(id, abort);
  const rec: SweepRecord = {
    id,
    listUrl,
    listTitle: document.title,
    tabId,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    state: 'running',
    links,
    rows: links.map(() => null),
  };
  await addSweep(rec);
  const throttle = new HostThrottle();
  const sources: (SweptSource | null)[] = links.map(() => null);
  // one write at a time, each with every row so far (cross-year findings can change an earlier row); the source as
  // checked alone, which loadSources joins with the others as the rows are
  let writing = Promise.resolve();
  const store = (index?: number): Promise<void> => {
    writing = writing.then(async () => {
      const done = sources.flatMap((s, i) => (s ? [[i, s] as const] : []));
      const joined = withCrossYear(done.map(([, s]) => s));
      rec.rows = links.map(() => null);
      done.forEach(([i], k) => (rec.rows[i] = summaryRow(joined[k]!)));
      const k = index === undefined ? -1 : done.findIndex(([i]) => i === index);
      await saveSweep(rec, k >= 0 ? { index: index!, value: done[k]![1] } : undefined).catch((e: unknown) =>
        console.warn('[gidar] sweep not stored:', e),
      );
    });
    return writing;
  };
  await Promise.all(
    links.map(async (link, i) => {
      const s = await checkSource(link, listUrl, throttle, abort.signal, otherHostsAsked);
      if (abort.signal.aborted) return;
      sources[i] = s;
      await store(i);
    }),
  );
  running.delete(id);
  rec.state = abort.signal.aborted ? 'cancelled' : 'done';
  rec.finishedAt = new Date().toISOString();
  await store();
}

export function cancelSweep(id: string): boolean {
  const c = running.get(id);
  c?.abort();
  return !!c;
}

/** The chunk's entry: the popup's and the results page's messages, forwarded by the bootstrap (content.ts). */
export async function handleSweepMessage(msg: ToContent): Promise<unknown> {
  if (msg.type === 'gidar:sweepCount') return listedReports(document, location.href);
  if (msg.type === 'gidar:sweepStart') {
    void runSweep(msg.id, msg.tabId, msg.otherHosts).catch((e: unknown) => console.warn('[gidar] sweep failed:', e));
    return { ok: true };
  }
  if (msg.type === 'gidar:sweepCancel') return { ok: cancelSweep(msg.id) };
  if (msg.type === 'gidar:sweepAlive') return { alive: running.has(msg.id) };
  return undefined;
}
