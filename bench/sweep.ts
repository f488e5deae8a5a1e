// npm run bench:sweep [-- --reports N] (also the last part of npm run bench): the sweep at scale.
// A generated site of N report pages (default 10,000; the corpus HTML reports, each page made unique) behind
// paginated list pages, served from this process; the sweep runs in a child process, so the server's own time is
// not counted. Prints:
//  - CPU time per report of the sweep (discovery + fetch + read + check + store) ÷ the single-report CLI path
//    (cli/main.ts's main() on a URL) on the same pages, both measured in their own processes: reports/s per core;
//  - the sweep's peak RSS;
//  - the time of summary queries on the filled database, ÷ a bare count of its sources.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REAL = join(ROOT, 'tests', 'fixtures', 'corpus', 'real');
const TEMPLATES = ['2023-pingtan-guanweihui.html', '2025-pingtan-guanweihui.html', '2019-shanghai-shizhengfu-bangongting.html', '2023-shuyang-fagaiju.html'];
const PER_PAGE = 20;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const reports = arg('--reports', 10_000);
const sample = Math.min(reports, arg('--sample', 400));
const templates = TEMPLATES.map((f) => readFileSync(join(REAL, f), 'utf8'));
const listPages = Math.ceil(reports / PER_PAGE);

function listPage(k: number): string {
  const items: string[] = [];
  for (let i = k * PER_PAGE; i < Math.min(reports, (k + 1) * PER_PAGE); i++)
    items.push(`<li><a href="/r/${i}.html" title="第${i}号机关${2019 + (i % 6)}年政府信息公开工作年度报告">第${i}号机关${2019 + (i % 6)}年政府信息公开工作年度报告</a></li>`);
  const page = (n: number) => (n === 0 ? 'index.html' : `index_${n}.html`);
  const pager = [
    `<a href="${page(0)}">首页</a>`,
    k > 0 ? `<a href="${page(k - 1)}">上一页</a>` : '',
    k < listPages - 1 ? `<a href="${page(k + 1)}">下一页</a>` : '',
    `<a href="${page(listPages - 1)}">尾页</a>`,
  ].join(' ');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul>${items.join('\n')}</ul><div class="page">${pager}</div></body></html>`;
}

function reportPage(i: number): string {
  // unique bytes per page (its own SHA-256), the tables of a real report
  return templates[i % templates.length]!.replace('</body>', `<!-- generated report ${i} --></body>`);
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const list = /^\/list\/index(?:_(\d+))?\.html$/.exec(path);
  const rep = /^\/r\/(\d+)\.html$/.exec(path);
  if (list) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(listPage(Number(list[1] ?? 0)));
  if (rep && Number(rep[1]) < reports) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(reportPage(Number(rep[1])));
  res.writeHead(404).end();
});

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('exit', (code) => done({ code, stderr, stdout }));
  });
}

function medianMs(fn: () => void, reps = 7): number {
  fn();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)]!;
}

async function main(): Promise<void> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'bench-sweep-'));
  const db = join(dir, 'sweep.db');
  try {
    console.log(`\nSweep at scale: ${reports.toLocaleString('en')} generated report pages (${TEMPLATES.length} corpus reports), ${listPages} list pages of ${PER_PAGE}`);
    // the single-report path on a sample of the same pages
    const single = await run([join(ROOT, 'bench', 'sweep-single.ts'), base, String(sample), String(reports)]);
    const singleStats = JSON.parse(/SINGLE_STATS (.*)/.exec(single.stdout)?.[1] ?? 'null') as { cpuMs: number; n: number } | null;
    if (!singleStats) throw new Error(`single-report run failed: ${single.stderr}`);
    const wall0 = performance.now();
    const sweep = await run(
      [join(ROOT, 'cli', 'sweep', 'main.ts'), '--db', db, '--delay', '0', '--concurrency', '4', '--max-pages', String(listPages + 10), '--no-progress', `${base}/list/index.html`],
      { GIDAR_SWEEP_STATS: '1' },
    );
    const wall = performance.now() - wall0;
    const stats = JSON.parse(/GIDAR_SWEEP_STATS (.*)/.exec(sweep.stderr)?.[1] ?? 'null') as { cpuMs: number; maxRssKb: number; done: number } | null;
    if (!stats || sweep.code === 2) throw new Error(`sweep failed (exit ${sweep.code}): ${sweep.stderr.slice(-2000)}`);
    const perSingle = singleStats.cpuMs / singleStats.n;
    const perSweep = stats.cpuMs / stats.done;
    console.log(`  single-report CLI path: ${singleStats.n} pages, ${perSingle.toFixed(1)} ms CPU per report = ${(1000 / perSingle).toFixed(1)} reports/s per core`);
    console.log(
      `  sweep: ${stats.done} reports in ${(wall / 1000).toFixed(0)} s wall, ${perSweep.toFixed(1)} ms CPU per report = ${(1000 / perSweep).toFixed(1)} reports/s per core`,
    );
    console.log(`  sweep ÷ single-report path, CPU per report: ${(perSweep / perSingle).toFixed(2)}× (goal ≤ 1.5×)`);
    console.log(`  sweep peak RSS: ${(stats.maxRssKb / 1024).toFixed(0)} MB (goal < 500 MB)`);

    const d = new DatabaseSync(db, { readOnly: true });
    const count = medianMs(() => d.prepare('SELECT count(*) FROM sources').get());
    const summary = medianMs(() => d.prepare('SELECT * FROM summary').all());
    const byAgency = medianMs(() =>
      d.prepare('SELECT agency, year, count(*) AS n, sum(errors) AS errors, sum(warnings) AS warnings FROM reports GROUP BY agency, year ORDER BY errors DESC').all(),
    );
    const failing = medianMs(() => d.prepare("SELECT rule, count(*) AS n FROM findings WHERE status = 'fail' GROUP BY rule ORDER BY n DESC").all());
    const one = medianMs(() => d.prepare("SELECT * FROM summary WHERE source = ?").get(`${base}/r/${Math.floor(reports / 2)}.html`), 50);
    const rows = (d.prepare('SELECT (SELECT count(*) FROM sources) AS s, (SELECT count(*) FROM cells) AS c, (SELECT count(*) FROM findings) AS f').get() as { s: number; c: number; f: number });
    d.close();
    const size = readFileSync(db).byteLength;
    console.log(`  database: ${rows.s} sources, ${rows.c.toLocaleString('en')} cells, ${rows.f.toLocaleString('en')} findings, ${(size / 1e6).toFixed(0)} MB`);
    console.log(
      `  queries (median): full summary view ${summary.toFixed(1)} ms (${((summary / rows.s) * 1000).toFixed(1)} µs per source; a bare count of sources ${count.toFixed(2)} ms); ` +
        `errors by agency and year ${byAgency.toFixed(1)} ms; failing rules over all findings ${failing.toFixed(1)} ms; one source's summary row ${one.toFixed(2)} ms`,
    );
  } finally {
    server.close();
    if (process.env.KEEP_DB) console.log(`  kept ${db}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
