// What the web page shows of a document: never the document's own markup. A dropped or pasted page is rebuilt from
// its parsed (inert) DOM as plain elements holding text, with only the table structure (colspan/rowspan) kept; a text
// or PDF report's tables are drawn from the model in the printed template's layout. Either way the reader's cell and
// table elements are mapped to the drawn ones, so the overlay marks the cells the user sees.
import type { Cell, Report, TableId } from '../core/model/schema';
import { cellKey } from '../core/model/ids';
import { T3_GROUPS, T4_BLOCKS, T4_OUTCOMES, templateFor } from '../core/model/templates';
import { TABLE_NAMES, colLabel, rowLabel, templateFormat } from '../core/export/labels';
import type { ReadReport } from '../core/read/types';
import { MAX_REPORT_TABLE_ROWS } from '../core/read/dom-scan';

/** Elements rebuilt as themselves (no attributes but colspan/rowspan); any other element gives only its children. */
const KEEP = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'BLOCKQUOTE', 'CENTER', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD',
  'BR', 'HR', 'B', 'STRONG', 'I', 'EM', 'U', 'SUB', 'SUP', 'SPAN', 'FONT', 'A', 'SMALL', 'BIG',
  'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'COLGROUP', 'COL',
]);
/** Elements dropped with everything inside: code, styles, embedded content, forms, the overlay of an annotated save. */
const DROP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'FORM', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD', 'TITLE', 'META', 'LINK', 'BASE', 'GIDAR-OVERLAY']);
const INLINE_AS = new Map([['FONT', 'span'], ['A', 'span'], ['BIG', 'span'], ['CENTER', 'div']]);
/** a span beyond these is the page's mistake; the browser would clamp it too */
const MAX_SPAN = 1000;

/** A drawn document: its root element, and the drawn element standing for each element of the source document. */
export interface DrawnView {
  root: HTMLElement;
  drawn: Map<Element, Element>;
}

/**
 * A copy of `source` (an element of an inert, parsed document) built in `doc` from elements and text nodes only: no
 * attribute of the page survives except colspan/rowspan on cells, images become their alt text in brackets, links
 * their text, a long table that is not one of the reports' is left out. `drawn` maps each copied source element to its copy.
 */
export function rebuild(source: Node, doc: Document, reports: readonly ReadReport[] = []): DrawnView {
  const drawn = new Map<Element, Element>();
  const reportTables = new Set(reports.flatMap((rr) => Object.values(rr.tableElements).flat()));
  const root = doc.createElement('div');
  root.className = 'doc-page';
  const copy = (from: Node, into: Node): void => {
    for (let n = from.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        into.appendChild(doc.createTextNode((n as Text).data));
        continue;
      }
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      const tag = el.tagName.toUpperCase();
      if (DROP.has(tag)) continue;
      if (tag === 'IMG') {
        const alt = el.getAttribute('alt')?.trim();
        const img = doc.createElement('span');
        img.className = 'img';
        img.textContent = alt ? `[图片：${alt}]` : '[图片]';
        into.appendChild(img);
        continue;
      }
      if (tag === 'TABLE' && !reportTables.has(el) && el.getElementsByTagName('tr').length > MAX_REPORT_TABLE_ROWS) {
        // a document list or data appendix: the reader skips it, and thousands of rows would only slow the page
        const note = doc.createElement('p');
        note.className = 'img';
        note.textContent = `[长表格（${el.getElementsByTagName('tr').length} 行）未显示]`;
        into.appendChild(note);
        continue;
      }
      if (!KEEP.has(tag)) {
        copy(el, into);
        continue;
      }
      const out = doc.createElement(INLINE_AS.get(tag) ?? tag.toLowerCase());
      if (tag === 'TD' || tag === 'TH') {
        for (const attr of ['colspan', 'rowspan']) {
          const v = Number.parseInt(el.getAttribute(attr) ?? '', 10);
          if (Number.isFinite(v) && v > 1) out.setAttribute(attr, String(Math.min(v, MAX_SPAN)));
        }
      }
      drawn.set(el, out);
      into.appendChild(out);
      copy(el, out);
    }
  };
  copy(source, root);
  return { root, drawn };
}

/** The reader's elements of a report, in the drawn copy (those not drawn are left out: nothing to mark there). */
export function mapElements(rr: ReadReport, drawn: Map<Element, Element>): ReadReport {
  const elements = new Map<string, Element>();
  for (const [key, el] of rr.elements) {
    const d = drawn.get(el);
    if (d) elements.set(key, d);
  }
  const tableElements: ReadReport['tableElements'] = {};
  for (const [table, els] of Object.entries(rr.tableElements) as [TableId, Element[]][]) {
    tableElements[table] = els.map((e) => drawn.get(e)).filter((e): e is Element => !!e);
  }
  return { report: rr.report, elements, tableElements };
}

/** The part of a parsed page to draw: the report's own (tables and section headings), else the body (or all of it). */
export function reportPart(doc: Document, rrs: readonly ReadReport[]): Node {
  const roots = rrs.map((rr) => rr.root).filter((r): r is Element => !!r);
  // (linkedom, parsing a fragment, gives a <body> outside of which the content stays)
  const tables = rrs.flatMap((rr) => Object.values(rr.tableElements).flat());
  const body: Node = doc.body && tables.every((t) => doc.body.contains(t)) ? doc.body : doc;
  if (!roots.length) return body;
  let root: Element | null = roots[0]!;
  while (root && !roots.every((r) => root!.contains(r))) root = root.parentElement;
  return root ?? body;
}

// ── tables drawn from the model ─────────────────────────────────────────────

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, attrs: Record<string, string | number> = {}): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

interface Sink {
  doc: Document;
  report: Report;
  at: Map<string, Cell>;
  elements: Map<string, Element>;
}

/** A value cell: the text as printed (a blank stays blank), recorded as the element of its id. */
function valueCell(s: Sink, table: TableId, row: string, col: string): HTMLTableCellElement {
  const key = cellKey({ table, row, col });
  const c = s.at.get(key);
  const td = el(s.doc, 'td', c?.raw ?? '');
  td.className = `v${c ? ` ${c.kind}` : ' absent'}`;
  if (c) s.elements.set(key, td);
  return td;
}

/** The template's row and column ids, then any others the report has (a format the template does not describe). */
function ordered(ids: readonly string[], seen: readonly string[]): string[] {
  return [...ids.filter((id) => seen.includes(id)), ...seen.filter((id) => !ids.includes(id))];
}

function drawT2(s: Sink, cells: Cell[]): HTMLTableElement {
  const { doc, report } = s;
  const fmt = templateFormat(report.format);
  const tpl = templateFor('t2', fmt);
  const table = el(doc, 'table');
  const body = el(doc, 'tbody');
  table.appendChild(body);
  const covered = new Set<string>();
  for (const sub of tpl.subTables ?? []) {
    const rows = sub.rows.map((r) => r.id).filter((r) => cells.some((c) => c.row === r));
    if (!rows.length) continue;
    const cols = sub.cols.map((c) => c.id);
    const cap = el(doc, 'tr');
    cap.appendChild(el(doc, 'th', sub.caption, { colspan: cols.length + 1 }));
    body.appendChild(cap);
    const head = el(doc, 'tr');
    head.appendChild(el(doc, 'th', '信息内容'));
    for (const c of cols) head.appendChild(el(doc, 'th', colLabel('t2', report.format, c)));
    body.appendChild(head);
    for (const r of rows) {
      const tr = el(doc, 'tr');
      tr.appendChild(el(doc, 'th', rowLabel('t2', report.format, r)));
      for (const c of cols) {
        tr.appendChild(valueCell(s, 't2', r, c));
        covered.add(`${r}:${c}`);
      }
      body.appendChild(tr);
    }
  }
  const rest = cells.filter((c) => !covered.has(`${c.row}:${c.col}`));
  if (rest.length) drawGrid(s, body, 't2', [...new Set(rest.map((c) => c.row))], [...new Set(rest.map((c) => c.col))]);
  return table;
}

function drawGrid(s: Sink, body: HTMLElement, table: TableId, rows: string[], cols: string[]): void {
  const head = el(s.doc, 'tr');
  head.appendChild(el(s.doc, 'th'));
  for (const c of cols) head.appendChild(el(s.doc, 'th', colLabel(table, s.report.format, c)));
  body.appendChild(head);
  for (const r of rows) {
    const tr = el(s.doc, 'tr');
    tr.appendChild(el(s.doc, 'th', rowLabel(table, s.report.format, r)));
    for (const c of cols) tr.appendChild(valueCell(s, table, r, c));
    body.appendChild(tr);
  }
}

/** Table 三 as printed: 申请人情况 over the seven columns, 三、本年度办理结果 and the （三）–（六） groups beside their rows. */
function drawT3(s: Sink, cells: Cell[]): HTMLTableElement {
  const { doc, report } = s;
  const tpl = templateFor('t3', templateFormat(report.format));
  const rows = ordered(tpl.rows.map((r) => r.id), [...new Set(cells.map((c) => c.row))]);
  const cols = ordered(tpl.cols.map((c) => c.id), [...new Set(cells.map((c) => c.col))]);
  const parts = cols.filter((c) => c !== 'naturalPerson' && c !== 'total');
  const table = el(doc, 'table');
  const body = el(doc, 'tbody');
  table.appendChild(body);
  const h1 = el(doc, 'tr');
  h1.appendChild(el(doc, 'th', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { colspan: 3, rowspan: 3, class: 'corner' }));
  h1.appendChild(el(doc, 'th', '申请人情况', { colspan: cols.length }));
  body.appendChild(h1);
  const h2 = el(doc, 'tr');
  const h3 = el(doc, 'tr');
  if (cols.includes('naturalPerson')) h2.appendChild(el(doc, 'th', colLabel('t3', report.format, 'naturalPerson'), { rowspan: 2 }));
  if (parts.length) h2.appendChild(el(doc, 'th', '法人或其他组织', { colspan: parts.length }));
  if (cols.includes('total')) h2.appendChild(el(doc, 'th', colLabel('t3', report.format, 'total'), { rowspan: 2 }));
  for (const c of parts) h3.appendChild(el(doc, 'th', colLabel('t3', report.format, c)));
  body.append(h2, h3);
  const groupOf = new Map(tpl.rows.map((r) => [r.id, r.group]));
  const results = rows.filter((r) => !['newReceived', 'carriedOver', 'carriedForward'].includes(r) && tpl.rows.some((t) => t.id === r));
  rows.forEach((r) => {
    const tr = el(doc, 'tr');
    const label = rowLabel('t3', report.format, r);
    const group = groupOf.get(r);
    if (!results.includes(r)) tr.appendChild(el(doc, 'th', label, { colspan: 3 }));
    else {
      if (r === results[0]) tr.appendChild(el(doc, 'th', T3_GROUPS.results!, { rowspan: results.length, class: 'group' }));
      if (group && group !== 'other') {
        const members = results.filter((x) => groupOf.get(x) === group);
        if (r === members[0]) tr.appendChild(el(doc, 'th', T3_GROUPS[group]!, { rowspan: members.length, class: 'group' }));
        tr.appendChild(el(doc, 'th', label));
      } else if (group === 'other' && r !== 'other') {
        const members = results.filter((x) => groupOf.get(x) === 'other');
        if (r === members[0]) tr.appendChild(el(doc, 'th', T3_GROUPS.other!, { rowspan: members.length, class: 'group' }));
        tr.appendChild(el(doc, 'th', label));
      } else tr.appendChild(el(doc, 'th', label, { colspan: 2 }));
    }
    for (const c of cols) tr.appendChild(valueCell(s, 't3', r, c));
    body.appendChild(tr);
  });
  return table;
}

/** Table 四 as printed: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉) over their five outcome columns, one row. */
function drawT4(s: Sink, cells: Cell[]): HTMLTableElement {
  const { doc } = s;
  const table = el(doc, 'table');
  const body = el(doc, 'tbody');
  table.appendChild(body);
  const outcomes = T4_OUTCOMES.map((o) => o.label);
  const h1 = el(doc, 'tr');
  h1.appendChild(el(doc, 'th', T4_BLOCKS[0].label, { colspan: outcomes.length }));
  h1.appendChild(el(doc, 'th', '行政诉讼', { colspan: outcomes.length * 2 }));
  const h2 = el(doc, 'tr');
  for (const o of outcomes) h2.appendChild(el(doc, 'th', o, { rowspan: 2 }));
  h2.appendChild(el(doc, 'th', T4_BLOCKS[1].label, { colspan: outcomes.length }));
  h2.appendChild(el(doc, 'th', T4_BLOCKS[2].label, { colspan: outcomes.length }));
  const h3 = el(doc, 'tr');
  for (let i = 0; i < 2; i++) for (const o of outcomes) h3.appendChild(el(doc, 'th', o));
  body.append(h1, h2, h3);
  const rows = [...new Set(['cases', ...cells.map((c) => c.row)])];
  for (const r of rows) {
    const tr = el(doc, 'tr');
    for (const b of T4_BLOCKS) for (const o of T4_OUTCOMES) tr.appendChild(valueCell(s, 't4', r, `${b.id}.${o.id}`));
    body.appendChild(tr);
  }
  return table;
}

/**
 * A report read from text or a PDF, drawn: each table it has, under its heading, in the printed template's layout;
 * every cell read is a <td> holding its printed text and is the report's element for that cell id.
 */
export function drawModel(report: Report, doc: Document): { root: HTMLElement; rr: ReadReport } {
  const root = el(doc, 'div');
  root.className = 'doc-model';
  const sink: Sink = { doc, report, at: new Map(report.cells.map((c) => [cellKey(c), c])), elements: new Map() };
  const tableElements: ReadReport['tableElements'] = {};
  if (report.title) root.appendChild(el(doc, 'h2', report.title));
  for (const id of ['t2', 't3', 't4'] as const) {
    const cells = report.cells.filter((c) => c.table === id);
    if (!cells.length) continue;
    root.appendChild(el(doc, 'h3', TABLE_NAMES[id].zh));
    const table = id === 't2' ? drawT2(sink, cells) : id === 't3' ? drawT3(sink, cells) : drawT4(sink, cells);
    table.className = `report-table ${id}`;
    root.appendChild(table);
    tableElements[id] = [table];
  }
  return { root, rr: { report, elements: sink.elements, tableElements } };
}
