// Progress of a sweep: a live bar on a terminal (cli-progress), plain lines every few seconds otherwise.
import cliProgress from 'cli-progress';

export interface ProgressState {
  found: number;
  done: number;
  failures: number;
  stored: number;
}

export class Progress {
  private bar: cliProgress.SingleBar | null = null;
  private lastLine = 0;
  private last: ProgressState | null = null;
  private readonly startedAt = Date.now();

  constructor(
    private readonly io: { stderr: (s: string) => void; isTTY: boolean },
    private readonly enabled: boolean,
  ) {}

  private rate(s: ProgressState): string {
    const secs = (Date.now() - this.startedAt) / 1000;
    return secs > 0 ? (s.done / secs).toFixed(1) : '0';
  }

  update(s: ProgressState): void {
    if (!this.enabled) return;
    const payload = { failures: s.failures, rate: this.rate(s), stored: s.stored };
    if (this.io.isTTY) {
      if (!this.bar) {
        this.bar = new cliProgress.SingleBar(
          {
            format: '{bar} {value}/{total} reports | {failures} failed | {rate}/s | {eta_formatted} left | {stored} already stored',
            stream: process.stderr,
            hideCursor: true,
            etaBuffer: 50,
            fps: 5,
          },
          cliProgress.Presets.shades_classic,
        );
        this.bar.start(Math.max(s.found, 1), s.done, payload);
      }
      this.bar.setTotal(Math.max(s.found, 1));
      this.bar.update(s.done, payload);
      return;
    }
    this.last = s;
    const now = Date.now();
    if (now - this.lastLine < 5000) return;
    this.lastLine = now;
    this.line(s);
    this.last = null;
  }

  private line(s: ProgressState): void {
    this.io.stderr(`sweep: ${s.done}/${s.found} reports checked, ${s.failures} failed, ${this.rate(s)}/s, ${s.stored} already stored\n`);
  }

  stop(): void {
    if (this.bar) this.bar.stop();
    else if (this.last && this.enabled && !this.io.isTTY) this.line(this.last);
    this.bar = null;
    this.last = null;
  }
}
