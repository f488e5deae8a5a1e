// The one way a cell, row or column is named in words, shared by messages (explain/messages.ts) and exports
// (export/labels.ts: CSV, audit record, CLI, the extension's suspect lines), so that both name a cell identically.
// Labels are format-aware: a 2019 report's cells get the 2019 template's labels (规范性文件, 处理决定数量).
import type { CellRef, FormatVersion, Suspect, TableId } from '../model/schema';
import { T3_GROUP_ROWS, templateFor, type LabelDef, type TemplateFormat } from '../model/templates';

export type Lang = 'zh' | 'en';

/** Older/unknown formats have no template of their own; the 2021 labels are the closest names. */
export function templateFormat(format: FormatVersion): TemplateFormat {
  return format === '2019' ? '2019' : '2021';
}

const OTHER: Record<TemplateFormat, TemplateFormat> = { '2021': '2019', '2019': '2021' };

type Labels = Map<string, string>;
// Built on first use: every message names cells, hundreds per report.
const cache: Partial<Record<string, Labels>> = {};

/** A template's rows or columns; t3 rows with the group rows a collapsed group is read into (spec §0). */
function defs(table: TableId, format: TemplateFormat, kind: 'row' | 'col'): readonly LabelDef[] {
  const t = templateFor(table, format);
  if (kind === 'col') return t.cols;
  return table === 't3' ? [...t.rows, ...T3_GROUP_ROWS] : t.rows;
}

/**
 * id → label of the format's template, then of the other format's: a 2021 report printed with the 2019
 * collapsed （六）其他处理 row (Huai'an Hongze) still gets a label for `other`, never its id.
 */
function labels(table: TableId, format: TemplateFormat, kind: 'row' | 'col', lang: Lang): Labels {
  const key = table + format + kind + lang;
  let m = cache[key];
  if (!m) {
    m = new Map();
    for (const f of [format, OTHER[format]])
      for (const d of defs(table, f, kind)) {
        const label = lang === 'zh' ? d.label : d.en;
        if (label !== undefined && !m.has(d.id)) m.set(d.id, label);
      }
    cache[key] = m;
  }
  return m;
}

/** Label of a row id, or undefined when no template knows it. */
export function rowName(table: TableId, format: TemplateFormat, id: string, lang: Lang = 'zh'): string | undefined {
  return labels(table, format, 'row', lang).get(id);
}

/** Label of a column id, or undefined when no template knows it. */
export function colName(table: TableId, format: TemplateFormat, id: string, lang: Lang = 'zh'): string | undefined {
  return labels(table, format, 'col', lang).get(id);
}

const TABLE_ZH: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' };
const TABLE_EN: Record<TableId, string> = { t2: 'Table 2', t3: 'Table 3', t4: 'Table 4' };

/**
 * 表三「（一）予以公开 × 自然人」 / Table 3 "(1) granted × natural persons"; t4 has one row and names only its
 * column: 表四「行政复议·总计」. `format` is the report's format, or a template format already resolved.
 */
export function cellName(ref: CellRef, format: FormatVersion, lang: Lang): string {
  const f = templateFormat(format);
  // every message names cells, the same few hundred over and over
  const memo = cellNames[f][lang];
  return memo.get(ref.table, ref.row, ref.col) ?? memo.set(ref.table, ref.row, ref.col, nameCell(ref, f, lang));
}

/**
 * Names memoised by three ids (table, row, column), in nested maps so that a lookup builds no key string; emptied
 * when it grows past `max` (a page with thousands of made-up ids cannot make it grow without end).
 */
export class NameMemo {
  private readonly names = new Map<string, Map<string, Map<string, string>>>();
  private size = 0;
  constructor(private readonly max = 4096) {}

  // get, then set on a miss: no closure is made per lookup
  get(a: string, b: string, c: string): string | undefined {
    return this.names.get(a)?.get(b)?.get(c);
  }

  set(a: string, b: string, c: string, name: string): string {
    if (++this.size > this.max) {
      this.names.clear();
      this.size = 1;
    }
    let bs = this.names.get(a);
    if (!bs) this.names.set(a, (bs = new Map()));
    let cs = bs.get(b);
    if (!cs) bs.set(b, (cs = new Map()));
    cs.set(c, name);
    return name;
  }
}

/** One memo per template format and language. */
export function memoPerFormat(): Record<TemplateFormat, Record<Lang, NameMemo>> {
  return { '2021': { zh: new NameMemo(), en: new NameMemo() }, '2019': { zh: new NameMemo(), en: new NameMemo() } };
}

const cellNames = memoPerFormat();

function nameCell(ref: CellRef, f: TemplateFormat, lang: Lang): string {
  const col = colName(ref.table, f, ref.col, lang) ?? ref.col;
  if (lang === 'en') {
    if (ref.table === 't4') return `${TABLE_EN.t4} "${col}"`;
    return `${TABLE_EN[ref.table]} "${rowName(ref.table, f, ref.row, 'en') ?? ref.row} × ${col}"`;
  }
  if (ref.table === 't4') return `${TABLE_ZH.t4}「${col}」`;
  return `${TABLE_ZH[ref.table]}「${rowName(ref.table, f, ref.row) ?? ref.row} × ${col}」`;
}

/** Ids only one format's template has, each naming that format. */
const ONLY: Map<string, TemplateFormat> = (() => {
  const m = new Map<string, TemplateFormat>();
  for (const table of ['t2', 't3'] as const)
    for (const kind of ['row', 'col'] as const)
      for (const f of ['2021', '2019'] as const) {
        const mine = new Set(defs(table, f, kind).map((d) => d.id));
        const theirs = new Set(defs(table, OTHER[f], kind).map((d) => d.id));
        for (const id of mine) if (!theirs.has(id)) m.set(`${table}:${kind}:${id}`, f);
      }
  return m;
})();

/**
 * The template format of cells whose report format is not known: the format of the first cell only one
 * template has (a 2019 `publishedTotal` column, a 2021 `other.misc` row), else 2021.
 */
export function formatOfCells(refs: Iterable<CellRef>): TemplateFormat {
  for (const r of refs) {
    const f = ONLY.get(`${r.table}:col:${r.col}`) ?? ONLY.get(`${r.table}:row:${r.row}`);
    if (f) return f;
  }
  return '2021';
}

/** Typo kinds in Chinese, one wording for messages and suspect lines. */
export const TYPO_ZH: Record<NonNullable<Suspect['typo']>, string> = {
  swap: '数字颠倒',
  drop: '漏打一位',
  double: '多打一位重复数字',
  mistype: '打错一位',
  insert: '多打一位',
};
