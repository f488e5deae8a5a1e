// The fuzzer's quick run (`npm run fuzz` is the large one): malformed variants of the real corpus pages, report
// tables and texts go through the reader, the rules and the outputs without an exception; and the fuzzer's own
// parts do what the large run relies on — edits change the page as named, a failure reduces to a small page.
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { readDocument } from '../core/read/dom';
import { describe, expect, it } from 'vitest';
import { buildInput, caseArbitrary, caseName, reducePage } from '../bench/fuzz/cases';
import { applyEdit, MAX_REPEATED_BYTES, repeatBody } from '../bench/fuzz/mutate';
import { readAndCheck } from '../bench/fuzz/pipeline';
import { loadSources, outerTables } from '../bench/fuzz/sources';
import type { PdfEdit } from '../bench/fuzz/pdf';
import type { PdfPage } from '../core/read/pdf';

const sources = await loadSources();

describe('fuzz (quick run)', () => {
  it('200 malformed pages, tables, texts and PDF text layers: no exception, every contract valid', () => {
    let withReports = 0;
    fc.assert(
      fc.property(caseArbitrary(sources, { largeWeight: 0 }), (c) => {
        if (readAndCheck(buildInput(c), caseName(c)).reports > 0) withReports++;
      }),
      { seed: 42, numRuns: 200 },
    );
    // Most variants still hold a report: the edits break pages, they do not replace them.
    expect(withReports).toBeGreaterThan(100);
  });

  it('reads the unbroken sources: every real page and text has a report', () => {
    for (const s of [...sources.pages, ...sources.texts]) expect(readAndCheck({ kind: s.kind, text: s.text }, s.name).reports, s.name).toBeGreaterThan(0);
    for (const p of sources.pdfs) expect(readAndCheck(buildInput({ pdf: p, edits: [] }), p.name).reports, p.name).toBeGreaterThan(0);
  });
});

describe('what fuzzing found', () => {
  it('a page of only text, a comment or nothing is read as a page without tables, not as an exception', () => {
    // linkedom makes no root element for these, and its body and title getters threw inside the reader.
    for (const html of ['', '<!-- 三、收到和处理政府信息公开申请情况 -->', '平潭综合实验区 三、收到和处理政府信息公开申请情况 自然人 10']) {
      const notes = readDocument(parseHTML(html).document as unknown as Document).flatMap((r) => r.report.readNotes.map((n) => n.code));
      expect(notes, JSON.stringify(html)).not.toContain('pageUnreadable');
      expect(notes).toContain('tableNotFound');
    }
  });

  it('a 表二 row label with no cell after it is a count mismatch, not an exception', () => {
    // the fuzzer's reduction of a truncated page (29 characters); the reader threw in makeCell
    const notes = readDocument(parseHTML('<table><tr><td>信息内容处理决定数量行政处罚').document as unknown as Document)[0]!.report.readNotes;
    expect(notes.map((n) => n.code)).not.toContain('pageUnreadable');
    expect(notes.find((n) => n.code === 'cellCountMismatch')?.params).toMatchObject({ row: 'penalty', count: 0, cols: 1 });
  });

  it('thousands of nested tables: the CLI caps the depth, the reader reads the page (its tree walks ran out of stack)', () => {
    const base = sources.tables.find((t) => t.name === 'baseline-2021.html')!.text;
    const at = base.indexOf('自然人', base.indexOf('申请人情况'));
    const deep = base.slice(0, at) + '<table><tr><td>'.repeat(3000) + '</td></tr></table>'.repeat(3000) + base.slice(at);
    const out = readAndCheck({ kind: 'html', text: deep });
    expect(out.reports).toBe(1);
  });
});

describe('the fuzzer', () => {
  const page = '<html><body><table><tr><td rowspan="2">自然人</td><td>12</td></tr><tr><td>34</td></tr></table></body></html>';

  it('finds the report tables of the real pages, nested tables counted', () => {
    expect(sources.pages.map((p) => p.name)).toContain('2023-shuyang-fagaiju.html');
    expect(sources.tables.filter((t) => t.name.startsWith('2023-shuyang-fagaiju.html#table')).length).toBeGreaterThanOrEqual(3);
    expect(outerTables('<table><tr><td><table></table></td></tr></table><p></p><table></table>')).toEqual([
      [0, 48],
      [55, 70],
    ]);
  });

  it('edits the page as named', () => {
    expect(applyEdit(page, { op: 'span', at: 0, attr: 'rowspan', value: '65535' })).toContain('<td rowspan="65535">自然人');
    expect(applyEdit(page, { op: 'span', at: 999_999, attr: 'colspan', value: '-1' })).toContain('<td colspan="-1">34');
    expect(applyEdit(page, { op: 'digits', at: 500_000, value: '１２' })).toContain('<td>１２</td></tr>'); // the second of 2, 12, 34
    expect(applyEdit(page, { op: 'truncate', at: 500_000 })).toHaveLength(Math.floor(page.length / 2));
    expect(applyEdit(page, { op: 'unclose', at: 0 })).not.toContain('自然人</td>');
    expect(applyEdit(page, { op: 'deleteTag', at: 0 })).not.toContain('<html>');
    expect(applyEdit(page, { op: 'nest', at: 0, depth: 3, copy: false })).toMatch(/^[^]*<td rowspan="2">(<table><tr><td>){3}<table>/);
    expect(applyEdit('a\nb\nc', { op: 'deleteLine', at: 500_000 })).toBe('a\nc');
    const big = repeatBody(page, 1e6);
    expect(big.length).toBeLessThanOrEqual(MAX_REPEATED_BYTES);
    expect(big.endsWith('</body></html>')).toBe(true);
  });

  it('edits a PDF text layer as named, and hands the reader what pageItems makes of it', () => {
    const hongze = sources.pdfs.find((p) => p.name === '2023-huaian-hongzequ.pdf')!;
    const items = hongze.pages.flatMap((p) => p.items);
    const first = items[0]!;
    const pagesOf = (edits: PdfEdit[]): PdfPage[] => {
      const input = buildInput({ pdf: hongze, edits });
      if (input.kind !== 'pdf') throw new Error('not a PDF input');
      return input.pages;
    };
    const [nan] = pagesOf([{ op: 'number', at: 0, field: 4, value: NaN }]);
    expect(nan!.items[0]!.x).toBeNaN();
    expect(nan!.items[0]!.str).toBe(first.str);
    const split = pagesOf([{ op: 'split', at: 0 }]);
    expect(split[0]!.items.slice(0, 2).map((i) => i.str).join('')).toBe(first.str);
    const dropped = pagesOf([{ op: 'drop', at: 0, count: 5 }]);
    expect(dropped[0]!.items).toHaveLength(hongze.pages[0]!.items.length - 5);
    // a marked-content marker has no string: pageItems passes over it
    const odd = pagesOf([{ op: 'odd', at: 0, kind: 0 }]);
    expect(odd[0]!.items).toHaveLength(hongze.pages[0]!.items.length);
  });

  it('reduces a failing page to the few tokens the failure needs', () => {
    // A stand-in for a reader bug: fails when a cell spans 65535 rows and a number is printed with full-width digits.
    const broken = applyEdit(applyEdit(sources.pages[0]!.text, { op: 'span', at: 300_000, attr: 'rowspan', value: '65535' }), {
      op: 'digits',
      at: 600_000,
      value: '１２',
    });
    const fails = (p: string): boolean => p.includes('rowspan="65535"') && p.includes('１２');
    expect(fails(broken)).toBe(true);
    const small = reducePage('html', broken, fails);
    expect(fails(small)).toBe(true);
    expect(small.length).toBeLessThan(40);
  });
});
