// One walk over the document (spec §9 V1, V12, V13): text blocks, section headings, tables, images,
// links and embedded frames, so that nothing later queries the whole document again.
import type { Grid } from './grid';

export type SectionNo = 1 | 2 | 3 | 4 | 5 | 6;

export interface ScanBlock {
  text: string;
  /** innermost enclosing <table> (index into `tables`), -1 outside tables */
  tableIndex: number;
  /** section heading number when this block is a section heading */
  heading?: SectionNo;
  /** the block element the text sits in (null at the top of a fragment) */
  el: Element | null;
}

export interface ScanImage {
  el: Element;
  src: string;
  section: SectionNo | 0;
  tableIndex: number;
}

export interface ScanLink {
  el: Element;
  href: string;
  text: string;
  section: SectionNo | 0;
}

export interface ScanFrame {
  el: Element;
  /** the attribute value that points at a PDF or a PDF viewer */
  src: string;
}

export interface Scan {
  /** every <table>, document order: the index is `SourceRef.tableIndex` */
  tables: Element[];
  /** enclosing table of each table, -1 for top-level */
  tableParent: number[];
  /** the last section heading before each table (0 before any heading) */
  tableSection: (SectionNo | 0)[];
  /**
   * tables far larger than any report table (a data appendix of thousands of rows): listed, so that indices stay
   * document order, but neither walked nor read — their text would cost the page a long task for nothing
   */
  tableOversized: boolean[];
  /** index of the first block inside each table (blocks of a table are contiguous) */
  blocks: ScanBlock[];
  images: ScanImage[];
  links: ScanLink[];
  frames: ScanFrame[];
  title: string;
  /** tables' grids built ahead, by table index (the extension's bootstrap builds them while its reader loads); locating builds the others */
  grids?: (Grid | undefined)[];
}

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'BR', 'LI', 'TR', 'TD', 'TH', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'SECTION',
  'ARTICLE', 'BLOCKQUOTE', 'PRE', 'DL', 'DT', 'DD', 'HEADER', 'FOOTER', 'NAV', 'CENTER', 'FORM', 'TBODY', 'THEAD', 'TFOOT',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SELECT', 'OPTION', 'SVG', 'svg']);
const SPACES = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g;

// Section headings (§1.1 and variants). The numeral must open the block; the keyword keeps rows of
// table 三 such as 三、本年度办理结果 / 四、结转下年度继续办理 from passing for headings.
const HEADINGS: [SectionNo, RegExp][] = [
  [1, /^一[、.．,，]?(总体情况|概述|概况|基本情况)/],
  [2, /^二[、.．,，]?.{0,6}主动公开/],
  [3, /^三[、.．,，]?.{0,4}(收到和处理|收到及处理|依申请|政府信息公开申请)/],
  [4, /^四[、.．,，]?.{0,20}(复议|诉讼)/],
  [5, /^五[、.．,，]?.{0,16}(问题|改进|整改)/],
  [6, /^六[、.．,，]?.{0,4}(其他需要报告|其他事项|其它需要报告)/],
];

export function headingOf(text: string): SectionNo | undefined {
  const t = text.replace(SPACES, '');
  if (t.length > 40 || t.length < 3) return undefined;
  for (const [n, re] of HEADINGS) if (re.test(t)) return n;
  return undefined;
}

/** A report table has at most about 60 rows (表二, 三 and 四 printed as one table) and 16 columns. */
export const MAX_REPORT_TABLE_ROWS = 400;
export const MAX_REPORT_TABLE_CELLS = 8000;

/** Counts the table's own rows and cells (not those of nested tables) and stops as soon as either limit is passed. */
function oversized(table: Element): boolean {
  let rows = 0;
  let cells = 0;
  const countRow = (tr: Element): boolean => {
    rows++;
    for (let c = tr.firstElementChild; c; c = c.nextElementSibling) cells++;
    return rows > MAX_REPORT_TABLE_ROWS || cells > MAX_REPORT_TABLE_CELLS;
  };
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    const tag = c.tagName.toUpperCase();
    if (tag === 'TR') {
      if (countRow(c)) return true;
    } else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') {
      for (let r = c.firstElementChild; r; r = r.nextElementSibling) if (r.tagName.toUpperCase() === 'TR' && countRow(r)) return true;
    }
  }
  return false;
}

const FRAME_ATTRS = ['src', 'data', 'data-src', 'ms-attr-src', ':src', 'v-bind:src', 'href'];
const PDF_POINTER = /\.pdf\b|viewer\.html\?file=|pdfjs|\/pdf\//i;

export function scanDocument(doc: Document): Scan {
  const tables: Element[] = [];
  const tableParent: number[] = [];
  const tableSection: (SectionNo | 0)[] = [];
  const tableOversized: boolean[] = [];
  const blocks: ScanBlock[] = [];
  const images: ScanImage[] = [];
  const links: ScanLink[] = [];
  const frames: ScanFrame[] = [];
  const tableStack: number[] = [];
  let section: SectionNo | 0 = 0;
  let parts: string[] = [];
  let blockEl: Element | null = null;

  const flush = () => {
    if (parts.length === 0) return;
    const text = parts.join('').replace(SPACES, ' ').trim();
    parts = [];
    if (!text) return;
    const tableIndex = tableStack.length ? tableStack[tableStack.length - 1]! : -1;
    const h = headingOf(text);
    if (h) section = h;
    blocks.push(h ? { text, tableIndex, heading: h, el: blockEl } : { text, tableIndex, el: blockEl });
  };

  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  };
  const visit = (c: Node): void => {
    const type = c.nodeType;
    if (type === 3) {
      const v = c.nodeValue;
      if (v) parts.push(v);
      return;
    }
    if (type !== 1) return;
    const el = c as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'TABLE') {
      flush();
      const idx = tables.length;
      tables.push(el);
      tableParent.push(tableStack.length ? tableStack[tableStack.length - 1]! : -1);
      tableSection.push(section);
      const huge = oversized(el);
      tableOversized.push(huge);
      if (huge) return;
      tableStack.push(idx);
      const saved = blockEl;
      blockEl = el;
      walk(el);
      flush();
      blockEl = saved;
      tableStack.pop();
      return;
    }
    if (tag === 'IMG') {
      const src = el.getAttribute('src') ?? el.getAttribute('data-src') ?? '';
      images.push({ el, src, section, tableIndex: tableStack.length ? tableStack[tableStack.length - 1]! : -1 });
      return;
    }
    if (tag === 'IFRAME' || tag === 'EMBED' || tag === 'OBJECT' || tag === 'FRAME') {
      const typePdf = /pdf/i.test(el.getAttribute('type') ?? '');
      for (const a of FRAME_ATTRS) {
        const v = el.getAttribute(a);
        if (v && (typePdf || PDF_POINTER.test(v))) {
          frames.push({ el, src: v });
          break;
        }
      }
      if (tag === 'OBJECT') walk(el);
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if (tag === 'A') {
      const href = el.getAttribute('href');
      const start = parts.length;
      walk(el);
      if (href) links.push({ el, href, text: parts.slice(start).join('').replace(SPACES, ''), section });
      return;
    }
    if (!block) {
      walk(el);
      return;
    }
    const saved = blockEl;
    blockEl = el;
    walk(el);
    flush();
    blockEl = saved;
  };
  // linkedom keeps an HTML fragment (no <html>/<body>) as children of the document beside an empty
  // body; its doctype has no nextSibling, so the document's own children are listed, not chained
  // A page of only text or comments has no root element: linkedom's body and title getters then throw (fuzzing
  // found it); a browser always makes one.
  const rooted = doc.documentElement !== null;
  const body = rooted ? doc.body : null;
  if (body && body.firstChild) walk(body);
  else
    for (const c of Array.from(doc.childNodes)) visit(c);
  flush();
  const title = ((rooted ? doc.title : '') ?? '').replace(SPACES, ' ').trim();
  return { tables, tableParent, tableSection, tableOversized, blocks, images, links, frames, title };
}
