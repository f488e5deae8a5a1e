// The sweep dashboard (cli/sweep/dashboard.ts) parsed back with linkedom: its table, grid and charts carry the
// numbers of the real corpus reports (hand-checked values from MANIFEST.json), page text stays text, and the file
// asks for nothing from the network.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderDashboard, type Row } from '../../cli/sweep/dashboard';
import { corpusDashboardReports, EVIL, FAILED_ROWS, generatedReports, hostileReports } from './dashboard-corpus';

const corpus = corpusDashboardReports();
const reports = [...corpus, ...FAILED_ROWS];
const html = renderDashboard(reports, { title: '核查汇总', generatedAt: '2026-12-07 02:00 UTC' });
const { document } = parseHTML(html);

/** The table's rows: the data block the page's script draws the table from. */
function rowsOf(doc: Document): Row[] {
  return (JSON.parse(doc.getElementById('data')!.textContent!) as { rows: Row[] }).rows;
}
function rowOf(source: string, doc: Document = document as unknown as Document): Row {
  const rows = rowsOf(doc).filter((r) => r.s === source);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}
const corpusPath = (file: string): string => `tests/fixtures/corpus/real/${file}`;

describe('renderDashboard on the real corpus', () => {
  it('lists every report and every failure, one row each', () => {
    expect(rowsOf(document as unknown as Document)).toHaveLength(reports.length);
    expect(document.querySelector('#count')!.textContent).toBe(String(reports.length));
    expect(document.querySelector('#card-reports b')!.textContent).toBe(String(reports.length));
    expect(document.querySelector('#card-failed b')!.textContent).toBe('2');
    // Errors first: the Hongze 2023 PDF is the only corpus report with arithmetic errors.
    expect(rowsOf(document as unknown as Document)[0]!.s).toBe(corpusPath('2023-huaian-hongzequ.pdf'));
  });

  it('shows the Hongze 2023 PDF with its two misprinted 表四 totals and their corrections', () => {
    // MANIFEST hand check: 行政复议 总计 printed 0, should be 11 (10+1); 复议后起诉 总计 printed 0, should be 5.
    const row = rowOf(corpusPath('2023-huaian-hongzequ.pdf'));
    expect(row.v).toBe('error');
    expect(row.c[0]).toBe(2);
    expect(row.r).toBe(21);
    expect(row.y).toBe(2023);
    expect(row.d.filter((f) => f.s === 'error')).toHaveLength(2);
    const fixes = row.d.flatMap((f) => [...f.c, ...(f.a ? [f.a] : [])]);
    expect(fixes.some(([zh, en]) => /印 0，应为 11/.test(zh) && /printed 0, should be 11/.test(en))).toBe(true);
    // 复议后起诉 is ambiguous (总计 0 → 5, or 维持 5 → 0): both corrections are offered.
    expect(fixes.some(([zh]) => /印 0，应为 5/.test(zh) && /印 5，应为 0/.test(zh))).toBe(true);
    // The first-error column names a 表四 total, in both languages.
    expect(row.e![0]).toContain('表四');
    expect(row.e![1]).toMatch(/administrative review/);
  });

  it('puts the hand-checked 本年新收 totals in the received column', () => {
    // MANIFEST: Huai'an city 2024 新收 3119, Pingtan 2025 154, Pingtan 2023 80+1 = 81, Shanghai 2019 859.
    expect(rowOf(corpusPath('2024-huaian-shizhengfu.pdf')).r).toBe(3119);
    expect(rowOf(corpusPath('2025-pingtan-guanweihui.html')).r).toBe(154);
    expect(rowOf(corpusPath('2023-pingtan-guanweihui.html')).r).toBe(81);
    expect(rowOf(corpusPath('2019-shanghai-shizhengfu-bangongting.html')).r).toBe(859);
    expect(rowOf(corpusPath('2024-huaian-shizhengfu.pdf')).v).toBe('ok');
  });

  it('links the live page only for http(s) addresses', () => {
    expect(rowOf(corpusPath('2025-pingtan-guanweihui.html')).u).toBe('https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202603/t20260313_105587.htm');
    // MANIFEST gives "www.shanghai.gov.cn (…)" for this one: not a link.
    expect(rowOf(corpusPath('2025-shanghai-shizhengfu-bangongting.md')).u).toBeNull();
  });

  it('keeps the failure rows with their reason and without findings', () => {
    const row = rowOf('https://www.example.gov.cn/zfxxgk/nb/2024.htm');
    expect(row.v).toBe('failed');
    expect(row.x).toBe('HTTP 404 Not Found');
    expect(row.d).toEqual([]);
    expect(row.u).toBe('https://www.example.gov.cn/zfxxgk/nb/2024.htm');
  });

  it('colours the agency × year grid by the worst result', () => {
    // Hongze prints 洪泽区人民政府 in 2023 and 淮安市洪泽区人民政府 in 2024: one agency (as the sweep pairs the years),
    // one row under the longer name, its 2023 error beside its clean 2024.
    const cell = document.querySelector<HTMLElement>('#grid td[data-a="淮安市洪泽区人民政府"][data-y="2023"]')!;
    expect(cell.className).toBe('v-error');
    expect(cell.textContent).toBe('✗2');
    expect(document.querySelector('#grid td[data-a="淮安市洪泽区人民政府"][data-y="2024"]')!.className).toBe('v-ok');
    expect(document.querySelectorAll('#grid td[data-a="洪泽区人民政府"]')).toHaveLength(0);
    expect(rowOf(corpusPath('2023-huaian-hongzequ.pdf')).a).toBe('淮安市洪泽区人民政府');
    // Huai'an city 2024: all identities hold (MANIFEST "No errors found").
    expect(document.querySelector('#grid td[data-a="淮安市人民政府"][data-y="2024"]')!.className).toBe('v-ok');
    // Failed pages name no agency: they are in the table, not the grid.
    expect(document.querySelectorAll('#grid td[data-v="failed"]')).toHaveLength(0);
  });

  it('charts the share with arithmetic errors per year', () => {
    // 2023: Hongze (two errors), Pingtan page and text, Shuyang 发改局 (MANIFEST: no errors) → 1 of 4.
    const bar = document.querySelector<HTMLElement>('#chart-errors rect[data-year="2023"]')!;
    expect(bar.dataset.bad).toBe('1');
    expect(bar.dataset.n).toBe('4');
    const bar2024 = document.querySelector<HTMLElement>('#chart-errors rect[data-year="2024"]')!;
    expect(bar2024.dataset.bad).toBe('0');
  });

  it('charts applications received per agency and year, a report read twice counted once', () => {
    // Pingtan 2023: page and text copy both read 81; the 2023 bar holds it once.
    const segs = [...document.querySelectorAll<HTMLElement>('#chart-received rect.seg[data-year="2023"]')];
    const total = segs.reduce((a, s) => a + Number(s.dataset.value), 0);
    // 2023: Hongze 21 + Pingtan 81 + Shuyang 发改局 26 (MANIFEST hand checks).
    expect(total).toBe(21 + 81 + 26);
  });

  it('is bilingual: every Chinese span has its English twin', () => {
    const zh = document.querySelectorAll('span.zh').length;
    expect(zh).toBeGreaterThan(20); // the static parts; the table's words come in pairs in the data block
    expect(document.querySelectorAll('span.en').length).toBe(zh);
    expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(document.querySelector('#lang')).not.toBeNull();
  });

  it('asks for nothing from the network: no src, no href, one hash-locked script, links only to report pages', () => {
    expect(document.querySelectorAll('[src], [href]')).toHaveLength(0); // the script adds the page links
    expect(document.querySelectorAll('link, iframe, object, embed, img')).toHaveLength(0);
    for (const r of rowsOf(document as unknown as Document)) if (r.u !== null) expect(r.u).toMatch(/^https?:\/\/\S+$/);
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.map((x) => x.getAttribute('type'))).toEqual(['application/json', null]);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    const hash = createHash('sha256').update(scripts[1]!.textContent!).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
  });
});

describe('renderDashboard escapes page text', () => {
  const evil = EVIL;
  const [hostile, failedRow] = hostileReports(corpus.find((r) => r.source.endsWith('2023-huaian-hongzequ.pdf'))!);
  const out = renderDashboard([hostile!, failedRow!], { title: '</title><script>alert(6)</script>' });
  const { document: doc } = parseHTML(out);

  it('renders hostile names, messages and reasons as text', () => {
    // Two scripts: the data block (never run) and the dashboard's own; no element from the page text.
    expect([...doc.querySelectorAll('script')].map((x) => x.getAttribute('type'))).toEqual(['application/json', null]);
    expect(doc.querySelectorAll('img, a, b.evil')).toHaveLength(0);
    expect(out).not.toContain('<script>alert');
    expect(out).not.toContain('<img');
    expect(doc.querySelector('title')!.textContent).toBe('</title><script>alert(6)</script>');
    // The grid and the chart legend show the agency as text.
    expect(doc.querySelector('#grid td[data-a]')!.getAttribute('data-a')).toBe(evil);
    expect(doc.querySelector('#grid tbody th')!.textContent).toBe(evil.slice(0, 23) + '…');
    // The data block gives the script the exact strings, javascript: and file: not as links.
    const row = rowOf(hostile!.source, doc as unknown as Document);
    expect(row.a).toBe(evil);
    expect(row.u).toBeNull();
    expect(row.e![0].startsWith(evil)).toBe(true);
    expect(row.d[0]!.m[0].startsWith(evil)).toBe(true);
    expect(row.d[0]!.r).toContain('</code><b>');
    const failure = rowOf('file:///etc/passwd', doc as unknown as Document);
    expect(failure.x).toBe('</script><script>alert(5)</script>');
    expect(failure.u).toBeNull();
    // The dashboard's script holds no page text.
    expect(doc.querySelectorAll('script')[1]!.textContent).not.toContain('alert');
  });
});

describe('renderDashboard at both ends of the scale', () => {
  it('renders one report', () => {
    const one = corpus.find((r) => r.source.endsWith('2025-pingtan-guanweihui.html'))!;
    const { document: doc } = parseHTML(renderDashboard([one]));
    expect(rowsOf(doc as unknown as Document)).toHaveLength(1);
    expect(doc.querySelectorAll('#chart-errors rect.bar')).toHaveLength(1);
    expect(doc.querySelectorAll('#grid td[data-a]')).toHaveLength(1);
    expect(doc.querySelector('#grid td[data-a]')!.className).toBe('v-ok');
    expect(doc.querySelectorAll('#chart-received rect.seg')).toHaveLength(1);
  });

  it('renders an empty sweep', () => {
    const { document: doc } = parseHTML(renderDashboard([]));
    expect(rowsOf(doc as unknown as Document)).toHaveLength(0);
    expect(doc.querySelector('#card-reports b')!.textContent).toBe('0');
  });

  it('keeps 10,000 reports of 1,250 agencies legible and the file a sane size', () => {
    const many = generatedReports(corpus, 1250, [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], 7);
    expect(many).toHaveLength(10_000);
    const out = renderDashboard(many);
    const { document: doc } = parseHTML(out);
    expect(rowsOf(doc as unknown as Document)).toHaveLength(10_000);
    // The grid: the first 150 agencies and one row for the rest; the chart: 8 named agencies and "others".
    expect(doc.querySelectorAll('#grid tbody tr')).toHaveLength(151);
    expect(doc.querySelector('#grid tr.others th .en')!.textContent).toBe('1100 other agencies (share of reports with errors)');
    expect(new Set([...doc.querySelectorAll('#chart-received rect.seg')].map((r) => r.getAttribute('fill'))).size).toBe(9);
    expect(doc.querySelectorAll('#chart-errors rect.bar')).toHaveLength(8);
    // Findings are spelled out in the detail rows (real findings, Shanghai 2019's 33 warnings among them); still
    // under 3 KB a report.
    expect(Buffer.byteLength(out) / many.length).toBeLessThan(3072);
  });
});
