// Logical grid of one <table> (spec §4.1 trap, §9 V8): rowspan/colspan expanded so that every slot
// knows its origin cell. Tolerates Word/WPS span mess: spans are clipped, colspan=0 counts as 1, and a
// cell that would collide with an earlier span shifts right instead of overwriting it.

/** One origin cell (a <td>/<th>) placed in the grid. */
export interface GridCell {
  el: Element;
  /** textContent with whitespace collapsed; block boundaries (<p>, <br>, <div>) become one space;
   *  text of a nested table is left out */
  text: string;
  /** the same text with every space removed, for label matching: <p>商业</p><p>企业</p> → 商业企业 */
  label: string;
  /** grid position of the top-left slot */
  row: number;
  col: number;
  /** spans after clipping to the table */
  rowSpan: number;
  colSpan: number;
  isHeader: boolean;
  /** the cell holds a nested <table> (a layout cell) */
  hasTable: boolean;
}

/** One logical slot of the grid. */
export interface GridSlot {
  cell: GridCell;
  el: Element;
  text: string;
  label: string;
  originRow: number;
  originCol: number;
  isOrigin: boolean;
}

export interface Grid {
  table: Element;
  /** <tr> of each grid row */
  rowEls: Element[];
  /** slots[r][c]; null where no cell covers the slot (short rows) */
  slots: (GridSlot | null)[][];
  rowCount: number;
  colCount: number;
  /** origin cells in document order */
  cells: GridCell[];
}

const MAX_SPAN = 1000;
const BLOCK_TAGS = new Set(['P', 'DIV', 'BR', 'LI', 'TR', 'TD', 'TH', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'DL', 'DT', 'DD']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
// NBSP, full-width space, zero-width characters, BOM, ordinary whitespace.
const SPACES = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g;

function tagOf(n: Node): string {
  return (n as Element).tagName ? (n as Element).tagName.toUpperCase() : '';
}

/**
 * Text of an element in one walk: text nodes joined, a space at every block boundary, scripts skipped.
 * Returns the collapsed display text.
 */
export function elementText(el: Node): string {
  return textAndTables(el).text;
}

function textAndTables(el: Node): { text: string; hasTable: boolean } {
  const parts: string[] = [];
  let hasTable = false;
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      const t = c.nodeType;
      if (t === 3) {
        const v = c.nodeValue;
        if (v) parts.push(v);
      } else if (t === 1) {
        const tag = tagOf(c);
        if (SKIP_TAGS.has(tag)) continue;
        if (tag === 'TABLE') {
          // a nested table's text belongs to its own grid, not to this cell
          hasTable = true;
          continue;
        }
        const block = BLOCK_TAGS.has(tag);
        if (block) parts.push(' ');
        walk(c);
        if (block) parts.push(' ');
      }
    }
  };
  walk(el);
  return { text: parts.join('').replace(SPACES, ' ').trim(), hasTable };
}

function spanAttr(el: Element, name: string): number {
  const v = el.getAttribute(name);
  if (v == null) return 1;
  const n = parseInt(v.trim(), 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  return Math.min(n, MAX_SPAN);
}

/** Direct rows of a table (through thead/tbody/tfoot, never from nested tables), in rendering order. */
export function tableRows(table: Element): { row: Element; section: number }[] {
  const head: Element[][] = [];
  const body: Element[][] = [];
  const foot: Element[][] = [];
  let loose: Element[] | null = null;
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    const tag = c.tagName.toUpperCase();
    if (tag === 'TR') {
      if (!loose) body.push((loose = []));
      loose.push(c);
      continue;
    }
    loose = null;
    if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') {
      const rows: Element[] = [];
      for (let r = c.firstElementChild; r; r = r.nextElementSibling) if (r.tagName.toUpperCase() === 'TR') rows.push(r);
      (tag === 'THEAD' ? head : tag === 'TFOOT' ? foot : body).push(rows);
    }
  }
  const out: { row: Element; section: number }[] = [];
  let section = 0;
  for (const group of [...head, ...body, ...foot]) {
    for (const row of group) out.push({ row, section });
    section++;
  }
  return out;
}

export function buildGrid(table: Element): Grid {
  const rows = tableRows(table);
  const rowCount = rows.length;
  // last row index of each section, for rowspan=0 and clipping
  const sectionEnd: number[] = new Array<number>(rowCount);
  for (let i = rowCount - 1; i >= 0; i--) {
    const next = rows[i + 1];
    sectionEnd[i] = next && next.section === rows[i]!.section ? sectionEnd[i + 1]! : i;
  }
  const slots: (GridSlot | null)[][] = Array.from({ length: rowCount }, () => []);
  const cells: GridCell[] = [];
  let colCount = 0;
  for (let r = 0; r < rowCount; r++) {
    const line = slots[r]!;
    let cursor = 0;
    for (let c = rows[r]!.row.firstElementChild; c; c = c.nextElementSibling) {
      const tag = c.tagName.toUpperCase();
      if (tag !== 'TD' && tag !== 'TH') continue;
      const colSpan = Math.max(1, spanAttr(c, 'colspan'));
      const rs = spanAttr(c, 'rowspan');
      // rowspan=0: to the end of the row group; any span is clipped to the table
      const lastRow = rs === 0 ? sectionEnd[r]! : Math.min(r + rs - 1, rowCount - 1);
      // first column where the cell's slots in this row are free; rows below can only be taken by
      // spans that also take this row, so checking this row suffices
      let col = cursor;
      for (;;) {
        let free = true;
        for (let k = 0; k < colSpan; k++) {
          if (line[col + k]) {
            free = false;
            col = col + k + 1;
            break;
          }
        }
        if (free) break;
      }
      const { text, hasTable } = textAndTables(c);
      const cell: GridCell = {
        el: c,
        text,
        label: text.replace(SPACES, ''),
        row: r,
        col,
        rowSpan: lastRow - r + 1,
        colSpan,
        isHeader: tag === 'TH',
        hasTable,
      };
      cells.push(cell);
      for (let rr = r; rr <= lastRow; rr++) {
        const l = slots[rr]!;
        for (let k = 0; k < colSpan; k++) {
          l[col + k] = {
            cell,
            el: c,
            text,
            label: cell.label,
            originRow: r,
            originCol: col,
            isOrigin: rr === r && k === 0,
          };
        }
      }
      cursor = col + colSpan;
      if (cursor > colCount) colCount = cursor;
    }
  }
  // dense rows: holes become null
  for (const l of slots) {
    for (let c = 0; c < colCount; c++) if (!l[c]) l[c] = null;
  }
  return { table, rowEls: rows.map((r) => r.row), slots, rowCount, colCount, cells };
}

/** Distinct origin cells of one grid row, left to right (a spanned cell counted once). */
export function rowCells(grid: Grid, r: number): GridSlot[] {
  const out: GridSlot[] = [];
  let last: GridCell | null = null;
  for (const s of grid.slots[r] ?? []) {
    if (!s || s.cell === last) continue;
    last = s.cell;
    out.push(s);
  }
  return out;
}
