// The page read ahead (scan with grids, as the extension's bootstrap does while the annotator loads) reads as the
// page read in one go: same report, same elements, on every real HTML page of the corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scanWithGrids } from '../../core/read/dom-ahead';
import { readDocument, readScanned } from '../../core/read/dom';

const DIR = new URL('../fixtures/corpus/real/', import.meta.url);
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html'));

describe('reading ahead (core/read/dom-ahead)', () => {
  it('has real pages to read', () => expect(pages.length).toBeGreaterThanOrEqual(4));

  for (const file of pages) {
    it(`${file}: the grids built with the scan read as those locating builds`, () => {
      const doc = parseHTML(readFileSync(new URL(file, DIR), 'utf8')).document as unknown as Document;
      const scan = scanWithGrids(doc);
      expect(scan.grids).toHaveLength(scan.tables.length);
      const ahead = readScanned(scan);
      const inOneGo = readDocument(doc);
      expect(ahead[0]!.report.cells.length).toBeGreaterThan(50);
      expect(ahead.map((r) => r.report)).toEqual(inOneGo.map((r) => r.report));
      // the marks are drawn on the same elements
      expect([...ahead[0]!.elements.entries()]).toEqual([...inOneGo[0]!.elements.entries()]);
    });
  }

  it('leaves an oversized table without a grid (a data appendix is not read)', () => {
    const rows = Array.from({ length: 500 }, (_, r) => `<tr><td>${r}</td></tr>`).join('');
    const doc = parseHTML(`<html><body><table>${rows}</table><table><tr><td>自然人</td></tr></table></body></html>`).document as unknown as Document;
    const scan = scanWithGrids(doc);
    expect(scan.tableOversized).toEqual([true, false]);
    expect(scan.grids![0]).toBeUndefined();
    expect(scan.grids![1]!.cells.map((c) => c.text)).toEqual(['自然人']);
  });
});
