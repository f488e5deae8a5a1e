// The web page reads a file's bytes as the command line does (core/read/bytes.ts), with the browser's TextDecoder in
// place of iconv: the same text from the same bytes, the same kind, the same refusals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../../cli/input';
import { fromBytes, fromClipboard, WebInputError } from '../../web/input';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = join(ROOT, 'tests/fixtures/corpus/real');

describe('a dropped file’s bytes', () => {
  const page = readFileSync(join(CORPUS, '2023-pingtan-guanweihui.html'), 'utf8');
  const text = readFileSync(join(CORPUS, '2025-pingtan-guanweihui.txt'), 'utf8');
  const cases: [string, Uint8Array][] = [
    ['a UTF-8 page', new TextEncoder().encode(page)],
    ['a GBK page that declares charset=gb2312', iconv.encode(page.replace(/<meta[^>]*charset[^>]*>/i, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk')],
    ['a GB18030 text without any declaration', iconv.encode(text, 'gb18030')],
    ['a UTF-16LE text with its BOM', iconv.encode('\ufeff' + text, 'utf-16le')],
  ];
  for (const [what, bytes] of cases) {
    it(`${what}: decoded to the text the CLI decodes`, () => {
      const web = fromBytes('report.txt', bytes);
      expect(web.kind).toBe('text');
      if (web.kind === 'pdf') return;
      expect(web.text).toBe(decode(bytes, null).text);
      expect(web.text).toContain('平潭综合实验区');
    });
  }

  it('kind: by the name (.html, .htm, .md), else by markup at the start; a PDF by its bytes, whatever its name', () => {
    const html = new TextEncoder().encode(page);
    expect(fromBytes('page.htm', html).kind).toBe('html');
    expect(fromBytes('saved', html).kind).toBe('html');
    expect(fromBytes('notes.md', html).kind).toBe('text');
    const pdf = new Uint8Array(readFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf')));
    expect(fromBytes('report.html', pdf).kind).toBe('pdf');
  });

  it('a Word document, an image, an empty file: one line naming the file, in both languages', () => {
    const refuse = (name: string, bytes: number[]) => {
      try {
        fromBytes(name, new Uint8Array(bytes));
      } catch (e) {
        expect(e).toBeInstanceOf(WebInputError);
        return (e as WebInputError).text;
      }
      throw new Error(`${name} was accepted`);
    };
    expect(refuse('报告.docx', [0x50, 0x4b, 0x03, 0x04, 1, 2])).toEqual({ zh: '暂不支持 Word/Excel/WPS 文档：请另存为网页或文本：报告.docx', en: 'a Word/Excel/WPS document, not supported; save it as a web page or text: 报告.docx' });
    expect(refuse('scan.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]).zh).toBe('这是图片而不是网页或文本：scan.png');
    expect(refuse('empty.txt', []).en).toBe('the input is empty: empty.txt');
  });
});

describe('the clipboard', () => {
  const transfer = (flavours: Record<string, string>): DataTransfer => ({ files: [] as unknown as FileList, getData: (t: string) => flavours[t] ?? '' }) as unknown as DataTransfer;

  it('a copied table: its HTML flavour; copied text without cells: the plain text', async () => {
    const table = '<table><tr><td>自然人</td></tr></table>';
    expect(await fromClipboard(transfer({ 'text/html': table, 'text/plain': '自然人' }))).toMatchObject({ kind: 'html', text: table, source: 'clipboard' });
    expect(await fromClipboard(transfer({ 'text/html': '<p><span>一、总体情况</span></p>', 'text/plain': '一、总体情况' }))).toMatchObject({ kind: 'text', text: '一、总体情况' });
    expect(await fromClipboard(transfer({}))).toBeNull();
  });
});
