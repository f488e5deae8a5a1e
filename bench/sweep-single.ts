// The single-report CLI path, for bench/sweep.ts: cli/main.ts's main() on one report URL at a time (fetch, decode,
// read, check, summary), on `n` pages spread over the generated site. Prints its CPU time, startup excluded.
import { main } from '../cli/main';

const [base, nArg, totalArg] = process.argv.slice(2);
const n = Number(nArg);
const total = Number(totalArg);
const io = { stdout: () => {}, stderr: (s: string) => void process.stderr.write(s), stdin: async () => new Uint8Array() };

// one warm-up page, as the sweep's first report also pays for loading the reader
await main([`${base}/r/0.html`], io);
const cpu0 = process.cpuUsage();
for (let k = 0; k < n; k++) {
  const i = Math.floor((k * total) / n);
  const code = await main([`${base}/r/${i}.html`], io);
  if (code === 2) throw new Error(`page ${i} could not be checked`);
}
const cpu = process.cpuUsage(cpu0);
console.log(`SINGLE_STATS ${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, n })}`);
