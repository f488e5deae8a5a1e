// The page read ahead (a scan carrying its tables' grids, all or some, as the extension's bootstrap builds them while
// the annotator loads: extension/lib/prescan.ts) reads as the page read in one go: same report, same elements, on
// every real HTML page of the corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scanDocument, type Scan } from '../../core/read/dom-scan';
import { buildGrid } from '../../core/read/grid';
import { readDocument, readScanned } from '../../core/read/dom';

const DIR = new URL('../fixtures/corpus/real/', import.meta.url);
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html'));

/** The scan with the grids of its first `upTo` tables (oversized ones left out, as the bootstrap does). */
function scanWithGrids(doc: Document, upTo = Infinity): Scan {
  const scan = scanDocument(doc);
  scan.grids = [];
  scan.tables.forEach((t, i) => {
    if (i < upTo && !scan.tableOversized[i]) scan.grids![i] = buildGrid(t);
  });
  return scan;
}

describe('reading ahead (Scan.grids)', () => {
  it('has real pages to read', () => expect(pages.length).toBeGreaterThanOrEqual(4));

  for (const file of pages) {
    it(`${file}: the grids built with the scan read as those locating builds`, () => {
      const doc = parseHTML(readFileSync(new URL(file, DIR), 'utf8')).document as unknown as Document;
      const inOneGo = readDocument(doc);
      expect(inOneGo[0]!.report.cells.length).toBeGreaterThan(50);
      const tables = scanDocument(doc).tables.length;
      // every grid built ahead, half of them, none
      for (const upTo of [Infinity, Math.ceil(tables / 2), 0]) {
        const ahead = readScanned(scanWithGrids(doc, upTo));
        expect(ahead.map((r) => r.report)).toEqual(inOneGo.map((r) => r.report));
        // the marks are drawn on the same elements
        expect([...ahead[0]!.elements.entries()]).toEqual([...inOneGo[0]!.elements.entries()]);
      }
    });
  }

  it('leaves an oversized table without a grid (a data appendix is not read)', () => {
    const rows = Array.from({ length: 500 }, (_, r) => `<tr><td>${r}</td></tr>`).join('');
    const doc = parseHTML(`<html><body><table>${rows}</table><table><tr><td>自然人</td></tr></table></body></html>`).document as unknown as Document;
    const scan = scanWithGrids(doc);
    expect(scan.tableOversized).toEqual([true, false]);
    expect(0 in scan.grids!).toBe(false);
    expect(scan.grids![1]!.cells.map((c) => c.text)).toEqual(['自然人']);
  });
});
