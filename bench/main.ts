// npm run bench [-- --reps N] [-- --only NAME] [-- --node]: speed as ratios, never absolute thresholds.
//  - reading (readDocument = locate + grid + map) ÷ bare linkedom parse of the same HTML, median of many runs;
//  - rules + localization (checkReport, every finding's message read as an export reads it) ÷ reading the same report;
//  (--node: only these reading and checking tables, without the long-list, start-up, cold and Chromium parts)
//  - cold runs: the first readDocument + checkReport in a fresh process ÷ warm runs (bench/cold.ts);
//  - the installed command's start-up (npm pack + npm i) ÷ node -e "" (bench/startup.ts);
//  - then the extension's timings in Chromium, from bench/extension.ts, when it and the built extension exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Table from 'cli-table3';
import { parseHTML } from 'linkedom';
import { loadEngine } from '../cli/engine';
import type { Finding } from '../core/model/schema';
import { pdfPages } from '../cli/pdf';
import { cutLongTables } from '../cli/shrink';
import { benchCold } from './cold';
import { benchStartup } from './startup';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = join(ROOT, 'tests', 'fixtures', 'corpus', 'real');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

/** What bench/extension.ts receives; it prints its own table. */
export interface ExtensionBenchContext {
  corpusDir: string;
  /** HTML file names in corpusDir */
  files: string[];
  /** the built MV3 extension (`npm run build`) */
  extensionDir: string;
  reps: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Median time (ms) of `fn`, after warm-up; at least `reps` runs and at least `minMs` of total measuring. */
export function median(fn: () => void, reps: number, minMs = 500): number {
  for (let i = 0; i < Math.min(10, reps); i++) fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < reps || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    if (times.length >= reps * 20) break;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Median time (ms) of an asynchronous `fn` over `reps` runs, after one warm-up. */
async function medianAsync(fn: () => Promise<unknown>, reps: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** What an export does with the findings (JSON, CSV, audit record): read every message, in both languages. */
function readMessages(findings: Finding[]): void {
  for (const f of findings) if (f.message.zh.length + f.message.en.length === 0) throw new Error(`${f.rule}: no message`);
}

const ms = (x: number): string => (x < 1 ? x.toFixed(3) : x.toFixed(2));
const ratio = (x: number): string => `${x.toFixed(2)}×`;
// Colours only on a terminal, so piped output (CI logs, reports) stays plain.
const style = process.stdout.isTTY ? {} : { style: { head: [], border: [] } };

async function main(): Promise<void> {
  const reps = Number(arg('--reps') ?? 100);
  const only = arg('--only');
  const nodeOnly = process.argv.includes('--node');
  const engine = await loadEngine();
  const files = readdirSync(CORPUS_DIR)
    .filter((f) => /\.html?$/i.test(f))
    .filter((f) => !only || f.includes(only))
    .sort();
  console.log(`Node ${process.version}; median of ≥${reps} runs per measurement; corpus ${CORPUS_DIR.replace(ROOT + '/', '')}\n`);

  {
    const readDocument = engine.readDocument;
    const checkReport = engine.checkReport;
    const table = new Table({
      ...style,
      head: ['document', 'KiB', 'parse ms', 'read ms', 'read ÷ parse', 'reports', 'cells', 'rules ms', 'rules ÷ read'],
      colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    });
    for (const f of files) {
      const html = readFileSync(join(CORPUS_DIR, f), 'utf8');
      const parse = median(() => void parseHTML(html), reps);
      // Each reading gets a freshly parsed document, as a page load would; only readDocument is timed.
      const docs = Array.from({ length: 8 }, () => parseHTML(html).document as unknown as Document);
      let k = 0;
      const read = median(() => void readDocument(docs[k++ % docs.length]!), reps);
      const reports = readDocument(docs[0]!).map((r) => r.report);
      const cells = reports.reduce((n, r) => n + r.cells.length, 0);
      const rules = reports.length ? median(() => reports.forEach((r) => readMessages(checkReport(r))), reps) : null;
      table.push([
        f,
        (Buffer.byteLength(html) / 1024).toFixed(0),
        ms(parse),
        ms(read),
        ratio(read / parse),
        String(reports.length),
        String(cells),
        rules === null ? '—' : ms(rules),
        rules === null ? '—' : ratio(rules / read),
      ]);
    }
    console.log('Reading in Node (linkedom DOM)');
    console.log(table.toString());
  }

  {
    const readText = engine.readText;
    const checkReport = engine.checkReport;
    const textDir = join(CORPUS_DIR, '..', 'seed');
    const table = new Table({
      ...style,
      head: ['text', 'KiB', 'readText ms', 'reports', 'cells', 'rules ms', 'rules ÷ read'],
      colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    });
    const texts = [
      join(textDir, 'huixian-2023.txt'),
      ...readdirSync(CORPUS_DIR)
        .filter((f) => /\.(txt|md)$/.test(f))
        .sort()
        .map((f) => join(CORPUS_DIR, f)),
    ].filter((p) => !only || p.includes(only));
    for (const p of texts) {
      const text = readFileSync(p, 'utf8');
      const read = median(() => void readText(text), reps);
      const reports = readText(text);
      const rules = reports.length ? median(() => reports.forEach((r) => readMessages(checkReport(r))), reps) : null;
      table.push([
        p.replace(CORPUS_DIR + '/', '').replace(textDir + '/', 'seed/'),
        (Buffer.byteLength(text) / 1024).toFixed(0),
        ms(read),
        String(reports.length),
        String(reports.reduce((n, r) => n + r.cells.length, 0)),
        rules === null ? '—' : ms(rules),
        rules === null ? '—' : ratio(rules / read),
      ]);
    }
    console.log('\nReading text (no parse baseline: absolute times for orientation only)');
    console.log(table.toString());
  }

  {
    const { readPdf, checkReport } = engine;
    const table = new Table({
      ...style,
      head: ['PDF', 'KiB', 'pages', 'pdf.js text ms', 'layout + read ms', 'read ÷ pdf.js', 'cells', 'rules ms', 'rules ÷ read'],
      colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    });
    const pdfs = readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.pdf') && (!only || f.includes(only)))
      .sort();
    for (const f of pdfs) {
      const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, f)));
      // pdf.js: open the document and take every page's text items (the baseline any PDF reader pays)
      const extract = await medianAsync(() => pdfPages(bytes, f), Math.max(5, Math.min(reps, 15)));
      const pages = await pdfPages(bytes, f);
      const read = median(() => void readPdf(pages), reps);
      const reports = readPdf(pages);
      const rules = reports.length ? median(() => reports.forEach((r) => readMessages(checkReport(r))), reps) : null;
      table.push([
        f,
        (bytes.length / 1024).toFixed(0),
        String(pages.length),
        ms(extract),
        ms(read),
        ratio(read / extract),
        String(reports.reduce((n, r) => n + r.cells.length, 0)),
        rules === null ? '—' : ms(rules),
        rules === null ? '—' : ratio(rules / read),
      ]);
    }
    if (pdfs.length) {
      console.log('\nReading PDF text layers (pdf.js items laid out, then the text reader)');
      console.log(table.toString());
    }
  }

  if (nodeOnly) return;

  {
    // A saved page with a long list beside the report (240,000 rows, 16 MB): the CLI cuts the list's rows before
    // parsing. Ratio to the same report page alone; without the cut this page took ~12 s (≈3,000×).
    const host = files.find((f) => f.startsWith('2025-pingtan'));
    if (host) {
      const page = readFileSync(join(CORPUS_DIR, host), 'utf8');
      const rows = Array.from({ length: 240_000 }, (_, i) => `<tr><td>${i}</td><td>第${i}号文件</td><td>2023-01-01</td></tr>`).join('');
      const big = page.replace(/<\/body>/i, `<table>${rows}</table></body>`);
      const cli = (html: string) => () => void engine.readDocument(parseHTML(cutLongTables(html).html).document as unknown as Document);
      const alone = median(cli(page), Math.min(reps, 30));
      const long = median(cli(big), 5, 0);
      console.log(
        `\nCLI on a report page with a 240,000-row list (${(big.length / 1e6).toFixed(1)} MB): cut + parse + read ${ms(long)} ms ÷ the page alone ${ms(alone)} ms = ${ratio(long / alone)}`,
      );
    }
  }

  // The installed npm package's command: start-up ÷ a bare node (bench/startup.ts).
  console.log('');
  await benchStartup(Math.min(reps, 15));

  // Cold runs (first read and check in a fresh process, as on a freshly opened page), as ratios to warm runs.
  console.log('');
  await benchCold({ files: files.filter((f) => /\.html?$/i.test(f)), reps: 5 });

  // Extension point: bench/extension.ts (written by the extension engineer) times the content script in Chromium.
  const extBench = join(ROOT, 'bench', 'extension.ts');
  console.log('');
  if (!existsSync(extBench)) {
    console.log('Chromium timings: skipped (bench/extension.ts not present).');
  } else if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log(`Chromium timings: skipped (built extension missing at ${EXTENSION_DIR.replace(ROOT + '/', '')}; run npm run build).`);
  } else {
    const mod = (await import(/* @vite-ignore */ new URL('./extension.ts', import.meta.url).href)) as {
      benchExtension?: (ctx: ExtensionBenchContext) => Promise<void>;
    };
    if (typeof mod.benchExtension !== 'function') console.log('Chromium timings: skipped (bench/extension.ts exports no benchExtension).');
    else await mod.benchExtension({ corpusDir: CORPUS_DIR, files, extensionDir: EXTENSION_DIR, reps });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
