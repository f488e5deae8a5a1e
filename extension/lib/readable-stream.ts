// A small ReadableStream, for pdf.js in Firefox content scripts: there the stream constructor is the page's, and it
// may not read the content script's underlying source ("Permission denied to access property
// autoAllocateChunkSize"). pdf.js uses streams only to pass messages (text content) between its two halves, which
// here run in one thread; this covers what it uses: start/pull/cancel, a queueing strategy, getReader().read().
interface Source<T> {
  start?(controller: Controller<T>): unknown;
  pull?(controller: Controller<T>): unknown;
  cancel?(reason?: unknown): unknown;
}

interface Strategy<T> {
  highWaterMark?: number;
  size?(chunk: T): number;
}

interface Controller<T> {
  readonly desiredSize: number | null;
  enqueue(chunk: T): void;
  close(): void;
  error(e?: unknown): void;
}

type Read<T> = { done: false; value: T } | { done: true; value: undefined };

export class MiniReadableStream<T = unknown> {
  private queue: { chunk: T; size: number }[] = [];
  private queued = 0;
  private state: 'readable' | 'closed' | 'errored' = 'readable';
  private reason: unknown;
  private closing = false;
  private started = false;
  private pulling = false;
  private pullAgain = false;
  private reads: { resolve(r: Read<T>): void; reject(e: unknown): void }[] = [];
  private readonly highWaterMark: number;
  private readonly sizeOf: (chunk: T) => number;
  private readonly controller: Controller<T>;

  constructor(
    private readonly source: Source<T> = {},
    strategy: Strategy<T> = {},
  ) {
    this.highWaterMark = strategy.highWaterMark ?? 1;
    this.sizeOf = strategy.size ? (c) => strategy.size!(c) : () => 1;
    const desiredSize = (): number | null =>
      this.state === 'errored' ? null : this.state === 'closed' ? 0 : this.highWaterMark - this.queued;
    this.controller = {
      get desiredSize() {
        return desiredSize();
      },
      enqueue: (chunk) => this.enqueue(chunk),
      close: () => this.close(),
      error: (e) => this.fail(e),
    };
    Promise.resolve()
      .then(() => source.start?.(this.controller))
      .then(
        () => {
          this.started = true;
          this.pullIfNeeded();
        },
        (e: unknown) => this.fail(e),
      );
  }

  getReader() {
    return {
      read: (): Promise<Read<T>> => this.read(),
      cancel: (reason?: unknown): Promise<void> => this.cancel(reason),
      releaseLock: (): void => {},
      closed: Promise.resolve(),
    };
  }

  cancel(reason?: unknown): Promise<void> {
    if (this.state !== 'readable') return Promise.resolve();
    this.queue = [];
    this.queued = 0;
    this.finish();
    return Promise.resolve(this.source.cancel?.(reason)).then(() => undefined);
  }

  private read(): Promise<Read<T>> {
    if (this.state === 'errored') return Promise.reject(this.reason);
    const next = this.queue.shift();
    if (next) {
      this.queued -= next.size;
      if (this.closing && !this.queue.length) this.finish();
      else this.pullIfNeeded();
      return Promise.resolve({ done: false, value: next.chunk });
    }
    if (this.state === 'closed') return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => {
      this.reads.push({ resolve, reject });
      this.pullIfNeeded();
    });
  }

  private enqueue(chunk: T): void {
    if (this.state !== 'readable' || this.closing) return;
    const read = this.reads.shift();
    if (read) read.resolve({ done: false, value: chunk });
    else {
      const size = this.sizeOf(chunk);
      this.queue.push({ chunk, size });
      this.queued += size;
    }
    this.pullIfNeeded();
  }

  private close(): void {
    if (this.state !== 'readable') return;
    this.closing = true;
    if (!this.queue.length) this.finish();
  }

  private finish(): void {
    this.state = 'closed';
    for (const r of this.reads.splice(0)) r.resolve({ done: true, value: undefined });
  }

  private fail(e: unknown): void {
    if (this.state !== 'readable') return;
    this.state = 'errored';
    this.reason = e;
    this.queue = [];
    this.queued = 0;
    for (const r of this.reads.splice(0)) r.reject(e);
  }

  private pullIfNeeded(): void {
    if (!this.started || this.state !== 'readable' || this.closing || !this.source.pull) return;
    if (this.highWaterMark - this.queued <= 0 && !this.reads.length) return;
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = true;
    Promise.resolve()
      .then(() => this.source.pull!(this.controller))
      .then(
        () => {
          this.pulling = false;
          if (this.pullAgain) {
            this.pullAgain = false;
            this.pullIfNeeded();
          }
        },
        (e: unknown) => this.fail(e),
      );
  }
}

/** True where the page's ReadableStream takes a source object made here (not in Firefox content scripts). */
export function nativeStreamsWork(): boolean {
  try {
    new ReadableStream({ pull() {} }, { highWaterMark: 1 });
    return true;
  } catch {
    return false;
  }
}
