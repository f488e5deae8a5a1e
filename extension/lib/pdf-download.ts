// Downloading a PDF to check and yielding while it is read: shared by the annotator (a page's attachment) and the
// popup (a PDF open in the tab itself). No pdf.js here.
import { looksLikePdf, PdfReadError } from './pdf-items';

/** a PDF larger than this is not downloaded (annual reports are a few MB) */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;
export const PDF_TIMEOUT_MS = 60_000;

/**
 * Yield to the event loop for a task: the page (or popup) stays responsive while a long PDF is read. scheduler.yield()
 * where there is one, else a message (not a timer: timers in a background tab wait up to a second).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The PDF's bytes; a failure is a PdfReadError. `credentials`: the annotator sends the page's cookies to its own
 * origin only; the popup sends them to the tab's origin (the PDF the user has open).
 */
export async function downloadPdf(url: string, credentials: RequestCredentials): Promise<Uint8Array> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), PDF_TIMEOUT_MS);
  try {
    let res: Response;
    try {
      res = await fetch(url, { credentials, signal: abort.signal });
    } catch {
      // another site's file without CORS headers (no grant), a refused connection, or our timeout
      throw new PdfReadError(abort.signal.aborted ? 'timeout' : 'blocked');
    }
    if (!res.ok) throw new PdfReadError('http', String(res.status));
    if (Number(res.headers.get('content-length') ?? 0) > MAX_PDF_BYTES) throw new PdfReadError('tooLarge');
    let buffer: ArrayBuffer;
    try {
      buffer = await res.arrayBuffer();
    } catch {
      throw new PdfReadError(abort.signal.aborted ? 'timeout' : 'blocked');
    }
    const bytes = new Uint8Array(buffer);
    if (bytes.length > MAX_PDF_BYTES) throw new PdfReadError('tooLarge');
    if (!looksLikePdf(bytes)) throw new PdfReadError('notPdf');
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}
