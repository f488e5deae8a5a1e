// The PDF reader on the web page: the extension's PDF reader chunk (pdf.js reading the text layer in this thread, then
// core's PDF reader), built as a classic script of its own (pdf-reader.js) and loaded by a <script> element on first
// use: a page opened from disk may load classic scripts beside it, but neither modules nor fetch(). pdf.js's Chinese
// cMaps come the same way, one small script per cMap (cmaps/NAME.js), only when a PDF's font needs one.
import type { Report } from '../core/model/schema';
import type { PdfReader } from '../extension/lib/pdf-reader';
import { failureOf } from '../extension/lib/pdf-items';
import { nextTask, whenIdle } from '../extension/lib/next-task';
import { pdfFailedText } from '../extension/ui/strings';
import { WebInputError } from './input';

declare global {
  var __gidarPdfReader: PdfReader | undefined;
  /** cMap files by name (`UniGB-UCS2-H.bcmap`), base64, set by cmaps/*.js */
  var __gidarCMaps: Record<string, string> | undefined;
}

/** The directory the page's scripts are in (the main script's address, taken while it runs). */
const base = ((): string => {
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  return src ? src.replace(/[^/]*$/, '') : './';
})();

const loading = new Map<string, Promise<void>>();

/** A classic script beside the page's own, once. */
function loadScript(path: string): Promise<void> {
  let p = loading.get(path);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = base + path;
      s.onload = () => resolve();
      s.onerror = () => {
        loading.delete(path);
        reject(new Error(`${path} could not be loaded`));
      };
      document.head.appendChild(s);
    });
    loading.set(path, p);
  }
  return p;
}

/** Only names pdf.js asks for are looked up: a cMap file name is letters, digits and dashes. */
const CMAP_NAME = /^[A-Za-z0-9-]+\.bcmap$/;

async function cMap(filename: string): Promise<Uint8Array> {
  if (!CMAP_NAME.test(filename)) throw new Error(`no cMap ${filename}`);
  if (!globalThis.__gidarCMaps?.[filename]) await loadScript(`cmaps/${filename.replace(/\.bcmap$/, '')}.js`);
  const b64 = globalThis.__gidarCMaps?.[filename];
  if (!b64) throw new Error(`no cMap ${filename}`);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The PDF reader chunk, loaded now if it is not yet. */
export async function pdfReader(): Promise<PdfReader> {
  if (!globalThis.__gidarPdfReader) await loadScript('pdf-reader.js');
  if (!globalThis.__gidarPdfReader) throw new Error('pdf-reader.js did not set up the PDF reader');
  return globalThis.__gidarPdfReader;
}

/** The reports in a PDF's text layer; a failure is a WebInputError in both languages. */
export async function readPdfReports(bytes: Uint8Array, source: string): Promise<Report[]> {
  try {
    const reader = await pdfReader();
    return await reader.read(bytes, source, { yieldTask: nextTask, cMap });
  } catch (e) {
    const { code, detail } = failureOf(e);
    throw new WebInputError({ zh: `${pdfFailedText('zh', code, detail)}（${source}）`, en: `${pdfFailedText('en', code, detail)} (${source})` });
  }
}

/**
 * Served over http(s), the PDF reader and the cMaps are loaded once the page is idle, so that a PDF dropped later is
 * read even offline; opened from disk they are always at hand and load on first use.
 */
export function preloadPdfReader(cMaps: readonly string[]): void {
  if (!/^https?:$/.test(location.protocol)) return;
  void whenIdle(5000, 1000).then(() => {
    void pdfReader().catch(() => undefined);
    for (const name of cMaps) void loadScript(`cmaps/${name.replace(/\.bcmap$/, '')}.js`).catch(() => undefined);
  });
}
