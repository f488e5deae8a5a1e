// The reader's notes as data (like zod issues): a code and its params, with the Chinese and English sentences
// rendered from them here, so every consumer picks its language and tests assert on codes, not wording.
// Templates: {name} is a param; [ … ] is printed only when every param inside it is given.
// Labels quoted from the page stay as printed (Chinese) in both languages. Rows, columns and blocks of the template
// are given as spec §0 ids in the params (data) and printed by their labels: Chinese in zh, English in en (see names()).
import type { NotCheckable, ReadNote, TableId } from '../model/schema';
import { T3_GROUP_ROWS, T4_BLOCKS, templateFor, type LabelDef } from '../model/templates';

export interface NoteTemplate {
  zh: string;
  en: string;
}

export const NOTES = {
  // ── the report as a whole ──
  inputNotText: { zh: '输入的不是文本', en: 'input is not text' },
  emptyText: { zh: '文本为空：没有可读的报告', en: 'empty text: no report to read' },
  textUnreadable: { zh: '文本无法读取：{error}', en: 'text could not be read: {error}' },
  pageUnreadable: { zh: '页面无法读取：{error}', en: 'the page could not be read: {error}' },
  olderFormat: { zh: '2019年以前的旧版报告格式；表二、表三、表四未读取', en: 'older (pre-2019) report format; tables 二/三/四 not read' },
  formatReadAs2021: {
    zh: '未能确定报告格式（{format}）：表格按2021年版格式读取',
    en: 'format {format}: tables read against the 2021 format',
  },
  formatFromRows: {
    zh: '按表格的行判定为{format}年版格式（报告自身的标记为{declared}）',
    en: "format {format} taken from the table rows (the report's own markers say {declared})",
  },
  olderFormatNotMapped: {
    zh: '2019年以前的旧版格式：其统计表不对应表二、表三、表四',
    en: 'older (pre-2019) format: its statistics table is not mapped onto tables 二/三/四',
  },
  noRowCertain: {
    zh: '文本中找到了该表，但没有一行能确定地读出',
    en: 'table found in the text but no row could be read with certainty',
  },
  cellsRunTogether: {
    zh: '文本中各单元格的数字连在一起：只读取数字仅有一种拆分方式的行',
    en: 'cells run together in the text: rows read only where the digits split one way',
  },
  pdfViewerBesideTables: {
    zh: '页面除HTML表格外还嵌入了PDF阅读器（全真版）；已读取HTML表格',
    en: 'page embeds a PDF viewer (全真版) besides the HTML tables; the HTML tables were read',
  },

  // ── finding a table ──
  tableNotFound: { zh: '未找到该表', en: 'table not found' },
  candidateTables: {
    zh: '有{count}个候选表格；读取的是表格#{tableIndex}',
    en: '{count} candidate tables; read the one at table #{tableIndex}',
  },
  tableMerged: { zh: '该表分布在{count}个<table>元素中，已合并读取', en: 'table spread over {count} <table> elements, merged' },
  subTableNotInFormat: { zh: '子表{caption}不属于{format}年版格式', en: 'sub-table {caption} is not part of the {format} format' },

  // ── rows (HTML tables) ──
  rowNotFound: { zh: '未找到“{label}”行', en: 'row "{rowEn}" not found' },
  rowsNotRead: { zh: '共{total}行，读取{read}行；未读取：{rowsZh}', en: '{read} of {total} rows read; not read: {rowsEn}' },
  unlabelledRowSkipped: {
    zh: '跳过一行没有行标签的数字（表格#{tableIndex}第{row}行）',
    en: 'a row without a label (table #{tableIndex} row {row}) was skipped',
  },
  groupCollapsed: {
    zh: '“{label}”只印了一行，未分列其下{count}个子行；读作该组的合计（各子行未知），各项合计照常核对',
    en: '"{label}" printed as a single row without its {count} sub-rows; read as the group total (the sub-rows unknown), the sums are checked with it',
  },
  groupRowWithValues: {
    zh: '分组行“{label}”印有数值；作为额外行保留',
    en: 'group row "{label}" printed with values; kept as an extra row',
  },
  unknownRowKept: { zh: '无法识别的行“{label}”，作为额外行保留', en: 'unknown row "{label}" kept as an extra row' },
  rowRepeated: { zh: '“{label}”行印了两次；采用第一次', en: 'row "{rowEn}" printed twice; the first one is used' },
  rowRepeatedDiffering: {
    zh: '“{label}”行印了两次且数值不同；采用第一次',
    en: 'row "{rowEn}" printed twice with different values; the first one is used',
  },
  rowFewCells: {
    zh: '“{label}”行只有{count}个数值单元格[；未读取的列：{colsZh}]',
    en: 'row "{rowEn}" has only {count} value cells[; not read: {colsEn}]',
  },
  rowsExtraCellsByHeader: {
    zh: '{count}行（{rowsZh}）：数值单元格多于7个；取表头各列下的单元格',
    en: '{count} row(s) ({rowsEn}): more than 7 value cells; the cells under the header columns are used',
  },
  rowsExtraCellsLast: {
    zh: '{count}行（{rowsZh}）：数值单元格多于7个；取最后7个',
    en: '{count} row(s) ({rowsEn}): more than 7 value cells; the last 7 are used',
  },
  rowsColumnsReordered: {
    zh: '{count}行（{rowsZh}）：各列的顺序与模板不同；按表头对应',
    en: '{count} row(s) ({rowsEn}): columns printed in another order; mapped by the header',
  },
  printedCellsOneValue: {
    zh: '“{label}”行的一个数值印成了{count}个单元格；采用第一个',
    en: 'row "{rowEn}" has {count} printed cells for one value; the first is used',
  },
  cellsMappedByHeader: {
    zh: '“{label}”行有{count}个数值单元格，而该子表有{cols}列；按表头位置对应',
    en: 'row "{rowEn}" has {count} value cells for {cols} columns; mapped by header position',
  },
  cellCountMismatch: {
    zh: '“{label}”行有{count}个数值单元格，而该子表有{cols}列；未读取',
    en: 'row "{rowEn}" has {count} value cells for {cols} columns; not read',
  },

  // ── table 四 (HTML) ──
  dataRowExtraCellsByHeader: {
    zh: '数据行有{count}个数值单元格；取表头各列下的单元格',
    en: 'data row has {count} value cells; the cells under the header columns are used',
  },
  dataRowExtraCellsLast: { zh: '数据行有{count}个数值单元格；取最后15个', en: 'data row has {count} value cells; the last 15 are used' },
  columnsReordered: { zh: '各列的顺序与模板不同；按表头对应', en: 'columns printed in a different order; mapped by header' },
  secondDataRow: { zh: '另有一个数据行，作为额外行保留', en: 'a second data row was kept as an extra row' },
  blockFewCells: { zh: '“{label}”行只有{count}个数值单元格', en: 'row "{rowEn}" has only {count} value cells' },
  transposed: {
    zh: '该表转置印刷（3行×5列）；已按单行的各列读取',
    en: 'printed transposed (3 rows × 5 columns); read into the columns of its single data row',
  },
  blockNotFound: { zh: '未找到“{label}”', en: '"{rowEn}" not found' },
  noDataRow: { zh: '没有15个单元格的数据行，也没有可读的表头；未读取', en: 'no data row of 15 cells and no readable header; not read' },
  dataRowByHeader: {
    zh: '数据行有{count}个数值单元格；按表头位置对应[，{skipped}个跨多列的单元格未读取][；未读取的列：{colsZh}]',
    en: 'data row has {count} value cells; mapped by header position[, {skipped} cell(s) spanning several columns not read][; not read: {colsEn}]',
  },

  // ── text: a row found by its label ──
  labelNotFound: { zh: '{label}：文本中未找到该行标签；未读取', en: 'row "{rowEn}": its label {label} not found in the text; not read' },
  noNumbers: { zh: '{label}：标签后没有数字；未读取', en: 'row "{rowEn}": no numbers after the label; not read' },
  moreNumbersThanColumn: {
    zh: '{label}：标签后的数字多于该行仅有的一列；未读取',
    en: 'row "{rowEn}": more numbers than the one column after the label; not read',
  },
  notANumber: { zh: '{label}：“{raw}”不是数字；未读取', en: 'row "{rowEn}": "{raw}" is not a number; not read' },
  numbersMixedWithText: { zh: '{label}：标签后数字与文字混杂；未读取', en: 'row "{rowEn}": numbers mixed with text after the label; not read' },
  splitSeveral: {
    zh: '{label}：“{run}”拆成{parts}个单元格有多种拆法；未读取',
    en: 'row "{rowEn}": "{run}" splits into {parts} cells in several ways; not read',
  },
  splitNone: {
    zh: '{label}：“{run}”无法拆成{parts}个单元格；未读取',
    en: 'row "{rowEn}": "{run}" splits into {parts} cells in no way; not read',
  },
  splitTooMany: { zh: '{label}：“{run}”可能的拆法太多；未读取', en: 'row "{rowEn}": "{run}" has too many possible splits; not read' },
  splitNoTotal: {
    zh: '{label}：“{run}”无法拆成相加等于合计的6个数；未读取',
    en: 'row "{rowEn}": "{run}" does not split into 6 parts that add up to the total; not read',
  },
  splitWays: {
    zh: '{label}：数字有{count}种拆法[（{options}）]；未读取',
    en: 'row "{rowEn}": digits split {count} ways[ ({options})]; not read',
  },
  splitByIdentity: {
    zh: '{label}：拆分方式由列之间的恒等关系选定（对该行的校验是循环的）',
    en: 'row "{rowEn}": split chosen by the column identities (checks on this row are circular)',
  },
  repeatedSecondIgnored: {
    zh: '{label}：印了两次且数值不同；忽略第二次',
    en: 'row "{rowEn}": printed twice with different values; second one ignored',
  },
  repeatedNotRead: { zh: '{label}：印了两次且数值不同；未读取', en: 'row "{rowEn}": printed twice with different values; not read' },

  // ── text: a line of a gridded table (Markdown, TSV, pasted) ──
  lineLabelFitsSeveral: {
    zh: '文本第{line}行[（PDF第{page}页）]“{label}”：标签可对应多行；未读取',
    en: 'line {line}[ (PDF page {page})] "{label}": label fits several rows; not read',
  },
  lineLabelFits: {
    zh: '文本第{line}行[（PDF第{page}页）]“{label}”：标签可对应多行（{labels}）；未读取',
    en: 'line {line}[ (PDF page {page})] "{label}": label fits {labelsEn}; not read',
  },
  lineLabelUnknown: { zh: '文本第{line}行[（PDF第{page}页）]“{label}”：无法识别行标签；未读取', en: 'line {line}[ (PDF page {page})] "{label}": label not recognised; not read' },
  lineUnderOtherColumns: {
    zh: '文本第{line}行[（PDF第{page}页）]“{label}”：位于其他列的表头之下；未读取',
    en: 'line {line}[ (PDF page {page})] "{label}": sits under a header of other columns; not read',
  },
  lineUnderRowLabels: {
    zh: '文本第{line}行[（PDF第{page}页）]“{label}”：位于由行标签组成的表头之下；未读取',
    en: 'line {line}[ (PDF page {page})] "{label}": sits under a header of row labels; not read',
  },
  lineUnderReorderedColumns: {
    zh: '文本第{line}行[（PDF第{page}页）]“{label}”：位于列顺序错乱的表头之下；未读取',
    en: 'line {line}[ (PDF page {page})] "{label}": sits under a header with columns out of order; not read',
  },
  lineValueCount: {
    zh: '文本第{line}行[（PDF第{page}页）]“{label}”：{count}个数值[（{blank}个空白）]对应{cols}列；未读取',
    en: 'line {line}[ (PDF page {page})] "{label}": {count} values[, {blank} blank] for {cols} columns; not read',
  },
  lineValuesWithText: {
    zh: '文本第{line}行[（PDF第{page}页）]“{label}”：{count}个数值[（{blank}个空白）]对应{cols}列，且其间夹有文字；未读取',
    en: 'line {line}[ (PDF page {page})] "{label}": {count} values[, {blank} blank] for {cols} columns and text among them; not read',
  },
  lineNoSplit: {
    zh: '文本第{line}行[（PDF第{page}页）]“{label}”：“{run}”无法拆成一个自洽的行；未读取',
    en: 'line {line}[ (PDF page {page})] "{label}": "{run}" does not split into one consistent row; not read',
  },
  unlabelledRows: { zh: '{count}行数字没有行标签；未读取', en: '{count} row(s) of numbers without a row label; not read' },

  // ── text: table 四 ──
  noNumbersUnderHeader: { zh: '表头下没有数字；未读取', en: 'no numbers under the header; not read' },
  separateRunsUnderHeader: { zh: '表头下有{count}段分开的数字；未读取', en: '{count} separate number runs under the header; not read' },
  blocksSplitSeveral: {
    zh: '“{run}”拆成3组（4种结果+总计）有多种拆法；未读取',
    en: '"{run}" splits into 3 blocks of 4 outcomes + total in several ways; not read',
  },
  blocksSplitNone: {
    zh: '“{run}”无法拆成3组（4种结果+总计）；未读取',
    en: '"{run}" splits into 3 blocks of 4 outcomes + total in no way; not read',
  },
  blocksSplitTooMany: {
    zh: '“{run}”拆成3组（4种结果+总计）的拆法太多；未读取',
    en: '"{run}" splits into 3 blocks of 4 outcomes + total in too many ways; not read',
  },
  blocksFound: { zh: '3组中只找到{count}组', en: 'only {count} of 3 blocks found' },
  blocksUnread: {
    zh: '{rows}行15个数值、{blocks}组5个数值、{other}行其他数字；未读取',
    en: '{rows} rows of 15 values, {blocks} blocks of 5, {other} other number rows; not read',
  },
} as const satisfies Record<string, NoteTemplate>;

export type NoteCode = keyof typeof NOTES;
export type NoteParams = Record<string, string | number | undefined>;

const TABLE_PREFIX: Record<TableId, NoteTemplate> = {
  t2: { zh: '表二：', en: 'Table 2: ' },
  t3: { zh: '表三：', en: 'Table 3: ' },
  t4: { zh: '表四：', en: 'Table 4: ' },
};

const PARAM = /\{(\w+)\}/g;

/** A template with its params filled in; an optional [ … ] part is dropped unless all of its params are given. */
export function renderNote(template: string, params: NoteParams): string {
  const given = (name: string) => params[name] !== undefined && params[name] !== '';
  return template
    .replace(/\[([^[\]]*)\]/g, (_, inner: string) => ([...inner.matchAll(PARAM)].every((m) => given(m[1]!)) ? inner : ''))
    .replace(PARAM, (_, name: string) => (given(name) ? String(params[name]) : '?'));
}

// ── names of template ids, per language ──
const T2_T3 = [templateFor('t2', '2021'), templateFor('t2', '2019'), templateFor('t3', '2021'), templateFor('t3', '2019')];

/** The template definition of a row or column id of `table`, 2021 format first (labels differ only in wording). */
function defOf(table: TableId, kind: 'row' | 'col', id: string): LabelDef | { label: string; en: string } | undefined {
  if (table === 't4') return kind === 'col' ? templateFor('t4', '2021').cols.find((d) => d.id === id) : T4_BLOCKS.find((b) => b.id === id);
  for (const t of T2_T3) if (t.table === table) for (const d of kind === 'row' ? t.rows : t.cols) if (d.id === id) return d;
  return table === 't3' && kind === 'row' ? T3_GROUP_ROWS.find((d) => d.id === id) : undefined;
}

/** The row a note names in English: by its `row` id, else by its template label (text readers pass the label). */
function rowEn(table: TableId, p: Record<string, string | number>): string | undefined {
  const id = typeof p.row === 'string' ? p.row : typeof p.block === 'string' ? p.block : undefined;
  const byId = id !== undefined ? defOf(table, 'row', id)?.en : undefined;
  if (byId) return byId;
  if (typeof p.label !== 'string') return id;
  const defs = table === 't4' ? T4_BLOCKS : T2_T3.filter((t) => t.table === table).flatMap((t) => t.rows);
  return defs.find((d) => d.label === p.label)?.en ?? p.label;
}

/** A row label short enough for a list in a one-line note: no trailing explanation, at most 14 characters. */
function shortZh(label: string): string {
  const s = label.replace(/(?<=.)（[^（）]*）$/, '');
  return s.length > 14 ? s.slice(0, 13) + '…' : s;
}

/** `a, b, …` ids in words: Chinese labels joined by 、, English labels quoted and joined by commas. */
function idList(table: TableId, kind: 'row' | 'col', ids: string, lang: 'zh' | 'en'): string {
  const names = ids.split(', ').map((id) => {
    if (id === '…') return id;
    const d = defOf(table, kind, id);
    if (lang === 'zh') return d?.label ? shortZh(d.label) : id;
    return d?.en ? `"${d.en}"` : id;
  });
  return names.join(lang === 'zh' ? '、' : ', ');
}

/** Params the sentences name ids by, rendered from the id params: {rowEn}, {rowsZh}/{rowsEn}, {colsZh}/{colsEn}. */
function names(table: TableId | undefined, p: Record<string, string | number>): { zh: NoteParams; en: NoteParams } {
  if (!table) return { zh: {}, en: {} };
  const rows = typeof p.rows === 'string' ? p.rows : undefined;
  const cols = typeof p.cols === 'string' ? p.cols : undefined;
  return {
    zh: { rowsZh: rows && idList(table, 'row', rows, 'zh'), colsZh: cols && idList(table, 'col', cols, 'zh') },
    en: { rowEn: rowEn(table, p), rowsEn: rows && idList(table, 'row', rows, 'en'), colsEn: cols && idList(table, 'col', cols, 'en') },
  };
}

/** The note for `code`: data first, both sentences rendered from it. Params left undefined are not kept. */
export function readNote(code: NoteCode, params: NoteParams & { table?: TableId } = {}): ReadNote {
  const { table, ...rest } = params;
  const kept: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== '') kept[k] = v;
  const t = NOTES[code];
  const named = names(table, kept);
  return {
    code,
    ...(table ? { table } : {}),
    ...(Object.keys(kept).length ? { params: kept } : {}),
    zh: (table ? TABLE_PREFIX[table].zh : '') + renderNote(t.zh, { ...named.zh, ...kept }),
    en: (table ? TABLE_PREFIX[table].en : '') + renderNote(t.en, { ...named.en, ...kept }),
  };
}

/** Why a section is not checkable beyond its reason, in `lang`, as « — detail»; empty when the reason says it all. */
export function detailSuffix(nc: Pick<NotCheckable, 'note'>, lang: 'zh' | 'en'): string {
  return nc.note ? ` — ${nc.note[lang]}` : '';
}

/** A not-checkable entry explained by a note: `detail` (English) for the contract, `note` for both languages. */
export function explained(entry: Omit<NotCheckable, 'detail' | 'note'>, note: ReadNote): NotCheckable {
  return { ...entry, detail: note.en, note };
}
