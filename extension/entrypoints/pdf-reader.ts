// The PDF chunk: pdf.js and core's PDF reader, loaded by the annotator only when the user asks to check a PDF.
import { pdfReader } from '@/lib/pdf-reader';

export default defineUnlistedScript(() => {
  globalThis.__gidarPdfReader = pdfReader;
});
