// The PDF chunk (entrypoints/pdf-reader.ts), loaded only when the user asks to check a PDF attachment: pdf.js
// reads the text layer in this thread (its "fake worker": a Worker from an extension URL is not allowed in a page),
// then core/read/pdf.ts lays the text out and reads the report, as the command line does.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { WorkerMessageHandler } from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { Report } from '../../core/model/schema';
import { readPdf } from '../../core/read/pdf';
import { isReport } from '../../core/read/types';
import { pageItems, PdfReadError, pdfJsFailure, type PdfPage } from './pdf-items';
import { MiniReadableStream, nativeStreamsWork } from './readable-stream';

/** as cli/pdf.ts: more pages than any annual report has; the rest of a longer PDF is not read */
const MAX_PDF_PAGES = 200;

export interface PdfReader {
  /** the reports read from a PDF's bytes; throws PdfReadError */
  read(bytes: Uint8Array, source: string, opts: { yieldTask: () => Promise<void>; cMapUrl?: string }): Promise<Report[]>;
}

declare global {
  var pdfjsWorker: { WorkerMessageHandler: unknown } | undefined;
  var __gidarPdfReader: PdfReader | undefined;
}

async function read(bytes: Uint8Array, source: string, opts: { yieldTask: () => Promise<void>; cMapUrl?: string }): Promise<Report[]> {
  // pdf.js runs its worker code in this thread when it finds the worker module here
  globalThis.pdfjsWorker ??= { WorkerMessageHandler };
  // Firefox content scripts: the page's ReadableStream refuses our sources; this world gets a stream of its own
  if (!nativeStreamsWork()) (globalThis as { ReadableStream: unknown }).ReadableStream = MiniReadableStream;
  // Only text is extracted: no fonts are loaded for drawing, no images decoded.
  const task = getDocument({
    data: bytes,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableRange: true,
    disableStream: true,
    verbosity: 0,
    ...(opts.cMapUrl ? { cMapUrl: opts.cMapUrl, cMapPacked: true } : {}),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
    performance.mark('gidar:pdf-opened');
  } catch (e) {
    await task.destroy().catch(() => {});
    throw pdfJsFailure(e);
  }
  try {
    const pages: PdfPage[] = [];
    let chars = 0;
    const count = Math.min(doc.numPages, MAX_PDF_PAGES);
    for (let n = 1; n <= count; n++) {
      // one page per task: the page stays responsive while a long PDF is read
      await opts.yieldTask();
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const got = pageItems(n, content.items);
      chars += got.chars;
      pages.push({ page: n, width: view.width, height: view.height, items: got.items });
      page.cleanup();
      performance.mark(`gidar:pdf-page-${n}`);
    }
    if (chars === 0) throw new PdfReadError('noText');
    await opts.yieldTask();
    const reports = readPdf(pages, { source }).filter(isReport);
    performance.mark('gidar:pdf-laid-out');
    if (!reports.length) throw new PdfReadError('noReport');
    return reports;
  } catch (e) {
    throw pdfJsFailure(e);
  } finally {
    await task.destroy().catch(() => {});
  }
}

export const pdfReader: PdfReader = { read };
