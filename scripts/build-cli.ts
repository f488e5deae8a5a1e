// Compiles the command-line tools for the npm package: core + cli bundled by esbuild into dist/<command>.js (plain
// JavaScript with a shebang: no tsx at run time), the runtime libraries left as imports of the package's
// `dependencies`. Run by `npm run build:cli` and by npm's `prepack`, so `npm pack` always ships fresh bundles.
// A new command: one line in COMMANDS, the same name in package.json's "bin" (tests/cli/pack.test.ts checks both), and
// its module starts itself through isProgram(import.meta.url, "<command>") (cli/program.ts).
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** command name → its entry (a module that runs itself when it is the program, see the end of cli/main.ts) */
export const COMMANDS: Record<string, string> = {
  'gidar-check': 'cli/main.ts',
  'gidar-sweep': 'cli/sweep/main.ts',
};

const ROOT = resolve(import.meta.dirname, '..');

export async function buildCli(): Promise<void> {
  rmSync(resolve(ROOT, 'dist'), { recursive: true, force: true });
  // One bundle per command, each told its name: a command's bundle may hold another command's module (gidar-sweep
  // imports cli/main.ts), which must not start itself there (cli/program.ts).
  for (const [command, entry] of Object.entries(COMMANDS)) {
    await build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      outfile: `dist/${command}.js`,
      bundle: true,
      // commander, linkedom, iconv-lite, papaparse, pdfjs-dist (with its cMaps), zod: installed as dependencies
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node22',
      banner: { js: '#!/usr/bin/env node' },
      define: { GIDAR_COMMAND: JSON.stringify(command) },
      logLevel: 'warning',
    });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await buildCli();
