// The sweep on a Hanweb jcms list (style 4 of the test site): the reports among the records the page carries and
// the two further groups its jpage call asks the data proxy for by POST; the groups asked again on a second sweep.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepMain } from '../../cli/sweep/main';
import { JCMS, startSite, type TestSite } from './sweep-site';

const FAST = ['--delay', '0', '--timeout', '4', '--retries', '1', '--backoff', '50', '--no-progress'];
const REPORTS = ['/art/2024/1/30/art_77278_102.html', '/art/2020/1/20/art_77278_109.html', '/art/2022/1/20/art_77278_113.html'];

function rows<T>(db: string, sql: string): T[] {
  const d = new DatabaseSync(db, { readOnly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
}

const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false };

describe('sweep of a jcms list drawn by jpage', () => {
  let site: TestSite;
  let dir: string;
  let db: string;
  let code: number;

  beforeAll(async () => {
    site = await startSite();
    dir = mkdtempSync(join(tmpdir(), 'sweep-jpage-'));
    db = join(dir, 'sweep.db');
    code = await sweepMain([...FAST, '--db', db, `${site.base}${JCMS.list}`], quiet);
  }, 60_000);

  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds exactly the three reports: one the page carries, one in each group the data proxy answers', () => {
    const sources = rows<{ source: string; fetch: string; found_on: string }>(db, 'SELECT source, fetch, found_on FROM sources ORDER BY source');
    expect(sources.map((s) => s.source.replace(site.base, ''))).toEqual([...REPORTS].sort());
    for (const s of sources) {
      expect(s.fetch).toBe('ok');
      expect(s.found_on).toBe(`${site.base}${JCMS.list}`);
    }
    // the notice about writing the report, the news and the website report form are not fetched
    for (const [href] of JCMS.records) if (!REPORTS.includes(href)) expect(site.requests.has(href), href).toBe(false);
    // two POSTs to the proxy (records 7–12 and 13–14), none beyond totalRecord, no GET needed
    expect(site.requests.get(JCMS.proxy)).toBe(2);
    expect(code).toBe(0);
  });

  it('reads each report with the year its list title names', () => {
    const years = rows<{ source: string; year: number }>(db, 'SELECT s.source, r.year FROM reports r JOIN sources s ON s.id = r.source_id ORDER BY r.year');
    expect(years.map((r) => [r.source.replace(site.base, ''), r.year])).toEqual([
      ['/art/2020/1/20/art_77278_109.html', 2019],
      ['/art/2022/1/20/art_77278_113.html', 2021],
      ['/art/2024/1/30/art_77278_102.html', 2023],
    ]);
  });

  it('asks the data proxy again on a second sweep (lists are read again) but fetches no report again', async () => {
    const served = REPORTS.map((p) => site.served.get(p) ?? 0);
    expect(served).toEqual([1, 1, 1]);
    const again = await sweepMain([...FAST, '--db', db, `${site.base}${JCMS.list}`], quiet);
    expect(again).toBe(0);
    expect(site.requests.get(JCMS.proxy)).toBe(4);
    expect(REPORTS.map((p) => site.served.get(p) ?? 0)).toEqual(served);
  });
});

describe('sweep of a jcms list whose data proxy refuses the POST', () => {
  let site: TestSite;
  let dir: string;

  beforeAll(async () => {
    site = await startSite();
    dir = mkdtempSync(join(tmpdir(), 'sweep-jpage-get-'));
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for the group as a GET with the fields in the query, and names a group neither way reads as one failure row', async () => {
    const asked: string[] = [];
    // a proxy that answers only GETs, and not the last group: the GET's fields go to the test site's POST proxy
    const fetchGetOnly = (async (input: string | URL | Request, init?: RequestInit) => {
      const u = new URL(String(input));
      if (u.pathname !== JCMS.proxy) return fetch(input, init);
      asked.push(`${init?.method ?? 'GET'} ${u.searchParams.get('startrecord')}`);
      if (init?.method === 'POST') return new Response('', { status: 405, statusText: 'Method Not Allowed' });
      if (u.searchParams.get('startrecord') === '13') return new Response('', { status: 404, statusText: 'Not Found' });
      const paging = new URLSearchParams();
      for (const k of ['startrecord', 'endrecord', 'perpage']) paging.set(k, u.searchParams.get(k)!);
      for (const k of paging.keys()) u.searchParams.delete(k);
      return fetch(`${u.origin}${u.pathname}?${paging}`, { ...init, method: 'POST', body: u.searchParams.toString() });
    }) as typeof fetch;
    const db = join(dir, 'sweep.db');
    const code = await sweepMain([...FAST, '--db', db, `${site.base}${JCMS.list}`], { ...quiet, fetch: fetchGetOnly });
    expect(code).toBe(0);
    expect(asked.sort()).toEqual(['GET 13', 'GET 7', 'POST 13', 'POST 7']);
    const sources = rows<{ source: string; fetch: string }>(db, 'SELECT source, fetch FROM sources ORDER BY source');
    expect(sources.map((s) => [s.source.replace(site.base, ''), s.fetch])).toEqual([
      ['/art/2020/1/20/art_77278_109.html', 'ok'],
      ['/art/2024/1/30/art_77278_102.html', 'ok'],
      [`${JCMS.proxy}?startrecord=13&endrecord=14&perpage=2`, 'records 13–14 of the list: HTTP 405 Method Not Allowed; as a GET: HTTP 404 Not Found'],
    ]);
  });
  it('names a group the proxy answers with no records (the list’s fields not taken) as a failure row', async () => {
    // a proxy that does not know the list: the POST's columnid is lost on the way
    const fetchLost = (async (input: string | URL | Request, init?: RequestInit) => {
      const body = init?.method === 'POST' ? String(init.body).replace(/(^|&)columnid=[^&]*/, '') : init?.body;
      return fetch(input, { ...init, body });
    }) as typeof fetch;
    const db = join(dir, 'lost.db');
    expect(await sweepMain([...FAST, '--db', db, `${site.base}${JCMS.list}`], { ...quiet, fetch: fetchLost })).toBe(0);
    const sources = rows<{ source: string; fetch: string }>(db, 'SELECT source, fetch FROM sources ORDER BY source');
    expect(sources.map((s) => [s.source.replace(site.base, ''), s.fetch])).toEqual([
      ['/art/2024/1/30/art_77278_102.html', 'ok'],
      [`${JCMS.proxy}?startrecord=13&endrecord=14&perpage=2`, 'records 13–14 of the list: the data proxy answered no records; as a GET: HTTP 405 Method Not Allowed'],
      [`${JCMS.proxy}?startrecord=7&endrecord=12&perpage=2`, 'records 7–12 of the list: the data proxy answered no records; as a GET: HTTP 405 Method Not Allowed'],
    ]);
  });
});
