import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fetcher } from '../../cli/sweep/fetcher';

describe('sweep fetcher politeness', () => {
  let base = '';
  let active = 0;
  let maxActive = 0;
  const starts: number[] = [];
  const server = createServer((req, res) => {
    if (req.url === '/robots.txt') return res.writeHead(404).end();
    starts.push(Date.now());
    active++;
    maxActive = Math.max(maxActive, active);
    setTimeout(() => {
      active--;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }, 150);
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('keeps to the per-host concurrency and the delay between requests to one host', async () => {
    const f = new Fetcher({ concurrency: 2, delayMs: 100, timeoutMs: 5000, retries: 0, backoffMs: 0, maxRedirects: 5, maxBytes: 1 << 20, userAgent: 'test' });
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => f.get(`${base}/r${i}`, 'report')));
    expect(results.every((r) => r.error === null && r.status === 200)).toBe(true);
    expect(maxActive).toBe(2);
    // arrivals at the server jitter with the machine's load; never a burst: 6 requests spread over 5 delays
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!).sort((a, b) => a - b);
    expect(gaps[Math.floor(gaps.length / 2)]).toBeGreaterThanOrEqual(90);
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(450);
  });
});
