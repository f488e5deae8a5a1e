// Whether a command's module is the program being run, so that it starts itself then and only then.
// From the sources: process.argv[1] is that module (tsx cli/main.ts). In the npm package each command is one bundle
// (scripts/build-cli.ts) holding the code of other commands' modules too, all with the bundle's import.meta.url: there
// the build names the bundle's command (GIDAR_COMMAND), and only that command's module starts.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** replaced by the bundle's command name in dist/<command>.js (esbuild `define`); not defined from the sources */
declare const GIDAR_COMMAND: string | undefined;

export function isProgram(moduleUrl: string, command: string): boolean {
  if (typeof GIDAR_COMMAND === 'string') return GIDAR_COMMAND === command;
  // npm's node_modules/.bin/<command> is a symlink to the file
  return !!process.argv[1] && realpathSync(resolve(process.argv[1])) === realpathSync(fileURLToPath(moduleUrl));
}
