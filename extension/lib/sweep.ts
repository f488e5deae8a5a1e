// "Check the reports listed on this page", the content script's half (a lazily loaded chunk, sweep.js): the report
// links core's discovery finds on the page, then each fetched off-page (same origin with the page's cookies; another
// gov.cn host through the background, only once the user granted it on the results page), read and checked with core — an attachment
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
import type { ToBackground, ToContent } from './messages';
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

/** Rejects with "cancelled" once the sweep is cancelled, whether or not `p` has ended (a cancel waits for no one). */
function unlessCancelled<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const cancelled = (): void => reject(new SourceError('cancelled'));
    if (signal.aborted) return cancelled();
    signal.addEventListener('abort', cancelled, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', cancelled));
  });
}

/** An address's bytes: same origin from here with the page's cookies; another gov.cn host through the background. */
async function fetchBytes(url: string, signal: AbortSignal): Promise<Fetched> {
  if (new URL(url).origin !== location.origin) {
    const res = (await unlessCancelled(browser.runtime.sendMessage({ type: 'gidar:sweepFetch', url } satisfies ToBackground), signal)) as
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

/**
 * One listed report: its page, or the attachment the page only links, read and checked. `mayFetch`: resolves when
 * an address may be fetched (another host waits for the user's answer), rejects with the reason it may not.
 */
async function checkSource(
  link: SweepLink,
  listUrl: string,
  throttle: HostThrottle,
  signal: AbortSignal,
  mayFetch: (url: string) => Promise<void>,
): Promise<SweptSource> {
  const source: SweptSource = { source: link.url, foundOn: listUrl, fetch: 'ok', reports: [] };
  const get = async (url: string): Promise<Fetched> => {
    await mayFetch(url);
    return throttle.run(url, () => (signal.aborted ? Promise.reject(new SourceError('cancelled')) : fetchBytes(url, signal)));
  };
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

interface Running {
  abort: AbortController;
  /** the user's answer to the results page's request for the other hosts */
  answered(granted: boolean): void;
}
const running = new Map<string, Running>();

/**
 * Runs a sweep of the page's listed reports, storing each result as it comes; resolves when all are done or
 * cancelled. The reports on other gov.cn hosts the user has not granted wait for the answer to the request the
 * results page makes (a click there: the popup cannot ask, as the results tab it opens would dismiss the prompt).
 */
export async function runSweep(id: string, tabId: number | null): Promise<void> {
  const listUrl = location.href;
  const { links, otherHosts } = listedReports(document, listUrl);
  const abort = new AbortController();
  let answered = (_granted: boolean): void => undefined;
  const answer = new Promise<boolean>((resolve) => (answered = resolve));
  running.set(id, { abort, answered: (granted) => answered(granted) });
  // no answer from the background: ask for all of them (granting a held host again costs the user nothing)
  const awaiting = otherHosts.length
    ? (((await browser.runtime
        .sendMessage({ type: 'gidar:sweepUnpermitted', hosts: otherHosts } satisfies ToBackground)
        .catch(() => undefined)) as string[] | undefined) ?? otherHosts)
    : [];
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
    awaiting,
  };
  await addSweep(rec);
  const throttle = new HostThrottle();
  const sources: (SweptSource | null)[] = links.map(() => null);
  // one write at a time, each with every row so far (cross-year findings can change an earlier row)
  let writing = Promise.resolve();
  const store = (index?: number): Promise<void> => {
    writing = writing.then(async () => {
      const done = sources.flatMap((s, i) => (s ? [[i, s] as const] : []));
      const joined = withCrossYear(done.map(([, s]) => s));
      rec.rows = links.map(() => null);
      done.forEach(([i], k) => (rec.rows[i] = summaryRow(joined[k]!)));
      const k = index === undefined ? -1 : done.findIndex(([i]) => i === index);
      await saveSweep(rec, k >= 0 ? { index: index!, value: joined[k]! } : undefined).catch((e: unknown) =>
        console.warn('[gidar] sweep not stored:', e),
      );
    });
    return writing;
  };
  const mayFetch = async (url: string): Promise<void> => {
    if (!awaiting.includes(new URL(url).hostname)) return;
    if (!(await unlessCancelled(answer, abort.signal))) throw new SourceError(`on another host, not permitted: ${url}`);
  };
  void answer.then(() => {
    rec.awaiting = [];
    return store();
  });
  await Promise.all(
    links.map(async (link, i) => {
      const s = await checkSource(link, listUrl, throttle, abort.signal, mayFetch);
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
  c?.abort.abort();
  return !!c;
}

/** The chunk's entry: the popup's and the results page's messages, forwarded by the bootstrap (content.ts). */
export async function handleSweepMessage(msg: ToContent): Promise<unknown> {
  if (msg.type === 'gidar:sweepCount') return listedReports(document, location.href);
  if (msg.type === 'gidar:sweepStart') {
    void runSweep(msg.id, msg.tabId).catch((e: unknown) => console.warn('[gidar] sweep failed:', e));
    return { ok: true };
  }
  if (msg.type === 'gidar:sweepPermission') {
    const r = running.get(msg.id);
    r?.answered(msg.granted);
    return { ok: !!r };
  }
  if (msg.type === 'gidar:sweepCancel') return { ok: cancelSweep(msg.id) };
  if (msg.type === 'gidar:sweepAlive') return { alive: running.has(msg.id) };
  return undefined;
}
