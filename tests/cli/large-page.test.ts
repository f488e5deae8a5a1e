// Saved pages with long tables (a 规范性文件 list, a data appendix) beside the report: the long tables' rows are
// cut before parsing, so the page is read like the report alone; a page too large even then is refused in one line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countTags, cutLongTables, MAX_TAGS } from '../../cli/shrink';
import { MAX_REPORT_TABLE_ROWS } from '../../core/read/dom-scan';
import { CORPUS, run } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'gidar-large-'));
const PAGE = join(CORPUS, '2025-pingtan-guanweihui.html');
const page = readFileSync(PAGE, 'utf8');

const rows = (n: number, cells = 3) => Array.from({ length: n }, (_, i) => `<tr>${`<td>第${i}号文件</td>`.repeat(cells)}</tr>`).join('\n');
const withAppendix = (extra: string) => page.replace(/<\/body>/i, `${extra}</body>`);

describe('cutLongTables', () => {
  it('empties a table with more rows than a report table can have, and only that one', () => {
    const long = `<table id="list"><tbody>${rows(MAX_REPORT_TABLE_ROWS + 1)}</tbody></table>`;
    const short = `<table id="keep">${rows(MAX_REPORT_TABLE_ROWS)}</table>`;
    const { html, cut } = cutLongTables(`<p>前</p>${long}<p>中</p>${short}<p>后</p>`);
    expect(cut).toBe(1);
    expect(html).toBe(`<p>前</p><table id="list"></table><p>中</p>${short}<p>后</p>`);
  });

  it('counts cells too: 3,000 rows are few, 3,000 rows of 3 cells are more than 8,000 cells', () => {
    expect(cutLongTables(`<table>${rows(300, 30)}</table>`).cut).toBe(1);
    expect(cutLongTables(`<table>${rows(300, 20)}</table>`).cut).toBe(0);
  });

  it('never cuts a table that holds another table (a layout table around the report), but cuts a long one inside', () => {
    const inner = `<table id="in">${rows(500)}</table>`;
    const layout = `<table id="layout">${rows(500)}<tr><td>${inner}</td></tr></table>`;
    const { html, cut } = cutLongTables(layout);
    expect(cut).toBe(1);
    expect(html).toContain('<table id="in"></table>');
    expect(html.startsWith(`<table id="layout">${rows(500)}`)).toBe(true);
  });

  it('ignores markup inside comments, scripts and textareas', () => {
    const fake = `<!-- <table>${rows(500)}</table> --><script>s = "<table>${rows(500)}</table>";</script>`;
    expect(cutLongTables(fake)).toEqual({ html: fake, cut: 0 });
  });

  it('leaves an unclosed long table alone', () => {
    const open = `<table>${rows(500)}`;
    expect(cutLongTables(open)).toEqual({ html: open, cut: 0 });
  });
});

describe('the CLI on a page with a long appendix', () => {
  it('reads the report exactly as without the appendix: 240,000 list rows (16 MB)', async () => {
    const big = join(tmp, 'appendix.html');
    const html = withAppendix(`<h2>附件：规范性文件目录</h2><table>${rows(240_000)}</table>`);
    expect(html.length).toBeGreaterThan(15_000_000);
    writeFileSync(big, html);
    const [plain, withList] = await Promise.all([run(['--json', PAGE]), run(['--json', big])]);
    expect(withList.stderr).toBe('');
    expect(withList.code).toBe(plain.code);
    const cells = (s: string) => (JSON.parse(s) as { reports: { cells: unknown[] }[] }).reports[0]!.cells;
    expect(cells(withList.stdout)).toEqual(cells(plain.stdout));
    expect(cells(plain.stdout).length).toBe(200);
  }, 60_000);

  it('refuses in one line a page with more elements than it can parse outside long tables', async () => {
    const items = '<li>x</li>'.repeat(MAX_TAGS + 1);
    expect(countTags(items)).toBe(MAX_TAGS + 1);
    const huge = join(tmp, 'huge.html');
    writeFileSync(huge, withAppendix(`<ul>${items}</ul>`));
    const r = await run(['--lang', 'en', huge]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/too large.*huge\.html$/)]);
  });
});
