// Checks the sources archive the way a reviewer at addons.mozilla.org uses it: unpack
// .output/gidar-check-<version>-sources.zip into an empty folder, follow SOURCE-BUILD.md (`npm ci`, then
// `npx wxt build -b firefox`) and compare every built file, byte for byte, with the Firefox package's.
// Run `npm run zip` first. Usage: tsx scripts/verify-sources.ts  (exit 1 and the differing files when they differ)
// tests/e2e/package.test.ts runs it too.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { userEnv } from './pack-install';
import { compareTrees, listFiles, unpack, zipPath } from './packages';

export function verifySources(): { files: number; diffs: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'gidar-sources-'));
  try {
    const src = join(dir, 'src');
    const pkg = join(dir, 'package');
    unpack(zipPath('sources'), src);
    unpack(zipPath('firefox'), pkg);
    const run = (cmd: string, args: string[]): void => void execFileSync(cmd, args, { cwd: src, env: userEnv(), stdio: ['ignore', 'ignore', 'inherit'] });
    // SOURCE-BUILD.md's steps (the npm cache serves what the project's own install fetched)
    run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
    // package.json's `prepare` (wxt prepare, run by npm ci) writes what tsconfig.json extends
    const prepared = existsSync(join(src, '.wxt/tsconfig.json'));
    run('npx', ['wxt', 'build', '-b', 'firefox']);
    const diffs = compareTrees(pkg, join(src, '.output/firefox-mv2'));
    return { files: listFiles(pkg).length, diffs: prepared ? diffs : ['npm ci did not run `wxt prepare`', ...diffs] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { files, diffs } = verifySources();
  if (diffs.length) {
    console.error(`verify-sources: the rebuild from the sources archive differs from the Firefox package:\n  ${diffs.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`verify-sources: the sources archive rebuilds the Firefox package (${files} files, byte for byte)`);
}
