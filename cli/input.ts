// Getting an input's text: files, stdin and URLs, decoded by their declared or sniffed charset.
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { charsetFromContentType, classifyBytes, decodeBytes, looksLikeHtml, sniffMetaCharset, type Decoder } from '../core/read/bytes';

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

export { charsetFromContentType, looksLikeHtml, sniffMetaCharset };

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** iconv's decoders, for the charsets a page declares (TextDecoder knows fewer of the legacy ones). */
const iconvDecoder: Decoder = (bytes, cs) => (iconv.encodingExists(cs) ? iconv.decode(Buffer.from(bytes), cs) : null);

/**
 * Decode by BOM, then the declared charset (HTTP header), then a sniffed `<meta>`, else UTF-8 if the bytes
 * are valid UTF-8, else GB18030 (the common legacy encoding of Chinese government sites).
 */
export function decode(bytes: Uint8Array, declared: string | null): { text: string; charset: string } {
  const decoded = decodeBytes(bytes, declared, iconvDecoder);
  if ('code' in decoded) throw new InputError(decoded.code, decoded.en, decoded.zh);
  return decoded;
}

export function fromBytes(source: string, bytes: Uint8Array, declared: string | null, url?: string, contentType?: string | null): LoadedInput {
  const at = url ? { url } : {};
  if (bytes.length > 0 && /application\/pdf/i.test(contentType ?? '')) return { source, kind: 'pdf', text: '', bytes, charset: 'binary', ...at };
  const read = classifyBytes(url ? new URL(url).pathname : source, bytes, iconvDecoder, declared);
  if ('code' in read) throw new InputError(read.code, `${read.en}: ${source}`, `${read.zh}：${source}`);
  if (read.kind === 'pdf') return { source, kind: 'pdf', text: '', bytes, charset: 'binary', ...at };
  let kind: InputKind = read.kind;
  if (/html|xml/i.test(contentType ?? '')) kind = 'html';
  else if (/text\/plain|markdown/i.test(contentType ?? '')) kind = 'text';
  else if (contentType && /^(image|audio|video|font)\/|^application\/(?:zip|msword|vnd\.)/i.test(contentType))
    throw new InputError('unsupported', `not a web page (Content-Type ${contentType}): ${source}`, `不是网页（Content-Type ${contentType}）：${source}`);
  return { source, kind, text: read.text, charset: read.charset, ...at };
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
