import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildGrid, rowCells, type Grid } from '../../core/read/grid';

function tableOf(html: string): Element {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return document.querySelector('table') as unknown as Element;
}

/** Text of every slot, row by row ('.' for an empty slot). */
function texts(g: Grid): string[][] {
  return g.slots.map((row) => row.map((s) => (s ? s.text : '.')));
}

describe('buildGrid', () => {
  it('expands rowspan and colspan; every slot knows its origin', () => {
    const g = buildGrid(
      tableOf(`<table>
        <tr><td rowspan="2" colspan="2">A</td><td>B</td></tr>
        <tr><td>C</td></tr>
        <tr><td>D</td><td colspan="2">E</td></tr>
      </table>`),
    );
    expect(g.rowCount).toBe(3);
    expect(g.colCount).toBe(3);
    expect(texts(g)).toEqual([
      ['A', 'A', 'B'],
      ['A', 'A', 'C'],
      ['D', 'E', 'E'],
    ]);
    const a11 = g.slots[1]![1]!;
    expect(a11.isOrigin).toBe(false);
    expect([a11.originRow, a11.originCol]).toEqual([0, 0]);
    expect(g.slots[0]![0]!.isOrigin).toBe(true);
    expect(g.slots[2]![2]!.originCol).toBe(1);
    expect(g.slots[2]![2]!.el.tagName.toUpperCase()).toBe('TD');
    expect(rowCells(g, 2).map((s) => s.text)).toEqual(['D', 'E']);
  });

  it('keeps a spaced text and a joined label for text split over <p> and <br>', () => {
    const g = buildGrid(tableOf('<table><tr><td><p>商业</p><p>企业</p></td><td>结果<br/>维持</td><td>社会公益&nbsp; &nbsp;组织</td></tr></table>'));
    expect(g.cells.map((c) => c.text)).toEqual(['商业 企业', '结果 维持', '社会公益 组织']);
    expect(g.cells.map((c) => c.label)).toEqual(['商业企业', '结果维持', '社会公益组织']);
  });

  it('clips a rowspan that runs past the end of the table', () => {
    const g = buildGrid(tableOf('<table><tr><td rowspan="40">A</td><td>B</td></tr><tr><td>C</td></tr></table>'));
    expect(g.rowCount).toBe(2);
    expect(g.cells[0]!.rowSpan).toBe(2);
    expect(texts(g)).toEqual([
      ['A', 'B'],
      ['A', 'C'],
    ]);
  });

  it('treats colspan=0 and garbage spans as 1', () => {
    const g = buildGrid(tableOf('<table><tr><td colspan="0">A</td><td colspan="x">B</td><td rowspan="-3">C</td></tr></table>'));
    expect(texts(g)).toEqual([['A', 'B', 'C']]);
  });

  it('rowspan=0 spans to the end of its row group only', () => {
    const g = buildGrid(
      tableOf('<table><tbody><tr><td rowspan="0">A</td><td>B</td></tr><tr><td>C</td></tr></tbody><tbody><tr><td>D</td><td>E</td></tr></tbody></table>'),
    );
    expect(texts(g)).toEqual([
      ['A', 'B'],
      ['A', 'C'],
      ['D', 'E'],
    ]);
  });

  it('shifts a colliding cell right instead of overwriting a span from above', () => {
    // B (rowspan 2) holds column 1 of row 1; C (colspan 2) cannot start at column 0 without covering it
    const g = buildGrid(tableOf('<table><tr><td>A</td><td rowspan="2">B</td></tr><tr><td colspan="2">C</td><td>D</td></tr></table>'));
    expect(texts(g)).toEqual([
      ['A', 'B', '.', '.', '.'],
      ['.', 'B', 'C', 'C', 'D'],
    ]);
    expect(g.slots[1]![1]!.text).toBe('B');
  });

  it('pads short rows with empty slots', () => {
    const g = buildGrid(tableOf('<table><tr><td>A</td><td>B</td><td>C</td></tr><tr><td>D</td></tr></table>'));
    expect(texts(g)).toEqual([
      ['A', 'B', 'C'],
      ['D', '.', '.'],
    ]);
  });

  it('reads <th> cells and marks them as header cells', () => {
    const g = buildGrid(tableOf('<table><thead><tr><th>自然人</th><th>总计</th></tr></thead><tr><td>1</td><td>2</td></tr></table>'));
    expect(texts(g)).toEqual([
      ['自然人', '总计'],
      ['1', '2'],
    ]);
    expect(g.cells[0]!.isHeader).toBe(true);
    expect(g.cells[2]!.isHeader).toBe(false);
  });

  it('puts thead first and tfoot last, as a browser renders them', () => {
    const g = buildGrid(
      tableOf('<table><tfoot><tr><td>F</td></tr></tfoot><tbody><tr><td>B</td></tr></tbody><thead><tr><td>H</td></tr></thead></table>'),
    );
    expect(texts(g).map((r) => r[0])).toEqual(['H', 'B', 'F']);
  });

  it('does not let a nested table leak rows or text into the outer grid', () => {
    const g = buildGrid(
      tableOf(`<table>
        <tr><td>outer</td><td><p>before</p><table><tr><td>n1</td></tr><tr><td>n2</td></tr><tr><td>n3</td></tr></table></td></tr>
        <tr><td>x</td><td>y</td></tr>
      </table>`),
    );
    expect(g.rowCount).toBe(2);
    expect(g.colCount).toBe(2);
    expect(g.slots[0]![1]!.text).toBe('before');
    expect(g.slots[0]![1]!.cell.hasTable).toBe(true);
    expect(g.slots[0]![0]!.cell.hasTable).toBe(false);
  });

  it('an empty table has an empty grid', () => {
    const g = buildGrid(tableOf('<table></table>'));
    expect(g.rowCount).toBe(0);
    expect(g.colCount).toBe(0);
  });

  it('holds its invariants on random span soup (property)', () => {
    const cellArb = fc.record({
      rs: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 6 })),
      cs: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 5 })),
    });
    const tableArb = fc.array(fc.array(cellArb, { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(tableArb, (rows) => {
        let n = 0;
        const html =
          '<table>' +
          rows.map((r) => '<tr>' + r.map((c) => `<td rowspan="${c.rs}" colspan="${c.cs}">c${n++}</td>`).join('') + '</tr>').join('') +
          '</table>';
        const g = buildGrid(tableOf(html));
        expect(g.rowCount).toBe(rows.length);
        expect(g.cells.length).toBe(n);
        // each cell owns exactly its (clipped) rectangle, its origin slot is the top-left one
        const owned = new Map<string, number>();
        for (let r = 0; r < g.rowCount; r++)
          for (let c = 0; c < g.colCount; c++) {
            const s = g.slots[r]![c];
            if (!s) continue;
            expect(r >= s.cell.row && r < s.cell.row + s.cell.rowSpan).toBe(true);
            expect(c >= s.cell.col && c < s.cell.col + s.cell.colSpan).toBe(true);
            expect(s.isOrigin).toBe(r === s.cell.row && c === s.cell.col);
            owned.set(s.text, (owned.get(s.text) ?? 0) + 1);
          }
        for (const cell of g.cells) {
          expect(cell.row + cell.rowSpan).toBeLessThanOrEqual(g.rowCount);
          expect(owned.get(cell.text)).toBe(cell.rowSpan * cell.colSpan);
        }
        // within a row, cells keep document order left to right
        for (let r = 0; r < rows.length; r++) {
          const own = g.cells.filter((c) => c.row === r).map((c) => c.col);
          expect([...own].sort((a, b) => a - b)).toEqual(own);
        }
      }),
      { numRuns: 300 },
    );
  });
});
