// The reader's messy table shapes (tests/fixtures/html: broken and overlapping spans, phantom cells, split and
// nested tables, a remarks column, a transposed table 四, …) in the browser: every mark the overlay draws sits on
// the printed cell that core read for that id. The cells under a mark are found by the browser's hit testing, not
// by the extension; their text is compared with core's reading of the same file (linkedom, as the CLI reads it).
// These pages' numbers are shape fixtures, not consistent reports, so most of table 三 is marked.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { readDocument } from '../../core/read/dom';
import { fixture, GOV, useSession } from './harness';

const PAGES = [
  'broken-spans.html',
  'merged-cells.html',
  'phantom-cells.html',
  'split-table.html',
  'nested-layout.html',
  'remarks-column.html',
  'repeated-group-row.html',
  'transposed-t4.html',
  'typo-labels.html',
  'format-2019.html',
];

const s = useSession();

const squash = (t: string): string => t.replace(/[\s\u00a0\u3000]+/g, '');

interface MarkHit {
  cell: string;
  /** text of the table cell under the mark's centre, or null when no cell is there */
  text: string | null;
}

describe('messy table shapes', () => {
  for (const name of PAGES) {
    it(`${name}: every mark sits on the cell core read for its id`, async () => {
      const { document } = parseHTML(fixture(`html/${name}`));
      const [rr] = readDocument(document as unknown as Document, { url: `${GOV}/html/${name}` });
      const raw = new Map(rr!.report.cells.map((c) => [`${c.table}:${c.row}:${c.col}`, squash(c.raw)]));

      const page = await s.context.newPage();
      await page.goto(`${GOV}/html/${name}`, { waitUntil: 'load' });
      await page.waitForFunction(
        () => (document.querySelector('gidar-overlay')?.shadowRoot?.querySelectorAll('.mark[data-cell]').length ?? 0) > 0,
        undefined,
        { polling: 100 },
      );
      // The whole page in one viewport, so that every mark can be hit-tested where it is (the overlay realigns).
      const size = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight,
      }));
      await page.setViewportSize({ width: Math.max(1280, size.width), height: Math.min(size.height + 50, 16_000) });
      const hits: MarkHit[] = await page.evaluate(async () => {
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 100))));
        const root = document.querySelector('gidar-overlay')!.shadowRoot!;
        const out: { cell: string; text: string | null }[] = [];
        for (const mark of root.querySelectorAll<HTMLElement>('.mark[data-cell]')) {
          const r = mark.getBoundingClientRect();
          const under = document
            .elementsFromPoint(r.x + r.width / 2, r.y + r.height / 2)
            .find((e) => e.tagName === 'TD' || e.tagName === 'TH');
          out.push({ cell: mark.dataset.cell!, text: under ? (under.textContent ?? '') : null });
        }
        return out;
      });
      await page.close();

      expect(hits.length).toBeGreaterThan(5);
      const wrong = hits.filter((h) => h.text === null || !raw.has(h.cell) || squash(h.text) !== raw.get(h.cell));
      expect(wrong, JSON.stringify(wrong.slice(0, 5).map((w) => ({ ...w, core: raw.get(w.cell) })))).toEqual([]);
    });
  }
});
