import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Contract } from '../../core/model/schema';
import { charsetFromContentType, decode, sniffMetaCharset } from '../../cli/input';
import { CORPUS, run, useServer } from './helpers';

const PAGE = join(CORPUS, '2023-pingtan-guanweihui.html');
const utf8Text = readFileSync(PAGE, 'utf8');
// The page declares `<meta charset="utf-8" …>`; the GBK copies declare their own charset instead.
const asGbk = (label: string) => iconv.encode(utf8Text.replace(/<meta charset="utf-8"/i, `<meta charset="${label}"`), 'gbk');

const routes: Record<string, { type: string; body: Buffer | string; status?: number }> = {
  '/utf8.htm': { type: 'text/html; charset=utf-8', body: readFileSync(PAGE) },
  '/gbk-header.htm': { type: 'text/html; charset=gbk', body: asGbk('gbk') },
  '/gb2312-meta.htm': { type: 'text/html', body: asGbk('gb2312') },
  '/gone.htm': { type: 'text/html', body: 'not here', status: 404 },
  '/sample.txt': { type: 'text/plain; charset=utf-8', body: readFileSync(join(CORPUS, '..', 'seed', 'huixian-2023.txt')) },
};

const server = useServer((req, res) => {
  if (req.url === '/hang') return; // never answers: the client must time out
  const r = routes[req.url ?? ''];
  if (!r) return void res.writeHead(404).end();
  res.writeHead(r.status ?? 200, { 'content-type': r.type }).end(r.body);
});

describe('charset detection', () => {
  it('reads the charset from Content-Type and from <meta>', () => {
    expect(charsetFromContentType('text/html; charset=GBK')).toBe('gbk');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(sniffMetaCharset(Buffer.from('<html><head><meta charset="gb2312"><title>x</title>'))).toBe('gb2312');
    expect(sniffMetaCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb18030" />'))).toBe('gb18030');
    expect(sniffMetaCharset(Buffer.from('<meta name="viewport" content="width=device-width">'))).toBeNull();
  });

  it('decodes GBK bytes back to the page text, declared or not', () => {
    const bytes = iconv.encode(utf8Text, 'gbk');
    expect(decode(bytes, 'gbk').text).toBe(utf8Text);
    expect(decode(bytes, 'gb2312').text).toBe(utf8Text);
    // Undeclared and not valid UTF-8: the legacy Chinese encoding is tried.
    expect(decode(iconv.encode('三、收到和处理政府信息公开申请情况', 'gbk'), null)).toEqual({
      text: '三、收到和处理政府信息公开申请情况',
      charset: 'gb18030',
    });
    expect(() => decode(Buffer.from('abc'), 'x-klingon')).toThrow(/klingon/);
  });
});

describe('network failures: exit 2 with one line', () => {
  it('HTTP 404', async () => {
    const r = await run([`${server.base()}/gone.htm`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/HTTP 404/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('connection refused', async () => {
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    const r = await run(['--lang', 'en', `http://127.0.0.1:${port}/report.htm`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`gidar-check: unusable input: cannot fetch http://127.0.0.1:${port}/report.htm: ECONNREFUSED\n`);
  });

  it('timeout', async () => {
    const r = await run(['--lang', 'en', '--timeout', '0.5', `${server.base()}/hang`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('timed out');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('text over HTTP', () => {
  it('reads a text/plain URL as text', async () => {
    const r = await run(['--json', `${server.base()}/sample.txt`]);
    expect(r.code).toBe(0);
    expect(
      Contract.parse(JSON.parse(r.stdout)).reports[0]!.cells.find((c) => c.table === 't3' && c.row === 'newReceived' && c.col === 'total')
        ?.value,
    ).toBe(121);
  });
});

describe('HTML over HTTP, UTF-8 and GBK', () => {
  const cellsOf = async (arg: string) => {
    const r = await run(['--json', arg]);
    expect(r.stderr).toBe('');
    return Contract.parse(JSON.parse(r.stdout)).reports.map((x) => x.cells);
  };

  it('the values read equal those read from the UTF-8 file', async () => {
    const fromFile = await cellsOf(PAGE);
    expect(fromFile[0]!.length).toBeGreaterThan(100);
    // MANIFEST hand check: 新收 总计 81.
    expect(fromFile[0]!.find((c) => c.table === 't3' && c.row === 'newReceived' && c.col === 'total')?.value).toBe(81);
    expect(await cellsOf(`${server.base()}/utf8.htm`)).toEqual(fromFile);
    expect(await cellsOf(`${server.base()}/gbk-header.htm`)).toEqual(fromFile);
    expect(await cellsOf(`${server.base()}/gb2312-meta.htm`)).toEqual(fromFile);
  });
});
