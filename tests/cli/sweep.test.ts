import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepMain, USER_AGENT } from '../../cli/sweep/main';
import { query, REPORT_PATHS, startSite, type TestSite } from './sweep-site';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FAST = ['--delay', '0', '--timeout', '4', '--retries', '1', '--backoff', '50', '--max-size', '2', '--no-progress'];

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), isTTY: false } };
}

function readCsv(path: string): { bom: boolean; header: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(path, 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return { bom: text.startsWith('\uFEFF'), header: parsed.meta.fields ?? [], rows: parsed.data };
}

/** The sweep as a separate process (so that it can be killed with SIGKILL). */
function child(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/sweep/main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

function exit(p: ReturnType<typeof child>): Promise<number | null> {
  return new Promise((r) => p.on('exit', (code) => r(code)));
}

describe('sweep of a test site', () => {
  let site: TestSite;
  let dir: string;
  let db: string;
  let code: number;
  let out: { stdout: string; stderr: string };
  const url = (p: string) => `${site.base}${p}`;

  beforeAll(async () => {
    site = await startSite();
    dir = mkdtempSync(join(tmpdir(), 'sweep-'));
    db = join(dir, 'sweep.db');
    // one list page on the command line, the other two in a file of URLs
    writeFileSync(join(dir, 'lists.txt'), `# lists of the test site\n${url('/b/index.html')}\n\n${url('/c/index.html')}  # script pager\n`);
    const run = io();
    out = run.out;
    code = await sweepMain(
      [
        ...FAST, '--db', db, '--csv', join(dir, 'summary.csv'), '--cells-csv', join(dir, 'cells.csv'), '--html', join(dir, 'dashboard.html'),
        url('/a/index.html'), join(dir, 'lists.txt'),
      ],
      run.io,
    );
  }, 120_000);

  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds exactly the reports the three list styles link, and no other link', () => {
    const sources = query<{ source: string }>(db, 'SELECT source FROM sources ORDER BY source').map((r) => r.source.replace(site.base, ''));
    expect(sources).toEqual(
      [
        '/a/2023-pingtan.html', '/a/2025-pingtan.html', '/a/missing-2022.html', '/a/not-a-report.html', '/a/sh-2019.html', '/a/shuyang-gbk.html',
        '/b/flaky.txt', '/b/hongze-2023.html', '/b/hongze-2024.pdf', '/b/loop.html',
        '/c/2019.txt', '/c/2021.txt', '/c/huge.html', '/c/slow.html', '/private/2020.html',
      ].sort(),
    );
    // list pages of all three styles were read: 下一页, index_N up to 尾页, createPageHTML
    for (const p of ['/a/list2.html', '/b/index_1.html', '/b/index_2.html', '/c/index_1.html']) expect(site.served.get(p)).toBe(1);
    expect(site.requests.has('/news/2.html')).toBe(false);
  });

  it('stores each failure as one row with a one-line reason, and goes on', () => {
    const fetch = Object.fromEntries(query<{ source: string; fetch: string }>(db, 'SELECT source, fetch FROM sources').map((r) => [r.source.replace(site.base, ''), r.fetch]));
    expect(fetch['/a/missing-2022.html']).toBe('HTTP 404 Not Found');
    expect(fetch['/a/not-a-report.html']).toMatch(/^no annual-report statistics table found/);
    expect(fetch['/b/loop.html']).toBe('too many redirects (more than 5)');
    expect(fetch['/c/slow.html']).toBe('cannot fetch: timed out (after 2 attempts)');
    expect(fetch['/c/huge.html']).toBe('response larger than 2 MB');
    expect(fetch['/private/2020.html']).toMatch(/^blocked by robots\.txt/);
    expect(site.requests.has('/private/2020.html')).toBe(false);
    // the 500 succeeded on retry
    expect(fetch['/b/flaky.txt']).toBe('ok');
    expect(site.requests.get('/b/flaky.txt')).toBe(2);
    for (const f of Object.values(fetch)) expect(f).not.toMatch(/\n/);
    expect(Object.values(fetch).filter((f) => f === 'ok')).toHaveLength(9);
  });

  it('names itself and honours robots.txt', () => {
    expect([...site.userAgents]).toEqual([USER_AGENT]);
    expect(USER_AGENT).toMatch(/^gidar-check\/\d+\.\d+\.\d+ /);
    expect(site.served.get('/robots.txt')).toBe(1);
  });

  it('reads the GBK page, the report in a PDF attachment and a PDF link, with what the documents print', () => {
    type R = { source: string; agency: string; year: number; format: string; read_from: string; errors: number; received: number | null };
    const reports = Object.fromEntries(
      query<R>(db, 'SELECT s.source, r.agency, r.year, r.format, r.read_from, r.errors, r.received FROM reports r JOIN sources s ON s.id = r.source_id').map(
        (r) => [r.source.replace(site.base, ''), r],
      ),
    );
    // GBK bytes, charset only in <meta>
    expect(reports['/a/shuyang-gbk.html']).toMatchObject({ agency: '沭阳县发展和改革局', year: 2023, format: '2021', errors: 0 });
    // the hand checks of the corpus: 新收 81 (2023), 154 (2025), 859 (Shanghai 2019), 23 and 70 (Pingtan txt), 95 (Hongze 2024)
    expect(reports['/a/2023-pingtan.html']).toMatchObject({ year: 2023, received: 81, errors: 0 });
    expect(reports['/a/2025-pingtan.html']).toMatchObject({ year: 2025, received: 154, errors: 0 });
    expect(reports['/a/sh-2019.html']).toMatchObject({ agency: '上海市人民政府办公厅', year: 2019, received: 859 });
    expect(reports['/c/2019.txt']).toMatchObject({ year: 2019, received: 23 });
    expect(reports['/c/2021.txt']).toMatchObject({ year: 2021, received: 70 });
    expect(reports['/b/hongze-2024.pdf']).toMatchObject({ year: 2024, received: 95, errors: 0 });
    // Hongze 2023: the page has no tables; they are read from its PDF: 新收 21, two misprinted 表四 totals
    expect(reports['/b/hongze-2023.html']).toMatchObject({ year: 2023, received: 21, errors: 2, read_from: url('/b/files/hongze-2023.pdf') });
    const errors = query<{ rule: string; ambiguous: number; suspects: string | null; alternatives: string | null }>(
      db,
      `SELECT f.rule, f.ambiguous, f.suspects, f.alternatives FROM findings f JOIN reports r ON r.id = f.report_id JOIN sources s ON s.id = r.source_id
       WHERE s.source = ? AND f.status = 'fail' AND f.severity = 'error' ORDER BY f.rule`,
      url('/b/hongze-2023.html'),
    );
    type Suspect = { col: string; printed: number; suggested: number };
    const detail = (rule: string) => {
      const e = errors.find((x) => x.rule === rule)!;
      return { suspects: JSON.parse(e.suspects ?? '[]') as Suspect[], alternatives: JSON.parse(e.alternatives ?? '[]') as Suspect[][] };
    };
    expect(errors.map((e) => e.rule)).toEqual(['t4.litAfterReviewSum', 't4.reviewSum']);
    // 行政复议 维持10 + 纠正1 printed with 总计 0: the total should be 11
    expect(detail('t4.reviewSum').suspects[0]).toMatchObject({ col: 'review.total', printed: 0, suggested: 11 });
    // 复议后起诉 维持5 with 总计 0: the total 5, or 维持 0, equally simple (ambiguous)
    expect(errors.find((e) => e.rule === 't4.litAfterReviewSum')!.ambiguous).toBe(1);
    expect(detail('t4.litAfterReviewSum').alternatives.flat()).toEqual(
      expect.arrayContaining([expect.objectContaining({ col: 'litAfterReview.total', printed: 0, suggested: 5 })]),
    );
  });

  it('gives consecutive years of one agency the cross-year checks', () => {
    const xy = query<{ rule: string; status: string; left: number; right: number }>(
      db,
      `SELECT f.rule, f.status, f."left", f."right" FROM findings f JOIN reports r ON r.id = f.report_id JOIN sources s ON s.id = r.source_id
       WHERE s.source = ? AND f.cross_year = 1`,
      url('/b/hongze-2024.pdf'),
    );
    // 2023 结转下年度 0, 2024 上年结转 0
    expect(xy.find((f) => f.rule === 'xy.carryContinuity')).toMatchObject({ status: 'pass', left: 0, right: 0 });
    expect(query(db, `SELECT 1 FROM findings WHERE cross_year = 1 AND report_id IN (SELECT id FROM reports WHERE year = 2023 AND agency LIKE '%洪泽%')`)).toEqual([]);
  });

  it('writes the summary CSV with the agreed columns and the cells CSV with the single-report columns', () => {
    const summary = readCsv(join(dir, 'summary.csv'));
    expect(summary.bom).toBe(true);
    expect(summary.header.slice(0, 11)).toEqual(['source', 'fetch', 'agency', 'year', 'format', 'errors', 'warnings', 'needs_review', 'passed', 'not_checkable', 'first_error']);
    expect(summary.rows).toHaveLength(15);
    const hongze = summary.rows.find((r) => r.source === url('/b/hongze-2023.html'))!;
    expect(hongze).toMatchObject({ fetch: 'ok', year: '2023', format: '2021', errors: '2' });
    expect(hongze.first_error).toMatch(/总计/);
    expect(summary.rows.find((r) => r.source === url('/a/missing-2022.html'))).toMatchObject({ fetch: 'HTTP 404 Not Found', errors: '0', agency: '' });

    const cells = readCsv(join(dir, 'cells.csv'));
    expect(cells.bom).toBe(true);
    expect(cells.header).toEqual(['source', 'agency', 'year', 'format', 'table', 'row', 'row_label', 'col', 'col_label', 'value', 'raw']);
    const review = cells.rows.find((r) => r.source === url('/b/hongze-2023.html') && r.table === 't4' && r.col === 'review.total');
    expect(review).toMatchObject({ year: '2023', value: '0', raw: '0' });
    const granted = cells.rows.find((r) => r.source === url('/a/2023-pingtan.html') && r.table === 't3' && r.row === 'newReceived' && r.col === 'total');
    expect(granted).toMatchObject({ value: '81', row_label: '一、本年新收政府信息公开申请数量', col_label: '总计' });
    expect(new Set(cells.rows.map((r) => r.source)).size).toBe(9);
  });

  it('writes the dashboard: every source, the failures with their reasons, Hongze 2023 with its two 表四 errors', () => {
    const { document } = parseHTML(readFileSync(join(dir, 'dashboard.html'), 'utf8'));
    const data = JSON.stringify(JSON.parse(document.querySelector('script[type="application/json"]')?.textContent ?? 'null'));
    expect(data).not.toBe('null');
    for (const p of ['/a/missing-2022.html', '/b/hongze-2023.html', '/c/2021.txt', '/private/2020.html']) expect(data).toContain(url(p));
    expect(data).toContain('HTTP 404 Not Found');
    expect(data).toContain('t4.reviewSum');
    expect(data).toContain('t4.litAfterReviewSum');
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
  });

  it('exits 1 (a report has an error) and prints the summary table', () => {
    expect(code).toBe(1);
    expect(out.stdout).toMatch(/15 source\(s\): 9 checked \(1 with errors\), 6 failed/);
    expect(out.stdout).toContain('洪泽区');
  });

  it('a second sweep into the same database fetches no report again', async () => {
    const before = new Map(site.served);
    const run = io();
    expect(await sweepMain([...FAST, '--db', db, url('/a/index.html'), join(dir, 'lists.txt')], run.io)).toBe(1);
    for (const p of REPORT_PATHS) expect(site.served.get(p) ?? 0, p).toBe(before.get(p) ?? 0);
    expect(run.out.stdout).toMatch(/0 checked in this run, 15 already in/);
  }, 60_000);

  it('--retry-failed fetches again only what failed; --refresh fetches a report again', async () => {
    const before = new Map(site.requests);
    expect(await sweepMain([...FAST, '--db', db, '--retry-failed', url('/a/index.html')], io().io)).toBe(0);
    expect(site.requests.get('/a/missing-2022.html')).toBe(before.get('/a/missing-2022.html')! + 1);
    expect(site.requests.get('/a/2023-pingtan.html')).toBe(before.get('/a/2023-pingtan.html'));
    expect(await sweepMain([...FAST, '--db', db, '--refresh', url('/a/index.html')], io().io)).toBe(0);
    expect(site.requests.get('/a/2023-pingtan.html')).toBe(before.get('/a/2023-pingtan.html')! + 1);
    // refreshed in place: still one row per source
    expect(query(db, 'SELECT source FROM sources GROUP BY source HAVING count(*) > 1')).toEqual([]);
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM sources')[0]!.n).toBe(15);
  }, 60_000);

  it('a database of another program, or a start that is not there, stops the sweep with exit 2', async () => {
    const other = join(dir, 'other.db');
    const d = new DatabaseSync(other);
    d.exec('CREATE TABLE t (x)');
    d.close();
    const a = io();
    expect(await sweepMain(['--db', other, url('/a/index.html')], a.io)).toBe(2);
    expect(a.out.stderr).toMatch(/not a gidar-check sweep database/);
    const b = io();
    expect(await sweepMain(['--db', join(dir, 'x.db'), join(dir, 'nothing-here')], b.io)).toBe(2);
    expect(b.out.stderr).toMatch(/^gidar-check sweep: no such file, folder or web address: .*nothing-here\n$/);
  });
});

describe('sweep of a folder', () => {
  it('reads every report file inside, recording each file with its SHA-256, and prints progress lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-folder-'));
    try {
      const db = join(dir, 'corpus.db');
      const run = io();
      const real = join(ROOT, 'tests', 'fixtures', 'corpus', 'real');
      expect(await sweepMain(['--db', db, real], run.io)).toBe(1);
      const manifest = JSON.parse(readFileSync(join(real, 'MANIFEST.json'), 'utf8')) as { documents: { file: string; sha256: string; year: number }[] };
      const files = query<{ url: string; sha256: string; role: string }>(db, 'SELECT url, sha256, role FROM fetches');
      expect(files.map((f) => f.url.slice(real.length + 1)).sort()).toEqual(manifest.documents.map((d) => d.file).sort());
      for (const d of manifest.documents) expect(files.find((f) => f.url.endsWith(d.file))).toMatchObject({ sha256: d.sha256, role: 'file' });
      const years = query<{ source: string; year: number }>(db, 'SELECT s.source, r.year FROM reports r JOIN sources s ON s.id = r.source_id');
      for (const d of manifest.documents) expect(years.find((y) => y.source.endsWith(d.file))?.year, d.file).toBe(d.year);
      expect(run.out.stderr).toMatch(/^sweep: 15\/15 reports checked, 0 failed, [\d.]+\/s, 0 already stored$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('cross-year checks across sweeps into one database', () => {
  it('pairs one agency\'s consecutive years whichever is swept first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-years-'));
    try {
      const real = join(ROOT, 'tests', 'fixtures', 'corpus', 'real');
      const db = join(dir, 'years.db');
      // the later year first: it gets its cross-year findings when the earlier one arrives in the next sweep
      expect(await sweepMain(['--db', db, '--no-progress', join(real, '2024-huaian-hongzequ.pdf')], io().io)).toBe(0);
      expect(query(db, 'SELECT 1 FROM findings WHERE cross_year = 1')).toEqual([]);
      expect(await sweepMain(['--db', db, '--no-progress', join(real, '2023-huaian-hongzequ.pdf')], io().io)).toBe(1);
      const xy = query<{ year: number; rule: string; status: string; left: number; right: number }>(
        db,
        `SELECT r.year, f.rule, f.status, f."left", f."right" FROM findings f JOIN reports r ON r.id = f.report_id WHERE f.cross_year = 1`,
      );
      expect(new Set(xy.map((f) => f.year))).toEqual(new Set([2024]));
      // 2023 结转下年度 0 = 2024 上年结转 0 (the manifest's hand checks of both PDFs)
      expect(xy.find((f) => f.rule === 'xy.carryContinuity')).toMatchObject({ status: 'pass', left: 0, right: 0 });
      // the 2024 row's counts include its cross-year findings
      const [row] = query<{ warnings: number; passed: number }>(db, 'SELECT warnings, passed FROM reports WHERE year = 2024');
      const own = query<{ n: number }>(db, `SELECT count(*) AS n FROM findings f JOIN reports r ON r.id = f.report_id WHERE r.year = 2024 AND f.status = 'pass'`);
      expect(row!.passed).toBe(own[0]!.n);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('sweep killed with SIGKILL and started again', () => {
  it('ends with the same reports, cells and findings as an uninterrupted sweep, fetching no report twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-kill-'));
    const ref = await startSite();
    const site = await startSite();
    try {
      const args = (s: TestSite, db: string) => [...FAST, '--concurrency', '1', '--db', db, `${s.base}/a/index.html`, `${s.base}/b/index.html`, `${s.base}/c/index.html`];
      // the reference: one uninterrupted sweep
      const refDb = join(dir, 'ref.db');
      expect(await sweepMain(args(ref, refDb), io().io)).toBe(1);

      // killed while the server holds back the Pingtan 2021 report
      const db = join(dir, 'killed.db');
      const arrived = site.hold('/c/2021.txt');
      const first = child(args(site, db));
      await arrived;
      await new Promise((r) => setTimeout(r, 300));
      first.kill('SIGKILL');
      expect(await exit(first)).toBe(null);
      site.release();
      const storedBefore = query<{ n: number }>(db, 'SELECT count(*) AS n FROM sources')[0]!.n;
      expect(storedBefore).toBeGreaterThan(0);
      expect(storedBefore).toBeLessThan(15);

      const second = child(args(site, db));
      expect(await exit(second)).toBe(1);

      const picture = (file: string, base: string) =>
        query<Record<string, unknown>>(
          file,
          `SELECT s.source, s.fetch, r.agency, r.year, r.format, r.errors, r.warnings, r.needs_review, r.passed, r.not_checkable, r.first_error,
                  (SELECT count(*) FROM cells c WHERE c.report_id = r.id) AS cells,
                  (SELECT group_concat(rule || ':' || status || ':' || cross_year || ':' || ambiguous || ':' || COALESCE(suspects, ''), ',') FROM (SELECT rule, status, cross_year, ambiguous, suspects FROM findings f WHERE f.report_id = r.id ORDER BY rule, status, cross_year, ambiguous, suspects)) AS findings,
                  (SELECT group_concat(tbl || ':' || "row" || ':' || col || '=' || raw, ',') FROM (SELECT * FROM cells c WHERE c.report_id = r.id ORDER BY tbl, "row", col)) AS cellValues
           FROM sources s LEFT JOIN reports r ON r.source_id = s.id ORDER BY s.source`,
        ).map((row) => JSON.parse(JSON.stringify(row).replaceAll(base, '')) as Record<string, unknown>);
      expect(picture(db, site.base)).toEqual(picture(refDb, ref.base));
      // no report page or attachment served twice across the two runs
      for (const p of REPORT_PATHS) expect(site.served.get(p) ?? 0, p).toBeLessThanOrEqual(1);
      expect(site.served.get('/c/2021.txt')).toBe(1);
      expect(query(db, 'SELECT url FROM pending')).toEqual([]);
    } finally {
      site.release();
      await ref.close();
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
