import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Contract, type Cell } from '../../core/model/schema';
import { canonicalJson, toContract } from '../../core/export/json';
import { CSV_COLUMNS, toCsv, toCsvBySource } from '../../core/export/csv';
import { tableTsv } from '../../core/export/tsv';
import { auditHtml, auditMarkdown, buildAuditRecord, cellsDigestInput, escapeMarkdown } from '../../core/export/audit';
import { arithmetic, byImportance, cellName, hasFailingError, suspectLines } from '../../core/export/labels';
import { sha256Hex } from '../../core/export/sha256';
import { huixianReport, reviewSumFinding } from './huixian';

describe('toContract', () => {
  it('produces exactly the public contract and validates against the schema', () => {
    const report = huixianReport();
    const c = toContract('samples/huixian-2023.txt', [{ report, findings: [reviewSumFinding(7)] }]);
    expect(Contract.safeParse(c).success).toBe(true);
    expect(Object.keys(c)).toEqual(['version', 'source', 'reports']);
    expect(Object.keys(c.reports[0]!)).toEqual(['format', 'year', 'agency', 'cells', 'findings', 'notCheckable']);
    expect(Object.keys(c.reports[0]!.cells[0]!)).toEqual(['table', 'row', 'col', 'raw', 'value', 'kind']);
    const fee = c.reports[0]!.cells.find((x) => x.row === 'adminFees');
    expect(fee).toEqual({ table: 't2', row: 'adminFees', col: 'feeAmountWan', raw: '20587.3303', value: 20587.3303, kind: 'number' });
  });

  it('a report read from somewhere else than the contract\'s source (a page\'s PDF attachment) names its own source', () => {
    const report = huixianReport();
    const c = toContract('http://www.example.gov.cn/nb.html', [
      { report, findings: [] },
      { report, findings: [], source: 'http://www.example.gov.cn/nb.html' },
      { report, findings: [], source: 'http://www.example.gov.cn/files/nb.pdf' },
    ]);
    expect(Contract.safeParse(c).success).toBe(true);
    expect(c.reports.map((r) => r.source)).toEqual([undefined, undefined, 'http://www.example.gov.cn/files/nb.pdf']);
    expect(Object.keys(c.reports[2]!)).toEqual(['source', 'format', 'year', 'agency', 'cells', 'findings', 'notCheckable']);
  });

  it('canonical JSON sorts keys and is insensitive to key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe('toCsv', () => {
  const report = huixianReport();

  it('starts with a UTF-8 BOM by default and not with bom: false', () => {
    expect(toCsv('x', [report]).startsWith('\uFEFFsource,agency,year,format,table,row,row_label,col,col_label,value,raw\r\n')).toBe(true);
    expect(toCsv('x', [report], { bom: false }).startsWith('source,')).toBe(true);
  });

  it('by source: one header, each group\'s rows naming its source; one group is exactly toCsv', () => {
    const one = toCsvBySource([{ source: 'a.html', reports: [report] }]);
    expect(one).toBe(toCsv('a.html', [report]));
    const two = toCsvBySource([
      { source: 'a.html', reports: [] },
      { source: 'b.pdf', reports: [report] },
      { source: 'c.pdf', reports: [report] },
    ]);
    const rows = Papa.parse<Record<string, string>>(two.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(2 * report.cells.length);
    expect(rows[0]!.source).toBe('b.pdf');
    expect(rows[report.cells.length]!.source).toBe('c.pdf');
    expect(two.split('\r\n').filter((l) => l.includes('source,agency'))).toHaveLength(1);
  });

  it('parses back to the cells, with labels from the template', () => {
    const parsed = Papa.parse<Record<string, string>>(toCsv('samples/huixian-2023.txt', [report], { bom: false }), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(report.cells.length);
    parsed.data.forEach((row, i) => {
      const c = report.cells[i]!;
      expect([row.table, row.row, row.col, row.raw]).toEqual([c.table, c.row, c.col, c.raw]);
      expect(row.value === '' ? null : Number(row.value)).toBe(c.value);
      expect([row.source, row.agency, row.year, row.format]).toEqual(['samples/huixian-2023.txt', '辉县市人民政府', '2023', '2021']);
    });
    const granted = parsed.data.find((r) => r.row === 'granted' && r.col === 'naturalPerson')!;
    expect([granted.row_label, granted.col_label, granted.value]).toEqual(['（一）予以公开', '自然人', '83']);
    const review = parsed.data.find((r) => r.col === 'review.total')!;
    expect([review.col_label, review.value]).toEqual(['行政复议·总计', '6']);
  });

  it('keeps blanks empty and neutralises formulas in page text, but not signed numbers', () => {
    const r = huixianReport();
    r.cells = [
      { ...r.cells[0]!, raw: '', value: null, kind: 'blank' },
      { ...r.cells[1]!, raw: '=HYPERLINK("http://x","y")', value: null, kind: 'text' },
      { ...r.cells[2]!, raw: '-185', value: -185, kind: 'number' },
    ];
    const rows = Papa.parse<string[]>(toCsv('x', [r], { bom: false }), { skipEmptyLines: true }).data.slice(1);
    expect(rows.map((x) => [x[9], x[10]])).toEqual([
      ['', ''],
      ['', `'=HYPERLINK("http://x","y")`],
      ['-185', '-185'],
    ]);
  });
});

describe('tableTsv', () => {
  const report = huixianReport();

  it('writes table 四 as one labelled row of 15 values', () => {
    const lines = tableTsv(report, 't4').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.split('\t').slice(1, 6)).toEqual([
      '行政复议·结果维持',
      '行政复议·结果纠正',
      '行政复议·其他结果',
      '行政复议·尚未审结',
      '行政复议·总计',
    ]);
    expect(lines[1]!.split('\t').slice(1)).toEqual(['1', '4', '1', '0', '6', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
  });

  it('writes table 三 rows in template order with the row labels', () => {
    const lines = tableTsv(report, 't3')
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(lines[0]).toEqual(['', '自然人', '其他', '总计']);
    expect(lines.slice(1).map((l) => l[0])).toEqual([
      '一、本年新收政府信息公开申请数量',
      '（一）予以公开',
      '1.本机关不掌握相关政府信息',
      '（七）总计',
    ]);
    expect(lines[2]).toEqual(['（一）予以公开', '83', '5', '88']);
    expect(lines[3]).toEqual(['1.本机关不掌握相关政府信息', '', '', '26']);
  });

  it('writes a group printed as one row where its sub-rows would stand, named by its heading', () => {
    const at = (row: string, raw: string): Cell => ({ table: 't3', row, col: 'total', raw, value: Number(raw), kind: 'number', source: { type: 'text', line: 1, column: 1 } });
    const r = { ...report, cells: [...report.cells.filter((c) => c.table !== 't3' || c.row !== 'totalProcessed'), at('grp.other', '2'), at('totalProcessed', '121')] };
    const rows = tableTsv(r, 't3')
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t')[0]);
    expect(rows.slice(-2)).toEqual(['（六）其他处理', '（七）总计']);
  });

  it('writes table 二 as its sub-tables, each with caption and columns', () => {
    const text = tableTsv(report, 't2');
    expect(text).toContain('第二十条第（八）项\n\t本年收费金额（单位：万元）\n行政事业性收费\t20587.3303\n');
    expect(text).toContain('行政规范性文件\t5\t\t70\n');
  });
});

describe('cell names', () => {
  it('names cells by their printed labels in Chinese and in English words, for both formats', () => {
    expect(cellName({ table: 't3', row: 'granted', col: 'naturalPerson' }, '2021', 'zh')).toBe('表三「（一）予以公开 × 自然人」');
    expect(cellName({ table: 't3', row: 'granted', col: 'naturalPerson' }, '2021', 'en')).toBe('Table 3 "(1) granted × natural persons"');
    expect(cellName({ table: 't3', row: 'other', col: 'total' }, '2019', 'en')).toBe('Table 3 "(6) other handling × total"');
    expect(cellName({ table: 't2', row: 'normativeDocs', col: 'publishedTotal' }, '2019', 'en')).toBe('Table 2 "normative documents × published in total"');
    expect(cellName({ table: 't2', row: 'adminFees', col: 'feeAmountWan' }, '2021', 'en')).toBe('Table 2 "administrative fees × fees this year (10k yuan)"');
  });

  it('suspect lines name the cell in words', () => {
    expect(suspectLines(reviewSumFinding(7), '2021', 'en')).toEqual(['Table 4 "administrative review: total": printed 7, should be 6, likely mistype']);
    expect(suspectLines(reviewSumFinding(7), '2021', 'zh')).toEqual(['表四「行政复议·总计」：印 7，应为 6，疑为打错一位']);
  });
});

describe('arithmetic and ordering', () => {
  it('shows the printed numbers of both sides and the difference', () => {
    const report = huixianReport();
    expect(arithmetic(reviewSumFinding(7), report, 'zh')).toBe('1 + 4 + 1 + 0 = 6 ≠ 7（差 -1）');
    expect(arithmetic(reviewSumFinding(6), report, 'en')).toBe('1 + 4 + 1 + 0 = 6 = 6');
  });

  it('puts failing errors first and detects them for the exit code', () => {
    const pass = reviewSumFinding(6);
    const warn = { ...reviewSumFinding(7), severity: 'warning' as const, rule: 'x.warn' };
    const fail = reviewSumFinding(7);
    expect([pass, warn, fail].sort(byImportance).map((f) => f.rule)).toEqual(['t4.reviewSum', 'x.warn', 't4.reviewSum']);
    expect([pass, warn, fail].sort(byImportance)[0]!.status).toBe('fail');
    expect(hasFailingError([pass, warn])).toBe(false);
    expect(hasFailingError([pass, fail])).toBe(true);
  });
});

describe('audit record', () => {
  const hostile = {
    url: 'https://www.example.gov.cn/a?b=1&c=<x>',
    title: '<script>alert(1)</script>**标题** [link](javascript:alert(1))',
    checkedAt: new Date('2026-01-02T03:04:05Z'),
  };

  it('hashes the canonical JSON of the cells with SHA-256, independent of cell order', async () => {
    const report = huixianReport();
    const rec = await buildAuditRecord({ ...hostile, report, findings: [reviewSumFinding(7)] });
    const expected = createHash('sha256').update(cellsDigestInput(report), 'utf8').digest('hex');
    expect(rec.sha256).toBe(expected);
    expect(cellsDigestInput(report)).toContain(
      '{"col":"feeAmountWan","kind":"number","raw":"20587.3303","row":"adminFees","table":"t2","value":20587.3303}',
    );
    const reversed = { ...report, cells: [...report.cells].reverse() };
    expect((await buildAuditRecord({ ...hostile, report: reversed, findings: [] })).sha256).toBe(expected);
    const changed = huixianReport();
    changed.cells[0] = { ...changed.cells[0]!, raw: '1', value: 1 };
    expect((await buildAuditRecord({ ...hostile, report: changed, findings: [] })).sha256).not.toBe(expected);
  });

  it('falls back to its own SHA-256 where Web Crypto is missing (content script on an http:// page)', async () => {
    const inputs = ['', 'abc', cellsDigestInput(huixianReport()), 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), '表三'.repeat(1000)];
    for (const s of inputs) {
      const expected = createHash('sha256').update(s, 'utf8').digest('hex');
      expect(await sha256Hex(s, { webCrypto: false })).toBe(expected);
      expect(await sha256Hex(s)).toBe(expected);
    }
    // FIPS 180-2 example
    expect(await sha256Hex('abc', { webCrypto: false })).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('renders HTML with all page text escaped and the finding with its arithmetic', async () => {
    const rec = await buildAuditRecord({
      ...hostile,
      report: { ...huixianReport(), agency: '辉县<img src=x onerror=alert(1)>' },
      findings: [reviewSumFinding(7)],
    });
    const html = auditHtml(rec, 'zh');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('href="https://www.example.gov.cn/a?b=1&amp;c=&lt;x&gt;"');
    expect(html).toContain('2026-01-02T03:04:05.000Z');
    expect(html).toContain(rec.sha256);
    expect(html).toContain('1 + 4 + 1 + 0 = 6 ≠ 7（差 -1）');
    expect(html).toContain('表四「行政复议·总计」：印 7，应为 6');
  });

  it('renders Markdown with page text escaped', async () => {
    const rec = await buildAuditRecord({ ...hostile, report: huixianReport(), findings: [reviewSumFinding(7), reviewSumFinding(6)] });
    const md = auditMarkdown(rec, 'en');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>\\*\\*标题\\*\\* \\[link\\](javascript:alert(1))');
    expect(md).toContain('<https://www.example.gov.cn/a?b=1&c=%3Cx%3E>');
    expect(md).toContain('### error · fail · `t4.reviewSum`');
    expect(md).toContain('## Checks passed (1)');
    expect(escapeMarkdown('# 1. a\nb')).toBe('\\# 1. a b');
  });
});
