// Cold runs: the first readDocument + checkReport in a fresh process, as the extension's first check on a page is.
// The core is bundled and minified like the extension's annotator (esbuild), loaded by a fresh `node` per sample;
// reported as ratios to the warm time of the same step in the same process (never thresholds).
//   npx tsx bench/cold.ts [--reps N] [--only NAME] [--prof]   (--prof: one .cpuprofile per page, see the path printed)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_DIR = join(ROOT, 'tests', 'fixtures', 'corpus', 'real');
// Inside node_modules so that the child resolves linkedom from the repo.
const OUT = join(ROOT, 'node_modules', '.cache', 'gidar-cold');

interface Sample {
  /** module evaluation of the core bundle */
  load: number;
  read: number;
  check: number;
  warmRead: number;
  warmCheck: number;
  cells: number;
  findings: number;
}

// The child: parse (not timed), import the core (timed: module evaluation), one cold read and check, then warm medians.
const CHILD = `
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
const html = readFileSync(process.argv[2], 'utf8');
const doc = () => parseHTML(html).document;
const cold = doc();
const t0 = performance.now();
const core = await import('./core.js');
const t1 = performance.now();
const reports = core.readDocument(cold, { url: 'http://www.example.gov.cn/x' });
const t2 = performance.now();
let findings = 0;
for (const r of reports) findings += core.checkReport(r.report).length;
const t3 = performance.now();
// profiling: only the cold part
if (process.env.GIDAR_COLD_ONLY) { process.stdout.write(JSON.stringify({ load: t1 - t0, read: t2 - t1, check: t3 - t2, warmRead: 1, warmCheck: 1, cells: 0, findings })); process.exit(0); }
// the warm documents are parsed only now, so that their garbage does not land in the cold run
const docs = Array.from({ length: 30 }, doc);
const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wr = docs.map((d) => { const s = performance.now(); core.readDocument(d, { url: 'http://www.example.gov.cn/x' }); return performance.now() - s; });
const wc = docs.map(() => { const s = performance.now(); for (const r of reports) core.checkReport(r.report); return performance.now() - s; });
process.stdout.write(JSON.stringify({ load: t1 - t0, read: t2 - t1, check: t3 - t2, warmRead: med(wr.slice(10)), warmCheck: med(wc.slice(10)),
  cells: reports.reduce((n, r) => n + r.report.cells.length, 0), findings }));
`;

async function bundle(minify: boolean): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await build({
    stdin: {
      contents: `export { readDocument } from './core/read/dom'; export { checkReport } from './core/check';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    // unminified when profiling, so that the profile names functions
    minify,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile: join(OUT, 'core.js'),
    logLevel: 'error',
  });
  writeFileSync(join(OUT, 'child.mjs'), CHILD);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

function runChild(file: string, prof: string | null): Sample {
  const args = [...(prof ? ['--cpu-prof', '--cpu-prof-interval', '100', `--cpu-prof-dir=${prof}`] : []), join(OUT, 'child.mjs'), file];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...(prof ? { GIDAR_COLD_ONLY: '1' } : {}) } });
  if (r.status !== 0) throw new Error(`child failed on ${file}: ${r.stderr.split('\n')[0]}`);
  return JSON.parse(r.stdout) as Sample;
}

/** Cold timings of the given corpus pages; prints a table. */
export async function benchCold(opts: { files?: string[]; reps?: number; prof?: boolean } = {}): Promise<void> {
  await bundle(!opts.prof);
  const files = opts.files ?? readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.html')).sort();
  const reps = opts.reps ?? 5;
  const rows: string[][] = [];
  for (const f of files) {
    const prof = opts.prof ? join(OUT, 'prof', f.replace(/\.html$/, '')) : null;
    const samples = Array.from({ length: reps }, (_, i) => runChild(join(CORPUS_DIR, f), i === 0 ? prof : null));
    const m = (k: keyof Sample) => median(samples.map((s) => s[k]));
    rows.push([
      f,
      m('load').toFixed(1),
      m('read').toFixed(1),
      m('check').toFixed(1),
      m('warmRead').toFixed(2),
      m('warmCheck').toFixed(2),
      `${(m('read') / m('warmRead')).toFixed(1)}×`,
      `${(m('check') / m('warmCheck')).toFixed(1)}×`,
      `${((m('load') + m('read') + m('check')) / (m('warmRead') + m('warmCheck'))).toFixed(1)}×`,
      prof ? prof.replace(ROOT + '/', '') : '',
    ]);
  }
  const header = ['page', 'import ms', 'cold read ms', 'cold check ms', 'warm read ms', 'warm check ms', 'read cold÷warm', 'check cold÷warm', '(import+read+check) ÷ warm', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`Cold run in Node ${process.version} (fresh process per sample, minified bundle; median of ${reps})`);
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (n: string) => {
    const i = process.argv.indexOf(n);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const only = arg('--only');
  const files = readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.html') && (!only || f.includes(only)))
    .sort();
  benchCold({ files, reps: Number(arg('--reps') ?? 5), prof: process.argv.includes('--prof') }).catch((e: unknown) => {
    console.error(`bench/cold: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
