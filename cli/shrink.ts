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
  if (cuts.length === 0) return { html, cut: 0 };
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of cuts) {
    parts.push(html.slice(at, from));
    at = to;
  }
  parts.push(html.slice(at));
  return { html: parts.join(''), cut: cuts.length };
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
