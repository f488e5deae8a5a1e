// Long tables (document lists, data appendices) make linkedom's parse superlinear: a 16 MB page with 240,000
// rows takes 12 s, 50 MB minutes. The reader skips such tables anyway (MAX_REPORT_TABLE_ROWS/CELLS), so their
// rows are cut from the source before parsing; the empty <table> stays so the page's structure is unchanged.
import { MAX_REPORT_TABLE_CELLS, MAX_REPORT_TABLE_ROWS } from '../core/read/dom-scan';

/** Past this many tags left after the cut, linkedom needs tens of seconds and gigabytes: refuse instead. */
export const MAX_TAGS = 1_000_000;

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea)\b[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)(table|tr|td|th)\b[^>]*>/gi;

interface Frame {
  contentStart: number;
  rows: number;
  cells: number;
  nested: boolean;
}

/** The HTML with the rows of every table the reader would skip removed, and the number of tables cut. */
export function cutLongTables(html: string): { html: string; cut: number } {
  const stack: Frame[] = [];
  const cuts: [number, number][] = [];
  for (const m of html.matchAll(TOKEN)) {
    const tag = m[3]?.toLowerCase();
    if (!tag) continue; // comment, script, style, textarea: their text is not markup
    const top = stack[stack.length - 1];
    if (tag === 'table') {
      if (m[2]) {
        const frame = stack.pop();
        // A table holding another table may be the page's layout table around the report: never cut.
        if (frame && !frame.nested && (frame.rows > MAX_REPORT_TABLE_ROWS || frame.cells > MAX_REPORT_TABLE_CELLS))
          cuts.push([frame.contentStart, m.index]);
      } else {
        if (top) top.nested = true;
        stack.push({ contentStart: m.index + m[0].length, rows: 0, cells: 0, nested: false });
      }
    } else if (top && !m[2]) {
      if (tag === 'tr') top.rows++;
      else top.cells++;
    }
  }
  if (cuts.length === 0) return { html: capNesting(html), cut: 0 };
  return { html: capNesting(removeRanges(html, cuts)), cut: cuts.length };
}

function removeRanges(html: string, ranges: readonly [number, number][]): string {
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    parts.push(html.slice(at, from));
    at = to;
  }
  parts.push(html.slice(at));
  return parts.join('');
}

/**
 * Elements deeper than this lose their start and end tags (their text stays), as Chromium's parser stops nesting
 * at 512 (deeper elements become siblings): what the extension reads in a browser, the CLI reads too. Found by
 * fuzzing: linkedom's parse grows with the square of the depth (20,000 tables nested in one cell, 1.5 MB, took
 * 23 s; 100,000 ten minutes), and the reader's tree walks run out of stack past about 3,500 levels.
 */
export const MAX_DEPTH = 512;

// A comment or raw-text element counts only when closed: a "<style>" this scan meets inside an attribute value is
// no element to linkedom (fuzzing found thousands of nested tables behind one), so an unclosed one is taken as a
// start tag and what follows as markup.
const TAG = /<!--[\s\S]*?-->|<(script|style|textarea|title|xmp)\b[^>]*>[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w:-]*)[^>]*>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen']);
/** Closed by the next of their kind or by their parent's end: never deep, so not counted. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'rb', 'rt', 'rp', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption']);
/** A cell's or row's start or end closes whatever is still open inside the table's current cell (a <font> left open). */
const CELL_BOUNDARY = new Set(['tr', 'td', 'th', 'thead', 'tbody', 'tfoot']);

/**
 * The HTML with the start and end tags of elements nested deeper than MAX_DEPTH removed (with the rows and cells
 * of removed tables), following the parser's open elements roughly: implied ends are not counted, a table cell's
 * end closes what its cell left open, an end tag closes up to its element. Pages that nest less are returned as
 * they are.
 */
export function capNesting(html: string): string {
  /** open elements and how many levels each adds (a table: table, tbody, tr, td) */
  const open: [string, number][] = [];
  let depth = 0;
  const closeTo = (length: number): void => {
    while (open.length > length) depth -= open.pop()![1];
  };
  const lastOpen = (name: string): number => {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]![0] === name) return i;
    return -1;
  };
  /** elements past MAX_DEPTH whose start tag was removed: their end tags go too */
  const deep: string[] = [];
  const drop: [number, number][] = [];
  for (const m of html.matchAll(TAG)) {
    const name = m[3]?.toLowerCase();
    if (!name) continue; // comment, script, style …: their text is not markup
    const range: [number, number] = [m.index, m.index + m[0].length];
    if (m[2] && deep.length) {
      const at = deep.lastIndexOf(name);
      if (at >= 0) {
        deep.length = at;
        drop.push(range);
        continue;
      }
    }
    if (CELL_BOUNDARY.has(name)) {
      // inside removed tables their rows and cells go too: linkedom would close the page's own row at their ends
      if (deep.length) drop.push(range);
      else closeTo(lastOpen('table') + 1);
      continue;
    }
    if (m[2]) {
      const at = lastOpen(name);
      if (at >= 0) closeTo(at);
      continue;
    }
    if (VOID.has(name) || IMPLIED_END.has(name)) continue;
    const levels = name === 'table' ? 4 : 1;
    if (deep.length || depth + levels > MAX_DEPTH) {
      deep.push(name);
      drop.push(range);
    } else {
      open.push([name, levels]);
      depth += levels;
    }
  }
  return drop.length ? removeRanges(html, drop) : html;
}

/** Roughly how many elements linkedom would build. */
export function countTags(html: string): number {
  let n = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}
