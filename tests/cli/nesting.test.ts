// Pathological nesting (found by npm run fuzz): thousands of elements inside each other in one cell make linkedom's
// parse grow with the square of the depth. The CLI caps the depth (MAX_DEPTH) before parsing; real pages, which
// nest a few dozen deep, pass unchanged.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { capNesting, cutLongTables, MAX_DEPTH } from '../../cli/shrink';
import { documentsIn } from '../documents';
import { run } from './helpers';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE = readFileSync(new URL('../fixtures/html/baseline-2021.html', import.meta.url), 'utf8');

/** `open` repeated `n` times right inside table 三's first 自然人 cell, and `close` as often after it. */
function nested(open: string, n: number, close = ''): string {
  const at = BASE.indexOf('自然人', BASE.indexOf('<td', BASE.indexOf('申请人情况')));
  return BASE.slice(0, at) + open.repeat(n) + close.repeat(n) + BASE.slice(at);
}

function depth(html: string): number {
  const { document } = parseHTML(html);
  let max = 0;
  const walk = (el: Element, d: number): void => {
    max = Math.max(max, d);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) walk(c, d + 1);
  };
  walk(document.documentElement as unknown as Element, 1);
  return max;
}

describe('capNesting', () => {
  it('leaves every real page and reader fixture as it is', () => {
    for (const f of documentsIn('corpus/real/', 'html/').filter((p) => p.endsWith('.html'))) {
      const html = readFileSync(f, 'utf8');
      expect(capNesting(html), f).toBe(html);
    }
  });

  it('leaves a long table with a <font> left open in every cell as it is: a cell closes what it left open', () => {
    const rows = Array.from({ length: 400 }, (_, r) => `<tr>${Array.from({ length: 6 }, (_, c) => `<td><font size="2">${r * c}`).join('')}`).join('');
    const html = `<html><body><div><table>${rows}</table></div></body></html>`;
    expect(capNesting(html)).toBe(html);
  });

  it(`cuts 5,000 nested tables, spans or divs to ${MAX_DEPTH} levels; the text stays`, () => {
    for (const [open, close] of [
      ['<table><tr><td>', '</td></tr></table>'],
      ['<span>', '</span>'],
      ['<div>', ''],
    ] as const) {
      const html = nested(open, 5000, close);
      const capped = capNesting(html);
      expect(capped.length).toBeLessThan(html.length);
      expect(depth(capped)).toBeLessThanOrEqual(MAX_DEPTH + 8);
      expect(parseHTML(capped).document.body.textContent).toBe(parseHTML(html).document.body.textContent);
    }
  });

  it('sees the tables behind a "<style>" that is no element (in an attribute), as linkedom does (found by fuzzing)', () => {
    const html = nested('<table><tr><td>', 2000).replace('<p>三、收到', '<p title="<b><style>">三、收到');
    expect(depth(capNesting(html))).toBeLessThanOrEqual(MAX_DEPTH + 8);
  });

  it('is part of the cut the CLI makes before parsing', () => {
    expect(cutLongTables(nested('<span>', 2000)).html).toBe(capNesting(nested('<span>', 2000)));
  });
});

describe('the CLI on pages nesting 20,000 deep in one cell', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gidar-deep-'));
  for (const [what, open, close] of [
    ['tables', '<table><tr><td>', '</td></tr></table>'],
    ['spans', '<span>', '</span>'],
  ] as const)
    it(`${what}: the report around them is read in full`, async () => {
      const file = join(dir, `${what}.html`);
      writeFileSync(file, nested(open, 20_000, close));
      const r = await run(['--json', file]);
      expect(r.stderr).toBe('');
      const cells = (JSON.parse(r.stdout) as { reports: { cells: { table: string; row: string; col: string; value: number }[] }[] }).reports[0]!.cells;
      // the baseline's table 三 (2021 format: 25 rows × 7 columns), every value as on the page
      const t3 = cells.filter((c) => c.table === 't3');
      expect(t3).toHaveLength(175);
      expect(t3.find((c) => c.row === 'granted' && c.col === 'naturalPerson')?.value).toBe(30);
    });
});
