// The extension's PDF path, its pure parts: pdf.js items → core's PdfPage as the CLI builds them, which link is a
// PDF, failures told by code, the stream pdf.js gets in Firefox content scripts, and how a PDF's report joins a page's.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfPages } from '../../cli/pdf';
import { failureOf, looksLikePdf, pageItems, PdfReadError, pdfJsFailure, pdfUrlOf } from '../../extension/lib/pdf-items';
import { MiniReadableStream } from '../../extension/lib/readable-stream';
import { joinPdfReports, pdfPageOf, type CheckedPage } from '../../extension/lib/model';
import { readPdf } from '../../core/read/pdf';
import { checkReport } from '../../core/check';
import type { Finding, Report } from '../../core/model/schema';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus/real');

describe('pageItems: the same text items as the CLI', () => {
  for (const file of ['2023-huaian-hongzequ.pdf', '2024-huaian-hongzequ.pdf', '2024-huaian-shizhengfu.pdf']) {
    it(`${file}: every page's items equal cli/pdf.ts's, without cMaps`, async () => {
      const bytes = readFileSync(join(CORPUS, file));
      const cli = await pdfPages(new Uint8Array(bytes), file);
      // as the extension opens it: no cMapUrl, no standard fonts (only the text layer is read)
      const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, useWasm: false, verbosity: 0 });
      const doc = await task.promise;
      expect(doc.numPages).toBe(cli.length);
      for (let n = 1; n <= doc.numPages; n++) {
        const content = await (await doc.getPage(n)).getTextContent();
        expect(pageItems(n, content.items).items).toEqual(cli[n - 1]!.items);
      }
      await task.destroy();
    });
  }

  it('skips marked-content entries and empty strings; counts the characters of text', () => {
    const got = pageItems(2, [
      { type: 'beginMarkedContent' },
      { str: '', transform: [1, 0, 0, 1, 5, 5], width: 0, height: 0 },
      { str: '总 计', transform: [12, 0, 0, 12, 100, 700], width: 30, height: 0 },
    ]);
    expect(got).toEqual({ items: [{ page: 2, str: '总 计', x: 100, y: 700, width: 30, height: 12 }], chars: 2 });
  });
});

describe('pdfUrlOf: which not-checkable links are PDFs to read', () => {
  const base = 'http://www.example.gov.cn/zwgk/2024/report.html';
  it('an attachment link, resolved against the page', () => {
    expect(pdfUrlOf('/files/2024/report2023.pdf', base)).toBe('http://www.example.gov.cn/files/2024/report2023.pdf');
    // a download handler named by its link text: tried, told "not a PDF" if it is not one
    expect(pdfUrlOf('http://www.example.gov.cn/download?id=17', base)).toBe('http://www.example.gov.cn/download?id=17');
  });
  it('the document an embedded viewer shows', () => {
    expect(pdfUrlOf('http://www.example.gov.cn/generic/web/viewer.html?file=/files/2024/report2023.pdf', base)).toBe(
      'http://www.example.gov.cn/files/2024/report2023.pdf',
    );
    expect(pdfUrlOf('/pdfjs/web/viewer.html?file=http%3A%2F%2Ffile.example.gov.cn%2Fa.pdf', base)).toBe('http://file.example.gov.cn/a.pdf');
  });
  it('not Word, Excel, OFD or archive attachments, nor other schemes', () => {
    for (const link of [
      '/files/report.docx',
      '/files/report.doc',
      '/files/report.wps',
      '/files/t.xlsx',
      '/files/r.ofd',
      '/files/r.zip',
      'javascript:void(0)',
      'ftp://x.gov.cn/a.pdf',
    ])
      expect(pdfUrlOf(link, base), link).toBeNull();
    expect(pdfUrlOf('/viewer.html?file=javascript:alert(1)', base)).toBeNull();
    expect(pdfUrlOf(undefined, base)).toBeNull();
  });
});

describe('failures', () => {
  it('looksLikePdf: %PDF- at the start or within the first KB only', () => {
    const enc = new TextEncoder();
    expect(looksLikePdf(enc.encode('%PDF-1.7\n…'))).toBe(true);
    expect(looksLikePdf(enc.encode('\r\n\r\n%PDF-1.4'))).toBe(true);
    expect(looksLikePdf(enc.encode('<!DOCTYPE html><title>404</title>'))).toBe(false);
    expect(looksLikePdf(enc.encode(' '.repeat(2000) + '%PDF-1.4'))).toBe(false);
    // an HTML page that names a PDF header is not a PDF (the command line's rule; one function serves both)
    expect(looksLikePdf(enc.encode('<p>saved as %PDF-1.4</p>'))).toBe(false);
    expect(looksLikePdf(enc.encode('%PDF1.4'))).toBe(false);
    expect(looksLikePdf(new Uint8Array(0))).toBe(false);
  });
  it('pdf.js exceptions by name; a PdfReadError from another bundle by its fields', () => {
    expect(pdfJsFailure(Object.assign(new Error('No password given'), { name: 'PasswordException' })).code).toBe('encrypted');
    expect(pdfJsFailure(Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' })).code).toBe('damaged');
    expect(failureOf(new PdfReadError('http', '404'))).toEqual({ code: 'http', detail: '404' });
    // the PDF chunk's own copy of the class: not instanceof here
    expect(failureOf(Object.assign(new Error('noText'), { name: 'PdfReadError', code: 'noText', detail: '' }))).toEqual({
      code: 'noText',
      detail: '',
    });
    expect(failureOf(new TypeError('boom\nstack'))).toEqual({ code: 'unreadable', detail: 'boom' });
    expect(failureOf(Object.assign(new Error('x'), { name: 'PdfReadError', code: 'nonsense' })).code).toBe('unreadable');
  });
});

describe('MiniReadableStream (pdf.js streams in Firefox content scripts)', () => {
  it('as pdf.js uses it: start posts a request, pull asks for more, chunks arrive, then close', async () => {
    let controller!: { enqueue(c: string): void; close(): void; desiredSize: number | null };
    let pulls = 0;
    const stream = new MiniReadableStream<string>(
      {
        start: (c) => {
          controller = c;
          return Promise.resolve();
        },
        pull: () => {
          pulls++;
          return Promise.resolve();
        },
      },
      { highWaterMark: 100, size: (s) => s.length },
    );
    const reader = stream.getReader();
    const first = reader.read();
    await new Promise((r) => setTimeout(r, 0));
    // started, room in the queue and a read waiting: the source was asked for more
    expect(pulls).toBeGreaterThan(0);
    expect(controller.desiredSize).toBe(100);
    controller.enqueue('abc');
    expect(await first).toEqual({ done: false, value: 'abc' });
    controller.enqueue('de');
    expect(controller.desiredSize).toBe(98);
    controller.close();
    expect(await reader.read()).toEqual({ done: false, value: 'de' });
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });
  it('an error rejects pending reads; cancel reaches the source', async () => {
    let controller!: { error(e: unknown): void };
    const s1 = new MiniReadableStream({ start: (c) => void (controller = c) });
    const read = s1.getReader().read();
    await Promise.resolve();
    controller.error(new Error('worker failed'));
    await expect(read).rejects.toThrow('worker failed');
    let cancelled: unknown = null;
    const s2 = new MiniReadableStream({ cancel: (r) => void (cancelled = r) });
    await s2.getReader().cancel('stop');
    expect(cancelled).toBe('stop');
    expect(await s2.getReader().read()).toEqual({ done: true, value: undefined });
  });
  it('getTextContent works on it: the Hongze 2023 text read through pdf.js with this stream', async () => {
    const native = globalThis.ReadableStream;
    (globalThis as { ReadableStream: unknown }).ReadableStream = MiniReadableStream;
    try {
      const bytes = readFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf'));
      const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
      const content = await (await (await task.promise).getPage(4)).getTextContent();
      expect(content.items.map((i) => ('str' in i ? i.str : '')).join('')).toContain('行政复议');
      await task.destroy();
    } finally {
      globalThis.ReadableStream = native;
    }
  });
});

describe('a PDF report joins the page', () => {
  const stub = (link: string): Report =>
    ({
      format: 'unknown',
      year: 2023,
      agency: null,
      title: '测试县人民政府2023年政府信息公开工作年度报告',
      tablesFound: [],
      cells: [],
      extras: [],
      sections: [],
      notCheckable: [{ table: 'report', reason: 'attachment', link }],
      readNotes: [],
    }) as unknown as Report;
  const tablesPresent = { rule: 'meta.tablesPresent', status: 'fail' } as Finding;
  const rr = (report: Report) => ({ report, elements: new Map(), tableElements: {} });

  it('the page report no longer says its tables are missing once its PDF is read; its other findings stay', async () => {
    const page: CheckedPage['reports'] = [
      { rr: rr(stub('/files/a.pdf')), findings: [tablesPresent, { rule: 'txt.feeStatement', status: 'notCheckable' } as Finding] },
    ];
    const url = 'http://www.example.gov.cn/files/a.pdf';
    const pdf: CheckedPage['reports'] = [{ rr: rr(stub('x')), findings: [], source: url }];
    const joined = joinPdfReports(page, pdf, 'http://www.example.gov.cn/zwgk/x.html');
    expect(joined.map((r) => r.findings.map((f) => f.rule))).toEqual([['txt.feeStatement'], []]);
    expect(joined[1]).toBe(pdf[0]);
    // another PDF read: the page's still says so
    expect(
      joinPdfReports(page, [{ ...pdf[0]!, source: 'http://www.example.gov.cn/files/b.pdf' }], 'http://www.example.gov.cn/')[0]!.findings,
    ).toContain(tablesPresent);
    expect(joinPdfReports(page, [], 'http://www.example.gov.cn/')[0]).toBe(page[0]);
  });

  it('pdfPageOf: the page of the suspect cell in the PDF (表四 is on page 4 of Hongze 2023)', async () => {
    const bytes = readFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf'));
    const [report] = readPdf(await pdfPages(new Uint8Array(bytes), 'hz.pdf'), { source: 'hz.pdf' });
    const f = checkReport(report!).find((x) => x.rule === 't4.reviewSum')!;
    expect(f.suspects[0]).toMatchObject({ col: 'review.total', printed: 0, suggested: 11 });
    expect(pdfPageOf(f, report!)).toBe(4);
    expect(pdfPageOf({ ...f, suspects: [], cells: [] }, report!)).toBeNull();
  });
});
