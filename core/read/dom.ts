// Reading a report page (browser DOM or linkedom document) into the report model (spec §0, §2–§6, §9).
// One walk collects text, headings, tables and links; each table's grid is built once; rows are mapped
// by label, values from the right of each row.
import type { FormatVersion, Report, TableId } from '../model/schema';
import type { TemplateFormat } from '../model/templates';
import { scanDocument, type Scan } from './dom-scan';
import { mapT2, mapT3, mapT4, t2Format, type MapSink } from './dom-map';
import { locateTables, type LocatedTable } from './locate';
import { readMeta, splitSections } from './meta';
import { detectNotCheckable } from './notcheckable';
import { normLabel } from './labels';
import { explained, readNote } from './notes';
import type { ReadOptions, ReadReport } from './types';

const TABLE_IDS: TableId[] = ['t2', 't3', 't4'];

/** Format of the tables: table 二's header words first, then the report's own tokens and year (spec §6). */
function decideFormat(t2: LocatedTable | undefined, t3: LocatedTable | undefined, metaFormat: FormatVersion, year: number | null): FormatVersion {
  // pre-2019 reports (统计表 指标名称/计量单位/历年累计) have no table 三; same rule as the text reader
  if (!t3 && (metaFormat === 'older' || (year ?? 9999) <= 2018)) return 'older';
  const fromT2 = t2 ? t2Format(t2) : null;
  if (fromT2) return fromT2;
  if (metaFormat === '2021' || metaFormat === '2019') return metaFormat;
  if (year !== null && year >= 2019) return year >= 2021 ? '2021' : '2019';
  if (t3) {
    // the three （六） sub-rows exist only in F2021
    for (const p of t3.parts)
      for (const c of p.grid.cells) {
        const l = normLabel(c.text);
        if (l.includes('逾期不补正') || l.includes('缴纳费用')) return '2021';
      }
    return '2019';
  }
  return metaFormat;
}

function emptyReport(): Report {
  return {
    format: 'unknown',
    year: null,
    agency: null,
    title: null,
    tablesFound: [],
    cells: [],
    extras: [],
    sections: [],
    notCheckable: [],
    readNotes: [],
  };
}

/**
 * The element that holds the report: the smallest one containing its tables and its section headings,
 * so that site navigation and footer stay out of the narrative. Null when that is the whole page.
 */
function reportRoot(scan: Scan, tables: Partial<Record<TableId, LocatedTable>>): Element | null {
  const anchors: Element[] = [];
  for (const id of TABLE_IDS) for (const p of tables[id]?.parts ?? []) anchors.push(p.grid.table);
  const seen = new Set<number>();
  for (const b of scan.blocks) {
    if (!b.heading || !b.el || seen.has(b.heading)) continue;
    seen.add(b.heading);
    anchors.push(b.el);
  }
  // one heading alone (a page quoting 一、总体情况 somewhere) is no evidence of where the report is
  if (anchors.length < 2) return null;
  let root: Element | null = anchors[0]!;
  while (root && !anchors.every((a) => root!.contains(a))) root = root.parentElement;
  if (!root || root.tagName.toUpperCase() === 'BODY' || root.tagName.toUpperCase() === 'HTML') return null;
  return root;
}

export function readDocument(doc: Document, opts: ReadOptions = {}): ReadReport[] {
  return readScanned(scanPage(doc), opts);
}

/**
 * Reading in two steps, for a caller that lets the page run in between (the extension): the document's blocks and
 * tables first, then locating and mapping them (`readScanned`). `readDocument` does both at once.
 */
export function scanPage(doc: Document): Scan | Error {
  try {
    return scanDocument(doc);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** The report of a scanned page; a scan that failed reads as one unreadable report. */
export function readScanned(scan: Scan | Error, opts: ReadOptions = {}): ReadReport[] {
  if (scan instanceof Error) return unreadable(scan);
  try {
    return [readPage(scan, opts)];
  } catch (e) {
    return unreadable(e);
  }
}

function unreadable(e: unknown): ReadReport[] {
  const report = emptyReport();
  report.readNotes.push(readNote('pageUnreadable', { error: e instanceof Error ? e.message : String(e) }));
  report.notCheckable.push({ table: 'report', reason: 'unreadable' });
  return [{ report, elements: new Map(), tableElements: {} }];
}

function readPage(scan: Scan, opts: ReadOptions): ReadReport {
  const located = locateTables(scan);
  const fullText = scan.blocks.map((b) => b.text).join('\n');
  const meta = readMeta(fullText, scan.title || undefined);
  const { t2, t3, t4 } = located.tables;
  const format = decideFormat(t2, t3, meta.format, meta.year);
  const sink: MapSink = { cells: [], extras: [], notes: [...located.notes], elements: new Map(), columnsByHeader: [] };

  let mapFormat: TemplateFormat | null;
  if (format === '2021' || format === '2019') mapFormat = format;
  else if (format === 'older') {
    // a pre-2019 统计表 is not forced into the 2019/2021 model
    mapFormat = null;
    sink.notes.push(readNote('olderFormat'));
  } else {
    mapFormat = '2021';
    if (t2 || t3 || t4) sink.notes.push(readNote('formatReadAs2021', { format }));
  }
  if (mapFormat) {
    if (t2) mapT2(t2, mapFormat, sink);
    if (t3) mapT3(t3, mapFormat, sink);
    if (t4) mapT4(t4, sink);
  }

  const tablesFound = TABLE_IDS.filter((id) => sink.cells.some((c) => c.table === id));
  if (mapFormat) for (const id of TABLE_IDS) if (!located.tables[id]) sink.notes.push(readNote('tableNotFound', { table: id }));

  // narrative without the report tables' own text
  const reportTables = new Set<number>();
  const tableElements: ReadReport['tableElements'] = {};
  for (const id of TABLE_IDS) {
    const t = located.tables[id];
    if (!t) continue;
    tableElements[id] = t.parts.map((p) => p.grid.table);
    for (const p of t.parts) reportTables.add(p.tableIndex);
  }
  const root = reportRoot(scan, located.tables);
  const narrative = scan.blocks
    .filter((b) => !reportTables.has(b.tableIndex) && (!root || (b.el !== null && root.contains(b.el))))
    .map((b) => b.text)
    .join('\n');

  const nc = mapFormat
    ? detectNotCheckable(scan, new Set(tablesFound), opts.url)
    : {
        entries: [explained({ table: 'report', reason: 'unreadable' }, readNote('olderFormatNotMapped'))],
        notes: [],
      };
  const report: Report = {
    format,
    year: meta.year,
    agency: meta.agency,
    title: meta.title,
    tablesFound,
    cells: sink.cells,
    extras: sink.extras,
    sections: splitSections(narrative),
    notCheckable: nc.entries,
    readNotes: [...sink.notes, ...nc.notes],
    ...(sink.columnsByHeader.length ? { columnsByHeader: sink.columnsByHeader } : {}),
  };
  return { report, elements: sink.elements, tableElements, ...(root ? { root } : {}) };
}
