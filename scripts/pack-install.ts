// Installs the npm package as a user gets it: `npm pack` of the project (its prepack builds dist/), then
// `npm i <tarball>` into an empty folder outside the repository. Used by tests/cli/pack.test.ts and the bench.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export interface Installed {
  /** the temporary folder: the tarball, and app/ with the installation */
  dir: string;
  /** app/: a package.json and node_modules/, nothing else */
  app: string;
  tarball: string;
  /** node_modules/.bin/<command> */
  bin: (command: string) => string;
}

/**
 * The environment of a user's shell: without the variables of the `npm run`/`npm test` (npm_*) and the vitest
 * (VITEST*, NODE_ENV=test, which changes what Vite builds) this may run under.
 */
export function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|VITEST|VITE_)/i.test(k) && !['NODE_ENV', 'NODE_PATH', 'INIT_CWD', 'TEST'].includes(k)));
}

export function packAndInstall(): Installed {
  const dir = mkdtempSync(join(tmpdir(), 'gidar-pack-'));
  const env = userEnv();
  const npm = (args: string[], cwd: string): string =>
    execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const name = npm(['pack', '--pack-destination', dir], ROOT).trim().split('\n').at(-1)!;
  const tarball = join(dir, name);
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "private": true }\n');
  // the registry is reachable; what the project's own install already fetched comes from the npm cache
  npm(['i', '--prefer-offline', tarball], app);
  return { dir, app, tarball, bin: (command) => join(app, 'node_modules', '.bin', command) };
}
