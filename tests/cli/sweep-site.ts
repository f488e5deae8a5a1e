// A test site for the sweep, served on 127.0.0.1: list pages in three CMS styles, report pages from the corpus,
// and trouble. The server counts what it served, so tests can tell that nothing was fetched twice.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import iconv from 'iconv-lite';

const REAL = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'real');
const corpus = (name: string) => readFileSync(join(REAL, name));

export interface Page {
  body: Buffer | string;
  type: string;
}

const html = (body: string): Page => ({ body, type: 'text/html; charset=utf-8' });

/** site chrome every list page carries: a menu link to the list itself, news, a notice about the report */
const CHROME = `<div class="nav"><a href="/">首页</a> <a href="/a/index.html">政府信息公开年报</a>
  <a href="/news/1.html">我区召开2023年度政府信息公开工作推进会</a>
  <a href="/news/2.html">关于做好2023年政府信息公开工作年度报告编制发布工作的通知</a></div>`;

function listPage(title: string, items: [string, string][], pager: string): Page {
  const lis = items.map(([href, text]) => `<li><a href="${href}" target="_blank" title="${text}">${text}</a><span>2024-03-01</span></li>`).join('\n');
  return html(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${CHROME}
<ul class="list">${lis}</ul>
<div class="page">${pager}</div></body></html>`);
}

export const TITLES = {
  pingtan2023: '平潭综合实验区2023年度政府信息公开工作年度报告',
  pingtan2025: '平潭综合实验区2025年度政府信息公开工作年度报告',
  shanghai2019: '上海市人民政府办公厅2019年政府信息公开工作年度报告',
  shuyang2023: '沭阳县发展和改革局2023年政府信息公开工作年度报告',
  hongze2023: '淮安市洪泽区人民政府2023年政府信息公开工作年度报告',
  hongze2024: '淮安市洪泽区人民政府2024年政府信息公开工作年度报告',
};

/** Shuyang 2023 as a GBK site serves it: GBK bytes, the charset only in <meta>, none in the HTTP header */
function gbkPage(): Page {
  const text = corpus('2023-shuyang-fagaiju.html').toString('utf8').replace(/<meta charset="utf-8"\s*\/?>/gi, '<meta charset="gbk">');
  return { body: iconv.encode(text, 'gbk'), type: 'text/html' };
}

/**
 * Style 4, a Hanweb jcms column (Jiangsu, like Hongze's and Huai'an's sites): the list is not in the DOM; the page
 * carries records 1–6 in its <datastore> script, and the jpage call asks the data proxy for 7–12 and 13–14 by POST
 * (tests/discover/fixtures/jpage/README.md says where the shape is from).
 */
export const JCMS = {
  list: '/col/col77278/index.html',
  /** the same list with a stand-in for the plugin, which draws the first page in place of the XML (browser tests) */
  drawnList: '/col/col77279/index.html',
  proxy: '/module/web/jpage/dataproxy.jsp',
  /** the form fields the proxy needs to know the list */
  fields: { col: '1', appid: '1', webid: '67', path: '/', columnid: '77278', unitid: '303271', permissiontype: '0' },
  /** the list's records in order: [href, title] (reports at 2, 9 and 13) */
  records: [
    ['/art/2024/3/1/art_77278_101.html', '淮安市洪泽区召开2024年度政务公开工作推进会'],
    ['/art/2024/1/30/art_77278_102.html', TITLES.pingtan2023],
    ['/art/2024/1/26/art_77278_103.html', '关于做好2023年度政府信息公开工作年度报告编制发布工作的通知'],
    ['/art/2024/1/14/art_77278_104.html', '2023年度政府网站年度工作报表'],
    ['/art/2023/12/1/art_77278_105.html', '淮安市洪泽区人民政府关于2023年第四季度政府网站检查情况的通报'],
    ['/art/2023/11/1/art_77278_106.html', '洪泽区2023年秋季农业生产情况'],
    ['/art/2023/10/1/art_77278_107.html', '洪泽区政务服务中心搬迁公告'],
    ['/art/2023/9/1/art_77278_108.html', '洪泽区2023年三季度重点工作'],
    ['/art/2020/1/20/art_77278_109.html', '平潭综合实验区2019年度政府信息公开工作年度报告'],
    ['/art/2020/1/10/art_77278_110.html', '洪泽区2020年春运工作通知'],
    ['/art/2019/12/1/art_77278_111.html', '洪泽区2019年冬季安全生产检查'],
    ['/art/2019/11/1/art_77278_112.html', '洪泽区2019年秋季征兵公告'],
    ['/art/2022/1/20/art_77278_113.html', '平潭综合实验区2021年度政府信息公开工作年度报告'],
    ['/art/2019/10/1/art_77278_114.html', '洪泽区2019年国庆假期安排'],
  ] as [string, string][],
};

/** a record as jcms writes it: the whole title in the attribute, the text cut after 22 characters */
const jcmsRecord = ([href, title]: [string, string]) =>
  `<record><![CDATA[\n<li class="cf"><a target="_blank" href="${href}" title="${title}">${title.length > 22 ? `${title.slice(0, 22)}...` : title}</a><span>2024-01-30</span></li>]]></record>`;

/** what jcms's jpage plugin does to the page, in brief: draws the first page of records in place of its XML script */
const PLUGIN = `<script>window.$ = function (target) {
  return {
    ready: function (f) { f(); },
    jpage: function (o) {
      var box = document.getElementById(target.slice(1));
      var cdata = box.querySelector('script[type="text/xml"]').textContent.match(/<!\\[CDATA\\[[\\s\\S]*?\\]\\]>/g);
      var records = cdata.slice(1, 1 + o.perPage).map(function (r) { return r.slice(9, -3); });
      box.innerHTML = o.dataBefore + records.join('') + o.dataAfter + '<div class="pager">共' + o.totalRecord + '条</div>';
    }
  };
};</script>`;

/** the jcms list; `drawn`: with the plugin's stand-in, and a call that names no fields (they are in the XML only) */
function jcmsList(drawn = false): Page {
  const next = `${JCMS.proxy}?page=1&appid=1&webid=67&path=/&columnid=77278&unitid=303271&webname=%E6%B4%AA%E6%B3%BD%E5%8C%BA&permissiontype=0`;
  return html(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>${CHROME}
<div id="303271"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="${next}"></a>]]></nextgroup>
<recordset>
${JCMS.records.slice(0, 6).map(jcmsRecord).join('\n')}
</recordset></datastore></script></div>
${drawn ? PLUGIN : ''}<script>$(document).ready(function(){ $('#303271').jpage({ proxyUrl: '${JCMS.proxy}', totalRecord: ${JCMS.records.length}, perPage: 2, groupSize: 3,
  barPosition: 'bottom', dataBefore: '<ul class="list">', dataAfter: '</ul>'${drawn ? '' : ", ajaxParam: {col: 1, appid: 1, webid: 67, path: '/', columnid: 77278, sourceContentType: 1, unitid: '303271', webname: '洪泽区', permissiontype: 0}"} }); });</script>
</body></html>`);
}

/**
 * The data proxy: a POST whose form names the list answers records startrecord…endrecord; a form that does not
 * answers an empty datastore (real proxies answer another column or nothing); a GET is refused.
 */
function jcmsProxy(req: IncomingMessage, res: ServerResponse, form: string): void {
  if (req.method !== 'POST') return void res.writeHead(405, { 'content-type': 'text/plain' }).end('Method Not Allowed');
  const q = new URL(req.url ?? '/', 'http://x').searchParams;
  const f = new URLSearchParams(form);
  const known = Object.entries(JCMS.fields).every(([k, v]) => f.get(k) === v);
  const from = Number(q.get('startrecord'));
  const to = Number(q.get('endrecord'));
  const records = known && from >= 1 ? JCMS.records.slice(from - 1, to) : [];
  res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<datastore><totalrecord>${known ? JCMS.records.length : 0}</totalrecord><recordset>${records.map(jcmsRecord).join('\n')}</recordset></datastore>`);
}

export function sitePages(): Record<string, Page> {
  return {
    '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n', type: 'text/plain' },
    // style 1: plain links, 下一页 to the next page
    '/a/index.html': listPage(
      '政府信息公开年报',
      [
        ['2023-pingtan.html', TITLES.pingtan2023],
        ['2025-pingtan.html', `${TITLES.pingtan2025.slice(0, 17)}…`],
        ['missing-2022.html', '平潭综合实验区2022年度政府信息公开工作年度报告'],
      ],
      '<a href="index.html">首页</a> <span>1</span> <a href="list2.html">下一页</a>',
    ),
    '/a/list2.html': listPage(
      '政府信息公开年报',
      [
        ['sh-2019.html', TITLES.shanghai2019],
        ['shuyang-gbk.html', TITLES.shuyang2023],
        ['not-a-report.html', '平潭综合实验区2021年度政府信息公开工作年度报告'],
      ],
      '<a href="index.html">上一页</a>',
    ),
    '/a/2023-pingtan.html': { body: corpus('2023-pingtan-guanweihui.html'), type: 'text/html; charset=utf-8' },
    '/a/2025-pingtan.html': { body: corpus('2025-pingtan-guanweihui.html'), type: 'text/html; charset=utf-8' },
    '/a/sh-2019.html': { body: corpus('2019-shanghai-shizhengfu-bangongting.html'), type: 'text/html; charset=utf-8' },
    '/a/shuyang-gbk.html': gbkPage(),
    '/a/not-a-report.html': html(
      '<html><head><title>我区召开政务公开工作会议</title></head><body><h1>我区召开政务公开工作会议</h1><p>会议部署了今年的政务公开重点工作。</p></body></html>',
    ),
    // style 2: index_N.html numbering, 1 2 3 下一页 尾页
    '/b/index.html': listPage(
      '信息公开年报',
      [
        ['hongze-2023.html', TITLES.hongze2023],
        ['flaky.txt', '上海市人民政府办公厅2025年政府信息公开工作年度报告'],
      ],
      '<span>1</span> <a href="index_1.html">2</a> <a href="index_1.html">下一页</a> <a href="index_2.html">尾页</a>',
    ),
    '/b/index_1.html': listPage('信息公开年报', [['hongze-2024.pdf', `${TITLES.hongze2024}.pdf`]], '<a href="index.html">1</a> <span>2</span> <a href="index_2.html">3</a>'),
    '/b/index_2.html': listPage('信息公开年报', [['loop.html', '淮安市洪泽区人民政府2022年政府信息公开工作年度报告']], '<a href="index.html">首页</a> <span>3</span>'),
    // a report page whose tables are only in the PDF attachment
    '/b/hongze-2023.html': html(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${TITLES.hongze2023}</title></head><body>
<h1>${TITLES.hongze2023}</h1><div class="content"><p>现将本机关2023年政府信息公开工作年度报告予以公布。</p>
<p>附件：<a href="/b/files/hongze-2023.pdf">${TITLES.hongze2023}.pdf</a></p></div></body></html>`),
    '/b/files/hongze-2023.pdf': { body: corpus('2023-huaian-hongzequ.pdf'), type: 'application/pdf' },
    '/b/hongze-2024.pdf': { body: corpus('2024-huaian-hongzequ.pdf'), type: 'application/octet-stream' },
    '/b/flaky.txt': { body: corpus('2025-shanghai-shizhengfu-bangongting.md'), type: 'text/plain; charset=utf-8' },
    // style 3: pages written by script
    '/c/index.html': listPage(
      '政府信息公开年度报告',
      [
        ['2019.txt', '平潭综合实验区2019年度政府信息公开工作年度报告'],
        ['2021.txt', '平潭综合实验区2021年度政府信息公开工作年度报告'],
        ['slow.html', '某某县2020年政府信息公开工作年度报告'],
      ],
      '<div id="page_div"></div><script>createPageHTML(2, 0, "index", "html");</script>',
    ),
    '/c/index_1.html': listPage(
      '政府信息公开年度报告',
      [
        ['huge.html', '某某县2019年政府信息公开工作年度报告'],
        ['/private/2020.html', '某某局2020年政府信息公开工作年度报告'],
      ],
      '<div id="page_div"></div><script>createPageHTML(2, 1, "index", "html");</script>',
    ),
    '/c/2019.txt': { body: corpus('2019-pingtan-guanweihui.txt'), type: 'text/plain; charset=utf-8' },
    '/c/2021.txt': { body: corpus('2021-pingtan-guanweihui.txt'), type: 'text/plain; charset=utf-8' },
    '/c/huge.html': html(`<html><body><h1>某某县2019年政府信息公开工作年度报告</h1>${'<p>填充内容</p>'.repeat(300_000)}</body></html>`),
    '/private/2020.html': { body: corpus('2023-pingtan-guanweihui.html'), type: 'text/html; charset=utf-8' },
    // style 4: a jcms list drawn by jpage from its datastore and data proxy
    [JCMS.list]: jcmsList(),
    [JCMS.drawnList]: jcmsList(true),
    '/art/2024/1/30/art_77278_102.html': { body: corpus('2023-pingtan-guanweihui.html'), type: 'text/html; charset=utf-8' },
    '/art/2020/1/20/art_77278_109.html': { body: corpus('2019-pingtan-guanweihui.txt'), type: 'text/plain; charset=utf-8' },
    '/art/2022/1/20/art_77278_113.html': { body: corpus('2021-pingtan-guanweihui.txt'), type: 'text/plain; charset=utf-8' },
  };
}

/** the report pages and attachments of the site (what a resumed sweep must not fetch again) */
export const REPORT_PATHS = [
  '/a/2023-pingtan.html', '/a/2025-pingtan.html', '/a/sh-2019.html', '/a/shuyang-gbk.html', '/a/not-a-report.html',
  '/b/hongze-2023.html', '/b/files/hongze-2023.pdf', '/b/hongze-2024.pdf', '/b/flaky.txt', '/c/2019.txt', '/c/2021.txt',
];

export interface TestSite {
  base: string;
  server: Server;
  /** successful (2xx) responses sent in full, per path */
  served: Map<string, number>;
  /** requests received, per path */
  requests: Map<string, number>;
  userAgents: Set<string>;
  /** resolves when a request for `path` arrives; that request (and later ones for it) get no answer until release() */
  hold(path: string): Promise<void>;
  /** ends the held requests unanswered (their client was killed) and answers later ones again */
  release(): void;
  close(): Promise<void>;
}

/** `extra`: more pages, for a test's own list (the paths above keep their pages) */
export async function startSite(extra: Record<string, Page> = {}): Promise<TestSite> {
  const pages = { ...extra, ...sitePages() };
  const served = new Map<string, number>();
  const requests = new Map<string, number>();
  const userAgents = new Set<string>();
  let flakyFailed = false;
  let held: { path: string; arrived: () => void; waiting: ServerResponse[] } | null = null;
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

  const answer = (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path === '/c/slow.html') return; // never answers: the client's timeout ends it
    if (path === '/b/loop.html') return res.writeHead(302, { location: '/b/loop2.html' }).end();
    if (path === '/b/loop2.html') return res.writeHead(302, { location: '/b/loop.html' }).end();
    if (path === '/b/flaky.txt' && !flakyFailed) {
      flakyFailed = true;
      return res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    }
    if (path === JCMS.proxy) {
      let form = '';
      req.on('data', (c: Buffer) => (form += c.toString('utf8')));
      req.on('end', () => jcmsProxy(req, res, form));
      return;
    }
    const page = pages[path];
    if (!page) return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404 Not Found</h1>');
    res.on('finish', () => bump(served, path));
    res.writeHead(200, { 'content-type': page.type }).end(page.body);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    bump(requests, path);
    userAgents.add(String(req.headers['user-agent']));
    if (held && held.path === path) {
      held.arrived();
      held.waiting.push(res);
      return;
    }
    answer(req, res, path);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    served,
    requests,
    userAgents,
    hold(path) {
      return new Promise<void>((arrived) => {
        held = { path, arrived, waiting: [] };
      });
    },
    release() {
      const h = held;
      held = null;
      h?.waiting.forEach((res) => res.destroy());
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Rows of a query on a sweep's database, opened read-only (a sweep may be writing it). */
export function query<T>(db: string, sql: string, ...params: (string | number)[]): T[] {
  const d = new DatabaseSync(db, { readOnly: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}
