// What a file's bytes are and how to decode them: shared by the command line (cli/input.ts, iconv) and the web page
// (web/input.ts, TextDecoder). Pure: no Node built-ins; the decoder itself is passed in.
import { looksLikePdf } from './pdf-items';

/** A one-line reason in both languages, for bytes that are not a report the tool can read. */
export interface BytesProblem {
  code: 'encoding' | 'unsupported' | 'noReport';
  en: string;
  zh: string;
}

export type TextKind = 'html' | 'text';

const HTML_EXT = /\.(?:html?|shtml|xhtml)$/i;
const TEXT_EXT = /\.(?:txt|md|markdown|tsv|text)$/i;

/** The kind a file name says (`.html`, `.md` …); null when the name does not say. */
export function kindByName(name: string): TextKind | null {
  if (HTML_EXT.test(name)) return 'html';
  if (TEXT_EXT.test(name)) return 'text';
  return null;
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

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/**
 * `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first bytes,
 * read as Latin-1 so any ASCII-compatible encoding can be sniffed (the HTML standard's prescan, simplified).
 */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 4096));
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
export function canonicalCharset(label: string): string {
  const l = label.toLowerCase().replace(/^x-/, '');
  if (['gb2312', 'gbk', 'gb_2312-80', 'gb18030', 'cp936', 'euc-cn', 'chinese', 'csgb2312', 'iso-ir-58', 'windows-936'].includes(l))
    return 'gb18030';
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  return l;
}

export function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** A decoder for a canonical charset name: null when it does not know the charset. */
export type Decoder = (bytes: Uint8Array, charset: string) => string | null;

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

/**
 * Decode by BOM, then the declared charset (HTTP header), then a sniffed `<meta>`, else UTF-8 if the bytes are valid
 * UTF-8, else GB18030 (the common legacy encoding of Chinese government sites). A problem is returned, not thrown.
 */
export function decodeBytes(bytes: Uint8Array, declared: string | null, decoder: Decoder): { text: string; charset: string } | BytesProblem {
  const label = bomCharset(bytes) ?? declared ?? sniffMetaCharset(bytes);
  if (label) {
    const cs = canonicalCharset(label);
    if (cs === 'utf-8') {
      const text = tryUtf8(bytes);
      // A page declaring UTF-8 but served in GBK is common enough to repair silently.
      if (text !== null) return { text, charset: 'utf-8' };
    } else {
      const text = decoder(bytes, cs);
      if (text === null) return { code: 'encoding', en: `unknown character encoding "${label}"`, zh: `无法识别的字符编码“${label}”` };
      return { text: stripBom(text), charset: cs };
    }
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  const gb = decoder(bytes, 'gb18030') ?? '';
  // Still many replacement characters: binary or an encoding we cannot guess.
  const bad = (gb.match(/\ufffd/g) ?? []).length;
  if (bad > Math.max(8, gb.length / 200))
    return { code: 'encoding', en: 'unreadable character encoding (neither UTF-8 nor GBK)', zh: '无法识别的字符编码（既不是 UTF-8 也不是 GBK）' };
  return { text: gb, charset: 'gb18030' };
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** What a non-text file is, by its magic bytes: named in the message so the user knows what to do instead. */
export function binaryKind(bytes: Uint8Array): BytesProblem | null {
  const office: BytesProblem = { code: 'unsupported', en: 'a Word/Excel/WPS document, not supported; save it as a web page or text', zh: '暂不支持 Word/Excel/WPS 文档：请另存为网页或文本' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return office; // zip: docx/xlsx/wps
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return office; // OLE2: doc/xls/wps/et
  const image: BytesProblem = { code: 'unsupported', en: 'an image, not a web page or text', zh: '这是图片而不是网页或文本' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return image;
  if (!bomCharset(bytes) && controlDensity(bytes.subarray(0, 65536)) > BINARY_CONTROL_SHARE)
    return { code: 'unsupported', en: 'a binary file, not a web page or text', zh: '这是二进制文件而不是网页或文本' };
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

/** A file's bytes as the readers take them: a PDF's bytes, or decoded text that is HTML or plain text/Markdown. */
export type ReadableBytes = { kind: 'pdf'; bytes: Uint8Array } | { kind: TextKind; text: string; charset: string };

/**
 * What the bytes of a file named `name` are, decoded: a PDF by its bytes, HTML or text by the name's extension, else
 * by markup at the start. Empty input, Office documents, images, binaries and unknown encodings are a problem.
 */
export function classifyBytes(name: string, bytes: Uint8Array, decoder: Decoder, declared: string | null = null): ReadableBytes | BytesProblem {
  if (bytes.length > 0 && looksLikePdf(bytes)) return { kind: 'pdf', bytes };
  if (bytes.length === 0) return { code: 'noReport', en: 'the input is empty', zh: '输入为空' };
  if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) return { code: 'noReport', en: 'the input is only whitespace', zh: '输入只有空白' };
  const binary = binaryKind(bytes);
  if (binary) return binary;
  const decoded = decodeBytes(bytes, declared, decoder);
  if ('code' in decoded) return decoded;
  // Browsers drop a NUL in page text (HTML's "in body" rules); so does the reader, so a NUL inside a number does
  // not split it.
  if (decoded.text.includes('\0')) decoded.text = decoded.text.replaceAll('\0', '');
  return { kind: kindByName(name) ?? (looksLikeHtml(decoded.text.slice(0, 4096)) ? 'html' : 'text'), ...decoded };
}
