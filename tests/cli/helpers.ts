import { spawnSync } from 'node:child_process';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type Io } from '../../cli/main';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS = join(ROOT, 'tests', 'fixtures', 'corpus', 'real');
export const SAMPLE = join(ROOT, 'samples', 'huixian-2023.txt');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process through its exported main(). */
export async function run(argv: string[], stdin: Uint8Array = new Uint8Array()): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stdin: async () => stdin,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Runs the CLI as users do: a separate Node process through tsx. */
export function spawnCli(argv: string[], input?: string | Buffer): RunResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    timeout: 60_000,
    env: { ...process.env, GIDAR_DEBUG: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A local HTTP server for the tests of the enclosing describe block (or file); `base()` is its address. */
export function useServer(handler: RequestListener): { base: () => string } {
  let server: Server | undefined;
  let base = '';
  beforeAll(async () => {
    server = createServer(handler);
    await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server?.closeAllConnections();
    server?.close();
  });
  return { base: () => base };
}
