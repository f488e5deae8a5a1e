// The same report published as a page and as crawler text: every value the text reader dares to read
// must equal the page's value for the same cell (corpus README: "the values read from each must agree").
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cellKey } from '../../core/model/ids';
import { readDocument } from '../../core/read/dom';
import { readText } from '../../core/read/text';

const corpus = (f: string) => readFileSync(new URL(`../fixtures/corpus/real/${f}`, import.meta.url), 'utf8');

describe.each(['2023-pingtan-guanweihui', '2025-pingtan-guanweihui'])('%s: HTML and crawler text agree', (name) => {
  const page = readDocument(parseHTML(corpus(`${name}.html`)).document as unknown as Document)[0]!.report;
  const text = readText(corpus(`${name}.txt`))[0]!;
  const pageValues = new Map(page.cells.map((c) => [cellKey(c), c.value]));

  it('reads the same report', () => {
    expect([text.agency, text.year, text.format]).toEqual([page.agency, page.year, page.format]);
  });

  it('every cell read from the text has the page value', () => {
    const mismatches = text.cells.filter((c) => pageValues.get(cellKey(c)) !== c.value).map((c) => `${cellKey(c)}=${c.value}`);
    expect(mismatches).toEqual([]);
  });

  it('the text yields all of tables 三 and 四', () => {
    const keys = new Set(text.cells.map(cellKey));
    const missing = page.cells.filter((c) => c.table !== 't2' && !keys.has(cellKey(c))).map(cellKey);
    expect(missing).toEqual([]);
  });
});
