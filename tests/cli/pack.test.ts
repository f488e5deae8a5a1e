// The npm package as users get it: `npm pack`, `npm i <tarball>` into an empty folder outside the repository, then
// `npx gidar-check` there prints what `tsx cli/main.ts` prints from the sources, on the bundled sample, a corpus page,
// corpus PDFs (one needs pdf.js's cMaps) and with --csv. Slow (a real pack and install): one file, one install.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packAndInstall, userEnv, type Installed } from '../../scripts/pack-install';
import { COMMANDS } from '../../scripts/build-cli';
import { CORPUS, ROOT, type RunResult } from './helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};

let inst: Installed;
/** the inputs, copied next to the installation so both commands get the same relative paths */
let inputs: string;

beforeAll(() => {
  inst = packAndInstall();
  inputs = join(inst.dir, 'inputs');
  mkdirSync(inputs);
  for (const f of ['2023-pingtan-guanweihui.html', '2023-huaian-hongzequ.pdf', '2024-huaian-shizhengfu.pdf']) cpSync(join(CORPUS, f), join(inputs, f));
  cpSync(join(ROOT, 'tests/fixtures/e2e/unembedded-font.pdf'), join(inputs, 'unembedded-font.pdf'));
  cpSync(join(ROOT, 'samples/huixian-2023.txt'), join(inputs, 'huixian-2023.txt'));
}, 300_000);

// removing the installation (~90 MB of node_modules) outlasts the default hook timeout on a busy machine
afterAll(() => {
  if (inst) rmSync(inst.dir, { recursive: true, force: true });
}, 120_000);

function exec(cmd: string, args: string[], cwd: string): RunResult {
  const r = spawnSync(cmd, args, { cwd, env: { ...userEnv(), GIDAR_DEBUG: '' }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `npx gidar-check …` in the installation's folder, as a user types it (npx finds the local bin) */
const installed = (args: string[]): RunResult => exec('npx', ['gidar-check', ...args], inst.app);
/** the same command from the repository's sources, in the same folder */
const fromSources = (args: string[]): RunResult => exec(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'cli/main.ts'), ...args], inst.app);

describe('the package', () => {
  it('holds the compiled commands, the sample and the docs, and no sources', () => {
    const files = exec('tar', ['-tzf', inst.tarball], inst.dir).stdout.trim().split('\n').sort();
    expect(files).toEqual(
      ['CHANGELOG.md', 'PRIVACY.md', 'README.md', 'package.json', 'samples/huixian-2023.txt', ...Object.keys(COMMANDS).map((c) => `dist/${c}.js`)]
        .map((f) => `package/${f}`)
        .sort(),
    );
    // every command of the build has its bin, and nothing else is a bin
    expect(Object.fromEntries(Object.keys(COMMANDS).map((c) => [c, `dist/${c}.js`]))).toEqual(pkg.bin);
    const main = readFileSync(join(inst.app, 'node_modules/gidar-check/dist/gidar-check.js'), 'utf8');
    expect(main.startsWith('#!/usr/bin/env node\n')).toBe(true);
    // plain JavaScript that does not reach back into the repository
    expect(main).not.toContain(ROOT);
    expect(main).not.toMatch(/from ["']tsx|\/core\/|\.ts["']/);
  });

  it('installs only the runtime dependencies: no build tools, no extension libraries, no install scripts', () => {
    // the project's own scripts (wxt prepare …) are not the user's: npm would list them as unreviewed install scripts
    expect(inst.installWarnings).not.toMatch(/install-scripts|gidar-check@/);
    const top = readdirSync(join(inst.app, 'node_modules')).filter((d) => !d.startsWith('.'));
    for (const dep of Object.keys(pkg.dependencies)) expect(top).toContain(dep);
    for (const dev of ['wxt', 'vite', 'preact', 'tsx', 'esbuild', 'typescript', 'vitest', 'playwright-core']) expect(top).not.toContain(dev);
    // pdf.js's Chinese cMaps come with pdfjs-dist, where the command looks for them
    expect(existsSync(join(inst.app, 'node_modules/pdfjs-dist/cmaps/UniGB-UCS2-H.bcmap'))).toBe(true);
  });

  it('--version is the package version', () => {
    const r = installed(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('npx gidar-check prints what the sources print', () => {
  const cases: [string, string[], number][] = [
    ['the sample, named', ['../inputs/huixian-2023.txt'], 0],
    ['a corpus page (Pingtan 2023)', ['../inputs/2023-pingtan-guanweihui.html'], 0],
    // Hongze 2023: two 表四 totals misprinted (MANIFEST.json's hand check) → exit 1
    ['a corpus PDF (Hongze 2023), in English', ['--lang', 'en', '../inputs/2023-huaian-hongzequ.pdf'], 1],
    ['a corpus PDF (Huai\'an 2024) as JSON', ['--json', '../inputs/2024-huaian-shizhengfu.pdf'], 0],
    ['a PDF whose Chinese font needs the cMaps', ['--json', '../inputs/unembedded-font.pdf'], 0],
    ['--csv - of a page', ['--csv', '-', '../inputs/2023-pingtan-guanweihui.html'], 0],
  ];
  for (const [name, args, code] of cases) {
    it(name, () => {
      const got = installed(args);
      expect(got.stderr).toBe('');
      expect(got.code).toBe(code);
      expect(got).toEqual(fromSources(args));
    }, 240_000);
  }

  it('the bundled sample by default, from the installed package', () => {
    const got = installed([]);
    expect(got.code).toBe(0);
    expect(got.stdout).toContain('来源: node_modules/gidar-check/samples/huixian-2023.txt');
    expect(got.stdout).toContain('辉县市人民政府');
    // the same report as from the sources, apart from where the sample lies
    const src = fromSources([]);
    const path = (s: string): string => s.replace(/来源: \S+/, '来源: <sample>');
    expect(path(got.stdout)).toBe(path(src.stdout));
  }, 240_000);

  it('npx gidar-sweep on a folder writes what the sources write (summary CSV, cells CSV)', () => {
    const sweep = (cmd: string, args: string[], tag: string): { code: number; summary: string; cells: string } => {
      const out = (f: string): string => join(inst.dir, `${tag}-${f}`);
      const r = exec(cmd, [...args, '--db', out('sweep.db'), '--csv', out('summary.csv'), '--cells-csv', out('cells.csv'), '--no-progress', '../inputs'], inst.app);
      expect(r.stderr).not.toMatch(/Error|at .*\.js:/);
      return { code: r.code, summary: readFileSync(out('summary.csv'), 'utf8'), cells: readFileSync(out('cells.csv'), 'utf8') };
    };
    const got = sweep('npx', ['gidar-sweep'], 'installed');
    const src = sweep(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'cli/sweep/main.ts')], 'sources');
    // Hongze 2023's two misprinted 表四 totals: an error-severity failure → exit 1
    expect(got.code).toBe(1);
    expect(got.summary.split('\r\n').length).toBeGreaterThan(5);
    expect(got).toEqual(src);
  }, 240_000);

  it('the CSV carries the values read from the PDF (Hongze 2023: 表四 as printed)', () => {
    const got = installed(['--csv', '-', '--no-bom', '../inputs/2023-huaian-hongzequ.pdf']);
    expect(got.code).toBe(1);
    const rows = got.stdout.trim().split('\r\n');
    expect(rows[0]).toBe('source,agency,year,format,table,row,row_label,col,col_label,value,raw');
    expect(rows.filter((r) => r.includes(',t4,')).length).toBeGreaterThan(10);
    expect(got.stdout).toBe(fromSources(['--csv', '-', '--no-bom', '../inputs/2023-huaian-hongzequ.pdf']).stdout);
  }, 240_000);
});
