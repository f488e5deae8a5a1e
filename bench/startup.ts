// Start-up of the installed command: the project packed and installed as users get it (scripts/pack-install.ts:
// `npm pack`, `npm i <tarball>` in an empty folder outside the repository), then the wall time of
// `gidar-check --version` (load the bundle and its dependencies, parse the options) and of `gidar-check` on the
// bundled sample, each as a ratio to a bare `node -e ""` on the same machine, runs interleaved, medians.
//   npx tsx bench/startup.ts [--reps N]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packAndInstall, userEnv } from '../scripts/pack-install';

function wall(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { env, cwd, stdio: 'ignore' });
  const took = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}`);
  return took;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchStartup(reps = 15): Promise<void> {
  const t = performance.now();
  const inst = packAndInstall();
  try {
    const installTook = performance.now() - t;
    // the command as a shell runs it: its npm link, through the shebang, with this Node first on the PATH
    const env = { ...userEnv(), PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
    const bin = inst.bin('gidar-check');
    const runs = { node: [] as number[], version: [] as number[], sample: [] as number[] };
    for (let i = 0; i < reps + 1; i++) {
      const node = wall(process.execPath, ['-e', ''], env, inst.app);
      const version = wall(bin, ['--version'], env, inst.app);
      const sample = wall(bin, [], env, inst.app);
      if (i === 0) continue; // file cache warm-up
      runs.node.push(node);
      runs.version.push(version);
      runs.sample.push(sample);
    }
    const base = median(runs.node);
    const f = (x: number): string => `${x.toFixed(0)} ms`;
    console.log(`Installed command (npm pack + npm i outside the repository: ${(installTook / 1000).toFixed(1)} s; median of ${reps} runs)`);
    console.log(`  gidar-check --version    ${f(median(runs.version))} ÷ node -e "" ${f(base)} = ${(median(runs.version) / base).toFixed(2)}×`);
    console.log(`  gidar-check (the sample) ${f(median(runs.sample))} ÷ node -e "" ${f(base)} = ${(median(runs.sample) / base).toFixed(2)}×`);
  } finally {
    rmSync(inst.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const i = process.argv.indexOf('--reps');
  await benchStartup(i > 0 ? Number(process.argv[i + 1]) : undefined);
}
