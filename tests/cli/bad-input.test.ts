// Bad input of every kind: one line naming the input and the reason, exit 2, no stack, and the good inputs
// given in the same run are still reported.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, run, SAMPLE, useServer } from './helpers';
import { minimalPdf } from './minimal-pdf';

const tmp = mkdtempSync(join(tmpdir(), 'gidar-bad-'));
const PAGE = join(CORPUS, '2023-shuyang-fagaiju.html');
const page = readFileSync(PAGE, 'utf8');
const AGENCY = '沭阳县发展和改革局'; // printed in the page title and heading
const withoutMeta = page.replace(/<meta[^>]*charset[^>]*>/gi, '');

function file(name: string, body: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, body);
  return p;
}

/** stderr is exactly one line per bad input, each with no stack trace */
function lines(stderr: string, n: number): string[] {
  const ls = stderr.trimEnd().split('\n');
  expect(ls).toHaveLength(n);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/node:internal|Error:/);
  return ls;
}

describe('local files', () => {
  const cases: [string, () => string, RegExp, RegExp][] = [
    ['a directory', () => (mkdirSync(join(tmp, 'dir.html'), { recursive: true }), join(tmp, 'dir.html')), /目录/, /directory/],
    ['an empty file', () => file('empty.html', ''), /为空/, /empty/],
    ['only whitespace', () => file('blank.txt', ' \n\t\r\n  '), /空白/, /whitespace/],
    ['a PNG', () => file('scan.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), /图片/, /image/],
    ['a program', () => file('ls', readFileSync('/bin/ls')), /二进制/, /binary/],
    ['a program with an .html name', () => file('ls.html', readFileSync('/bin/ls')), /二进制/, /binary/],
    ['a gzip file', () => file('page.html.gz', gzipSync(Buffer.from(page))), /二进制/, /binary/],
    ['random bytes', () => file('noise.txt', randomBytes(20_000)), /二进制/, /binary/],
    ['a .docx', () => file('report.docx', Buffer.from('PK\x03\x04\x14\x00word/document.xml', 'latin1')), /Word/, /Word/],
    ['a .doc', () => file('report.doc', Buffer.from('d0cf11e0a1b11ae100000000', 'hex')), /Word\/Excel\/WPS/, /Word/],
    ['a .wps', () => file('report.wps', Buffer.from('d0cf11e0a1b11ae100000000', 'hex')), /WPS/, /WPS/],
    ['a .xls', () => file('report.xls', Buffer.from('d0cf11e0a1b11ae100000000', 'hex')), /Excel/, /Excel/],
    ['a scanned PDF (no text layer)', () => file('scan.pdf', minimalPdf()), /没有文字层.*OCR/, /no text layer.*OCR/],
    [
      'a PDF cut off after 1 KB',
      () => file('cut.pdf', readFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf')).subarray(0, 1024)),
      /PDF 文件损坏或不完整/,
      /damaged or incomplete/,
    ],
    ['an encrypted PDF', () => file('locked.pdf', minimalPdf({ encrypt: true })), /PDF 已加密/, /encrypted/],
    [
      'a PDF with text but no report',
      () => file('memo.pdf', minimalPdf({ content: 'BT /F1 12 Tf 72 700 Td (Meeting notes 2024) Tj ET' })),
      /没有找到/,
      /no annual-report/,
    ],
    [
      'HTML with no report',
      () => file('news.html', '<html><body><p>新闻动态</p><table><tr><td>1</td></tr></table></body></html>'),
      /没有找到/,
      /no annual-report/,
    ],
  ];
  for (const [what, make, zh, en] of cases)
    it(`${what}: exit 2, one line naming the file and the reason, in both languages`, async () => {
      const path = make();
      const r = await run([path]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const [line] = lines(r.stderr, 1);
      expect(line).toMatch(/^gidar-check: 无法使用输入：/);
      expect(line).toContain(path);
      expect(line).toMatch(zh);
      const e = await run(['--lang', 'en', path]);
      expect(e.code).toBe(2);
      expect(lines(e.stderr, 1)[0]).toMatch(en);
    });

  it('a missing file among good ones: the good ones are reported, the exit code is the worst (2)', async () => {
    const bad = join(tmp, 'no-such.html');
    const r = await run(['--lang', 'en', SAMPLE, bad, PAGE, file('e.txt', '')]);
    expect(r.code).toBe(2);
    const ls = lines(r.stderr, 2);
    expect(ls[0]).toContain(bad);
    expect(ls[1]).toContain('e.txt');
    expect(r.stdout).toContain('辉县市人民政府');
    expect(r.stdout).toContain(AGENCY);

    const j = await run(['--json', bad, PAGE]);
    expect(j.code).toBe(2);
    const contracts = JSON.parse(j.stdout) as { source: string; reports: { agency: string }[] }[];
    expect(contracts.map((c) => c.reports[0]?.agency)).toEqual([AGENCY]);
  });

  it('the CSV of the good inputs is still written when one input is bad', async () => {
    const csv = join(tmp, 'cells.csv');
    const r = await run(['--csv', csv, join(tmp, 'gone.txt'), SAMPLE]);
    expect(r.code).toBe(2);
    expect(readFileSync(csv, 'utf8')).toContain('huixian-2023.txt');
  });

  it('a page or text with a few stray NULs is read as browsers show it, the same as without them', async () => {
    // A NUL at the start, inside a label, inside a number cell's markup, and at the end; browsers drop them.
    const nul = (s: string, at: number[]): string => at.reduce((t, i) => t.slice(0, i) + '\0' + t.slice(i), s);
    const inNumber = page.indexOf('>26</span>') + 2; // a table cell 26: read as 26, not 2 and 6
    const html = nul(page, [page.length, inNumber, page.indexOf('本年新收') + 2, 0].sort((a, b) => b - a));
    const sample = readFileSync(SAMPLE, 'utf8');
    const text = nul(sample, [sample.length, sample.indexOf('予以公开') + 1, 10].sort((a, b) => b - a));
    const inputs = [
      file('nul.html', html),
      file('nul-gbk.html', iconv.encode(withoutMeta.replace('本年新收', '本\0年新收'), 'gbk')),
      file('nul.txt', text),
    ];
    const r = await run(['--json', ...inputs]);
    expect(r.stderr).toBe('');
    const clean = await run(['--json', PAGE, PAGE, SAMPLE]);
    const cells = (out: string): unknown[] => (JSON.parse(out) as { reports: { cells: unknown[] }[] }[]).map((c) => c.reports[0]!.cells);
    expect(cells(r.stdout)).toEqual(cells(clean.stdout));
    expect(html).toContain('>2\u00006</span>');
  });

  it('GBK with and without <meta charset>, UTF-16 and UTF-8 with BOM are read, not mojibake', async () => {
    const inputs = [
      file('gbk-meta.html', iconv.encode(page.replace(/charset=["']?utf-8/gi, 'charset=gbk'), 'gbk')),
      file('gbk-plain.html', iconv.encode(withoutMeta, 'gbk')),
      file('utf16.html', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(withoutMeta, 'utf-16le')])),
      file('bom.html', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page)])),
    ];
    const r = await run(['--json', ...inputs]);
    expect(r.stderr).toBe('');
    const contracts = JSON.parse(r.stdout) as { reports: { agency: string; cells: unknown[] }[] }[];
    for (const c of contracts) {
      expect(c.reports[0]!.agency).toBe(AGENCY);
      expect(c.reports[0]!.cells).toHaveLength(200); // tables 二, 三, 四 of the 2021 format
    }
  });

  it('a report cut off in the middle of table 三 is still checked; table 四 is said to be missing', async () => {
    const t3 = page.indexOf('<table', page.indexOf('三、'));
    const cut = file('cut.html', page.slice(0, t3 + Math.floor((page.indexOf('</table>', t3) - t3) / 2)));
    const r = await run(['--json', cut]);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    const c = JSON.parse(r.stdout) as { reports: { notCheckable: { table: string }[]; cells: unknown[] }[] };
    expect(c.reports[0]!.notCheckable.map((n) => n.table)).toContain('t4');
    expect(c.reports[0]!.cells.length).toBeLessThan(200);
  });

  it('chmod 000: root reads it anyway, others get a one-line "cannot read"', async () => {
    const locked = file('locked.txt', readFileSync(SAMPLE));
    chmodSync(locked, 0o000);
    const r = await run([locked]);
    if (process.getuid?.() === 0) expect(r.code).toBe(0);
    else {
      expect(r.code).toBe(2);
      expect(lines(r.stderr, 1)[0]).toContain(locked);
    }
  });

  it('--csv to a directory or an unwritable path, --lang xx: one line, exit 2', async () => {
    for (const target of [tmp, '/proc/x.csv']) {
      const r = await run(['--csv', target, SAMPLE]);
      expect(r.code).toBe(2);
      expect(lines(r.stderr, 1)[0]).toContain(`无法写入 ${target}`);
    }
    const l = await run(['--lang', 'xx', SAMPLE]);
    expect(l.code).toBe(2);
    expect(lines(l.stderr, 1)[0]).toMatch(/参数错误.*xx/);
  });

  it('stdin given as -', async () => {
    const r = await run(['-'], readFileSync(SAMPLE));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('辉县市人民政府');
    const bin = await run(['-'], readFileSync('/bin/ls'));
    expect(bin.code).toBe(2);
    expect(lines(bin.stderr, 1)[0]).toMatch(/二进制.*-$/);
  });
});

describe('URLs', () => {
  let closedPort = 0;
  beforeAll(async () => {
    const probe = createServer();
    await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((ok) => probe.close(() => ok()));
  });
  const server = useServer((req, res) => {
    const u = req.url ?? '';
    if (u === '/hang') return;
    if (u === '/500') return void res.writeHead(500).end('boom');
    if (u === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (u === '/pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n');
    if (u === '/png') return void res.writeHead(200, { 'content-type': 'image/png' }).end('not really png bytes');
    if (u === '/gz')
      return void res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' })
        .end(gzipSync(Buffer.from(page)));
    res.writeHead(404).end();
  });
  const base = () => server.base();

  const bad: [string, () => string, RegExp][] = [
    ['connection refused', () => `http://127.0.0.1:${closedPort}/`, /ECONNREFUSED/],
    ['a port fetch refuses to use (127.0.0.1:9)', () => 'http://127.0.0.1:9/', /bad port/],
    ['HTTP 500', () => `${base()}/500`, /HTTP 500/],
    ['HTTP 404', () => `${base()}/nothing`, /HTTP 404/],
    ['a redirect loop', () => `${base()}/loop`, /redirect/i],
    ['application/pdf that is a broken PDF', () => `${base()}/pdf`, /PDF is damaged or incomplete/],
    ['image/png', () => `${base()}/png`, /image\/png/],
  ];
  for (const [what, url, reason] of bad)
    it(`${what}: exit 2, one line naming the URL and the reason`, async () => {
      const r = await run(['--lang', 'en', url()]);
      expect(r.code).toBe(2);
      const [line] = lines(r.stderr, 1);
      expect(line).toContain(url());
      expect(line).toMatch(reason);
    });

  it('a server that never answers times out with one line, and the good file is still reported', async () => {
    const r = await run(['--timeout', '0.5', `${base()}/hang`, SAMPLE]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr, 1)[0]).toMatch(/hang.*timed out/);
    expect(r.stdout).toContain('辉县市人民政府');
  });

  it('a gzip-encoded page is read', async () => {
    const r = await run(['--json', `${base()}/gz`]);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { reports: { agency: string }[] }).reports[0]!.agency).toBe(AGENCY);
  });
});
