// Politeness towards one host, shared by the sweep command and the extension's "check the reports listed here":
// at most SWEEP_CONCURRENCY requests at once to a host, each started at least SWEEP_DELAY_MS after the previous.

/** requests at once to one host (the CLI's --concurrency default) */
export const SWEEP_CONCURRENCY = 2;
/** minimum milliseconds between the starts of two requests to one host (the CLI's --delay default) */
export const SWEEP_DELAY_MS = 500;

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** One host's queue: at most `concurrency` requests running, each started at least `delayMs` after the previous. */
export class HostSlot {
  private active = 0;
  private nextStart = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(
    private readonly concurrency: number = SWEEP_CONCURRENCY,
    private readonly delayMs: number = SWEEP_DELAY_MS,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      const now = Date.now();
      const wait = this.nextStart - now;
      this.nextStart = Math.max(now, this.nextStart) + this.delayMs;
      if (wait > 0) await sleep(wait);
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** A HostSlot per host of the addresses given to run(). */
export class HostThrottle {
  private readonly hosts = new Map<string, HostSlot>();
  constructor(
    private readonly concurrency: number = SWEEP_CONCURRENCY,
    private readonly delayMs: number = SWEEP_DELAY_MS,
  ) {}

  slot(host: string): HostSlot {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = new HostSlot(this.concurrency, this.delayMs)));
    return s;
  }

  run<T>(url: string, task: () => Promise<T>): Promise<T> {
    let host = '';
    try {
      host = new URL(url).host;
    } catch {
      /* not an address: one queue for all such */
    }
    return this.slot(host).run(task);
  }
}
