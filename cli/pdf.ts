// A PDF's text layer as positioned text items, per page, with pdf.js (legacy Node build; in Node it runs its worker
// code in this thread, no worker file needed; no eval).
// Encrypted, broken and scanned (image-only) PDFs become a one-line InputError.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfPage } from '../core/read/pdf';
import { pdfJsErrorKind, textLayer } from '../core/read/pdf-items';
import { InputError } from './input';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

function assetDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

/** pdf.js's own exception names: what to tell the user */
function pdfError(e: unknown, source: string): InputError {
  const kind = pdfJsErrorKind(e);
  if (kind === 'encrypted')
    return new InputError('unsupported', `the PDF is encrypted (password-protected): ${source}`, `PDF 已加密（需要密码）：${source}`);
  if (kind === 'damaged')
    return new InputError('unreadable', `the PDF is damaged or incomplete: ${source}`, `PDF 文件损坏或不完整：${source}`);
  const reason = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  return new InputError('unreadable', `the PDF cannot be read (${reason}): ${source}`, `PDF 无法读取（${reason}）：${source}`);
}

/** Every page's text items; pdf.js reports y up from the page's bottom-left corner. */
export async function pdfPages(bytes: Uint8Array, source: string): Promise<PdfPage[]> {
  const { getDocument } = await loadPdfJs();
  const assets = assetDir();
  // pdf.js takes ownership of (and detaches) the buffer it is given. No `isEvalSupported: false`: pdf.js 6 has no
  // eval/new Function code path left and dropped the option. Only text is extracted: no fonts are loaded for drawing.
  const task = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    // pdf.js in Node reads these as file paths, not file: URLs (a file: URL fails, and a PDF whose Chinese font is
    // not embedded then seems to have no text)
    cMapUrl: join(assets, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(assets, 'standard_fonts') + '/',
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    throw pdfError(e, source);
  }
  try {
    const { pages, chars } = await textLayer(doc);
    if (chars === 0)
      throw new InputError(
        'unsupported',
        `this PDF has no text layer (a scanned image); OCR it first: ${source}`,
        `此 PDF 没有文字层（扫描图像），请先做文字识别（OCR）：${source}`,
      );
    return pages;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw pdfError(e, source);
  } finally {
    await task.destroy().catch(() => {});
  }
}
