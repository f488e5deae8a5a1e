// "Check the reports listed on this page", the content script's half (a lazily loaded chunk, sweep.js): the report
// links core's discovery finds on the page, then each fetched off-page (same origin with the page's cookies; another
// gov.cn host through the background, only once the user granted it on the results page), read and checked with core — an attachment
// (PDF) instead of a page that only links it, as the sweep command does — through the sweep command's per-host
// throttle. Progress and results go to extension storage, where the results page reads them.
import { browser } from 'wxt/browser';
import { groupProblem, jpageAnswer, reportAttachment, type JpageAnswer, type JpageGroup } from '../../core/discover';
import { charsetFromContentType, classifyBytes, decodeBytes, type Decoder } from '../../core/read/bytes';
import { readDocument } from '../../core/read/dom';
import { readText } from '../../core/read/text';
import { isReport } from '../../core/read/types';
import type { Report } from '../../core/model/schema';
import { summaryRow, withCrossYear, type SweptSource } from '../../core/sweep/summary';
import { HostThrottle } from '../../core/sweep/throttle';
import { checkReport } from './core';
import { remember } from './history';
import type { ToBackground, ToContent } from './messages';
import { listedReports, mayFetch } from './listed-reports';
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

/** One same-origin request to a jpage list's data proxy, with the page's cookies, as the page's own script makes it. */
async function askProxy(url: string, init: RequestInit, signal: AbortSignal, listUrl: string): Promise<JpageAnswer> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, credentials: 'same-origin', signal });
  } catch (e) {
    throw new SourceError(signal.aborted ? 'cancelled' : `cannot fetch: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new SourceError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  const text = decodeBytes(new Uint8Array(await res.arrayBuffer()), charsetFromContentType(res.headers.get('content-type')), textDecoder);
  if ('code' in text) throw new SourceError(text.en);
  const answer = jpageAnswer(text.text, listUrl);
  const problem = groupProblem(answer);
  if (problem) throw new SourceError(problem);
  return answer!;
}

/** A further group of a jpage list: POSTed as the page's script does; asked again as a GET when that is refused. */
async function fetchGroup(g: JpageGroup, signal: AbortSignal, listUrl: string): Promise<JpageAnswer> {
  const form = { method: 'POST', body: g.body, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' } };
  try {
    return await askProxy(g.url, form, signal, listUrl);
  } catch (posted) {
    if (signal.aborted || !/^HTTP 4|answered no /.test((posted as Error).message)) throw posted;
    try {
      return await askProxy(g.getUrl, {}, signal, listUrl);
    } catch (got) {
      throw new SourceError(`${reason(posted)}; as a GET: ${reason(got)}`);
    }
  }
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
 * One listed report: its page, or the attachment the page only links, read and checked. `permitted`: resolves when
 * an address may be fetched (another host waits for the user's answer), rejects with the reason it may not.
 */
async function checkSource(
  link: SweepLink,
  listUrl: string,
  throttle: HostThrottle,
  signal: AbortSignal,
  permitted: (url: string) => Promise<void>,
): Promise<SweptSource> {
  const source: SweptSource = { source: link.url, foundOn: listUrl, fetch: 'ok', reports: [] };
  const get = async (url: string): Promise<Fetched> => {
    await permitted(url);
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
 * cancelled. A jpage list's further groups are asked of the site meanwhile; their reports join the sweep as they
 * come. The reports on other gov.cn hosts the user has not granted wait for the answer to the request the results
 * page makes (a click there: the popup cannot ask, as the results tab it opens would dismiss the prompt).
 */
export async function runSweep(id: string, tabId: number | null): Promise<void> {
  const listUrl = location.href;
  const listed = listedReports(document, listUrl);
  const links = [...listed.links];
  const { otherHosts } = listed;
  const abort = new AbortController();
  let answered!: (granted: boolean) => void;
  const answer = new Promise<boolean>((resolve) => (answered = resolve));
  running.set(id, { abort, answered });
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
  const whenPermitted = async (url: string): Promise<void> => {
    if (!awaiting.includes(new URL(url).hostname)) return;
    if (!(await unlessCancelled(answer, abort.signal))) throw new SourceError(`on another host, not permitted: ${url}`);
  };
  void answer.then(() => {
    rec.awaiting = [];
    return store();
  });
  const settle = (i: number, s: SweptSource): Promise<void> => {
    if (abort.signal.aborted) return Promise.resolve();
    sources[i] = s;
    const stored = store(i);
    // kept as a report checked on its own page is, so that its page opened from the results row compares it with
    // the year before as the row does; one at a time after the sweep's write (remember rewrites the history index)
    writing = writing.then(async () => {
      for (const r of s.reports) await remember(r.report, r.readFrom, links[i]!.title).catch(() => undefined);
    });
    return stored;
  };
  const check = (i: number): Promise<void> =>
    checkSource(links[i]!, listUrl, throttle, abort.signal, whenPermitted).then((s) => settle(i, s));
  const add = (link: SweepLink): number => {
    links.push(link);
    sources.push(null);
    return links.length - 1;
  };
  // this origin's reports and those on the hosts the results page asks for; no new host can be asked now
  const hosts = new Set([location.hostname, ...otherHosts]);
  const known = new Set(links.map((l) => l.url));
  const join = (found: readonly { url: string; title: string }[]): Promise<unknown> => {
    const fresh = found.filter((l) => !known.has(l.url) && mayFetch(l.url, listUrl) && hosts.has(new URL(l.url).hostname));
    for (const l of fresh) known.add(l.url);
    return Promise.all(fresh.map((l) => check(add({ url: l.url, title: l.title }))));
  };
  // records the sweep could not read: one row, so that the results say what is missing
  const missed = (what: string, url: string, e: unknown): Promise<void> =>
    abort.signal.aborted ? Promise.resolve() : settle(add({ url, title: what }), { source: url, foundOn: listUrl, fetch: `${what}: ${reason(e)}`, reports: [] });
  const get = <T>(url: string, task: () => Promise<T>): Promise<T> =>
    throttle.run(url, () => (abort.signal.aborted ? Promise.reject(new SourceError('cancelled')) : task()));
  const readGroups = (groups: readonly JpageGroup[]): Promise<unknown> =>
    Promise.all(
      groups.map(async (g) => {
        const what = `records ${g.startRecord}–${g.endRecord} of the list`;
        let group: JpageAnswer;
        try {
          group = await get(g.url, () => fetchGroup(g, abort.signal, listUrl));
        } catch (e) {
          return missed(what, g.url, e);
        }
        return join(group.links);
      }),
    );
  const pages = links.map((_, i) => check(i));
  // a list the plugin has drawn keeps its records and the proxy's fields only in the page's HTML: read it again
  const lists: Promise<unknown> = listed.rereadPage
    ? get(listUrl, () => fetchBytes(listUrl, abort.signal)).then(
        (page): Promise<unknown> => {
          const got = classifyBytes(page.finalUrl, page.bytes, textDecoder, charsetFromContentType(page.contentType));
          if ('code' in got || got.kind !== 'html') return missed('records of the list', listUrl, new SourceError('the list page is no longer HTML'));
          const again = listedReports(new DOMParser().parseFromString(got.text, 'text/html'), listUrl, true);
          return Promise.all([join(again.links), readGroups(again.groups)]);
        },
        (e: unknown) => missed('records of the list', listUrl, e),
      )
    : readGroups(listed.groups);
  await Promise.all([...pages, lists]);
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
