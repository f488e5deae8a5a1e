// core/sweep: the summary row, its CSV and the cross-year pairing that the sweep command and the extension share;
// the per-host throttle both use. Expected values from the documents (MANIFEST hand checks), not from the program.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { checkPair, checkReport } from '../../core/check';
import { readText } from '../../core/read/text';
import { countFindings, SUMMARY_COLUMNS, summaryCsv, summaryRow, withCrossYear, type SweptSource } from '../../core/sweep/summary';
import { CORPUS, hongzeYears, LIST, pdfSource } from './hongze-years';
import { HostThrottle, SWEEP_CONCURRENCY, SWEEP_DELAY_MS } from '../../core/sweep/throttle';

const PAGE = 'http://www.example.gov.cn/ndbg/2023-hongze.html';
const PDF = 'http://www.example.gov.cn/2023-huaian-hongzequ.pdf';

const hongze2023 = () => pdfSource(readFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf')), PDF, PAGE);

function pingtan(year: 2018 | 2019): SweptSource {
  const source = `http://www.example.gov.cn/ndbg/${year}-pingtan.txt`;
  const [report] = readText(readFileSync(join(CORPUS, `${year}-pingtan-guanweihui.txt`), 'utf8'), { source });
  return { source, foundOn: LIST, fetch: 'ok', reports: [{ report: report!, findings: checkReport(report!), readFrom: source }] };
}

describe('summaryRow', () => {
  it('Hongze 2023 read from its PDF attachment: the two 表四 errors, 21 applications received, read from the PDF', async () => {
    const row = summaryRow(await hongze2023());
    expect(row).toMatchObject({ source: PAGE, fetch: 'ok', year: 2023, errors: 2, received: 21, read_from: PDF, found_on: LIST });
    // hand check: 行政复议 总计 printed 0, its parts sum to 11
    expect(row.first_error).toContain('行政复议');
    expect(row.first_error).toContain('11');
  });

  it('a source that could not be fetched: its reason, no counts', () => {
    expect(summaryRow({ source: PAGE, foundOn: LIST, fetch: 'HTTP 404 Not Found', reports: [] })).toEqual({
      source: PAGE,
      fetch: 'HTTP 404 Not Found',
      agency: null,
      year: null,
      format: null,
      errors: 0,
      warnings: 0,
      needs_review: 0,
      passed: 0,
      not_checkable: 0,
      first_error: null,
      read_from: null,
      found_on: LIST,
      received: null,
    });
  });
});

describe('summaryCsv', () => {
  it('the sweep command’s columns, a BOM, CRLF, one row per source; formula-looking page text neutralised', async () => {
    const hz = await hongze2023();
    const forged = { ...hz, reports: hz.reports.map((r) => ({ ...r, report: { ...r.report, agency: '=HYPERLINK("x")' } })) };
    const csv = summaryCsv([summaryRow(hz), summaryRow(forged)]);
    expect(
      csv.startsWith(
        '\uFEFFsource,fetch,agency,year,format,errors,warnings,needs_review,passed,not_checkable,first_error,read_from,found_on,received\r\n',
      ),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
    expect(parsed[0]).toEqual([...SUMMARY_COLUMNS]);
    expect(parsed.length).toBe(3);
    expect(parsed[1]![SUMMARY_COLUMNS.indexOf('errors')]).toBe('2');
    expect(parsed[2]![SUMMARY_COLUMNS.indexOf('agency')]).toBe(`'=HYPERLINK("x")`);
    expect(summaryCsv([], { bom: false }).startsWith('source,')).toBe(true);
  });
});

describe('withCrossYear', () => {
  it('Pingtan 2019 gains the cross-year findings against Pingtan 2018 listed with it; 2018 and unrelated reports are unchanged', async () => {
    const [y2018, y2019, hz] = [pingtan(2018), pingtan(2019), await hongze2023()];
    const pair = checkPair(y2018.reports[0]!.report, y2019.reports[0]!.report);
    expect(pair.length).toBeGreaterThan(0);
    const joined = withCrossYear([y2019, hz, y2018]);
    expect(joined[0]!.reports[0]!.findings.length).toBe(y2019.reports[0]!.findings.length + pair.length);
    expect(joined[0]!.reports[0]!.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(pair.map((f) => f.rule)));
    expect(joined[1]).toEqual(hz);
    expect(joined[2]).toEqual(y2018);
    // without the earlier year nothing is added
    expect(withCrossYear([y2019])[0]).toEqual(y2019);
  });

  it('joins years as npm run check does: Hongze 2024 with 上年结转 printed 3, listed before 2023, gets 上年结转 3→0 named by 2023', async () => {
    const { y2023, y2024, cli } = await hongzeYears();
    const balance = (s: SweptSource) => s.reports[0]!.findings.filter((f) => f.rule === 't3.balance' && f.status === 'fail');
    // alone: three equally small corrections in each column, none named
    expect(balance(y2024).map((f) => [f.ambiguous, f.suspects])).toEqual([[true, []], [true, []]]);
    const joined = withCrossYear([y2024, y2023]);
    expect(JSON.parse(JSON.stringify(joined.map((s) => s.reports[0]!.findings)))).toEqual([cli.y2024, cli.y2023]);
    // Hongze 2023 carried 0 forward (MANIFEST): only 上年结转 3→0 agrees
    expect(balance(joined[0]!).map((f) => f.suspects.map((s) => `${s.row}:${s.col}:${s.printed}→${s.suggested}`))).toEqual([
      ['carriedOver:naturalPerson:3→0'],
      ['carriedOver:total:3→0'],
    ]);
    const row = summaryRow(joined[0]!);
    expect(row.first_error).toContain('上年报告的结转下年度继续办理为 0，只与其中一种一致');
    const c = countFindings(cli.y2024);
    expect([row.errors, row.warnings, row.needs_review, row.passed, row.not_checkable]).toEqual([c.errors, c.warnings, c.needsReview, c.passed, c.notCheckable]);
  }, 30_000);

  it('two reports of one year: the later year joins the first by where it was read, in any link order, as the sweep command', async () => {
    const { y2023, y2024, cf3, cliWithCf3 } = await hongzeYears();
    // cf3's address sorts first: 2024 joins it (上年结转 3 agrees with its 结转 3), the corrections stay undecided
    for (const order of [[y2023, cf3, y2024], [y2024, y2023, cf3], [cf3, y2024, y2023]]) {
      const joined = new Map(withCrossYear(order).map((s) => [s.source, JSON.parse(JSON.stringify(s.reports[0]!.findings)) as unknown]));
      expect(joined).toEqual(new Map([[cf3.source, cliWithCf3.cf3], [y2023.source, cliWithCf3.y2023], [y2024.source, cliWithCf3.y2024]]));
    }
    expect(cliWithCf3.y2024.filter((f) => f.rule === 't3.balance' && f.status === 'fail').map((f) => f.suspects)).toEqual([[], []]);
  }, 30_000);
});

describe('HostThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it(`per host at most ${SWEEP_CONCURRENCY} at once, starts ${SWEEP_DELAY_MS} ms apart; another host is not held up`, async () => {
    const throttle = new HostThrottle();
    const starts: { host: string; at: number }[] = [];
    let running = 0;
    let most = 0;
    const task = (host: string) => () => {
      starts.push({ host, at: Date.now() });
      most = Math.max(most, ++running);
      return new Promise<void>((r) => setTimeout(() => (running--, r()), 2000));
    };
    const t0 = Date.now();
    const all = Promise.all([
      ...Array.from({ length: 5 }, () => throttle.run('http://a.gov.cn/x', task('a'))),
      throttle.run('http://b.gov.cn/y', task('b')),
    ]);
    await vi.runAllTimersAsync();
    await all;
    const a = starts.filter((s) => s.host === 'a').map((s) => s.at - t0);
    expect(a.length).toBe(5);
    for (let i = 1; i < a.length; i++) expect(a[i]! - a[i - 1]!).toBeGreaterThanOrEqual(SWEEP_DELAY_MS);
    // two of a's and b's one run together, never three of a's
    expect(most).toBe(SWEEP_CONCURRENCY + 1);
    expect(starts.find((s) => s.host === 'b')!.at - t0).toBe(0);
  });
});
