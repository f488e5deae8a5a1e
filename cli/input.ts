// Getting an input's text: files, stdin and URLs, decoded by their declared or sniffed charset.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { looksLikePdf } from '../core/read/pdf-items';

export type InputKind = 'html' | 'text' | 'pdf';

export interface LoadedInput {
  /** what the user gave: a path, a URL or `-` */
  source: string;
  kind: InputKind;
  /** the decoded text ('' for a PDF) */
  text: string;
  /** a PDF's bytes (kind `pdf`): its text layer is read by cli/pdf.ts */
  bytes?: Uint8Array;
  /** the URL for resolving links and for the audit record */
  url?: string;
  /** the charset the bytes were decoded with ('binary' for a PDF) */
  charset: string;
}

/** A problem with the input itself: the CLI prints its message on one line and exits 2. */
export class InputError extends Error {
  readonly text: { en: string; zh: string };
  constructor(
    readonly code: 'missing' | 'unreadable' | 'network' | 'encoding' | 'unsupported' | 'noReport',
    en: string,
    zh: string = en,
  ) {
    super(en);
    this.text = { en, zh };
  }
}

const HTML_EXT = new Set(['.html', '.htm', '.shtml', '.xhtml']);
const TEXT_EXT = new Set(['.txt', '.md', '.markdown', '.tsv', '.text']);

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** HTML by markup at the start; used when neither the name nor the Content-Type says. */
export function looksLikeHtml(head: string): boolean {
  return (
    /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table|div|p)\b/i.test(head) ||
    /<table[\s>]/i.test(head.slice(0, 65536))
  );
}

/** charset from `text/html; charset=gbk` */
export function charsetFromContentType(ct: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first bytes,
 * read as Latin-1 so any ASCII-compatible encoding can be sniffed (the HTML standard's prescan, simplified).
 */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct && !/http-equiv/i.test(tag)) return direct[1]!.toLowerCase();
    if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(tag)?.[2] ?? /\bcontent\s*=\s*([^\s>]+)/i.exec(tag)?.[1];
      const cs = charsetFromContentType(content);
      if (cs) return cs;
    }
  }
  return null;
}

/** GB2312 and GBK pages often use characters outside their nominal set; GB18030 decodes all of them. */
function canonicalCharset(label: string): string {
  const l = label.toLowerCase().replace(/^x-/, '');
  if (['gb2312', 'gbk', 'gb_2312-80', 'gb18030', 'cp936', 'euc-cn', 'chinese', 'csgb2312', 'iso-ir-58', 'windows-936'].includes(l))
    return 'gb18030';
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  return l;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Decode by BOM, then the declared charset (HTTP header), then a sniffed `<meta>`, else UTF-8 if the bytes
 * are valid UTF-8, else GB18030 (the common legacy encoding of Chinese government sites).
 */
export function decode(bytes: Uint8Array, declared: string | null): { text: string; charset: string } {
  const label = bomCharset(bytes) ?? declared ?? sniffMetaCharset(bytes);
  if (label) {
    const cs = canonicalCharset(label);
    if (cs === 'utf-8') {
      const text = tryUtf8(bytes);
      // A page declaring UTF-8 but served in GBK is common enough to repair silently.
      if (text !== null) return { text, charset: 'utf-8' };
    } else if (iconv.encodingExists(cs)) {
      return { text: stripBom(iconv.decode(Buffer.from(bytes), cs)), charset: cs };
    } else {
      throw new InputError('encoding', `unknown character encoding "${label}"`, `无法识别的字符编码“${label}”`);
    }
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  const gb = iconv.decode(Buffer.from(bytes), 'gb18030');
  // Still many replacement characters: binary or an encoding we cannot guess.
  const bad = (gb.match(/\ufffd/g) ?? []).length;
  if (bad > Math.max(8, gb.length / 200))
    throw new InputError(
      'encoding',
      'unreadable character encoding (neither UTF-8 nor GBK)',
      '无法识别的字符编码（既不是 UTF-8 也不是 GBK）',
    );
  return { text: gb, charset: 'gb18030' };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function kindOf(name: string, bytes: Uint8Array, text: string): InputKind {
  const ext = extname(name).toLowerCase();
  if (HTML_EXT.has(ext)) return 'html';
  if (TEXT_EXT.has(ext)) return 'text';
  return looksLikeHtml(text.slice(0, 4096)) ? 'html' : 'text';
}

/** What a non-text file is, by its magic bytes: named in the message so the user knows what to do instead. */
function binaryKind(bytes: Uint8Array): { en: string; zh: string } | null {
  const head = Buffer.from(bytes.subarray(0, 8));
  const office = { en: 'a Word/Excel/WPS document, not supported; save it as a web page or text', zh: '暂不支持 Word/Excel/WPS 文档：请另存为网页或文本' };
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return office; // zip: docx/xlsx/wps
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return office; // OLE2: doc/xls/wps/et
  const image = { en: 'an image, not a web page or text', zh: '这是图片而不是网页或文本' };
  if (head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return image;
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return image;
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return image;
  if (!bomCharset(bytes) && controlDensity(bytes.subarray(0, 65536)) > BINARY_CONTROL_SHARE)
    return { en: 'a binary file, not a web page or text', zh: '这是二进制文件而不是网页或文本' };
  return null;
}

/**
 * Above this share of control bytes, a file is binary: programs, archives and compressed data have NULs and other
 * C0 controls all through them (random bytes: about 1 in 10), while a web page or text has none but a few strays
 * — a page with a stray NUL is shown by browsers, so it is read. (UTF-16, half NULs, is recognised by its BOM.)
 */
const BINARY_CONTROL_SHARE = 0.01;

/** Share of C0 control bytes other than tab, line feed, vertical tab, form feed, carriage return and escape. */
function controlDensity(sample: Uint8Array): number {
  let n = 0;
  for (const b of sample) if (b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) n++;
  // A few strays in a short file stay below the bar, however short the file.
  return n <= 8 ? 0 : n / sample.length;
}

export function fromBytes(source: string, bytes: Uint8Array, declared: string | null, url?: string, contentType?: string | null): LoadedInput {
  if (bytes.length > 0 && (looksLikePdf(bytes) || /application\/pdf/i.test(contentType ?? '')))
    return { source, kind: 'pdf', text: '', bytes, charset: 'binary', ...(url ? { url } : {}) };
  if (bytes.length === 0) throw new InputError('noReport', `the input is empty: ${source}`, `输入为空：${source}`);
  if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d))
    throw new InputError('noReport', `the input is only whitespace: ${source}`, `输入只有空白：${source}`);
  const binary = binaryKind(bytes);
  if (binary) throw new InputError('unsupported', `${binary.en}: ${source}`, `${binary.zh}：${source}`);
  let decoded: { text: string; charset: string };
  try {
    decoded = decode(bytes, declared);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.code, `${e.text.en}: ${source}`, `${e.text.zh}：${source}`);
    throw e;
  }
  // Browsers drop a NUL in page text (HTML's "in body" rules); so does the reader, so a NUL inside a number
  // does not split it.
  const text = decoded.text.includes('\0') ? decoded.text.replaceAll('\0', '') : decoded.text;
  const { charset } = decoded;
  let kind: InputKind;
  if (/html|xml/i.test(contentType ?? '')) kind = 'html';
  else if (/text\/plain|markdown/i.test(contentType ?? '')) kind = 'text';
  else if (contentType && /^(image|audio|video|font)\/|^application\/(?:zip|msword|vnd\.)/i.test(contentType))
    throw new InputError('unsupported', `not a web page (Content-Type ${contentType}): ${source}`, `不是网页（Content-Type ${contentType}）：${source}`);
  else kind = kindOf(url ? new URL(url).pathname : source, bytes, text);
  return { source, kind, text, charset, ...(url ? { url } : {}) };
}

export async function loadFile(path: string): Promise<LoadedInput> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('missing', `no such file: ${path}`, `文件不存在：${path}`);
    if (code === 'EISDIR') throw new InputError('unreadable', `is a directory: ${path}`, `这是目录而不是文件：${path}`);
    throw new InputError('unreadable', `cannot read ${path}: ${code ?? String(e)}`, `无法读取 ${path}：${code ?? String(e)}`);
  }
  return fromBytes(path, bytes, null);
}

export async function loadStdin(stdin: () => Promise<Uint8Array>): Promise<LoadedInput> {
  return fromBytes('-', await stdin(), null);
}

export interface FetchOptions {
  timeoutMs: number;
  fetch?: typeof fetch;
}

export async function loadUrl(url: string, opts: FetchOptions): Promise<LoadedInput> {
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  let bytes: Uint8Array;
  try {
    res = await doFetch(url, {
      signal: AbortSignal.timeout(opts.timeoutMs),
      redirect: 'follow',
      headers: {
        'user-agent': 'gidar-check (government information disclosure report checker)',
        accept: 'text/html,text/plain;q=0.9,*/*;q=0.5',
      },
    });
    if (!res.ok)
      throw new InputError(
        'network',
        `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${url}`,
        `网页返回 HTTP ${res.status}：${url}`,
      );
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('network', `cannot fetch ${url}: ${networkReason(e)}`, `无法获取 ${url}：${networkReason(e)}`);
  }
  const ct = res.headers.get('content-type');
  return fromBytes(url, bytes, charsetFromContentType(ct), res.url || url, ct);
}

export function networkReason(e: unknown): string {
  if (e instanceof Error) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timed out';
    const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code) return cause.code;
    if (cause?.message) return cause.message.split('\n')[0]!;
    return e.message.split('\n')[0]!;
  }
  return String(e);
}
