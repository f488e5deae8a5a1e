// The PDF chunk (entrypoints/pdf-reader.ts), loaded only when the user asks to check a PDF attachment: pdf.js
// reads the text layer in this thread (its "fake worker": a Worker from an extension URL is not allowed in a page),
// then core/read/pdf.ts lays the text out and reads the report, as the command line does.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { WorkerMessageHandler } from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { Report } from '../../core/model/schema';
import { readPdf } from '../../core/read/pdf';
import { isReport } from '../../core/read/types';
import { textLayer } from '../../core/read/pdf-items';
import { PdfReadError, pdfJsFailure } from './pdf-items';
import { MiniReadableStream, nativeStreamsWork } from './readable-stream';

export interface PdfReadOptions {
  yieldTask: () => Promise<void>;
  /** where pdf.js fetches its Chinese cMaps (a directory URL ending in /) */
  cMapUrl?: string;
  /** or a cMap file's bytes by its name (`UniGB-UCS2-H.bcmap`), where nothing can be fetched (a page opened from disk) */
  cMap?: (filename: string) => Promise<Uint8Array>;
}

export interface PdfReader {
  /** the reports read from a PDF's bytes; throws PdfReadError */
  read(bytes: Uint8Array, source: string, opts: PdfReadOptions): Promise<Report[]>;
}

declare global {
  var pdfjsWorker: { WorkerMessageHandler: unknown } | undefined;
  var __gidarPdfReader: PdfReader | undefined;
}

/** pdf.js's loader of binary data (BinaryDataFactory) answering cMaps from `cMap` and nothing else. */
function cMapLoader(cMap: (filename: string) => Promise<Uint8Array>): object {
  return class {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      if (kind !== 'cMapUrl') throw new Error(`no ${kind} data`);
      return cMap(filename);
    }
  };
}

async function read(bytes: Uint8Array, source: string, opts: PdfReadOptions): Promise<Report[]> {
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
    ...(opts.cMap
      ? { cMapUrl: 'cmaps/', cMapPacked: true, BinaryDataFactory: cMapLoader(opts.cMap) }
      : opts.cMapUrl
        ? { cMapUrl: opts.cMapUrl, cMapPacked: true }
        : {}),
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
    // one page per task: the page stays responsive while a long PDF is read
    const { pages, chars } = await textLayer(doc, opts.yieldTask);
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
