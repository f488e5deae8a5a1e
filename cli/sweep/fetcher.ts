// Polite fetching for the sweep: per-host concurrency and a minimum delay between requests to one host,
// robots.txt, retries with backoff on timeouts and 5xx, a redirect limit, a size cap, a User-Agent naming the tool.
// A failure is a one-line reason, never an exception.
import { createHash } from 'node:crypto';
import robotsParser from 'robots-parser';
import { networkReason } from '../input';
import { HostSlot, HostThrottle, sleep } from '../../core/sweep/throttle';

export interface FetcherOptions {
  /** requests at once to one host */
  concurrency: number;
  /** minimum milliseconds between the starts of two requests to one host */
  delayMs: number;
  timeoutMs: number;
  /** attempts after the first, on a timeout, a network error or a 5xx */
  retries: number;
  /** first backoff; doubled for each further attempt */
  backoffMs: number;
  maxRedirects: number;
  maxBytes: number;
  userAgent: string;
  /** honour robots.txt (default true) */
  robots?: boolean;
  fetch?: typeof fetch;
  /** called for every request made (robots.txt included), after it ends */
  onFetch?: (r: FetchOutcome, role: string) => void;
}

export interface FetchOutcome {
  url: string;
  finalUrl: string;
  status: number | null;
  contentType: string | null;
  body: Uint8Array | null;
  sha256: string | null;
  /** one line; null when the body is usable */
  error: string | null;
  fetchedAt: string;
}

/**
 * A request timeout that counts only time the event loop was free to receive: reading a large PDF blocks the loop
 * for seconds, and a plain timer would then abort responses that had arrived meanwhile (and fetch them again).
 */
class IdleTimeout {
  private readonly controller = new AbortController();
  private readonly interval: ReturnType<typeof setInterval>;
  private elapsed = 0;
  private last = Date.now();

  constructor(timeoutMs: number) {
    const tick = Math.min(250, Math.max(10, timeoutMs / 4));
    this.interval = setInterval(() => {
      const now = Date.now();
      // a tick that comes late was held up by other work: count it as one tick
      this.elapsed += Math.min(now - this.last, tick * 2);
      this.last = now;
      if (this.elapsed >= timeoutMs) {
        const e = new Error('timed out');
        e.name = 'TimeoutError';
        this.controller.abort(e);
        this.clear();
      }
    }, tick);
    this.interval.unref?.();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  clear(): void {
    clearInterval(this.interval);
  }
}

function hostOf(url: string): string {
  return new URL(url).host;
}

type Robots = ReturnType<typeof robotsParser> | null;

export class Fetcher {
  private readonly hosts: HostThrottle;
  private readonly robots = new Map<string, Promise<Robots>>();
  private readonly doFetch: typeof fetch;

  constructor(readonly opts: FetcherOptions) {
    this.doFetch = opts.fetch ?? fetch;
    this.hosts = new HostThrottle(opts.concurrency, opts.delayMs);
  }

  private slot(host: string): HostSlot {
    return this.hosts.slot(host);
  }

  /** robots.txt of the URL's origin, fetched once (through the host's queue); missing or broken = everything allowed */
  private robotsFor(url: string): Promise<Robots> {
    const origin = new URL(url).origin;
    let r = this.robots.get(origin);
    if (!r) {
      const robotsUrl = `${origin}/robots.txt`;
      r = this.get(robotsUrl, 'robots', false).then((o) => {
        if (o.error || !o.body || (o.status ?? 0) >= 400) return null;
        return robotsParser(robotsUrl, Buffer.from(o.body).toString('utf8'));
      });
      this.robots.set(origin, r);
    }
    return r;
  }

  async allowed(url: string): Promise<boolean> {
    if (this.opts.robots === false) return true;
    const robots = await this.robotsFor(url);
    return robots ? robots.isAllowed(url, this.opts.userAgent) !== false : true;
  }

  /** GET with robots.txt, retries, redirects (each hop checked against robots.txt) and the size cap. */
  get(url: string, role: string, checkRobots = true): Promise<FetchOutcome> {
    return this.request(url, role, checkRobots, null);
  }

  /** POST of a form (application/x-www-form-urlencoded), with the same politeness as a GET: a list's data proxy. */
  post(url: string, form: string, role: string): Promise<FetchOutcome> {
    return this.request(url, role, true, form);
  }

  private async request(url: string, role: string, checkRobots: boolean, postForm: string | null): Promise<FetchOutcome> {
    let form = postForm;
    const fetchedAt = new Date().toISOString();
    const fail = (error: string, status: number | null = null, finalUrl = url, contentType: string | null = null): FetchOutcome => ({
      url, finalUrl, status, contentType, body: null, sha256: null, error, fetchedAt,
    });
    let current = url;
    try {
      for (let hop = 0; ; hop++) {
        if (checkRobots && !(await this.allowed(current))) return this.done(fail(`blocked by robots.txt: ${current}`, null, current), role);
        const r = await this.attempt(current, form);
        if (r.kind === 'fail') return this.done(fail(r.error, r.status, current, r.contentType), role);
        if (r.kind === 'redirect') {
          if (hop >= this.opts.maxRedirects) return this.done(fail(`too many redirects (more than ${this.opts.maxRedirects})`, r.status, current), role);
          current = new URL(r.location, current).href;
          // 307 and 308 repeat the POST; the other redirects turn it into a GET, as browsers do
          if (r.status !== 307 && r.status !== 308) form = null;
          continue;
        }
        return this.done(
          { url, finalUrl: current, status: r.status, contentType: r.contentType, body: r.body, sha256: createHash('sha256').update(r.body).digest('hex'), error: null, fetchedAt },
          role,
        );
      }
    } catch (e) {
      return this.done(fail(`cannot fetch: ${networkReason(e)}`), role);
    }
  }

  private done(o: FetchOutcome, role: string): FetchOutcome {
    this.opts.onFetch?.(o, role);
    return o;
  }

  /** One request through the host's queue, body included, repeated with backoff on timeouts, network errors and 5xx. */
  private async attempt(url: string, form: string | null): Promise<Hop> {
    let last: Hop = { kind: 'fail', error: 'not fetched', status: null, contentType: null, retry: false };
    for (let i = 0; i <= this.opts.retries; i++) {
      if (i > 0) await sleep(this.opts.backoffMs * 2 ** (i - 1));
      last = await this.slot(hostOf(url)).run(() => this.hop(url, form));
      if (last.kind !== 'fail' || !last.retry) return last;
    }
    return this.opts.retries > 0 && last.kind === 'fail' ? { ...last, error: `${last.error} (after ${this.opts.retries + 1} attempts)` } : last;
  }

  private async hop(url: string, form: string | null): Promise<Hop> {
    const timer = new IdleTimeout(this.opts.timeoutMs);
    try {
      return await this.hopWith(url, form, timer.signal);
    } finally {
      timer.clear();
    }
  }

  private async hopWith(url: string, form: string | null, signal: AbortSignal): Promise<Hop> {
    let response: Response;
    const headers: Record<string, string> = { 'user-agent': this.opts.userAgent, accept: 'text/html,application/pdf,text/plain;q=0.9,*/*;q=0.5' };
    if (form !== null) {
      headers['content-type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
      headers.accept = 'application/xml,text/xml,text/html;q=0.9,*/*;q=0.5';
    }
    try {
      response = await this.doFetch(url, { redirect: 'manual', signal, headers, ...(form !== null ? { method: 'POST', body: form } : {}) });
    } catch (e) {
      return { kind: 'fail', error: `cannot fetch: ${networkReason(e)}`, status: null, contentType: null, retry: true };
    }
    const status = response.status;
    const contentType = response.headers.get('content-type');
    const location = response.headers.get('location');
    if (status >= 300 && status < 400 && location) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'redirect', location, status };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'fail', error: `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`, status, contentType, retry: status >= 500 };
    }
    try {
      const body = await this.readCapped(response);
      if (body === null) return { kind: 'fail', error: `response larger than ${formatBytes(this.opts.maxBytes)}`, status, contentType, retry: false };
      return { kind: 'ok', status, contentType, body };
    } catch (e) {
      return { kind: 'fail', error: `cannot fetch: ${networkReason(e)}`, status, contentType, retry: true };
    }
  }

  /** The body, or null past the size cap (the rest is not downloaded). */
  private async readCapped(res: Response): Promise<Uint8Array | null> {
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > this.opts.maxBytes) {
      await res.body?.cancel().catch(() => {});
      return null;
    }
    if (!res.body) return new Uint8Array(0);
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > this.opts.maxBytes) {
        await reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  }
}

type Hop =
  | { kind: 'ok'; status: number; contentType: string | null; body: Uint8Array }
  | { kind: 'redirect'; location: string; status: number }
  | { kind: 'fail'; error: string; status: number | null; contentType: string | null; retry: boolean };

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${+(n / (1 << 20)).toFixed(1)} MB`;
  if (n >= 1 << 10) return `${+(n / (1 << 10)).toFixed(1)} KB`;
  return `${n} bytes`;
}
