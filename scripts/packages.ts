// The extension packages `npm run zip` writes (.output/gidar-check-<version>-<target>.zip) and their contents.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';

export const ROOT = resolve(import.meta.dirname, '..');
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export type Target = 'chrome' | 'firefox' | 'sources';

/** the package's path; the version comes from package.json, as WXT names it */
export function zipPath(target: Target): string {
  return join(ROOT, '.output', `gidar-check-${VERSION}-${target}.zip`);
}

/** the build folder a browser's package is zipped from */
export function buildDir(target: Exclude<Target, 'sources'>): string {
  return join(ROOT, '.output', target === 'chrome' ? 'chrome-mv3' : 'firefox-mv2');
}

/** A zip's files (not its folder entries) by path. */
export function zipEntries(zip: string): Map<string, Uint8Array> {
  const all = unzipSync(readFileSync(zip));
  return new Map(Object.entries(all).filter(([name]) => !name.endsWith('/')));
}

/** Writes a zip's files into `into` (emptied first). */
export function unpack(zip: string, into: string): void {
  rmSync(into, { recursive: true, force: true });
  for (const [name, bytes] of zipEntries(zip)) {
    const file = join(into, name);
    if (!file.startsWith(into + '/')) throw new Error(`${zip}: entry outside the folder: ${name}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
}

/** Every file under `dir`, as sorted paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? listFiles(join(dir, f)).map((g) => `${f}/${g}`) : [f]))
    .sort();
}

/** Files that differ, are missing or are extra in `got` compared with `expected` (both folders). */
export function compareTrees(expected: string, got: string): string[] {
  const a = listFiles(expected);
  const b = new Set(listFiles(got));
  const diffs: string[] = [];
  for (const f of a) if (!b.has(f)) diffs.push(`missing: ${f}`);
  for (const f of b) if (!a.includes(f)) diffs.push(`extra: ${f}`);
  for (const f of a) if (b.has(f) && !readFileSync(join(expected, f)).equals(readFileSync(join(got, f)))) diffs.push(`differs: ${f}`);
  return diffs;
}
