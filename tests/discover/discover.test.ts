import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { matchReportTitle, paginationUrls, reportAttachment, reportLinks, scriptPager } from '../../core/discover';

const FIX = join(import.meta.dirname, 'fixtures');
const doc = (html: string) => parseHTML(html).document as unknown as Document;
const fixture = (name: string) => doc(readFileSync(join(FIX, name), 'utf8'));

describe('matchReportTitle', () => {
  it('names the report with its year, in the forms lists print', () => {
    expect(matchReportTitle('平潭综合实验区2023年度政府信息公开工作年度报告')).toEqual({ kind: 'report', year: 2023 });
    expect(matchReportTitle('鄂尔多斯市2018年政府信息公开年度报告')).toEqual({ kind: 'report', year: 2018 });
    expect(matchReportTitle('淮安市洪泽区2023年政府信息公开年报')).toEqual({ kind: 'report', year: 2023 });
    expect(matchReportTitle('２０２４年 政府信息公开工作年度报告（市统计局）')).toEqual({ kind: 'report', year: 2024 });
    expect(matchReportTitle('某某县人民政府二〇二二年政府信息公开工作年度报告')).toEqual({ kind: 'report', year: 2022 });
    expect(matchReportTitle('某某县人民政府二零二一年度政府信息公开工作年度报告')).toEqual({ kind: 'report', year: 2021 });
    expect(matchReportTitle('市发展和改革委员会政府信息公开工作年度报告')).toEqual({ kind: 'report', year: null });
  });

  it('takes a title cut short for the list', () => {
    expect(matchReportTitle('平潭综合实验区2023年度政府信息公开工…')).toEqual({ kind: 'report', year: 2023 });
    expect(matchReportTitle('沭阳县发展和改革局2023年政府信息公开...')).toEqual({ kind: 'report', year: 2023 });
    // cut before anything says which report: could be the 政府工作报告
    expect(matchReportTitle('沭阳县2023年政府…')).toBeNull();
  });

  it('tells the section name from a report, and passes over notices and readings about the report', () => {
    expect(matchReportTitle('政府信息公开年报')).toEqual({ kind: 'channel', year: null });
    expect(matchReportTitle('政府信息公开工作年度报告')).toEqual({ kind: 'channel', year: null });
    expect(matchReportTitle('图解：平潭综合实验区2023年度政府信息公开工作年度报告')).toBeNull();
    expect(matchReportTitle('关于做好2023年政府信息公开工作年度报告编制发布工作的通知')).toBeNull();
    expect(matchReportTitle('关于2014年政府信息公开工作要点落实情况的函')).toBeNull();
    expect(matchReportTitle('2023年政府工作报告')).toBeNull();
    expect(matchReportTitle('恩格贝生态示范区召开2020年度工作会暨党风廉政建设会议')).toBeNull();
  });
});

describe('reportLinks', () => {
  it('finds the ten reports of the real Pingtan list page, not its menu link to the list or the script template', () => {
    const links = reportLinks(fixture('pingtan-list.html'), 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/');
    expect(links.map((l) => l.year)).toEqual([2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016]);
    expect(links[2]).toEqual({
      url: 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm',
      title: '平潭综合实验区2023年度政府信息公开工作年度报告',
      year: 2023,
    });
    expect(links.some((l) => l.url.endsWith('nlist.htm'))).toBe(false);
  });

  it('picks the reports out of a TRS list that mixes them with news', () => {
    const links = reportLinks(fixture('ordos-trs-list.html'), 'http://www.egb.gov.cn/xxgk/xxgknb/index.html');
    expect(links.map((l) => l.title)).toEqual([
      '鄂尔多斯市2019年政府信息公开工作年度报告',
      '鄂尔多斯市人民政府办公室2019年政府信息公开工作年度报告',
      '鄂尔多斯市2018年政府信息公开年度报告',
      '内蒙古自治区2018年政府信息公开工作年度报告',
    ]);
    expect(links[0]!.url).toBe('http://www.egb.gov.cn/xxgk/xxgknb/202009/t20200903_2748784.html');
  });

  it('reads the title attribute where the text is truncated, and lists each address once', () => {
    const d = doc(`<ul>
      <li><a href="a.html" title="淮安市洪泽区人民政府2023年政府信息公开工作年度报告">淮安市洪泽区人民政府2023年政府信…</a></li>
      <li><a href="a.html#top">淮安市洪泽区人民政府2023年政府信息公开工作年度报告</a></li>
      <li><a href="javascript:void(0)">2022年政府信息公开工作年度报告</a></li>
      <li><a href="b.pdf">洪泽区2022年政府信息公开工作年度报告.pdf</a></li></ul>`);
    expect(reportLinks(d, 'http://x.gov.cn/nb/')).toEqual([
      { url: 'http://x.gov.cn/nb/a.html', title: '淮安市洪泽区人民政府2023年政府信息公开工作年度报告', year: 2023 },
      { url: 'http://x.gov.cn/nb/b.pdf', title: '洪泽区2022年政府信息公开工作年度报告.pdf', year: 2022 },
    ]);
  });
});

describe('scriptReportLinks', () => {
  it('finds the reports of a list a script fills from data, escaped or not, url before or after the title', () => {
    const d = doc(`<ul id="list"></ul><script>
      var list = [{"doctitle":"平潭综合实验区2024年度政府信息公开工作年度报告","chnldocurl":"./202503/t20250310_97791.htm","docreltime":"2025-03-10"},
                  {"doctitle":"关于做好2024年政府信息公开工作年度报告编制发布工作的通知","chnldocurl":"./202501/t1.htm"}];
      var more = {"rows":[{"title":"\\u5e73\\u6f6d\\u7efc\\u5408\\u5b9e\\u9a8c\\u533a2023\\u5e74\\u5ea6\\u653f\\u5e9c\\u4fe1\\u606f\\u516c\\u5f00\\u5de5\\u4f5c\\u5e74\\u5ea6\\u62a5\\u544a","url":"\\/zfxxgknb\\/202403\\/t20240308_87885.htm"}]};
      render([{ url: '/files/nb2022.pdf', title: '平潭综合实验区2022年度政府信息公开工作年度报告' }, { url: '/files/nb2021.pdf', title: '平潭综合实验区2021年度政府信息公开工作年度报告' }]);
    </script>`);
    expect(reportLinks(d, 'http://x.gov.cn/zfxxgknb/index.html')).toEqual([
      { url: 'http://x.gov.cn/zfxxgknb/202503/t20250310_97791.htm', title: '平潭综合实验区2024年度政府信息公开工作年度报告', year: 2024 },
      { url: 'http://x.gov.cn/zfxxgknb/202403/t20240308_87885.htm', title: '平潭综合实验区2023年度政府信息公开工作年度报告', year: 2023 },
      { url: 'http://x.gov.cn/files/nb2022.pdf', title: '平潭综合实验区2022年度政府信息公开工作年度报告', year: 2022 },
      { url: 'http://x.gov.cn/files/nb2021.pdf', title: '平潭综合实验区2021年度政府信息公开工作年度报告', year: 2021 },
    ]);
  });
});

describe('paginationUrls', () => {
  it('writes the pages of the real TRS pager that document.write draws from countPage', () => {
    const pages = paginationUrls(fixture('ordos-trs-list.html'), 'http://www.egb.gov.cn/xxgk/xxgknb/index.html');
    expect(pages).toEqual(['http://www.egb.gov.cn/xxgk/xxgknb/index_1.html']);
  });

  it('reads createPageHTML in its forms', () => {
    expect(scriptPager(['createPageHTML(5, 0, "index", "shtml");'])).toEqual({ total: 5, prefix: 'index', suffix: 'shtml' });
    expect(scriptPager(["createPageHTML('page_div',3, 1,'index','html',52);"])).toEqual({ total: 3, prefix: 'index', suffix: 'html' });
    expect(scriptPager(['var countPage = 4;\nvar currentPage = 0;\ncreatePageHTML(countPage, currentPage, "list", "htm");'])).toEqual({
      total: 4,
      prefix: 'list',
      suffix: 'htm',
    });
    expect(scriptPager(['function createPageHTML(a, b, c, d) { /* the library itself */ }'])).toBeNull();
    const d = doc(`<div id="page"></div><script>createPageHTML(4, 2, "index", "html");</script>`);
    expect(paginationUrls(d, 'http://x.gov.cn/nb/index_2.html')).toEqual([
      'http://x.gov.cn/nb/index.html',
      'http://x.gov.cn/nb/index_1.html',
      'http://x.gov.cn/nb/index_3.html',
    ]);
  });

  it('follows 下一页 and fills in the numbered pages up to 尾页', () => {
    const d = doc(`<div class="page">
      <a href="index.html">首页</a> <a href="index_1.html">2</a> <a href="index_2.html">3</a>
      <a href="index_1.html">下一页</a> <a href="index_6.html">尾页</a>
      <a href="../other/index_1.html">下一页</a> <a href="/about.html">关于我们</a></div>`);
    expect(paginationUrls(d, 'http://x.gov.cn/nb/index.html').sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `http://x.gov.cn/nb/index_${n}.html`),
    );
    const q = doc(`<a href="list.jsp?channel=7&page=2">下一页</a><a href="list.jsp?channel=7&page=3">末页</a>`);
    expect(paginationUrls(q, 'http://x.gov.cn/nb/list.jsp?channel=7&page=1').sort()).toEqual([
      'http://x.gov.cn/nb/list.jsp?channel=7&page=2',
      'http://x.gov.cn/nb/list.jsp?channel=7&page=3',
    ]);
  });

  it('caps a runaway page count', () => {
    const d = doc(`<script>createPageHTML(100000, 0, "index", "html");</script>`);
    // 50 pages in all: this one and 49 others
    expect(paginationUrls(d, 'http://x.gov.cn/nb/index.html', { maxPages: 50 })).toHaveLength(49);
  });
});

describe('reportAttachment', () => {
  const base = { cells: [], notCheckable: [] };
  it('follows the attachment that holds the whole report, through a PDF viewer', () => {
    expect(reportAttachment({ ...base, notCheckable: [{ table: 'report', reason: 'attachment', link: 'files/nb2023.pdf' }] }, 'http://x.gov.cn/nb/t1.html')).toBe(
      'http://x.gov.cn/nb/files/nb2023.pdf',
    );
    expect(
      reportAttachment(
        { ...base, notCheckable: [{ table: 'report', reason: 'embeddedPdf', link: 'http://x.gov.cn/pdfjs/web/viewer.html?file=/up/nb.pdf' }] },
        'http://x.gov.cn/nb/t1.html',
      ),
    ).toBe('http://x.gov.cn/up/nb.pdf');
  });
  it('leaves a page that has tables of its own', () => {
    const cell = { table: 't3' as const, row: 'granted', col: 'total', raw: '1', value: 1, kind: 'number' as const, source: { type: 'text' as const, line: 1, column: 1 } };
    expect(reportAttachment({ cells: [cell], notCheckable: [{ table: 't4', reason: 'attachment', link: 'x.pdf' }] }, 'http://x.gov.cn/')).toBeNull();
  });
});
