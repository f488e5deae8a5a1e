// pdf-reader.js of the web page: the extension's PDF reader chunk as a classic script, loaded on first use (web/pdf.ts).
import { pdfReader } from '../extension/lib/pdf-reader';

globalThis.__gidarPdfReader = pdfReader;
