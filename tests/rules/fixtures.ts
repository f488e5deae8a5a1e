// Building test reports from compact descriptions (a 25×7 matrix for t3, 15 numbers for t4 …).
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parseNumberCell } from '../../core/read/numbers';
import { cellKey } from '../../core/model/ids';
import type { Cell, Report, Section, TableId } from '../../core/model/schema';
import { T3_2019, T3_2021, T3_PARTS, T4 } from '../../core/model/templates';
import type { RuleCase } from '../../core/rules/types';

export type Printed = number | string;

export const T3_ROWS_2021 = T3_2021.rows.map((r) => r.id);
export const T3_ROWS_2019 = T3_2019.rows.map((r) => r.id);
export const T3_COLS = [...T3_PARTS, 'total'];
export const T4_COLS = T4.cols.map((c) => c.id);

// Huixian 2023 (corpus/seed/huixian-2023.txt), typed by hand from the sample; every identity holds.
const z7 = [0, 0, 0, 0, 0, 0, 0];
export const HUIXIAN_T3: Record<string, number[]> = {
  newReceived: [116, 0, 0, 0, 0, 5, 121],
  carriedOver: z7,
  granted: [83, 0, 0, 0, 0, 5, 88],
  partial: [2, 0, 0, 0, 0, 0, 2],
  'denied.stateSecret': z7,
  'denied.lawForbidden': z7,
  'denied.threeSafetyOneStability': z7,
  'denied.thirdParty': [1, 0, 0, 0, 0, 0, 1],
  'denied.internalAffairs': [1, 0, 0, 0, 0, 0, 1],
  'denied.processInfo': z7,
  'denied.enforcementFile': z7,
  'denied.adminQuery': z7,
  'unable.notHeld': [26, 0, 0, 0, 0, 0, 26],
  'unable.needsCreation': z7,
  'unable.unclear': z7,
  'notProcessed.complaint': z7,
  'notProcessed.repeated': [1, 0, 0, 0, 0, 0, 1],
  'notProcessed.publication': z7,
  'notProcessed.massRepeated': z7,
  'notProcessed.confirmReissue': z7,
  'other.noCorrection': [2, 0, 0, 0, 0, 0, 2],
  'other.unpaidFee': z7,
  'other.misc': z7,
  totalProcessed: [116, 0, 0, 0, 0, 5, 121],
  carriedForward: z7,
};
export const HUIXIAN_T4 = [1, 4, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
export const HUIXIAN_T2: Record<string, Record<string, Printed>> = {
  regulations: { issued: 0, repealed: 0, inForce: 0 },
  normativeDocs: { issued: 5, repealed: 0, inForce: 70 },
  licensing: { decisions: 14067 },
  penalty: { decisions: 3681 },
  coercion: { decisions: 0 },
  adminFees: { feeAmountWan: '20587.3303' },
};

const SEED = fileURLToPath(new URL('../fixtures/corpus/seed/huixian-2023.txt', import.meta.url));
const SECTION_HEADS: [string, string][] = [
  ['sec.overview', '一、总体情况'],
  ['sec.proactive', '二、主动公开政府信息情况'],
  ['sec.applications', '三、收到和处理政府信息公开申请情况'],
  ['sec.reviewLitigation', '四、政府信息公开行政复议、行政诉讼情况'],
  ['sec.problems', '五、存在的主要问题及改进情况'],
  ['sec.other', '六、其他需要报告的事项'],
];

/** The seed sample's six sections, split at their printed headings (a stand-in until read/meta.ts lands). */
export function huixianSections(): Section[] {
  const text = readFileSync(SEED, 'utf8');
  const starts = SECTION_HEADS.map(([, t]) => text.indexOf(`\n${t}`));
  return SECTION_HEADS.map(([id, title], i) => {
    const from = starts[i]! + title.length + 1;
    const to = i + 1 < starts.length ? starts[i + 1]! : text.length;
    return { id, title, text: text.slice(from, to).trim() };
  });
}

function parse(table: TableId, col: string, raw: string) {
  const decimal = table === 't2' && (col === 'feeAmountWan' || col === 'procurementAmount');
  return parseNumberCell(raw, { allowDecimal: decimal, allowSign: table === 't2' && col === 'itemsDelta' });
}

export function makeCell(table: TableId, row: string, col: string, printed: Printed): Cell {
  const p = parse(table, col, String(printed));
  return { table, row, col, raw: p.raw, value: p.value, kind: p.kind, ...(p.unit ? { unit: p.unit } : {}), source: { type: 'text', line: 0, column: 0 } };
}

export interface ReportDesc {
  format?: Report['format'];
  year?: number | null;
  agency?: string | null;
  title?: string | null;
  /** rows of t3 by id (7 printed values each) or a matrix in template row order */
  t3?: Record<string, Printed[]> | Printed[][] | null;
  /** the 15 t4 values in template order */
  t4?: Printed[] | null;
  t2?: Record<string, Record<string, Printed>> | null;
  sections?: Section[];
  tablesFound?: TableId[];
}

export function buildReport(d: ReportDesc = {}): Report {
  const format = d.format ?? '2021';
  const cells: Cell[] = [];
  if (d.t3 !== null) {
    const t3 = d.t3 ?? HUIXIAN_T3;
    const rows = format === '2019' ? T3_ROWS_2019 : T3_ROWS_2021;
    const entries: [string, Printed[]][] = Array.isArray(t3) ? t3.map((vals, i) => [rows[i]!, vals]) : Object.entries(t3);
    for (const [row, vals] of entries) vals.forEach((v, i) => cells.push(makeCell('t3', row, T3_COLS[i]!, v)));
  }
  if (d.t4 !== null) (d.t4 ?? HUIXIAN_T4).forEach((v, i) => cells.push(makeCell('t4', 'cases', T4_COLS[i]!, v)));
  if (d.t2 !== null) {
    for (const [row, cols] of Object.entries(d.t2 ?? HUIXIAN_T2)) for (const [col, v] of Object.entries(cols)) cells.push(makeCell('t2', row, col, v));
  }
  const tables = new Set(cells.map((c) => c.table));
  return {
    format,
    year: d.year === undefined ? 2023 : d.year,
    agency: d.agency === undefined ? '辉县市人民政府' : d.agency,
    title: d.title === undefined ? `${d.agency ?? '辉县市人民政府'} ${d.year ?? 2023} 年政府信息公开工作年度报告` : d.title,
    tablesFound: d.tablesFound ?? (['t2', 't3', 't4'] as TableId[]).filter((t) => tables.has(t)),
    cells,
    extras: [],
    sections: d.sections ?? huixianSections(),
    notCheckable: [],
    readNotes: [],
  };
}

/** Collapse a 2021 t3 description into the 2019 layout (one （六）其他处理 row). */
export function to2019(t3: Record<string, number[]>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [row, vals] of Object.entries(t3)) {
    if (row.startsWith('other.')) {
      out.other = (out.other ?? z7).map((v, i) => v + vals[i]!);
    } else out[row] = vals;
  }
  // keep template order
  return Object.fromEntries(T3_ROWS_2019.map((r) => [r, out[r]!]));
}

/** Replace, add or remove cells: `changes` maps `table:row:col` to the printed text; `remove` may end in `:*`. */
export function withCells(report: Report, changes: Record<string, Printed> = {}, remove: string[] = []): Report {
  const cells = report.cells.filter((c) => {
    const key = cellKey(c);
    return !remove.some((r) => (r.endsWith(':*') ? key.startsWith(r.slice(0, -1)) : key === r));
  });
  for (const [key, printed] of Object.entries(changes)) {
    const [table, row, col] = key.split(':') as [TableId, string, string];
    const cell = makeCell(table, row, col, printed);
    const i = cells.findIndex((c) => cellKey(c) === key);
    if (i >= 0) cells[i] = cell;
    else cells.push(cell);
  }
  return { ...report, cells };
}

type CaseChange = Omit<RuleCase, 'name' | 'expect' | 'previous'>;

/** The report a rule case describes: the base report with the case's changes. */
export function applyCase(base: Report, c: CaseChange): Report {
  let r = withCells(base, c.cells ?? {}, c.remove ?? []);
  if (c.sections) {
    const titles = new Map(SECTION_HEADS);
    r = { ...r, sections: Object.entries(c.sections).map(([id, text]) => ({ id, title: titles.get(id) ?? '', text })) };
  }
  if (c.meta) {
    const { tablesFound, ...meta } = c.meta;
    r = { ...r, ...meta, ...(tablesFound ? { tablesFound } : {}) };
  }
  if (c.extras) r = { ...r, extras: c.extras.map((e) => ({ ...e, raw: [], source: { type: 'text' as const, line: 0, column: 0 } })) };
  return r;
}

/** Base reports for a case: (previous year, current year). */
export function caseReports(c: RuleCase): { previous: Report; current: Report } {
  const base = buildReport();
  const current = applyCase(base, c);
  const prevBase = { ...buildReport(), year: (current.year ?? 2023) - 1 };
  const previous = applyCase(prevBase, c.previous ?? {});
  return { previous, current };
}
