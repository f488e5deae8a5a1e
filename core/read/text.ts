// Reading a plain-text rendering of a report (pasted table, TSV sample, Markdown conversion, crawler text) into the
// same Report model as the HTML reader. Cells carry {type:'text', line, column} sources (1-based).
// Principle (corpus README, expect "no-wrong-values"): a cell is emitted only when its value is certain; an
// uncertain row is left out of `cells` and explained in `readNotes`.
import type { FormatVersion, NotCheckable, ReadNote, Report, TableId } from '../model/schema';
import { collapsedGroups, t3RowDefs, type TemplateFormat } from '../model/templates';
import { readMeta, splitSections } from './meta';
import { labelKey, lineIndex } from './text-labels';
import { gridLines, looksGridded, readGrid } from './text-grid';
import { readFlat } from './text-flat';
import type { TextPart } from './text-common';
import { explained, readNote } from './notes';

export interface ReadTextOptions {
  /** where the text came from (file name, URL); the caller keeps it with the report */
  source?: string;
  /** page or file title, for the report year and agency */
  title?: string;
  /**
   * The text was laid out with every table column present (a PDF's text layer, core/read/pdf.ts): an empty
   * tab-separated cell after a row's label is a blank cell of the table, read as kind `blank` in its column.
   */
  blankCells?: boolean;
}

const TABLES: TableId[] = ['t2', 't3', 't4'];

/** a row label short enough for a one-line note */
function blankReport(format: FormatVersion, note: ReadNote): Report {
  return {
    format,
    year: null,
    agency: null,
    title: null,
    tablesFound: [],
    cells: [],
    extras: [],
    sections: [],
    notCheckable: [explained({ table: 'report', reason: 'missing' }, note)],
    readNotes: [note],
  };
}

/** Which template the tables follow, where the report does not say (a paste of the tables alone). */
function templateFormat(format: FormatVersion, key: string): { fmt: TemplateFormat; evidence: boolean } {
  if (format === '2019' || format === '2021') return { fmt: format, evidence: true };
  if (key.includes('逾期不补正') || key.includes('逾期未按收费通知') || key.includes('本年制发件数'))
    return { fmt: '2021', evidence: true };
  if (key.includes('本年新制作数量') || key.includes('第二十条第(九)项')) return { fmt: '2019', evidence: true };
  return { fmt: '2021', evidence: false };
}

// The six standard section titles (spec §1.1), as crawler text prints them inline: "…进一步强化监督管理抓手。 二、主动公开政府信息情况第二十条…".
const INLINE_HEADING =
  /[一二三四五六]、[ \u00a0\u3000]*(?:总体情况|概述|主动公开政府信息情况|收到和处理政府信息公开申请情况|(?:政府信息公开)?行政法?复议、行政诉讼情况|因政府信息公开工作被申请行政复议、提起行政诉讼情况|(?:政府信息公开工作)?存在的主要问题及(?:改进|整改)(?:情况|措施)|其他需要报告的事项)/g;

/** Text with each inline section title on a line of its own, so splitSections sees the headings. Lines stay lines. */
function headingLines(text: string): string {
  return text.replace(INLINE_HEADING, (m, offset: number, whole: string) => {
    const before = offset > 0 && whole[offset - 1] !== '\n' ? '\n' : '';
    const after = whole[offset + m.length] !== '\n' ? '\n' : '';
    return before + m + after;
  });
}

export function readText(text: string, opts: ReadTextOptions = {}): Report[] {
  if (typeof text !== 'string') return [blankReport('unknown', readNote('inputNotText'))];
  const clean = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') return [blankReport('unknown', readNote('emptyText'))];

  let meta;
  let sections: Report['sections'] = [];
  try {
    meta = readMeta(clean, opts.title);
    sections = splitSections(headingLines(clean));
  } catch {
    meta = { format: 'unknown' as FormatVersion, year: null, agency: null, title: null };
  }
  const key = labelKey(clean);
  const hasT3 = key.includes('本年新收政府信息公开申请') || (key.includes('申请人情况') && key.includes('自然人'));

  const report: Report = {
    ...meta,
    tablesFound: [],
    cells: [],
    extras: [],
    sections,
    notCheckable: [],
    readNotes: [],
  };

  // Pre-2019 reports (statistics table 指标名称/计量单位/历年累计): nothing maps onto the 2019/2021 tables.
  const older = !hasT3 && (meta.format === 'older' || (meta.year ?? 9999) <= 2018);
  if (older) {
    report.format = 'older';
    report.notCheckable.push(explained({ table: 'report', reason: 'unreadable' }, readNote('olderFormatNotMapped')));
    report.readNotes.push(readNote('olderFormat'));
    return [report];
  }

  const { fmt, evidence } = templateFormat(meta.format, key);
  if (evidence && report.format !== fmt) {
    report.readNotes.push(readNote('formatFromRows', { format: fmt, declared: report.format }));
    report.format = fmt;
  }
  const pos = lineIndex(clean);
  const lines = gridLines(clean);
  // a layout that keeps every column (a PDF's) is a grid even where its rows carry no labels (table 四)
  const gridded = opts.blankCells === true || looksGridded(lines);
  let part: TextPart;
  try {
    part = gridded ? readGrid(clean, fmt, pos, lines, { blankCells: opts.blankCells === true }) : readFlat(clean, fmt, pos);
  } catch (e) {
    report.readNotes.push(readNote('textUnreadable', { error: e instanceof Error ? e.message : String(e) }));
    report.notCheckable.push({ table: 'report', reason: 'unreadable' });
    return [report];
  }
  if (!gridded && part.located.size > 0) report.readNotes.push(readNote('cellsRunTogether'));
  report.cells = part.cells;
  report.extras = part.extras;
  if (part.columnsByHeader.length) report.columnsByHeader = part.columnsByHeader;
  report.readNotes.push(...part.notes);
  if (part.located.has('t3')) {
    const read = new Set(part.cells.filter((c) => c.table === 't3').map((c) => c.row));
    // a group printed as one row counts as one row (its sub-rows were never printed)
    const rows = t3RowDefs(fmt, collapsedGroups(read));
    const missing = rows.filter((r) => !read.has(r.id));
    if (missing.length)
      report.readNotes.push(
        readNote('rowsNotRead', {
          table: 't3',
          read: rows.length - missing.length,
          total: rows.length,
          rows: missing.map((r) => r.id).join(', '),
        }),
      );
  }
  const withCells = new Set(part.cells.map((c) => c.table));
  report.tablesFound = TABLES.filter((t) => withCells.has(t));
  for (const t of TABLES) {
    if (withCells.has(t)) continue;
    const nc: NotCheckable = part.located.has(t)
      ? explained({ table: t, reason: 'unreadable' }, readNote('noRowCertain'))
      : { table: t, reason: 'missing' };
    report.notCheckable.push(nc);
  }
  return [report];
}
