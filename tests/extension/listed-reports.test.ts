// Which listed reports the extension offers to check: the report links core's discovery finds, on this origin or
// another gov.cn host (asked for on the results page); never another kind of site, a script link, or the menu's news.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { JCMS, sitePages, TITLES } from '../cli/sweep-site';
import { listedReports } from '../../extension/lib/listed-reports';

const BASE = 'http://www.example.gov.cn';

function listPage(extra = ''): Document {
  const page = sitePages()['/a/index.html']!;
  const html = String(page.body).replace('</ul>', `${extra}</ul>`);
  return parseHTML(html).document as unknown as Document;
}

describe('listedReports', () => {
  it('a CMS list page: its three report links, in page order, none of the menu or news links', () => {
    const got = listedReports(listPage(), `${BASE}/a/index.html`);
    expect(got.links.map((l) => l.url)).toEqual([
      `${BASE}/a/2023-pingtan.html`,
      `${BASE}/a/2025-pingtan.html`,
      `${BASE}/a/missing-2022.html`,
    ]);
    // each with the name the list shows (here cut short, as the CMS prints it)
    expect(got.links.map((l) => l.title)).toEqual([
      TITLES.pingtan2023,
      `${TITLES.pingtan2025.slice(0, 17)}…`,
      '平潭综合实验区2022年度政府信息公开工作年度报告',
    ]);
    expect(got.otherHosts).toEqual([]);
  });

  it('a report on another gov.cn host is listed with its host (asked for on the results page); other sites and script links are not', () => {
    const extra = [
      `<li><a href="https://www.hongze.gov.cn/ndbg/2023.html">${TITLES.hongze2023}</a></li>`,
      `<li><a href="http://mirror.example.com/2024.html">${TITLES.hongze2024}</a></li>`,
      `<li><a href="javascript:void(0)">${TITLES.shanghai2019}</a></li>`,
    ].join('');
    const got = listedReports(listPage(extra), `${BASE}/a/index.html`);
    expect(got.links.map((l) => l.url)).toEqual([
      `${BASE}/a/2023-pingtan.html`,
      `${BASE}/a/2025-pingtan.html`,
      `${BASE}/a/missing-2022.html`,
      'https://www.hongze.gov.cn/ndbg/2023.html',
    ]);
    expect(got.otherHosts).toEqual(['www.hongze.gov.cn']);
  });
});

describe('listedReports on a jcms list drawn by jpage', () => {
  const page = (html: string) => parseHTML(html).document as unknown as Document;
  const jcms = String(sitePages()[JCMS.list]!.body);

  it('counts the reports among the records the page carries, and names the further groups without asking for them', () => {
    const got = listedReports(page(jcms), `${BASE}${JCMS.list}`);
    expect(got.links).toEqual([{ url: `${BASE}/art/2024/1/30/art_77278_102.html`, title: TITLES.pingtan2023 }]);
    expect(got.groups.map((g) => [g.url, g.method])).toEqual([
      [`${BASE}${JCMS.proxy}?startrecord=7&endrecord=12&perpage=2`, 'POST'],
      [`${BASE}${JCMS.proxy}?startrecord=13&endrecord=14&perpage=2`, 'POST'],
    ]);
    expect(got.listRecords).toBe(14);
    expect(got.rereadPage).toBe(false);
  });

  it('a list the plugin has drawn (its XML gone): the drawn report, the list’s total, and the page to read again on the click', () => {
    const drawn = jcms.replace(/<script type="text\/xml">[\s\S]*?<\/script>/, `<ul class="list"><li><a href="/art/2024/1/30/art_77278_102.html" title="${TITLES.pingtan2023}">平潭</a></li></ul>`);
    const got = listedReports(page(drawn), `${BASE}${JCMS.list}`);
    expect(got.links.map((l) => l.url)).toEqual([`${BASE}/art/2024/1/30/art_77278_102.html`]);
    expect(got.groups).toEqual([]);
    expect(got.listRecords).toBe(14);
    expect(got.rereadPage).toBe(true);
  });

  it('leaves a data proxy on another origin (the page’s script could not ask it with the page’s cookies either)', () => {
    const elsewhere = jcms.replace(`proxyUrl: '${JCMS.proxy}'`, `proxyUrl: 'https://other.example.gov.cn${JCMS.proxy}'`);
    const got = listedReports(page(elsewhere), `${BASE}${JCMS.list}`);
    expect(got.groups).toEqual([]);
    expect(got.listRecords).toBe(0);
    expect(got.links).toHaveLength(1);
  });
});
