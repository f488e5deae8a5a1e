// What the user gave the page: a dropped or chosen file, or the clipboard's content on paste. Read as the command
// line reads a file (core/read/bytes.ts), decoded with the browser's TextDecoder.
import { classifyBytes, type Decoder, type ReadableBytes } from '../core/read/bytes';

/** A problem with the input, told in one line in both languages. */
export class WebInputError extends Error {
  constructor(readonly text: { zh: string; en: string }) {
    super(text.en);
    this.name = 'WebInputError';
  }
}

export type Input = ReadableBytes & { source: string };

/** the CSV's and audit record's `source` for pasted content (a file is named by its name) */
export const CLIPBOARD = 'clipboard';

/** A report page is a few MB; a larger file is most likely not one, and would hold the page up. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const textDecoder: Decoder = (bytes, charset) => {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return null; // a label the browser does not know
  }
};

export function fromBytes(name: string, bytes: Uint8Array): Input {
  const read = classifyBytes(name, bytes, textDecoder);
  if ('code' in read) throw new WebInputError({ zh: `${read.zh}：${name}`, en: `${read.en}: ${name}` });
  return { ...read, source: name };
}

export async function fromFile(file: File): Promise<Input> {
  if (file.size > MAX_FILE_BYTES) throw new WebInputError({ zh: `文件过大（超过 64 MB）：${file.name}`, en: `the file is too large (over 64 MB): ${file.name}` });
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (e) {
    throw new WebInputError({ zh: `无法读取文件：${file.name}`, en: `cannot read the file: ${file.name} (${e instanceof Error ? e.message : String(e)})` });
  }
  return fromBytes(file.name, new Uint8Array(buffer));
}

/**
 * The clipboard's content: its HTML flavour when there is one (a table copied from a page, Word or WPS keeps its
 * rows and cells there), else its plain text; a copied file is read as a dropped one.
 */
export async function fromClipboard(data: DataTransfer): Promise<Input | null> {
  const file = [...data.files][0];
  if (file) return fromFile(file);
  const html = data.getData('text/html');
  if (html.trim() && /<t[dh][\s>]/i.test(html)) return { kind: 'html', text: html, charset: 'utf-8', source: CLIPBOARD };
  const text = data.getData('text/plain');
  if (text.trim()) return { kind: 'text', text, charset: 'utf-8', source: CLIPBOARD };
  if (html.trim()) return { kind: 'html', text: html, charset: 'utf-8', source: CLIPBOARD };
  return null;
}
