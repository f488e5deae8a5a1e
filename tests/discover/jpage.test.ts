// Hanweb jcms "jpage" lists: the records a page carries in its <datastore> script, the further groups to ask the
// data proxy for, and the proxy's answer. Fixtures: tests/discover/fixtures/jpage/README.md says where each shape is from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { groupProblem, jpageAnswer, jpageLists, paginationUrls, parseDatastores, reportLinks } from '../../core/discover';

const FIX = join(import.meta.dirname, 'fixtures', 'jpage');
const text = (name: string) => readFileSync(join(FIX, name), 'utf8');
const doc = (name: string) => parseHTML(text(name)).document as unknown as Document;

const JS = 'http://www.hongze.gov.cn/col/col77278/index.html';
const NT = 'http://zfcg.nantong.gov.cn/col/col31685/index.html';
const DX = 'http://www.dingxi.gov.cn/col/col12377/index.html';

describe('reportLinks on jpage lists', () => {
  it('finds the reports among the records a Jiangsu page carries, by their whole titles, full-width years too', () => {
    const links = reportLinks(doc('jiangsu-list.html'), JS);
    expect(links).toEqual([
      { url: 'http://www.hongze.gov.cn/art/2024/1/30/art_77278_11830771.html', title: '淮安市洪泽区人民政府2023年政府信息公开工作年度报告', year: 2023 },
      { url: 'http://www.hongze.gov.cn/art/2023/1/31/art_77278_11689512.html', title: '淮安市洪泽区人民政府２０２２年政府信息公开工作年度报告', year: 2022 },
      { url: 'http://zwgk.huaian.gov.cn/art/2023/1/20/art_12480_1461862.html', title: '淮安市洪泽区发展和改革委员会2022年政府信息公开工作年度报告', year: 2022 },
    ]);
    // the menu link to the column itself and the notice about writing the report are not reports
    expect(links.map((l) => l.url)).not.toContain('http://www.hongze.gov.cn/art/2024/1/26/art_77278_11829014.html');
  });

  it('reads table-row records, titles cut with ... beside the whole title, a link without a title, a relative href', () => {
    expect(reportLinks(doc('nantong-rows.html'), NT)).toEqual([
      { url: 'http://zfcg.nantong.gov.cn/art/2017/3/31/art_31685_2445101.html', title: '南通市财政局2016年度政府信息公开工作年度报告', year: 2016 },
      { url: 'http://zfcg.nantong.gov.cn/art/2017/3/20/art_31685_2441570.html', title: '南通市政府采购中心2016年政府信息公开年报', year: 2016 },
    ]);
  });

  it('lists a report carried twice (desktop and mobile copies) once, and leaves the other kinds of records', () => {
    expect(reportLinks(doc('dingxi-list.html'), DX).map((l) => [l.url, l.year])).toEqual([
      ['http://www.dingxi.gov.cn/art/2022/1/19/art_12377_1486584.html', 2021],
      ['http://zwgk.dingxi.gov.cn/art/2021/1/29/art_12480_1389012.html', 2020],
    ]);
  });

  it('takes no record of a datastore for a page of the list (no pagination from the nextgroup link)', () => {
    expect(paginationUrls(doc('jiangsu-list.html'), JS)).toEqual([]);
  });
});

describe('jpageLists', () => {
  it('plans the further groups of a Jiangsu list: startrecord after the carried records, perPage × groupSize, up to totalRecord', () => {
    const [list, ...more] = jpageLists(doc('jiangsu-list.html'), JS);
    expect(more).toEqual([]);
    expect(list!.id).toBe('303271');
    expect(list!.records).toBe(6);
    expect(list!.totalRecord).toBe(20);
    const proxy = 'http://www.hongze.gov.cn/module/web/jpage/dataproxy.jsp';
    expect(list!.groups.map((g) => [g.url, g.startRecord, g.endRecord])).toEqual([
      [`${proxy}?startrecord=7&endrecord=12&perpage=2`, 7, 12],
      [`${proxy}?startrecord=13&endrecord=18&perpage=2`, 13, 18],
      [`${proxy}?startrecord=19&endrecord=20&perpage=2`, 19, 20],
    ]);
    const g = list!.groups[0]!;
    expect(g.method).toBe('POST');
    // the nextgroup link's fields, then ajaxParam's literal ones; the page number and the computed keyWord are not sent
    expect(Object.fromEntries(new URLSearchParams(g.body))).toEqual({
      col: '1', appid: '1', webid: '67', path: '/', columnid: '77278', unitid: '303271', webname: '淮安市洪泽区人民政府',
      permissiontype: '0', sourceContentType: '1',
    });
    expect(g.getUrl).toBe(`${g.url}&${g.body}`);
  });

  it('sends col=1 with the nextgroup link’s fields when the page names no ajaxParam, each field once', () => {
    const lists = jpageLists(doc('dingxi-list.html'), DX);
    // the mobile copy asks for the same groups: only the first copy is planned
    expect(lists).toHaveLength(1);
    const [g1, g2, ...rest] = lists[0]!.groups;
    expect(rest).toEqual([]);
    expect([g1!.startRecord, g1!.endRecord, g2!.startRecord, g2!.endRecord]).toEqual([7, 12, 13, 15]);
    const body = new URLSearchParams(g1!.body);
    expect([...body.keys()]).toEqual(['col', 'appid', 'webid', 'path', 'columnid', 'unitid', 'webname', 'permissiontype']);
    // the double-escaped name goes back as the page's script sends it
    expect(body.get('webname')).toBe('%E5%AE%9A%E8%A5%BF%E5%B8%82%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80%E5%B9%B3%E5%8F%B0');
    expect(g1!.url).toBe('http://www.dingxi.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=7&endrecord=12&perpage=2');
  });

  it('plans nothing where the page names no total (no jpage call), and nothing past the group cap', () => {
    const [nt] = jpageLists(doc('nantong-rows.html'), NT);
    expect(nt!.records).toBe(4);
    expect(nt!.groups).toEqual([]);
    expect(jpageLists(doc('jiangsu-list.html'), JS, { maxGroups: 2 })[0]!.groups).toHaveLength(2);
  });

  it('pairs each datastore with the call that draws into the element around it, on a page of two lists', () => {
    const news = `<div id="9001"><div class="inner"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&columnid=1&unitid=9001"></a>]]></nextgroup><recordset><record><![CDATA[<li><a href="/art/1.html">要闻</a></li>]]></record></recordset></datastore></script></div></div>
<script>$('#9001').jpage({totalRecord: 5, perPage: 1, groupSize: 1});</script>`;
    const page = text('jiangsu-list.html').replace('</body>', `${news}</body>`);
    const lists = jpageLists(parseHTML(page).document as unknown as Document, JS);
    expect(lists.map((l) => [l.id, l.records, l.totalRecord, l.groups.length])).toEqual([
      ['303271', 6, 20, 3],
      ['9001', 1, 5, 4],
    ]);
    expect(new URLSearchParams(lists[1]!.groups[0]!.body).get('columnid')).toBe('1');
  });

  it('plans nothing when the page carries every record', () => {
    const page = text('jiangsu-list.html').replace('totalRecord: 20', 'totalRecord: 6');
    expect(jpageLists(parseHTML(page).document as unknown as Document, JS)[0]!.groups).toEqual([]);
  });
});

describe('jpageAnswer', () => {
  it('reads the data proxy’s XML answer: its reports (hrefs unescaped), its record count and total', () => {
    expect(jpageAnswer(text('jiangsu-dataproxy-answer.xml'), JS)).toEqual({
      links: [
        { url: 'http://www.hongze.gov.cn/art/2022/1/25/art_77278_11532104.html', title: '淮安市洪泽区人民政府2021年政府信息公开工作年度报告', year: 2021 },
        { url: 'http://www.hongze.gov.cn/art/2021/1/28/art_77278_11290458.html?from=list&id=3', title: '淮安市洪泽区人民政府2020年政府信息公开工作年度报告', year: 2020 },
      ],
      records: 3,
      totalRecord: 20,
    });
  });

  it('names what is wrong with an answer: no datastore, or no records (the proxy did not take the list’s fields)', () => {
    expect(groupProblem(jpageAnswer(text('jiangsu-dataproxy-answer.xml'), JS))).toBeNull();
    expect(groupProblem(jpageAnswer('<html><body>访问受限</body></html>', JS))).toBe('the data proxy answered no <datastore>');
    expect(groupProblem(jpageAnswer('<datastore><totalrecord>0</totalrecord><recordset></recordset></datastore>', JS))).toBe(
      'the data proxy answered no records',
    );
  });

  it('is null for an answer that is no datastore (an error page), and reads escaped records without CDATA', () => {
    expect(jpageAnswer('<html><body><h1>访问受限</h1></body></html>', JS)).toBeNull();
    const escaped = '<datastore><recordset><record>&lt;li&gt;&lt;a href=&quot;/art/1.html&quot;&gt;某某县2019年政府信息公开工作年度报告&lt;/a&gt;&lt;/li&gt;</record></recordset></datastore>';
    expect(parseDatastores(escaped)[0]!.records).toEqual(['<li><a href="/art/1.html">某某县2019年政府信息公开工作年度报告</a></li>']);
    expect(jpageAnswer(escaped, JS)!.links.map((l) => l.url)).toEqual(['http://www.hongze.gov.cn/art/1.html']);
  });
});

describe('jpageLists of a page the plugin has drawn', () => {
  // in a live page the plugin draws the first page of records into the list's element, in place of the XML script
  const drawn = (page: string) =>
    parseHTML(text(page).replace(/<script type="text\/xml">[\s\S]*?<\/script>/g, '<ul class="list"><li><a href="/art/2024/3/1/art_1.html">要闻</a></li></ul>'))
      .document as unknown as Document;

  it('asks for every record from the first, with the fields the call names, when the datastore is gone', () => {
    const [list, ...more] = jpageLists(drawn('jiangsu-list.html'), JS);
    expect(more).toEqual([]);
    expect([list!.id, list!.records, list!.totalRecord]).toEqual(['303271', 0, 20]);
    expect(list!.groups.map((g) => [g.startRecord, g.endRecord])).toEqual([[1, 6], [7, 12], [13, 18], [19, 20]]);
    expect(new URLSearchParams(list!.groups[0]!.body).get('columnid')).toBe('77278');
  });

  it('names the list and its total but plans nothing when the call does not name the list’s fields', () => {
    expect(jpageLists(drawn('dingxi-list.html'), DX)).toEqual([{ id: '38486', records: 0, totalRecord: 15, groups: [] }]);
  });
});
