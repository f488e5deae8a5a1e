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

describe('sweep fetcher POST (a jpage list’s data proxy)', () => {
  let base = '';
  const seen: { method: string; path: string; type: string; body: string }[] = [];
  let flaky = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '/';
      if (path === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /closed/\n');
      seen.push({ method: req.method ?? '', path, type: String(req.headers['content-type'] ?? ''), body });
      if (path.startsWith('/flaky.jsp') && flaky++ === 0) return res.writeHead(503).end();
      if (path === '/see-other.jsp') return res.writeHead(303, { location: '/answer.jsp' }).end();
      if (path === '/temporary.jsp') return res.writeHead(307, { location: '/answer.jsp' }).end();
      if (path === '/big.jsp') return res.writeHead(200, { 'content-type': 'text/xml' }).end('x'.repeat(5000));
      res.writeHead(200, { 'content-type': 'text/xml' }).end(`<datastore>${req.method} ${body}</datastore>`);
    });
  });
  const fetcher = () =>
    new Fetcher({ concurrency: 2, delayMs: 0, timeoutMs: 5000, retries: 1, backoffMs: 10, maxRedirects: 5, maxBytes: 4096, userAgent: 'test' });
  const text = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('utf8') : null);
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends the form as application/x-www-form-urlencoded, retries a 5xx with it, honours robots.txt and the size cap', async () => {
    const f = fetcher();
    const ok = await f.post(`${base}/flaky.jsp?startrecord=46&endrecord=90&perpage=15`, 'col=1&columnid=77278', 'list');
    expect(ok.error).toBeNull();
    expect(text(ok.body)).toBe('<datastore>POST col=1&columnid=77278</datastore>');
    const tries = seen.filter((s) => s.path.startsWith('/flaky.jsp'));
    expect(tries).toHaveLength(2);
    for (const t of tries) {
      expect(t).toMatchObject({ method: 'POST', body: 'col=1&columnid=77278' });
      expect(t.type).toMatch(/^application\/x-www-form-urlencoded/);
    }
    expect((await f.post(`${base}/closed/dataproxy.jsp`, 'col=1', 'list')).error).toMatch(/^blocked by robots\.txt/);
    expect((await f.post(`${base}/big.jsp`, 'col=1', 'list')).error).toBe('response larger than 4 KB');
  });

  it('repeats the POST after a 307, turns it into a GET after a 303', async () => {
    const f = fetcher();
    expect(text((await f.post(`${base}/temporary.jsp`, 'a=1', 'list')).body)).toBe('<datastore>POST a=1</datastore>');
    expect(text((await f.post(`${base}/see-other.jsp`, 'a=1', 'list')).body)).toBe('<datastore>GET </datastore>');
  });
});
