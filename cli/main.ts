// gidar-check command line: read reports from files, URLs or stdin, check them, print/export the result.
// Exit codes: 0 no failing error, 1 a failing error-severity finding, 2 unusable input (one line, no stack);
// with several inputs the worst wins, and the usable ones are still reported.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import type { Finding, Report } from '../core/model/schema';
import { joinYears } from '../core/years';
import { isReport } from '../core/read/types';
import { toContract } from '../core/export/json';
import { toCsv } from '../core/export/csv';
import { auditHtml, auditMarkdown, buildAuditRecord } from '../core/export/audit';
import { hasFailingError, type Lang } from '../core/export/labels';
import { loadEngine } from './engine';
import { InputError, isUrl, loadFile, loadStdin, loadUrl, type LoadedInput } from './input';
import { renderSummary } from './summary';
import { isProgram } from './program';
import { pdfPages } from './pdf';
import { countTags, cutLongTables, MAX_TAGS } from './shrink';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE = join(ROOT, 'samples', 'huixian-2023.txt');
// The same from the sources (cli/) and from the installed package's bundle (dist/): both sit one level below it.
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => Promise<Uint8Array>;
  fetch?: typeof fetch;
  now?: () => Date;
}

interface Options {
  json?: boolean;
  all?: boolean;
  csv?: string;
  bom: boolean;
  audit?: string;
  lang: Lang;
  timeout: number;
}

export interface Checked {
  input: LoadedInput;
  title: string | null;
  reports: { report: Report; findings: Finding[] }[];
}

const MESSAGES = {
  zh: {
    prefix: 'gidar-check: 无法使用输入',
    usage: 'gidar-check: 参数错误',
    noReport: '没有找到政府信息公开年度报告的统计表',
    internal: '内部错误',
  },
  en: {
    prefix: 'gidar-check: unusable input',
    usage: 'gidar-check: usage',
    noReport: 'no annual-report statistics table found',
    internal: 'internal error',
  },
} as const;

function program(io: Io): Command {
  return new Command('gidar-check')
    .description('Check the statistical tables of 政府信息公开工作年度报告 (files, URLs or - for stdin).')
    .argument(
      '[inputs...]',
      '.html/.htm page, .txt/.md/.tsv text, .pdf with a text layer, http(s) URL, or - for stdin; default: the bundled sample',
    )
    .option('--json', 'print the JSON contract (version 1) instead of the summary')
    .option('--all', 'list every finding in the summary, info-level ones included')
    .option('--csv <file>', 'write every cell as tidy CSV (- for stdout)')
    .option('--no-bom', 'omit the UTF-8 byte-order mark in the CSV')
    .option('--audit <file>', 'write an audit record (.md Markdown, .html HTML) of the first report')
    .addOption(new Option('--lang <lang>', 'language of the summary').choices(['zh', 'en']).default('zh'))
    .addOption(new Option('--timeout <seconds>', 'network timeout for URLs').default(30).argParser(positiveNumber))
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .helpOption('-h, --help', 'show this help');
}

function positiveNumber(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new InputError(
      'unsupported',
      `--timeout must be a positive number of seconds, got "${v}"`,
      `--timeout 须为正数（秒），而不是“${v}”`,
    );
  return n;
}

async function load(arg: string, opts: Options, io: Io): Promise<LoadedInput> {
  if (arg === '-') return loadStdin(io.stdin);
  if (isUrl(arg)) return loadUrl(arg, { timeoutMs: opts.timeout * 1000, ...(io.fetch ? { fetch: io.fetch } : {}) });
  return loadFile(arg);
}

export async function check(input: LoadedInput): Promise<Checked> {
  const engine = await loadEngine();
  let reports: Report[];
  let title: string | null = null;
  if (input.kind === 'html') {
    const { html } = cutLongTables(input.text);
    const tags = countTags(html);
    if (tags > MAX_TAGS)
      throw new InputError(
        'unsupported',
        `the page is too large to read (${tags.toLocaleString('en')} elements outside long tables); save only the report's part: ${input.source}`,
        `网页过大，无法读取（长表格之外仍有 ${tags} 个元素）：请只保存报告部分：${input.source}`,
      );
    // linkedom (with its CSS and entity tables) is most of the command's start-up: loaded for HTML input only
    const { parseHTML } = await import('linkedom');
    const { document } = parseHTML(html);
    title = document.title?.trim() || null;
    reports = engine.readDocument(document as unknown as Document, input.url ? { url: input.url } : {}).map((r) => r.report);
  } else if (input.kind === 'pdf') {
    reports = engine.readPdf(await pdfPages(input.bytes ?? new Uint8Array(), input.source), { source: input.source });
  } else {
    reports = engine.readText(input.text, { source: input.source });
  }
  reports = reports.filter(isReport);
  if (reports.length === 0)
    throw new InputError('noReport', `${MESSAGES.en.noReport}: ${input.source}`, `${MESSAGES.zh.noReport}：${input.source}`);
  return {
    input,
    title: title ?? reports[0]?.title ?? null,
    reports: reports.map((report) => ({ report, findings: engine.checkReport(report) })),
  };
}

/** One agency's reports of consecutive years among the inputs: the later one also gets the cross-year findings. */
async function addCrossYear(checked: Checked[]): Promise<void> {
  const engine = await loadEngine();
  const joined = joinYears(checked.flatMap((c) => c.reports), engine.checkPair);
  let i = 0;
  for (const c of checked) c.reports = c.reports.map(() => joined[i++]!);
}

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(argv: string[], io: Io): Promise<number> {
  let lang: Lang = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'zh';
  const fail = (message: string, prefix: 'prefix' | 'usage' = 'prefix'): number => {
    io.stderr(`${MESSAGES[lang][prefix]}${lang === 'zh' ? '：' : ': '}${oneLine(message)}\n`);
    return 2;
  };
  try {
    const cmd = program(io);
    try {
      cmd.parse(argv, { from: 'user' });
    } catch (e) {
      if (e instanceof CommanderError) {
        if (e.exitCode === 0) return 0; // --help, --version
        return fail(e.message.replace(/^error:\s*/i, ''), 'usage');
      }
      throw e;
    }
    const opts = cmd.opts<Options>();
    lang = opts.lang;
    // The sample is named relative to the working directory, as a user would type it.
    const sample = relative(process.cwd(), SAMPLE).startsWith('..') ? SAMPLE : relative(process.cwd(), SAMPLE);
    const args = cmd.args.length ? cmd.args : [sample];

    if (opts.json && opts.csv === '-')
      throw new InputError(
        'unsupported',
        '--json and --csv - both write to stdout; choose one',
        '--json 与 --csv - 都输出到标准输出，只能选一个',
      );
    // A bad input gets its line on stderr; the others are still checked and reported (exit 2 = the worst).
    const checked: Checked[] = [];
    let unusable = 0;
    for (const arg of args) {
      try {
        checked.push(await check(await load(arg, opts, io)));
      } catch (e) {
        unusable++;
        if (e instanceof InputError) fail(e.text[lang]);
        else {
          if (process.env.GIDAR_DEBUG) io.stderr(`${(e as Error).stack}\n`);
          fail(`${MESSAGES[lang].internal}${lang === 'zh' ? '：' : ': '}${arg}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    if (checked.length === 0) return 2;
    await addCrossYear(checked);

    const results = checked.map((c) => ({
      source: c.input.source,
      reports: c.reports,
    }));
    if (opts.csv === '-') {
      // stdout carries the CSV alone
    } else if (opts.json) {
      // The shape follows what was asked (one input: an object), not how many inputs turned out usable.
      const contracts = results.map((r) => toContract(r.source, r.reports));
      io.stdout(JSON.stringify(args.length === 1 ? contracts[0] : contracts, null, 2) + '\n');
    } else {
      io.stdout(
        renderSummary(
          checked.flatMap((c) => c.reports.map((r) => ({ source: c.input.source, ...r }))),
          lang,
          opts.all,
        ),
      );
    }
    if (opts.csv) {
      const csv = results.map((r, i) =>
        toCsv(
          r.source,
          r.reports.map((x) => x.report),
          { bom: opts.bom && i === 0 },
        ),
      );
      // One header for all inputs: drop the header line of every CSV after the first.
      const text = csv.map((c, i) => (i === 0 ? c : c.slice(c.indexOf('\r\n') + 2))).join('');
      if (opts.csv === '-') io.stdout(text);
      else await writeOut(opts.csv, text);
    }
    if (opts.audit) {
      const first = checked[0]!;
      const r = first.reports[0]!;
      const rec = await buildAuditRecord({
        // A local file is named by its file: URL, so the record says exactly what was checked.
        url: first.input.url ?? (first.input.source === '-' ? null : pathToFileURL(resolve(first.input.source)).href),
        title: first.title,
        checkedAt: (io.now ?? (() => new Date()))(),
        report: r.report,
        findings: r.findings,
        tool: `gidar-check ${VERSION} (cli)`,
      });
      await writeOut(opts.audit, /\.html?$/i.test(opts.audit) ? auditHtml(rec, lang) : auditMarkdown(rec, lang));
    }
    if (unusable > 0) return 2;
    return checked.some((c) => c.reports.some((r) => hasFailingError(r.findings))) ? 1 : 0;
  } catch (e) {
    if (e instanceof InputError) return fail(e.text[lang]);
    if (process.env.GIDAR_DEBUG) io.stderr(`${(e as Error).stack}\n`);
    return fail(`${MESSAGES[lang].internal}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function writeOut(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, 'utf8');
  } catch (e) {
    throw new InputError(
      'unreadable',
      `cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      `无法写入 ${path}：${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export const nodeIo: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};

if (isProgram(import.meta.url, 'gidar-check')) {
  main(process.argv.slice(2), nodeIo).then((code) => {
    process.exitCode = code;
  });
}
