// pdfjs-dist ships no types for its worker module; only the handler the main thread looks for is used.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
