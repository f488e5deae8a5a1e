// What the user named on the command line: list pages (URLs), text files of URLs, folders of reports, report files.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { isUrl } from '../input';

export type Start = { kind: 'url'; url: string } | { kind: 'file'; path: string };

const REPORT_EXT = new Set(['.html', '.htm', '.shtml', '.txt', '.md', '.pdf']);

export class StartError extends Error {}

/** Every report file under a folder, recursively, in a stable order. */
async function walk(dir: string, out: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && REPORT_EXT.has(extname(e.name).toLowerCase())) out.push(p);
  }
}

/** A text file whose lines (other than blanks and # comments) are all web addresses is a list of starts. */
export function urlList(text: string): string[] | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\uFEFF/, '').trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines.length === 0 || !lines.every((l) => isUrl(l.split(/\s+/)[0]!))) return null;
  return lines.map((l) => l.split(/\s+/)[0]!);
}

/** The starts one argument stands for; a StartError (one line) when it is none of them. */
export async function expandStart(arg: string): Promise<Start[]> {
  if (isUrl(arg)) return [{ kind: 'url', url: new URL(arg).href }];
  let s;
  try {
    s = await stat(arg);
  } catch {
    throw new StartError(`no such file, folder or web address: ${arg}`);
  }
  if (s.isDirectory()) {
    const files: string[] = [];
    await walk(arg, files);
    return files.map((path) => ({ kind: 'file', path }));
  }
  const ext = extname(arg).toLowerCase();
  if (ext === '.txt' || ext === '.list' || ext === '' || ext === '.urls') {
    const urls = urlList(await readFile(arg, 'utf8'));
    if (urls) return urls.map((url) => ({ kind: 'url', url: new URL(url).href }));
  }
  return [{ kind: 'file', path: arg }];
}
