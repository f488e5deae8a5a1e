// gidar-check sweep: every report a list page (and its other pages), a file of URLs or a folder holds, read,
// checked and stored in one SQLite database. Resumable: a report already stored is never fetched again.
// Exit codes: 0 no report has a failing error, 1 one has, 2 the sweep could not start.
import './quiet';
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { parseHTML } from 'linkedom';
import pLimit from 'p-limit';
import Papa from 'papaparse';
import { groupProblem, jpageAnswer, jpageLists, paginationUrls, reportAttachment, reportLinks, type JpageAnswer, type JpageGroup } from '../../core/discover';
import { csvRows, CSV_COLUMNS, FORMULA_START } from '../../core/export/csv';
import { charsetFromContentType, fromBytes, InputError, loadFile, type LoadedInput } from '../input';
import { check, type Checked } from '../main';
import { isProgram } from '../program';
import { SWEEP_CONCURRENCY, SWEEP_DELAY_MS } from '../../core/sweep/throttle';
import { summaryValues } from '../../core/sweep/summary';
import { renderDashboard, type DashboardReport } from './dashboard';
import { Fetcher, type FetchOutcome } from './fetcher';
import { Progress } from './progress';
import { expandStart, StartError, type Start } from './sources';
import { SweepStore, type SourceRecord, type StoredReport } from './store';
import { renderSweepSummary, SUMMARY_COLUMNS, summaryRows, type SummaryRow } from './summary';

export const VERSION = '0.1.0';
export const USER_AGENT = `gidar-check/${VERSION} (sweep; checks government information disclosure annual reports)`;

export interface SweepIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** a terminal: draw the live progress bar (else plain progress lines) */
  isTTY: boolean;
  fetch?: typeof fetch;
}

export interface SweepOptions {
  db: string;
  csv?: string;
  cellsCsv?: string;
  html?: string;
  bom: boolean;
  concurrency: number;
  delay: number;
  timeout: number;
  retries: number;
  backoff: number;
  maxRedirects: number;
  maxSize: number;
  maxPages: number;
  followHosts?: boolean;
  refresh?: boolean;
  retryFailed?: boolean;
  progress: boolean;
}

function program(io: SweepIo): Command {
  const int = (name: string, min: number) => (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) throw new StartError(`${name} must be a number ≥ ${min}, got "${v}"`);
    return n;
  };
  return new Command('gidar-sweep')
    .description('Check every 政府信息公开工作年度报告 a list page, a file of URLs or a folder holds; store them in SQLite.')
    .argument('<starts...>', 'list page URL (its other pages are followed), text file of URLs (one a line, # comments), folder or report file')
    .option('--db <file>', 'SQLite database to write (and resume from)', 'sweep.db')
    .option('--csv <file>', 'write the summary, one row per source, as CSV')
    .option('--cells-csv <file>', 'write the tidy cells of every report as CSV')
    .option('--html <file>', 'write a self-contained HTML dashboard')
    .option('--no-bom', 'omit the UTF-8 byte-order mark in the CSVs')
    .addOption(new Option('--concurrency <n>', 'requests at once per host').default(SWEEP_CONCURRENCY).argParser(int('--concurrency', 1)))
    .addOption(new Option('--delay <ms>', 'minimum milliseconds between requests to one host').default(SWEEP_DELAY_MS).argParser(int('--delay', 0)))
    .addOption(new Option('--timeout <seconds>', 'timeout of one request').default(30).argParser(int('--timeout', 0.001)))
    .addOption(new Option('--retries <n>', 'retries on timeouts, network errors and HTTP 5xx').default(2).argParser(int('--retries', 0)))
    .addOption(new Option('--backoff <ms>', 'wait before the first retry (doubled for each next)').default(1000).argParser(int('--backoff', 0)))
    .addOption(new Option('--max-redirects <n>', 'redirects followed per request').default(5).argParser(int('--max-redirects', 0)))
    .addOption(new Option('--max-size <MB>', 'largest response read').default(50).argParser(int('--max-size', 0.001)))
    .addOption(new Option('--max-pages <n>', 'most pages of one list followed').default(500).argParser(int('--max-pages', 1)))
    .option('--follow-hosts', 'follow report, page and attachment links to other hosts too')
    .option('--refresh', 'fetch and check again the reports already in the database')
    .option('--retry-failed', 'try again the sources whose fetch failed in an earlier sweep')
    .option('--no-progress', 'no progress bar or progress lines')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .helpOption('-h, --help', 'show this help');
}

interface Source {
  source: string;
  kind: 'url' | 'file';
  foundOn: string | null;
  linkTitle: string | null;
}

/** The state of one sweep run: what was found, done and failed (for the progress bar and the summary). */
class Sweep {
  readonly store: SweepStore;
  readonly fetcher: Fetcher;
  readonly seen = new Set<string>();
  readonly listSeen = new Set<string>();
  readonly startHosts = new Set<string>();
  /** source names of this run, in the order they were found */
  readonly sources: string[] = [];
  found = 0;
  done = 0;
  failures = 0;
  stored = 0;
  private readonly work = pLimit(16);
  private pending = 0;
  private idle: (() => void) | null = null;
  stopped = false;

  constructor(
    readonly opts: SweepOptions,
    readonly io: SweepIo,
    readonly progress: Progress,
  ) {
    this.store = new SweepStore(opts.db);
    this.fetcher = new Fetcher({
      concurrency: opts.concurrency,
      delayMs: opts.delay,
      timeoutMs: opts.timeout * 1000,
      retries: opts.retries,
      backoffMs: opts.backoff,
      maxRedirects: opts.maxRedirects,
      maxBytes: Math.round(opts.maxSize * 1024 * 1024),
      userAgent: USER_AGENT,
      ...(io.fetch ? { fetch: io.fetch } : {}),
      onFetch: (o, role) => this.recordFetch(o, role),
    });
  }

  private recordFetch(o: FetchOutcome, role: string): void {
    if (this.stopped) return;
    this.store.recordFetch({
      url: o.url,
      role: role as 'list',
      fetchedAt: o.fetchedAt,
      status: o.status,
      contentType: o.contentType,
      bytes: o.body?.byteLength ?? null,
      sha256: o.sha256,
      error: o.error,
      finalUrl: o.finalUrl === o.url ? null : o.finalUrl,
    });
  }

  private onHosts(url: string): boolean {
    if (this.opts.followHosts) return true;
    try {
      return this.startHosts.has(new URL(url).host);
    } catch {
      return false;
    }
  }

  private spawn(task: () => Promise<void>): void {
    this.pending++;
    void this.work(async () => {
      try {
        if (!this.stopped) await task();
      } catch (e) {
        // a bug in one source's handling is that source's failure, not the sweep's end
        if (process.env.GIDAR_DEBUG) this.io.stderr(`${(e as Error).stack}\n`);
      } finally {
        if (--this.pending === 0) this.idle?.();
      }
    });
  }

  /** Resolves when every task has ended, including the ones spawned meanwhile. */
  settle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((r) => (this.idle = r));
  }

  start(s: Start): void {
    if (s.kind === 'file') return this.addSource({ source: s.path, kind: 'file', foundOn: null, linkTitle: null });
    this.startHosts.add(new URL(s.url).host);
    // a start URL already stored as a report is not fetched again (one that failed is tried again as a list page)
    if (this.store.stored(s.url) === 'ok' && !this.opts.refresh) return this.addSource({ source: s.url, kind: 'url', foundOn: null, linkTitle: null });
    this.addList(s.url, true);
  }

  /** A list page: its report links become sources, its other pages are followed. */
  private addList(url: string, isStart: boolean): void {
    if (this.listSeen.has(url) || this.listSeen.size >= this.opts.maxPages * Math.max(1, this.startHosts.size)) return;
    this.listSeen.add(url);
    this.spawn(async () => {
      const pending = this.store.getPending(url);
      const got = pending ? null : await this.fetcher.get(url, 'list');
      if (got?.error) {
        if (isStart) this.failStart(url, got.error);
        return;
      }
      const status = pending?.status ?? got!.status!;
      const body = pending?.body ?? got!.body!;
      const finalUrl = pending?.finalUrl ?? got!.finalUrl;
      const contentType = pending?.contentType ?? got!.contentType;
      let input: LoadedInput;
      try {
        input = fromBytes(url, body, charsetFromContentType(contentType), finalUrl, contentType);
      } catch (e) {
        if (isStart) this.failStart(url, e instanceof InputError ? e.text.en : String(e));
        return;
      }
      let links: ReturnType<typeof reportLinks> = [];
      let pages: string[] = [];
      let groups: JpageGroup[] = [];
      if (input.kind === 'html') {
        const { document } = parseHTML(input.text);
        links = reportLinks(document as unknown as Document, finalUrl);
        pages = paginationUrls(document as unknown as Document, finalUrl, { maxPages: this.opts.maxPages });
        groups = jpageLists(document as unknown as Document, finalUrl, { maxGroups: this.opts.maxPages }).flatMap((l) => l.groups);
      }
      if (isStart && links.length === 0 && groups.length === 0) {
        // no report links: the start is itself a report (its body is kept, so it is not fetched twice)
        this.store.putPending({ url, finalUrl, status, contentType, body });
        this.addSource({ source: url, kind: 'url', foundOn: null, linkTitle: null });
        return;
      }
      if (isStart) this.store.forget(url);
      for (const l of links) if (this.onHosts(l.url)) this.addSource({ source: l.url, kind: 'url', foundOn: finalUrl, linkTitle: l.title });
      for (const p of pages) if (this.onHosts(p)) this.addList(p, false);
      for (const g of groups) if (this.onHosts(g.url)) this.addGroup(g, finalUrl);
    });
  }

  /** A further group of a jpage list, asked of the site's data proxy (again on every sweep, like list pages). */
  private addGroup(g: JpageGroup, listUrl: string): void {
    const key = `${g.url}\n${g.body}`;
    if (this.listSeen.has(key) || this.listSeen.size >= this.opts.maxPages * Math.max(1, this.startHosts.size)) return;
    this.listSeen.add(key);
    this.spawn(async () => {
      const got = await this.readGroup(g, listUrl);
      // records the sweep could not read: one row, so that the summary says what is missing
      if (typeof got === 'string') return this.addSource({ source: g.url, kind: 'url', foundOn: listUrl, linkTitle: null }, `records ${g.startRecord}–${g.endRecord} of the list: ${got}`);
      for (const l of got.links) if (this.onHosts(l.url)) this.addSource({ source: l.url, kind: 'url', foundOn: listUrl, linkTitle: l.title });
    });
  }

  /** The group POSTed as the page's script does; asked again as a GET when the proxy refuses the POST. */
  private async readGroup(g: JpageGroup, listUrl: string): Promise<JpageAnswer | string> {
    const posted = await this.fetcher.post(g.url, g.body, 'list');
    const answer = groupAnswer(posted, listUrl);
    if (typeof answer !== 'string' || (posted.status ?? 0) >= 500 || posted.status === null) return answer;
    const got = groupAnswer(await this.fetcher.get(g.getUrl, 'list'), listUrl);
    return typeof got === 'string' ? `${answer}; as a GET: ${got}` : got;
  }

  private failStart(url: string, reason: string): void {
    this.addSource({ source: url, kind: 'url', foundOn: null, linkTitle: null }, reason);
  }

  private addSource(s: Source, failure?: string): void {
    if (this.seen.has(s.source)) return;
    this.seen.add(s.source);
    this.sources.push(s.source);
    const stored = this.store.stored(s.source);
    const again = this.opts.refresh || (this.opts.retryFailed && stored !== null && stored !== 'ok');
    if (stored !== null && !again && failure === undefined) {
      this.stored++;
      this.progress.update(this);
      return;
    }
    this.found++;
    this.progress.update(this);
    this.spawn(async () => {
      const rec = failure === undefined ? await this.checkSource(s) : { rec: this.failed(s, failure), pending: [] };
      if (this.stopped) return;
      this.store.putSource(rec.rec, rec.pending);
      this.done++;
      if (rec.rec.fetch !== 'ok') this.failures++;
      this.progress.update(this);
    });
  }

  private failed(s: Source, reason: string): SourceRecord {
    return { source: s.source, foundOn: s.foundOn, linkTitle: s.linkTitle, fetch: oneLine(reason), attachment: null, reports: [] };
  }

  /** The body of a report page or attachment: kept from an interrupted sweep, else fetched (and kept at once). */
  private async body(url: string, role: 'report' | 'attachment'): Promise<LoadedInput> {
    const kept = this.store.getPending(url);
    const got = kept ?? (await this.fetcher.get(url, role));
    if ('error' in got && got.error) throw new InputError('network', got.error);
    const b = kept ?? { url, finalUrl: (got as FetchOutcome).finalUrl, status: (got as FetchOutcome).status!, contentType: (got as FetchOutcome).contentType, body: (got as FetchOutcome).body! };
    if (!kept) this.store.putPending(b);
    return fromBytes(url, b.body, charsetFromContentType(b.contentType), b.finalUrl, b.contentType);
  }

  private async loadLocal(path: string): Promise<LoadedInput> {
    const input = await loadFile(path);
    const bytes = input.bytes ?? Buffer.from(input.text, 'utf8');
    this.store.recordFetch({
      url: path, role: 'file', fetchedAt: new Date().toISOString(), status: null, contentType: null,
      bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), error: null, finalUrl: null,
    });
    return input;
  }

  private async checkSource(s: Source): Promise<{ rec: SourceRecord; pending: string[] }> {
    const pending: string[] = [];
    const rec: SourceRecord = { source: s.source, foundOn: s.foundOn, linkTitle: s.linkTitle, fetch: 'ok', attachment: null, reports: [] };
    let checked: Checked;
    try {
      if (s.kind === 'url') pending.push(s.source);
      const input = s.kind === 'url' ? await this.body(s.source, 'report') : await this.loadLocal(s.source);
      checked = await check(input);
    } catch (e) {
      return { rec: { ...rec, fetch: reason(e) }, pending };
    }
    rec.reports = checked.reports.map((r): StoredReport => ({ ...r, readFrom: s.source }));
    // tables only in an attachment (PDF …) or an embedded viewer: read that instead
    const base = checked.input.url ?? s.source;
    const attachment = s.kind === 'url' && checked.reports.length === 1 ? reportAttachment(checked.reports[0]!.report, base) : null;
    if (attachment) {
      rec.attachment = attachment;
      if (!this.onHosts(attachment)) return { rec: { ...rec, fetch: `attachment on another host (use --follow-hosts): ${attachment}` }, pending };
      try {
        pending.push(attachment);
        const fromAttachment = await check(await this.body(attachment, 'attachment'));
        const page = checked.reports[0]!.report;
        rec.reports = fromAttachment.reports.map((r) => ({
          // the page names agency and year better than a PDF's first lines when the PDF does not
          report: { ...r.report, agency: r.report.agency ?? page.agency, year: r.report.year ?? page.year },
          findings: r.findings,
          readFrom: attachment,
        }));
      } catch (e) {
        return { rec: { ...rec, fetch: `attachment ${attachment}: ${reason(e)}` }, pending };
      }
    }
    return { rec, pending };
  }
}

/** A data proxy's answer read, or why it cannot be. */
function groupAnswer(o: FetchOutcome, listUrl: string): JpageAnswer | string {
  if (o.error || !o.body) return o.error ?? 'empty answer';
  try {
    const text = fromBytes(o.url, o.body, charsetFromContentType(o.contentType), o.finalUrl, o.contentType).text;
    const answer = jpageAnswer(text, listUrl);
    return groupProblem(answer) ?? answer!;
  } catch (e) {
    return reason(e);
  }
}

function reason(e: unknown): string {
  if (e instanceof InputError) return oneLine(e.text.en);
  return oneLine(`internal error: ${e instanceof Error ? e.message : String(e)}`);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function writeCsvFile(path: string, bom: boolean, header: readonly string[], rows: Iterable<unknown[]>): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, (bom ? '\uFEFF' : '') + Papa.unparse([header as string[]], { newline: '\r\n' }) + '\r\n');
    let batch: unknown[][] = [];
    const flush = () => {
      if (batch.length) writeSync(fd, Papa.unparse(batch, { newline: '\r\n', escapeFormulae: FORMULA_START }) + '\r\n');
      batch = [];
    };
    for (const r of rows) {
      batch.push(r);
      if (batch.length >= 2000) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

/** The tidy cells of every report of the run, the single-report CSV's columns, one report in memory at a time. */
function* cellRows(store: SweepStore, sourceIds: number[]): Generator<unknown[]> {
  const q = store.db.prepare('SELECT s.source, r.id FROM reports r JOIN sources s ON s.id = r.source_id WHERE r.source_id = ? ORDER BY r.seq');
  for (const sourceId of sourceIds) {
    for (const row of q.all(sourceId) as { source: string; id: number }[]) {
      for (const c of csvRows(row.source, [store.report(row.id)])) yield CSV_COLUMNS.map((k) => c[k]);
    }
  }
}

/** The dashboard's rows: one per source, its first report's findings that did not pass (what the rows expand to). */
function dashboardReports(store: SweepStore, rows: readonly SummaryRow[]): DashboardReport[] {
  const first = store.db.prepare('SELECT id FROM reports WHERE source_id = ? ORDER BY seq LIMIT 1');
  return rows.map((r) => {
    const report = first.get(r.source_id) as { id: number } | undefined;
    return {
      source: r.source,
      ...(/^https?:\/\//i.test(r.source) ? { pageUrl: r.source } : {}),
      fetch: r.fetch,
      agency: r.agency,
      year: r.year,
      format: r.format,
      counts: { errors: r.errors, warnings: r.warnings, needsReview: r.needs_review, passed: r.passed, notCheckable: r.not_checkable },
      firstError: r.first_error,
      findings: report ? store.findings(report.id).filter((f) => f.status !== 'pass') : [],
      received: r.received,
    };
  });
}

/** Runs a sweep; resolves to the exit code. Never throws. */
export async function sweepMain(argv: string[], io: SweepIo): Promise<number> {
  const cpuAtStart = process.cpuUsage();
  const fail = (message: string): number => {
    io.stderr(`gidar-check sweep: ${oneLine(message)}\n`);
    return 2;
  };
  const cmd = program(io);
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : fail(e.message.replace(/^error:\s*/i, ''));
    if (e instanceof StartError) return fail(e.message);
    throw e;
  }
  const opts = cmd.opts<SweepOptions>();
  let starts: Start[];
  try {
    starts = (await Promise.all(cmd.args.map(expandStart))).flat();
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  if (starts.length === 0) return fail('no report sources found in the given folders or files');
  const progress = new Progress(io, opts.progress);
  let sweep: Sweep;
  try {
    sweep = new Sweep(opts, io, progress);
  } catch (e) {
    return fail(`cannot open the database ${opts.db}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const onSigint = () => {
    sweep.stopped = true;
    progress.stop();
    io.stderr(`gidar-check sweep: interrupted; ${sweep.done} report(s) stored in ${opts.db}. Run the same command to continue.\n`);
    sweep.store.close();
    process.exit(130);
  };
  process.once('SIGINT', onSigint);
  try {
    for (const s of starts) sweep.start(s);
    await sweep.settle();
    progress.stop();
    const rows = summaryRows(sweep.store, sweep.sources);
    io.stdout(renderSweepSummary(rows, { db: opts.db, stored: sweep.stored, done: sweep.done }));
    if (opts.csv) writeCsvFile(opts.csv, opts.bom, SUMMARY_COLUMNS, rows.map(summaryValues));
    if (opts.cellsCsv) writeCsvFile(opts.cellsCsv, opts.bom, CSV_COLUMNS, cellRows(sweep.store, rows.map((r) => r.source_id)));
    if (opts.html)
      writeFileSync(opts.html, renderDashboard(dashboardReports(sweep.store, rows), { generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }), 'utf8');
    return rows.some((r) => r.errors > 0) ? 1 : 0;
  } catch (e) {
    progress.stop();
    if (process.env.GIDAR_DEBUG) io.stderr(`${(e as Error).stack}\n`);
    return fail(e instanceof Error ? e.message : String(e));
  } finally {
    process.off('SIGINT', onSigint);
    if (!sweep.stopped) sweep.store.close();
    if (process.env.GIDAR_SWEEP_STATS) {
      const cpu = process.cpuUsage(cpuAtStart);
      io.stderr(`GIDAR_SWEEP_STATS ${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, done: sweep.done })}\n`);
    }
  }
}

export const nodeSweepIo: SweepIo = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

if (isProgram(import.meta.url, 'gidar-sweep')) {
  sweepMain(process.argv.slice(2), nodeSweepIo).then((code) => {
    process.exitCode = code;
  });
}

