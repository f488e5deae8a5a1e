// Years in the sweep (issue 10): one agency's consecutive years join in the sweep's database as `npm run check` joins
// them when given both files (core/years.ts) — in one sweep or in two into the same database, in either order, after
// a kill, and in a database the schema-1 sweep wrote. Real documents: the Hongze 2023 and 2024 PDFs, and the 2024 one
// with 上年结转 printed 3 instead of 0 (tests/cli/pdf-edit.ts), where only 2023's 结转下年度 0 tells which of three
// equally small corrections is meant.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowOf, type Row } from '../../cli/sweep/dashboard';
import { sweepMain } from '../../cli/sweep/main';
import { SweepStore } from '../../cli/sweep/store';
import { checkPair } from '../../core/check';
import type { Finding, Report } from '../../core/model/schema';
import { countFindings, firstError } from '../../core/sweep/summary';
import { joinYearFindings } from '../../core/years';
import { CORPUS, ROOT, run } from './helpers';
import { hongze2023CarriedForward3, hongze2024CarriedOver3 } from './pdf-edit';
import { query, startSite, TITLES, type TestSite } from './sweep-site';

type BySource = Map<string, Finding[]>;
type Contract = { source: string; reports: { findings: Finding[] }[] };

const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false };
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const unzip = <T>(blob: Uint8Array | null): T | null => (blob ? (JSON.parse(gunzipSync(blob).toString('utf8')) as T) : null);

function sweep(db: string, starts: string[], ...opts: string[]): Promise<number> {
  return sweepMain(['--db', db, '--no-progress', ...opts, ...starts], quiet);
}

/** What `npm run check -- --json FILES` gives for each file (one report each). */
async function cli(files: string[]): Promise<BySource> {
  const out = JSON.parse((await run(['--json', ...files])).stdout) as Contract | Contract[];
  return new Map((Array.isArray(out) ? out : [out]).map((c) => [c.source, c.reports[0]!.findings] as const));
}

/** The findings the sweep's database holds for each source's report (as its dashboard and exports read them). */
function stored(db: string): BySource {
  const store = new SweepStore(db);
  try {
    const rows = store.db.prepare('SELECT r.id, s.source FROM reports r JOIN sources s ON s.id = r.source_id').all() as { id: number; source: string }[];
    return new Map(rows.map((r) => [r.source, json(store.findings(r.id))]));
  } finally {
    store.close();
  }
}

/** Everything stored about each report's findings, by year: rows, counts, the gzip'd JSON. */
function picture(db: string): Record<string, unknown>[] {
  return query<Record<string, unknown> & { findings: Uint8Array; cross_year_findings: Uint8Array | null; findings_alone: Uint8Array | null }>(
    db,
    `SELECT r.year, r.errors, r.warnings, r.needs_review, r.passed, r.not_checkable, r.first_error,
            (SELECT group_concat(x, char(10)) FROM (SELECT cross_year || rule || status || ambiguous || COALESCE(message_zh, '') || COALESCE(suspects, '') ||
               COALESCE(alternatives, '') AS x FROM findings f WHERE f.report_id = r.id ORDER BY x)) AS rows,
            d.findings, d.cross_year_findings, d.findings_alone
     FROM reports r JOIN report_data d ON d.report_id = r.id ORDER BY r.year`,
  ).map((r) => ({ ...r, findings: unzip(r.findings), cross_year_findings: unzip(r.cross_year_findings), findings_alone: unzip(r.findings_alone) }));
}

const balance = (fs: Finding[]) => fs.filter((f) => f.rule === 't3.balance' && f.status === 'fail');

let dir: string;
let hz2023: string;
let hz2024: string;
let changed: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sweep-years-'));
  hz2023 = join(dir, '2023-huaian-hongzequ.pdf');
  hz2024 = join(dir, '2024-huaian-hongzequ.pdf');
  changed = join(dir, '2024-huaian-hongzequ.carried-over-3.pdf');
  copyFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf'), hz2023);
  copyFileSync(join(CORPUS, '2024-huaian-hongzequ.pdf'), hz2024);
  writeFileSync(changed, hongze2024CarriedOver3(readFileSync(join(CORPUS, '2024-huaian-hongzequ.pdf'))));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ORDERS = [
  { order: 'one sweep, 2023 named first', runs: (a: string, b: string) => [[a, b]] },
  { order: 'one sweep, 2024 named first', runs: (a: string, b: string) => [[b, a]] },
  { order: 'two sweeps, 2023 first', runs: (a: string, b: string) => [[a], [b]] },
  { order: 'two sweeps, 2024 first', runs: (a: string, b: string) => [[b], [a]] },
];

describe.each([
  { pair: 'the real Hongze 2023 and 2024 PDFs', later: () => hz2024 },
  { pair: 'Hongze 2023 and 2024 with 上年结转 printed 3', later: () => changed },
])('$pair', ({ later }) => {
  let expected: BySource;
  beforeAll(async () => {
    expected = await cli([hz2023, later()]);
  });

  it.each(ORDERS)('$order: the findings, summary CSV, cells CSV and dashboard of `npm run check -- 2023 2024`', async ({ runs }) => {
    const out = mkdtempSync(join(dir, 'run-'));
    const db = join(out, 'sweep.db');
    for (const starts of runs(hz2023, later())) await sweep(db, starts);
    expect(stored(db)).toEqual(expected);

    // the exports of a sweep that finds both stored: written from the database
    const files = { csv: join(out, 'summary.csv'), cells: join(out, 'cells.csv'), html: join(out, 'dashboard.html') };
    expect(await sweep(db, [hz2023, later()], '--csv', files.csv, '--cells-csv', files.cells, '--html', files.html)).toBe(1);
    const summary = Papa.parse<Record<string, string>>(readFileSync(files.csv, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(summary.map((r) => Number(r.year))).toEqual([2023, 2024]);
    for (const r of summary) {
      const fs = expected.get(r.source!)!;
      const c = countFindings(fs);
      expect([r.errors, r.warnings, r.needs_review, r.passed, r.not_checkable, r.first_error]).toEqual(
        [c.errors, c.warnings, c.needsReview, c.passed, c.notCheckable, firstError(fs) ?? ''].map(String),
      );
    }
    expect(readFileSync(files.cells, 'utf8')).toBe((await run(['--csv', '-', hz2023, later()])).stdout);

    const { document } = parseHTML(readFileSync(files.html, 'utf8'));
    const rows = (JSON.parse(document.querySelector('script#data')!.textContent!) as { rows: Row[] }).rows;
    for (const row of rows) {
      const fs = expected.get(row.s)!;
      const want = rowOf({
        source: row.s, fetch: 'ok', agency: row.a, year: row.y, format: row.f, counts: countFindings(fs), firstError: firstError(fs),
        findings: fs.filter((f) => f.status !== 'pass'), received: row.r,
      });
      expect(row).toEqual(json(want));
    }
    rmSync(out, { recursive: true, force: true });
  }, 60_000);
});

describe('Hongze 2024 with 上年结转 printed 3: 2023 decides between equal corrections', () => {
  it('checked alone, the three corrections stay undecided; joined with 2023 (swept before or after), 上年结转 3→0 is named', async () => {
    // alone: three two-cell corrections, none named
    const alone = (await cli([changed])).get(changed)!;
    expect(balance(alone).map((f) => [f.scope, f.ambiguous, f.alternatives!.length, f.suspects, f.textSupport])).toEqual([
      ['naturalPerson', true, 3, [], undefined],
      ['total', true, 3, [], undefined],
    ]);
    // the CLI's summary says what decided: last year's report, not a sentence of this one
    const summary = (await run([hz2023, changed])).stdout;
    expect(summary.match(/（另有同样简单的改法；上年报告支持上面这一种，请人工核对）/g)).toHaveLength(2);
    expect(summary).not.toContain('报告自身的陈述支持');

    const db = join(mkdtempSync(join(dir, 'decide-')), 'sweep.db');
    await sweep(db, [changed]);
    expect(query(db, `SELECT suspects FROM findings WHERE rule = 't3.balance' AND status = 'fail'`)).toEqual([{ suspects: null }, { suspects: null }]);
    await sweep(db, [hz2023]);
    // Hongze 2023 printed 结转下年度 0 in both columns (MANIFEST); only 上年结转 3→0 agrees with it
    const joined = stored(db).get(changed)!;
    for (const f of balance(joined)) {
      expect(f.suspects).toEqual([{ table: 't3', row: 'carriedOver', col: f.scope, printed: 3, suggested: 0, typo: null }]);
      expect(f.textSupport).toMatchObject({ rule: 'xy.carryContinuity', evidence: { section: 'previousYear', claimed: 0 } });
      expect(f.message.zh).toContain('上年报告的结转下年度继续办理为 0，只与其中一种一致');
    }
    const rows = query<{ scope: string; suspects: string; message_zh: string }>(
      db,
      `SELECT f.suspects, f.message_zh FROM findings f JOIN reports r ON r.id = f.report_id WHERE r.year = 2024 AND f.rule = 't3.balance' AND f.status = 'fail'`,
    );
    expect(rows.map((r) => JSON.parse(r.suspects) as unknown[])).toEqual([
      [expect.objectContaining({ row: 'carriedOver', col: 'naturalPerson', printed: 3, suggested: 0 })],
      [expect.objectContaining({ row: 'carriedOver', col: 'total', printed: 3, suggested: 0 })],
    ]);
    expect(query<{ first_error: string }>(db, 'SELECT first_error FROM summary WHERE year = 2024')[0]!.first_error).toContain('上年报告的结转下年度继续办理为 0');
  }, 60_000);

  it('sweeping either year again rewrites the same; when 2023 is gone, 2024 is as checked alone', async () => {
    const out = mkdtempSync(join(dir, 'again-'));
    const db = join(out, 'sweep.db');
    const earlier = join(out, '2023.pdf');
    copyFileSync(hz2023, earlier);
    await sweep(db, [changed, earlier]);
    const once = picture(db);
    expect(once.map((r) => r.findings_alone === null)).toEqual([true, false]);
    await sweep(db, [earlier], '--refresh');
    expect(picture(db)).toEqual(once);
    await sweep(db, [changed], '--refresh');
    expect(picture(db)).toEqual(once);
    // the 2023 file replaced by one that is not a report: refreshed, it fails and 2024 stands alone again
    writeFileSync(earlier, '这不是年度报告。');
    await sweep(db, [earlier], '--refresh');
    expect(query(db, 'SELECT fetch FROM sources WHERE source = ?', earlier)).toEqual([{ fetch: expect.stringMatching(/^no annual-report statistics table found/) }]);
    expect([...stored(db)]).toEqual([[changed, (await cli([changed])).get(changed)]]);
    expect(picture(db)[0]).toMatchObject({ cross_year_findings: null, findings_alone: null });
    expect(query(db, 'SELECT 1 FROM findings WHERE cross_year = 1')).toEqual([]);
  }, 60_000);
});

describe('two Hongze 2023 reports (one with 结转下年度 printed 3) and 2024 with 上年结转 3', () => {
  // The CLI joins 2024 with the first 2023 it is given; the sweep with the first by where the tables were read, so
  // that the order the fetches finish in does not matter: the same as the CLI given the files in name order.
  let cf3: string;
  let expected: BySource;
  beforeAll(async () => {
    cf3 = join(dir, '2023-huaian-hongzequ.carried-forward-3.pdf');
    writeFileSync(cf3, hongze2023CarriedForward3(readFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf'))));
    expect([cf3, hz2023].sort()).toEqual([cf3, hz2023]);
    expected = await cli([cf3, hz2023, changed]);
    // paired with the 2023 that carried 3 forward, 2024's three corrections stay undecided: 上年结转 3 agrees with it
    expect(balance(expected.get(changed)!).map((f) => f.suspects)).toEqual([[], []]);
    const continuity = expected.get(changed)!.filter((f) => f.rule === 'xy.carryContinuity');
    expect(continuity.filter((f) => f.scope === 'naturalPerson' || f.scope === 'total').map((f) => [f.status, f.left, f.right])).toEqual([
      ['pass', 3, 3],
      ['pass', 3, 3],
    ]);
  });

  it.each([
    { order: 'one sweep', runs: (a: string, b: string, c: string) => [[c, a, b]] },
    { order: 'the real 2023 and 2024 first, the other 2023 next', runs: (a: string, b: string, c: string) => [[b, c], [a]] },
    { order: '2023 carried forward 3, 2024, the real 2023', runs: (a: string, b: string, c: string) => [[a], [c], [b]] },
    { order: 'the real 2023, the other, 2024', runs: (a: string, b: string, c: string) => [[b], [a], [c]] },
  ])('$order: the findings of `npm run check` given the files in name order', async ({ runs }) => {
    const db = join(mkdtempSync(join(dir, 'dup-')), 'sweep.db');
    for (const starts of runs(cf3, hz2023, changed)) await sweep(db, starts);
    expect(stored(db)).toEqual(expected);
  }, 60_000);

  it('the first 2023 gone, 2024 joins the other: 上年结转 3→0 named', async () => {
    const out = mkdtempSync(join(dir, 'dup-gone-'));
    const db = join(out, 'sweep.db');
    const first = join(out, '2023-huaian-hongzequ.carried-forward-3.pdf');
    copyFileSync(cf3, first);
    await sweep(db, [first, hz2023, changed]);
    writeFileSync(first, '这不是年度报告。');
    await sweep(db, [first], '--refresh');
    const want = await cli([hz2023, changed]);
    expect(stored(db)).toEqual(want);
    expect(balance(want.get(changed)!).map((f) => f.suspects.map((s) => s.row))).toEqual([['carriedOver'], ['carriedOver']]);
  }, 60_000);
});

describe('a start that was the 2023 report and turns into a list page', () => {
  it('is forgotten, and 2024 stands alone again', async () => {
    const y2023 = { body: readFileSync(hz2023) as Buffer | string, type: 'application/pdf' };
    const site = await startSite({ '/z/2023': y2023, '/z/2024.pdf': { body: readFileSync(changed), type: 'application/pdf' } });
    try {
      const db = join(mkdtempSync(join(dir, 'forget-')), 'sweep.db');
      const run1 = ['--delay', '0', '--no-progress', '--db', db, `${site.base}/z/2023`, `${site.base}/z/2024.pdf`];
      expect(await sweepMain(run1, quiet)).toBe(1);
      expect(balance(stored(db).get(`${site.base}/z/2024.pdf`)!).map((f) => f.suspects.length)).toEqual([1, 1]);
      // the address now lists other years' reports (not there: failed rows; 2024 is not swept again)
      y2023.type = 'text/html; charset=utf-8';
      y2023.body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>信息公开年报</title></head><body><ul>
<li><a href="/z/2022.html">${TITLES.hongze2023.replace('2023', '2022')}</a></li><li><a href="/z/2021.html">${TITLES.hongze2023.replace('2023', '2021')}</a></li></ul></body></html>`;
      await sweepMain(['--delay', '0', '--no-progress', '--db', db, '--refresh', `${site.base}/z/2023`], quiet);
      expect(query(db, 'SELECT source FROM sources WHERE source = ?', `${site.base}/z/2023`)).toEqual([]);
      expect(stored(db).get(`${site.base}/z/2024.pdf`)).toEqual((await cli([changed])).get(changed));
      expect(query(db, 'SELECT 1 FROM findings WHERE cross_year = 1')).toEqual([]);
    } finally {
      await site.close();
    }
  }, 60_000);
});

describe('a sweep killed between the two years and started again', () => {
  it('ends as an uninterrupted sweep, with 2024 joined when 2023 arrives after the restart, fetching nothing twice', async () => {
    const extra = {
      '/y/index.html': {
        body: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>信息公开年报</title></head><body><ul>
<li><a href="2024.pdf">${TITLES.hongze2024}</a></li><li><a href="2023.pdf">${TITLES.hongze2023}</a></li></ul></body></html>`,
        type: 'text/html; charset=utf-8',
      },
      '/y/2024.pdf': { body: readFileSync(changed), type: 'application/pdf' },
      '/y/2023.pdf': { body: readFileSync(hz2023), type: 'application/pdf' },
    };
    const out = mkdtempSync(join(dir, 'kill-'));
    const ref = await startSite(extra);
    const site = await startSite(extra);
    try {
      const args = (s: TestSite, db: string) => ['--delay', '0', '--concurrency', '1', '--no-progress', '--db', db, `${s.base}/y/index.html`];
      const refDb = join(out, 'ref.db');
      expect(await sweepMain(args(ref, refDb), quiet)).toBe(1);

      const db = join(out, 'killed.db');
      const arrived = site.hold('/y/2023.pdf');
      const first = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/sweep/main.ts'), ...args(site, db)], { cwd: ROOT, stdio: 'ignore' });
      const exited = new Promise<number | null>((r) => first.on('exit', (code) => r(code)));
      await arrived;
      // killed once 2024 is stored and 2023 is not
      for (let i = 0; i < 300 && query(db, `SELECT 1 FROM reports`).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      first.kill('SIGKILL');
      expect(await exited).toBe(null);
      site.release();
      expect(query<{ year: number }>(db, 'SELECT year FROM reports')).toEqual([{ year: 2024 }]);

      expect(await sweepMain(args(site, db), quiet)).toBe(1);
      expect(picture(db)).toEqual(picture(refDb));
      const want = await cli([hz2023, changed]);
      expect(stored(db)).toEqual(new Map([[`${site.base}/y/2024.pdf`, want.get(changed)], [`${site.base}/y/2023.pdf`, want.get(hz2023)]]));
      expect(site.served.get('/y/2024.pdf')).toBe(1);
      expect(site.served.get('/y/2023.pdf')).toBe(1);
    } finally {
      site.release();
      await ref.close();
      await site.close();
    }
  }, 120_000);
});

describe('a database written by schema 1', () => {
  // tests/fixtures/sweep/README.md: Hongze 2023 and the 2024 PDF with 上年结转 3, swept by the schema-1 sweep,
  // which appended the cross-year findings without letting 2023 decide
  it('is migrated in place: 2024 joined with 2023 as the CLI joins them, the rest unchanged; opening it again changes nothing', () => {
    const db = join(mkdtempSync(join(dir, 'v1-')), 'sweep.db');
    copyFileSync(join(ROOT, 'tests/fixtures/sweep/v1-hongze-2023-2024.db'), db);
    const before = query<{ user_version: number }>(db, 'PRAGMA user_version')[0]!.user_version;
    expect(before).toBe(1);
    const blobs = (file: string) =>
      query<{ year: number; report: Uint8Array; findings: Uint8Array; cross: Uint8Array | null }>(
        file,
        'SELECT r.year, d.report, d.findings, d.cross_year_findings AS cross FROM reports r JOIN report_data d ON d.report_id = r.id ORDER BY r.year',
      );
    const [v1of2023, v1of2024] = blobs(db);
    const reportOf = (b: Uint8Array) => unzip<Report>(b)!;
    // what joining the stored reports the CLI's way gives
    const pair = checkPair(reportOf(v1of2023!.report), reportOf(v1of2024!.report));
    const want = json(joinYearFindings(unzip<Finding[]>(v1of2024!.findings)!, pair, reportOf(v1of2024!.report).format));
    expect(balance(unzip<Finding[]>(v1of2024!.findings)!).map((f) => f.suspects)).toEqual([[], []]);

    new SweepStore(db).close();
    expect(query(db, 'PRAGMA user_version')).toEqual([{ user_version: 2 }]);
    expect(query(db, `SELECT value FROM meta WHERE key = 'schema_version'`)).toEqual([{ value: '2' }]);
    const after = stored(db).get('2024-huaian-hongzequ.carried-over-3.pdf')!;
    expect(after).toEqual(want);
    expect(balance(after).map((f) => f.suspects.map((s) => `${s.row}:${s.col}=${s.suggested}`))).toEqual([['carriedOver:naturalPerson=0'], ['carriedOver:total=0']]);
    const [of2023, of2024] = blobs(db);
    // 2023 untouched; 2024's findings as checked alone kept beside the joined ones
    expect(of2023).toEqual(v1of2023);
    expect(unzip(query<{ b: Uint8Array }>(db, 'SELECT findings_alone AS b FROM report_data d JOIN reports r ON r.id = d.report_id WHERE r.year = 2024')[0]!.b)).toEqual(
      unzip(v1of2024!.findings),
    );
    expect(of2024!.cross).toEqual(v1of2024!.cross);
    const c = countFindings(want);
    expect(query(db, 'SELECT errors, warnings, needs_review, passed, not_checkable, first_error FROM reports WHERE year = 2024')).toEqual([
      { errors: c.errors, warnings: c.warnings, needs_review: c.needsReview, passed: c.passed, not_checkable: c.notCheckable, first_error: firstError(want) },
    ]);
    const migrated = picture(db);
    new SweepStore(db).close();
    expect(picture(db)).toEqual(migrated);
  });

  it('takes new reports after the migration', async () => {
    const db = join(mkdtempSync(join(dir, 'v1-more-')), 'sweep.db');
    copyFileSync(join(ROOT, 'tests/fixtures/sweep/v1-hongze-2023-2024.db'), db);
    expect(await sweep(db, [join(CORPUS, '2023-pingtan-guanweihui.html')])).toBe(0);
    expect(query(db, 'SELECT count(*) AS n FROM sources')).toEqual([{ n: 3 }]);
    expect(query(db, 'PRAGMA user_version')).toEqual([{ user_version: 2 }]);
  });
});
