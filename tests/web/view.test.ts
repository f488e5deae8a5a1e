// What the web page draws of a document (web/view.ts), on real pages and the reader's messy shapes, in linkedom:
// nothing of the page's markup survives but text and table structure, every cell core read is drawn where the overlay
// will mark it, and the drawing is faithful enough that core reads the very same cells back from it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../core/read/dom';
import { readText } from '../../core/read/text';
import { isReport } from '../../core/read/types';
import type { Cell } from '../../core/model/schema';
import { drawModel, mapElements, rebuild, reportPart } from '../../web/view';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = join(ROOT, 'tests/fixtures/corpus/real');
const SHAPES = join(ROOT, 'tests/fixtures/html');

const PAGES = [
  ...readdirSync(CORPUS).filter((f) => f.endsWith('.html')).map((f) => join(CORPUS, f)),
  ...readdirSync(SHAPES).filter((f) => f.endsWith('.html')).map((f) => join(SHAPES, f)),
];

const cellsOf = (cells: readonly Cell[]) => cells.map((c) => ({ id: `${c.table}:${c.row}:${c.col}`, raw: c.raw, value: c.value, kind: c.kind })).sort((a, b) => a.id.localeCompare(b.id));
const squash = (t: string | null | undefined): string => (t ?? '').replace(/[\s\u00a0\u3000]+/g, '');

/** The page read as the CLI reads it, and drawn as the web page draws it (into a fresh document). */
function drawPage(path: string) {
  const source = parseHTML(readFileSync(path, 'utf8')).document as unknown as Document;
  const rrs = readDocument(source).filter((rr) => isReport(rr.report));
  const target = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  const { root, drawn } = rebuild(reportPart(source, rrs), target, rrs);
  target.body.appendChild(root);
  return { source, rrs, target, root, drawn };
}

describe('a page rebuilt for the web page', () => {
  it('keeps no script, style, image, handler or attribute of the page (a real CMS page with inline scripts and onclick)', () => {
    const path = join(CORPUS, '2023-pingtan-guanweihui.html');
    expect(readFileSync(path, 'utf8')).toMatch(/<script[\s\S]*onclick=/);
    const { root } = drawPage(path);
    expect(root.querySelectorAll('script, style, link, img, iframe, object, embed, form, input, a').length).toBe(0);
    const attrs = [...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => `${e.tagName}.${a.name}`));
    expect(attrs.filter((a) => !/^(TD|TH)\.(colspan|rowspan)$/.test(a) && !/\.class$/.test(a))).toEqual([]);
    expect([...root.querySelectorAll('[class]')].map((e) => e.getAttribute('class'))).toEqual([]);
    // the report's part only: the site's navigation and footer stay out, its narrative comes along
    expect(root.textContent).toContain('一、总体情况');
    expect(root.textContent).not.toContain('ms-controller');
  });

  for (const path of PAGES) {
    const name = path.slice(ROOT.length + 1);
    it(`${name}: each cell core read is drawn as a cell with its text, and core reads the same cells back`, () => {
      const { rrs, target, drawn } = drawPage(path);
      for (const rr of rrs) {
        const mapped = mapElements(rr, drawn);
        expect([...mapped.elements.keys()].sort()).toEqual([...rr.elements.keys()].sort());
        for (const [key, el] of mapped.elements) {
          expect(el.ownerDocument).toBe(target);
          expect(squash(el.textContent), key).toBe(squash(rr.elements.get(key)!.textContent));
        }
        for (const [table, els] of Object.entries(mapped.tableElements)) expect(els.length, table).toBe(rr.tableElements[table as 't3']!.length);
      }
      const again = readDocument(target).filter((rr) => isReport(rr.report));
      expect(again.map((rr) => cellsOf(rr.report.cells))).toEqual(rrs.map((rr) => cellsOf(rr.report.cells)));
    });
  }

  it('a long table that is not one of the report’s (a document list) is left out, the report’s are kept', () => {
    const rows = Array.from({ length: 600 }, (_, i) => `<tr><td>文件 ${i}</td><td>2023-01-01</td></tr>`).join('');
    const page = readFileSync(join(CORPUS, '2023-pingtan-guanweihui.html'), 'utf8').replace('一、总体情况', `<table>${rows}</table>一、总体情况`);
    const source = parseHTML(page).document as unknown as Document;
    const rrs = readDocument(source);
    const target = parseHTML('<html><body></body></html>').document as unknown as Document;
    const { root } = rebuild(reportPart(source, rrs), target, rrs);
    expect(root.textContent).toContain('[长表格（600 行）未显示]');
    expect(root.querySelectorAll('table').length).toBe(Object.values(rrs[0]!.tableElements).flat().length);
  });
});

describe('a text report drawn from the model', () => {
  const texts = [join(ROOT, 'samples/huixian-2023.txt'), ...readdirSync(CORPUS).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(CORPUS, f))];
  for (const path of texts) {
    const name = path.slice(ROOT.length + 1);
    it(`${name}: every cell is a <td> holding its printed text, in tables core reads back as the same cells`, () => {
      const reports = readText(readFileSync(path, 'utf8'), { source: name }).filter(isReport);
      const target = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
      for (const report of reports) {
        const { root, rr } = drawModel(report, target);
        target.body.appendChild(root);
        expect(rr.elements.size).toBe(report.cells.length);
        for (const c of report.cells) {
          const td = rr.elements.get(`${c.table}:${c.row}:${c.col}`)!;
          expect(td.tagName).toBe('TD');
          expect(td.textContent).toBe(c.raw);
        }
        expect(Object.keys(rr.tableElements).sort()).toEqual([...report.tablesFound].sort());
      }
      // the drawing is the printed template: the page reader finds the same numbers in it (older-format reports have none)
      const mapped = reports.filter((r) => r.format === '2021' || r.format === '2019');
      if (!mapped.length) return;
      const again = readDocument(target).flatMap((rr) => rr.report.cells);
      const want = mapped.flatMap((r) => r.cells).filter((c) => c.kind === 'number');
      expect(cellsOf(again).filter((c) => c.kind === 'number')).toEqual(cellsOf(want));
    });
  }
});
