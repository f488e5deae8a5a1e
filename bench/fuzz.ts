// npm run fuzz [-- --runs N] [-- --seed S] [-- --path P] [-- --minutes M]: malformed variants of the real corpus pages, report
// tables and texts (bench/fuzz/) through the reader, the rules and the outputs in this process. Seeded, so a run
// is reproducible; a failure is shrunk by fast-check (fewer, smaller edits) and then reduced to a small page that
// fails the same way, printed and saved. Then the time per KB by page size, from the run itself and from a series
// of pages grown by repetition: the run fails on any exception or when time grows faster than the page beyond
// GROWTH_FACTOR.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import fc from 'fast-check';
import { buildInput, caseArbitrary, caseName, failureKey, reducePage, type FuzzCase, type Input } from './fuzz/cases';
import { readAndCheck } from './fuzz/pipeline';
import { repeatBody } from './fuzz/mutate';
import { loadSources } from './fuzz/sources';

/** Time per KB of the largest pages may be at most this many times that of pages of 16–64 KB. */
export const GROWTH_FACTOR = 3;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(arg('--runs') ?? 100_000);
const seed = Number(arg('--seed') ?? 20261207);
const path = arg('--path');
/** a time budget: the run stops after the chunk that passes it, and says how many pages it got through */
const minutes = Number(arg('--minutes') ?? Infinity);
const sources = await loadSources();

// ── timings ──────────────────────────────────────────────────────────────────────────────────────────────────
const BUCKETS: [string, number, number][] = [
  ['< 4 KB', 0, 4 << 10],
  ['4–16 KB', 4 << 10, 16 << 10],
  ['16–64 KB', 16 << 10, 64 << 10],
  ['64–256 KB', 64 << 10, 256 << 10],
  ['256 KB–1 MB', 256 << 10, 1 << 20],
  ['≥ 1 MB', 1 << 20, Infinity],
];
const samples: { kb: number; ms: number }[][] = BUCKETS.map(() => []);
let slowest = { ms: 0, kb: 0, name: '' };
const outcomes = { reports: 0, none: 0, refused: 0 };

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** PDFs are timed apart: their size is their text layer's, not a page's. */
const pdfTimes: number[] = [];

function timed(input: Input, name: string): void {
  const t0 = performance.now();
  const out = readAndCheck(input, name);
  const ms = performance.now() - t0;
  if (input.kind === 'pdf') pdfTimes.push(ms);
  else {
    const kb = Buffer.byteLength(input.text) / 1024;
    samples[BUCKETS.findIndex(([, lo, hi]) => kb * 1024 >= lo && kb * 1024 < hi)]!.push({ kb, ms });
    if (ms > slowest.ms) slowest = { ms, kb, name };
  }
  if (out.refused) outcomes.refused++;
  else if (out.reports > 0) outcomes.reports++;
  else outcomes.none++;
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────────────────────
let done = 0;
const start = performance.now();
const property = fc.property(caseArbitrary(sources), (c: FuzzCase) => {
  timed(buildInput(c), caseName(c));
  done++;
});
console.log(
  `fuzz: ${runs.toLocaleString('en')} pages, seed ${seed}; sources: ${sources.pages.length} pages, ${sources.regions.length} report regions, ${sources.tables.length} tables, ${sources.texts.length} texts, ${sources.pdfs.length} PDF text layers`,
);
// In chunks of CHUNK pages, chunk i seeded seed + i: progress shows, and a run stopped early still says how far
// it got. `--path` replays one failure (with the seed its report names).
const CHUNK = 1000;
let stopped = false;
let result: fc.RunDetails<[FuzzCase]> | null = null;
for (let i = 0; done < runs; i++) {
  const r = fc.check(property, { seed: seed + i, numRuns: path ? 1 : Math.min(CHUNK, runs - done), ...(path ? { path } : {}) });
  const s = (performance.now() - start) / 1000;
  console.log(`  ${done.toLocaleString('en')} pages, ${s.toFixed(0)} s, ${(done / s).toFixed(1)} pages/s${r.failed ? ', FAILED' : ', no exception'}`);
  if (r.failed || path) {
    result = r;
    break;
  }
  if (s > minutes * 60 && done < runs) {
    stopped = true;
    break;
  }
}
const seconds = (performance.now() - start) / 1000;
let failed = false;

if (result?.failed) {
  failed = true;
  const c = result.counterexample![0] as FuzzCase;
  const input = buildInput(c);
  const key = failureKey(result.errorInstance);
  console.log(`\nFAILED after ${result.numRuns} inputs (${result.numShrinks} shrinks): ${key}`);
  console.log(`  replay: npm run fuzz -- --seed ${result.seed} --path ${result.counterexamplePath}`);
  console.log(`  source: ${caseName(c)}${'scale' in c ? `, scale ${c.scale}` : ''}, edits: ${JSON.stringify(c.edits)}`);
  if (result.errorInstance instanceof Error) console.log(result.errorInstance.stack?.split('\n').slice(0, 8).join('\n'));
  // A PDF case is its few edits on a corpus PDF; a page or text is reduced further, to the fewest characters.
  if (input.kind !== 'pdf') {
    const fails = (text: string): boolean => {
      try {
        readAndCheck({ kind: input.kind, text });
        return false;
      } catch (e) {
        return failureKey(e) === key;
      }
    };
    const small = reducePage(input.kind, input.text, fails);
    const dir = mkdtempSync(join(tmpdir(), 'gidar-fuzz-'));
    const ext = input.kind === 'html' ? 'html' : 'txt';
    writeFileSync(join(dir, `case.${ext}`), input.text);
    writeFileSync(join(dir, `reduced.${ext}`), small);
    console.log(`  reduced from ${input.text.length.toLocaleString('en')} to ${small.length.toLocaleString('en')} characters: ${dir}/reduced.${ext}`);
    if (small.length <= 2000) console.log(`  ${JSON.stringify(small)}`);
  }
} else {
  if (stopped) console.log(`STOPPED by the ${minutes}-minute budget after ${done.toLocaleString('en')} of ${runs.toLocaleString('en')} pages`);
  console.log(`no exception in ${done.toLocaleString('en')} pages (${seconds.toFixed(0)} s, ${(done / seconds).toFixed(0)} pages/s)`);
}
console.log(
  `  reports found in ${outcomes.reports.toLocaleString('en')} pages, none in ${outcomes.none.toLocaleString('en')}, ${outcomes.refused} refused as too large to parse`,
);

// ── time by size ─────────────────────────────────────────────────────────────────────────────────────────────
const table = new Table({ head: ['page size', 'pages', 'median ms', 'p99 ms', 'max ms', 'median ms/KB'] });
const perKb: (number | null)[] = samples.map((xs) => (xs.length >= 20 ? quantile(xs.map((x) => x.ms / Math.max(x.kb, 1)), 0.5) : null));
BUCKETS.forEach(([label], i) => {
  const xs = samples[i]!;
  if (!xs.length) return;
  const ms = xs.map((x) => x.ms);
  table.push([label, xs.length, quantile(ms, 0.5).toFixed(1), quantile(ms, 0.99).toFixed(1), Math.max(...ms).toFixed(1), perKb[i]?.toFixed(3) ?? '(few)']);
});
console.log('\nTime per page by size (this run):');
console.log(table.toString());
console.log(`  slowest page: ${slowest.ms.toFixed(0)} ms, ${slowest.kb.toFixed(0)} KB (${slowest.name})`);
if (pdfTimes.length)
  console.log(
    `  PDF text layers: ${pdfTimes.length.toLocaleString('en')}, median ${quantile(pdfTimes, 0.5).toFixed(1)} ms, p99 ${quantile(pdfTimes, 0.99).toFixed(1)} ms, max ${Math.max(...pdfTimes).toFixed(1)} ms`,
  );
const ref = perKb[2];
if (ref) {
  for (let i = 3; i < BUCKETS.length; i++) {
    const v = perKb[i];
    if (v != null && v > GROWTH_FACTOR * ref) {
      failed = true;
      console.log(`FAILED: ${BUCKETS[i]![0]} pages take ${(v / ref).toFixed(1)}× the time per KB of 16–64 KB pages (allowed ${GROWTH_FACTOR}×)`);
    }
  }
}

// A series per real page: its body repeated to 1×, 2×, 4× … up to 2 MB; best of 3.
console.log('\nTime per KB as one page grows (its body repeated):');
const growth = new Table({ head: ['page', ...[1, 2, 4, 8, 16].map((k) => `×${k} ms/KB`), 'largest ÷ ×1'] });
for (const s of [...sources.pages, ...sources.regions]) {
  const row: string[] = [s.name];
  let first = 0;
  let last = 0;
  for (const k of [1, 2, 4, 8, 16]) {
    const page = repeatBody(s.text, k);
    const kb = Buffer.byteLength(page) / 1024;
    const times = [0, 1, 2].map(() => {
      const t0 = performance.now();
      readAndCheck({ kind: s.kind, text: page }, s.name);
      return performance.now() - t0;
    });
    // the best of three: on a shared machine the others' work only ever adds time
    const v = Math.min(...times) / kb;
    if (k === 1) first = v;
    last = v;
    row.push(`${v.toFixed(3)} (${kb.toFixed(0)} KB)`);
  }
  const ratio = last / first;
  row.push(ratio.toFixed(2));
  growth.push(row);
  if (ratio > GROWTH_FACTOR) {
    failed = true;
    console.log(`FAILED: ${s.name} grown 16× takes ${ratio.toFixed(1)}× the time per KB (allowed ${GROWTH_FACTOR}×)`);
  }
}
console.log(growth.toString());
process.exitCode = failed || stopped ? 1 : 0;
