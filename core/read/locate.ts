// Finding tables 二/三/四 among a page's tables (spec §6 last line, §9 V8, V9, V14, V18, V19):
// header fingerprints first, section headings as support; consecutive parts of one table are merged.
import type { ReadNote, TableId } from '../model/schema';
import { readNote } from './notes';
import { buildGrid, type Grid } from './grid';
import type { Scan, SectionNo } from './dom-scan';

export interface LocatedPart {
  tableIndex: number;
  grid: Grid;
}

export interface LocatedTable {
  id: TableId;
  /** the <table> elements (with their grids) the table is spread over, document order */
  parts: LocatedPart[];
  score: number;
}

export interface Located {
  tables: Partial<Record<TableId, LocatedTable>>;
  notes: ReadNote[];
  /** grids built while locating, by table index (reused by the reader) */
  grids: Map<number, Grid>;
}

// Fingerprint tokens, compared with cell labels (spaces removed, full-width brackets kept as printed).
const TOKENS: Record<TableId, readonly string[]> = {
  t2: [
    '第二十条', '信息内容', '规章', '规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '本年制发件数',
    '本年废止件数', '现行有效件数', '处理决定数量', '收费金额', '本年新制作数量', '本年新公开数量', '对外公开总数量',
    '上一年项目数量', '政府集中采购', '其他对外管理服务事项',
  ],
  t3: [
    '勾稽', '申请人情况', '自然人', '商业企业', '科研机构', '公益组织', '法律服务机构', '法人或其他组织', '法人和其他组织',
    '本年新收', '上年结转', '本年度办理结果', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理',
    '结转下年度', '结转下一年度', '国家秘密', '三安全一稳定', '第三方合法权益', '内部事务信息', '过程性信息',
    '行政执法案卷', '行政查询事项', '不掌握相关政府信息', '另行制作', '信访举报投诉', '重复申请', '公开出版物',
    '大量反复申请', '逾期不补正', '缴纳费用',
  ],
  t4: ['行政复议', '行政诉讼', '未经复议直接起诉', '未经复议直接诉讼', '复议后起诉', '结果维持', '结果纠正', '其他结果', '尚未审结'],
};
const SECTION_OF: Record<TableId, SectionNo> = { t2: 2, t3: 3, t4: 4 };
const IDS: TableId[] = ['t2', 't3', 't4'];
/** the tokens by their first character, with their table kind */
const TOKENS_BY_FIRST = new Map<string, [TableId, string][]>();
for (const id of IDS)
  for (const tok of TOKENS[id]) {
    const starting = TOKENS_BY_FIRST.get(tok[0]!) ?? [];
    starting.push([id, tok]);
    TOKENS_BY_FIRST.set(tok[0]!, starting);
  }

export interface Fingerprint {
  score: Record<TableId, number>;
  /** cells that print a number */
  numeric: number;
}

/** Distinct fingerprint tokens per table kind found in a grid's own cells (layout cells skipped). */
export function fingerprint(grid: Grid): Fingerprint {
  const seen: Record<TableId, Set<string>> = { t2: new Set(), t3: new Set(), t4: new Set() };
  let numeric = 0;
  for (const cell of grid.cells) {
    if (cell.hasTable) continue;
    const l = cell.label;
    if (!l) continue;
    if (l.length > 90) continue;
    if (/^[\d,.，．０-９]+$/.test(l)) {
      numeric++;
      continue;
    }
    // each position of the label against the tokens starting with its character: one pass, not one per token
    for (let i = 0; i < l.length; i++) {
      const starting = TOKENS_BY_FIRST.get(l[i]!);
      if (starting) for (const [id, tok] of starting) if (l.startsWith(tok, i)) seen[id].add(tok);
    }
  }
  return { score: { t2: seen.t2.size, t3: seen.t3.size, t4: seen.t4.size }, numeric };
}

function classify(fp: Fingerprint, section: SectionNo | 0): { id: TableId; score: number } | null {
  let best: TableId | null = null;
  let bestScore = 0;
  for (const id of IDS) {
    // the heading the table sits under counts as one more token
    const s = fp.score[id] + (section === SECTION_OF[id] ? 1 : 0);
    if (s > bestScore) {
      best = id;
      bestScore = s;
    }
  }
  if (!best) return null;
  const own = fp.score[best];
  const under = section === SECTION_OF[best];
  // two words outside the table's own section may be a narrative table (行政复议 N 件 / 行政诉讼 N 件)
  if (own >= 3 || (own >= 2 && under) || (own >= 1 && under && fp.numeric > 0)) return { id: best, score: bestScore };
  return null;
}

export function locateTables(scan: Scan): Located {
  const notes: ReadNote[] = [];
  const grids = new Map<number, Grid>();
  const hasChildTable = new Array<boolean>(scan.tables.length).fill(false);
  for (const p of scan.tableParent) if (p >= 0) hasChildTable[p] = true;

  interface Candidate {
    index: number;
    id: TableId | null;
    score: number;
    numeric: number;
    section: SectionNo | 0;
  }
  const cands: Candidate[] = [];
  for (let i = 0; i < scan.tables.length; i++) {
    if (scan.tableOversized[i]) continue;
    const grid = scan.grids?.[i] ?? buildGrid(scan.tables[i]!);
    if (grid.rowCount === 0) continue;
    const fp = fingerprint(grid);
    // a layout table whose own cells carry no fingerprint is passed over; its nested tables are candidates
    const c = classify(fp, scan.tableSection[i] ?? 0);
    if (!c && hasChildTable[i]) continue;
    grids.set(i, grid);
    cands.push({ index: i, id: c?.id ?? null, score: c?.score ?? 0, numeric: fp.numeric, section: scan.tableSection[i] ?? 0 });
  }

  // Unclassified tables with numbers right after a classified one under the same heading are continuations
  // (a split table whose tail carries no fingerprint).
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    const prev = cands[k - 1]!;
    if (!c.id && prev.id && c.numeric > 0 && c.section === prev.section && scan.tableParent[c.index] === scan.tableParent[prev.index])
      c.id = prev.id;
  }

  // Runs of consecutive candidates of the same kind are one table.
  const runs: LocatedTable[] = [];
  let cur: LocatedTable | null = null;
  for (const c of cands) {
    if (!c.id) continue;
    if (cur && cur.id === c.id) {
      cur.parts.push({ tableIndex: c.index, grid: grids.get(c.index)! });
      cur.score += c.score;
    } else {
      cur = { id: c.id, parts: [{ tableIndex: c.index, grid: grids.get(c.index)! }], score: c.score };
      runs.push(cur);
    }
  }
  const out: Partial<Record<TableId, LocatedTable>> = {};
  for (const id of IDS) {
    const mine = runs.filter((r) => r.id === id);
    if (mine.length === 0) continue;
    let best = mine[0]!;
    for (const r of mine) if (r.score > best.score) best = r;
    if (mine.length > 1) notes.push(readNote('candidateTables', { table: id, count: mine.length, tableIndex: best.parts[0]!.tableIndex }));
    if (best.parts.length > 1) notes.push(readNote('tableMerged', { table: id, count: best.parts.length }));
    out[id] = best;
  }
  return { tables: out, notes, grids };
}
