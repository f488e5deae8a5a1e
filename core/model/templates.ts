// The 2021 and 2019 national formats as data (spec §3–§5). Ids are the spec §0 short ids.
// `variants` are further labels seen in real reports; matching is on normalised text (see read/labels.ts).
import type { TableId } from './schema';

export interface LabelDef {
  id: string;
  label: string;
  /** English name for messages (the printed Chinese label stays in CSV) */
  en?: string;
  variants?: readonly string[];
  /** the group a t3 row belongs to (denied, unable, notProcessed, other) */
  group?: string;
}

export interface SubTableDef {
  /** e.g. art20_1 */
  id: string;
  caption: string;
  rows: readonly LabelDef[];
  cols: readonly LabelDef[];
}

export interface TableTemplate {
  table: TableId;
  /** t2 is a stack of sub-tables; t3/t4 are single grids */
  subTables?: readonly SubTableDef[];
  rows: readonly LabelDef[];
  cols: readonly LabelDef[];
}

export type TemplateFormat = '2021' | '2019';

// ── Table 二 ────────────────────────────────────────────────────────────────
const regulations: LabelDef = { id: 'regulations', label: '规章', en: 'regulations' };
const normativeDocs: LabelDef = { id: 'normativeDocs', label: '行政规范性文件', en: 'normative documents', variants: ['规范性文件'] };
const licensing: LabelDef = { id: 'licensing', label: '行政许可', en: 'licensing decisions' };
const penalty: LabelDef = { id: 'penalty', label: '行政处罚', en: 'penalty decisions' };
const coercion: LabelDef = { id: 'coercion', label: '行政强制', en: 'coercion decisions' };
const adminFees: LabelDef = { id: 'adminFees', label: '行政事业性收费', en: 'administrative fees' };

const t2Art20_1_2021: SubTableDef = {
  id: 'art20_1',
  caption: '第二十条第（一）项',
  rows: [regulations, normativeDocs],
  cols: [
    { id: 'issued', label: '本年制发件数', en: 'issued this year', variants: ['本年新制发件数', '制发件数'] },
    { id: 'repealed', label: '本年废止件数', en: 'repealed this year', variants: ['废止件数'] },
    { id: 'inForce', label: '现行有效件数', en: 'in force', variants: ['现行有效'] },
  ],
};
const decisions2021: LabelDef = { id: 'decisions', label: '本年处理决定数量', en: 'decisions this year', variants: ['处理决定数量', '本年处理决定数'] };

export const T2_2021: TableTemplate = {
  table: 't2',
  subTables: [
    t2Art20_1_2021,
    { id: 'art20_5', caption: '第二十条第（五）项', rows: [licensing], cols: [decisions2021] },
    { id: 'art20_6', caption: '第二十条第（六）项', rows: [penalty, coercion], cols: [decisions2021] },
    {
      id: 'art20_8',
      caption: '第二十条第（八）项',
      rows: [adminFees],
      cols: [{ id: 'feeAmountWan', label: '本年收费金额（单位：万元）', en: 'fees this year (10k yuan)', variants: ['本年收费金额', '收费金额'] }],
    },
  ],
  rows: [regulations, normativeDocs, licensing, penalty, coercion, adminFees],
  cols: [...t2Art20_1_2021.cols, decisions2021, { id: 'feeAmountWan', label: '本年收费金额（单位：万元）', en: 'fees this year (10k yuan)' }],
};

const itemsLastYear: LabelDef = { id: 'itemsLastYear', label: '上一年项目数量', en: 'items last year' };
const itemsDelta: LabelDef = { id: 'itemsDelta', label: '本年增/减', en: 'change this year', variants: ['本年增减', '本年增/减数量'] };
const decisions2019: LabelDef = { id: 'decisions', label: '处理决定数量', en: 'decisions', variants: ['本年处理决定数量'] };
const t2v19Art20_1: SubTableDef = {
  id: 'art20_1',
  caption: '第二十条第（一）项',
  rows: [regulations, { ...normativeDocs, label: '规范性文件', en: 'normative documents', variants: ['行政规范性文件'] }],
  cols: [
    { id: 'newlyMade', label: '本年新制作数量', en: 'newly made this year' },
    { id: 'newlyPublished', label: '本年新公开数量', en: 'newly published this year' },
    { id: 'publishedTotal', label: '对外公开总数量', en: 'published in total' },
  ],
};
const otherServices: LabelDef = { id: 'otherServices', label: '其他对外管理服务事项', en: 'other public management services' };
const centralProcurement: LabelDef = { id: 'centralProcurement', label: '政府集中采购', en: 'centralised government procurement' };

export const T2_2019: TableTemplate = {
  table: 't2',
  subTables: [
    t2v19Art20_1,
    { id: 'art20_5', caption: '第二十条第（五）项', rows: [licensing, otherServices], cols: [itemsLastYear, itemsDelta, decisions2019] },
    { id: 'art20_6', caption: '第二十条第（六）项', rows: [penalty, coercion], cols: [itemsLastYear, itemsDelta, decisions2019] },
    { id: 'art20_8', caption: '第二十条第（八）项', rows: [adminFees], cols: [itemsLastYear, itemsDelta] },
    {
      id: 'art20_9',
      caption: '第二十条第（九）项',
      rows: [centralProcurement],
      cols: [
        { id: 'procurementCount', label: '采购项目数量', en: 'procurement projects' },
        { id: 'procurementAmount', label: '采购总金额', en: 'procurement amount' },
      ],
    },
  ],
  rows: [...t2v19Art20_1.rows, licensing, otherServices, penalty, coercion, adminFees, centralProcurement],
  cols: [...t2v19Art20_1.cols, itemsLastYear, itemsDelta, decisions2019, { id: 'procurementCount', label: '采购项目数量', en: 'procurement projects' }, { id: 'procurementAmount', label: '采购总金额', en: 'procurement amount' }],
};

// ── Table 三 ────────────────────────────────────────────────────────────────
export const T3_COLS: readonly LabelDef[] = [
  { id: 'naturalPerson', label: '自然人', en: 'natural persons' },
  { id: 'commercial', label: '商业企业', en: 'commercial enterprises', variants: ['企业'] },
  { id: 'research', label: '科研机构', en: 'research institutions', variants: ['科研'] },
  { id: 'publicInterest', label: '社会公益组织', en: 'public-interest organisations', variants: ['公益组织', '社会组织'] },
  { id: 'legalService', label: '法律服务机构', en: 'legal service providers', variants: ['法律服务'] },
  { id: 'otherOrg', label: '其他', en: 'other organisations' },
  { id: 'total', label: '总计', en: 'total', variants: ['合计'] },
];
/** the six applicant columns whose sum is `total` */
export const T3_PARTS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;

const T3_HEAD_ROWS: readonly LabelDef[] = [
  { id: 'newReceived', label: '一、本年新收政府信息公开申请数量', en: 'new applications this year', variants: ['本年新收'] },
  { id: 'carriedOver', label: '二、上年结转政府信息公开申请数量', en: 'carried over from last year', variants: ['上年结转'] },
  { id: 'granted', label: '（一）予以公开', en: '(1) granted', variants: ['予以公开情况'] },
  { id: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', en: '(2) partially granted', variants: ['部分公开', '部分公开（区分处理）'] },
  { id: 'denied.stateSecret', label: '1.属于国家秘密', en: '(3) denied — 1. state secret', group: 'denied', variants: ['国家秘密'] },
  { id: 'denied.lawForbidden', label: '2.其他法律行政法规禁止公开', en: '(3) denied — 2. prohibited by other laws or regulations', group: 'denied', variants: ['法律行政法规禁止公开', '其他法律行政止公开'] },
  { id: 'denied.threeSafetyOneStability', label: '3.危及“三安全一稳定”', en: '(3) denied — 3. endangers the “three securities and one stability”', group: 'denied', variants: ['三安全一稳定'] },
  { id: 'denied.thirdParty', label: '4.保护第三方合法权益', en: '(3) denied — 4. protects third-party rights', group: 'denied', variants: ['第三方合法权益'] },
  { id: 'denied.internalAffairs', label: '5.属于三类内部事务信息', en: '(3) denied — 5. internal affairs', group: 'denied', variants: ['内部事务信息'] },
  { id: 'denied.processInfo', label: '6.属于四类过程性信息', en: '(3) denied — 6. process information', group: 'denied', variants: ['过程性信息'] },
  { id: 'denied.enforcementFile', label: '7.属于行政执法案卷', en: '(3) denied — 7. law-enforcement files', group: 'denied', variants: ['行政执法案卷'] },
  { id: 'denied.adminQuery', label: '8.属于行政查询事项', en: '(3) denied — 8. administrative query matters', group: 'denied', variants: ['行政查询事项'] },
  { id: 'unable.notHeld', label: '1.本机关不掌握相关政府信息', en: '(4) unable to provide — 1. information not held', group: 'unable', variants: ['不掌握相关政府信息'] },
  { id: 'unable.needsCreation', label: '2.没有现成信息需要另行制作', en: '(4) unable to provide — 2. would have to be created', group: 'unable', variants: ['需要另行制作'] },
  { id: 'unable.unclear', label: '3.补正后申请内容仍不明确', en: '(4) unable to provide — 3. request still unclear after amendment', group: 'unable', variants: ['申请内容不明确', '申请内容仍不明确'] },
  { id: 'notProcessed.complaint', label: '1.信访举报投诉类申请', en: '(5) not processed — 1. petitions, reports and complaints', group: 'notProcessed', variants: ['信访举报投诉'] },
  { id: 'notProcessed.repeated', label: '2.重复申请', en: '(5) not processed — 2. repeated applications', group: 'notProcessed' },
  { id: 'notProcessed.publication', label: '3.要求提供公开出版物', en: '(5) not processed — 3. requests for publications', group: 'notProcessed', variants: ['公开出版物'] },
  { id: 'notProcessed.massRepeated', label: '4.无正当理由大量反复申请', en: '(5) not processed — 4. mass repeated applications without good reason', group: 'notProcessed', variants: ['大量反复申请'] },
  {
    id: 'notProcessed.confirmReissue',
    label: '5.要求行政机关确认或重新出具已获取信息',
    en: '(5) not processed — 5. requests to confirm or reissue information already obtained',
    group: 'notProcessed',
    variants: ['要求行政机关确认或重新出具'],
  },
];
const T3_TAIL_ROWS: readonly LabelDef[] = [
  { id: 'totalProcessed', label: '（七）总计', en: '(7) total processed', variants: ['总计', '合计', '办理结果合计'] },
  { id: 'carriedForward', label: '四、结转下年度继续办理', en: 'carried forward to next year', variants: ['结转下一年度继续办理', '结转下年度'] },
];
export const T3_OTHER_2021: readonly LabelDef[] = [
  {
    id: 'other.noCorrection',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    en: '(6) other handling — 1. applicant did not amend in time',
    group: 'other',
    variants: ['逾期不补正'],
  },
  {
    id: 'other.unpaidFee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    en: '(6) other handling — 2. applicant did not pay the fee in time',
    group: 'other',
    variants: ['逾期未缴费', '逾期未按收费通知要求缴纳费用'],
  },
  { id: 'other.misc', label: '3.其他', en: '(6) other handling — 3. other', group: 'other' },
];

export const T3_2021: TableTemplate = {
  table: 't3',
  rows: [...T3_HEAD_ROWS, ...T3_OTHER_2021, ...T3_TAIL_ROWS],
  cols: T3_COLS,
};
export const T3_2019: TableTemplate = {
  table: 't3',
  rows: [...T3_HEAD_ROWS, { id: 'other', label: '（六）其他处理', en: '(6) other handling', group: 'other' }, ...T3_TAIL_ROWS],
  cols: T3_COLS,
};

/** Group headings of t3 (printed in a rowspan cell beside their leaves). */
export const T3_GROUPS: Record<string, string> = {
  results: '三、本年度办理结果',
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  other: '（六）其他处理',
};
export const T3_GROUPS_EN: Record<string, string> = {
  results: '3. outcomes this year',
  denied: '(3) denied',
  unable: '(4) unable to provide',
  notProcessed: '(5) not processed',
  other: '(6) other handling',
};

// ── Groups printed collapsed (spec §0) ──
// Some reports print a group of 表三 as one row where the format has sub-rows (seen: （六）其他处理 as one row in
// 2021-format reports). That row is the group's total, a cell of the derived group row `grp.<group>` (spec §4.2);
// its sub-rows are then unknown and every identity uses the group total in their place.
export const T3_GROUP_IDS = ['denied', 'unable', 'notProcessed', 'other'] as const;
export type T3Group = (typeof T3_GROUP_IDS)[number];

/** `grp.other` … : the row id of a group printed collapsed */
export const groupRowId = (group: T3Group): string => `grp.${group}`;

/** The derived group rows, for reading and naming a collapsed group (label = the group heading as printed). */
export const T3_GROUP_ROWS: readonly LabelDef[] = T3_GROUP_IDS.map((g) => ({
  id: groupRowId(g),
  label: T3_GROUPS[g]!,
  en: T3_GROUPS_EN[g]!,
  group: g,
}));

/** The sub-rows of a group in a format; empty where the format prints the group as one row (2019's （六）, id `other`). */
export function t3GroupMembers(format: TemplateFormat, group: T3Group): string[] {
  if (format === '2019' && group === 'other') return [];
  return (format === '2019' ? T3_2019 : T3_2021).rows.filter((r) => r.group === group).map((r) => r.id);
}

/** The groups read collapsed: the group row `grp.<group>` is among the rows read. */
export function collapsedGroups(rows: Iterable<string>): Set<T3Group> {
  const out = new Set<T3Group>();
  for (const r of rows) for (const g of T3_GROUP_IDS) if (r === groupRowId(g)) out.add(g);
  return out;
}

/**
 * The t3 rows of a format in printed order, each collapsed group's sub-rows replaced by its group row where the
 * first of them stood.
 */
export function t3RowDefs(format: TemplateFormat, collapsed: ReadonlySet<T3Group> = new Set()): LabelDef[] {
  const rows = (format === '2019' ? T3_2019 : T3_2021).rows;
  if (collapsed.size === 0) return [...rows];
  const out: LabelDef[] = [];
  for (const r of rows) {
    const g = r.group as T3Group | undefined;
    if (!g || !collapsed.has(g) || t3GroupMembers(format, g).length === 0) out.push(r);
    else if (!out.some((d) => d.id === groupRowId(g))) out.push(T3_GROUP_ROWS.find((d) => d.group === g)!);
  }
  return out;
}

/**
 * The leaf outcome rows L of spec §4.2, whose sum is totalProcessed; a group printed collapsed counts as one leaf,
 * its group row.
 */
export function t3Leaves(format: TemplateFormat, collapsed: ReadonlySet<T3Group> = new Set()): string[] {
  return t3RowDefs(format, collapsed)
    .filter((r) => r.id !== 'newReceived' && r.id !== 'carriedOver' && r.id !== 'totalProcessed' && r.id !== 'carriedForward')
    .map((r) => r.id);
}

// ── Table 四 ────────────────────────────────────────────────────────────────
export const T4_BLOCKS = [
  { id: 'review', label: '行政复议', en: 'administrative review' },
  { id: 'litDirect', label: '未经复议直接起诉', en: 'litigation without prior review', variants: ['未经复议直接诉讼'] },
  { id: 'litAfterReview', label: '复议后起诉', en: 'litigation after review' },
] as const;
export const T4_OUTCOMES: readonly LabelDef[] = [
  { id: 'upheld', label: '结果维持', en: 'upheld' },
  { id: 'corrected', label: '结果纠正', en: 'corrected' },
  { id: 'other', label: '其他结果', en: 'other outcome' },
  { id: 'pending', label: '尚未审结', en: 'pending' },
  { id: 'total', label: '总计', en: 'total', variants: ['合计'] },
];
export const T4: TableTemplate = {
  table: 't4',
  rows: [{ id: 'cases', label: '', en: 'cases' }],
  cols: T4_BLOCKS.flatMap((b) => T4_OUTCOMES.map((o) => ({ id: `${b.id}.${o.id}`, label: `${b.label}·${o.label}`, en: `${b.en}: ${o.en ?? o.id}` }))),
};

export function templateFor(table: TableId, format: TemplateFormat): TableTemplate {
  if (table === 't2') return format === '2019' ? T2_2019 : T2_2021;
  if (table === 't3') return format === '2019' ? T3_2019 : T3_2021;
  return T4;
}

/** Every (row, col) pair a format defines for a table, in template order. */
export function templateCells(table: TableId, format: TemplateFormat): { row: string; col: string }[] {
  const t = templateFor(table, format);
  if (t.subTables) return t.subTables.flatMap((s) => s.rows.flatMap((r) => s.cols.map((c) => ({ row: r.id, col: c.id }))));
  return t.rows.flatMap((r) => t.cols.map((c) => ({ row: r.id, col: c.id })));
}

/** The definition of a row or column id of a format's table; t3 rows include the group rows of collapsed groups. */
function defOfId(table: TableId, format: TemplateFormat, kind: 'row' | 'col', id: string): LabelDef | undefined {
  const t = templateFor(table, format);
  const list = kind === 'row' ? t.rows : t.cols;
  return list.find((d) => d.id === id) ?? (table === 't3' && kind === 'row' ? T3_GROUP_ROWS.find((d) => d.id === id) : undefined);
}

/** Label of a row or column id, for output (CSV, messages). */
export function labelOf(table: TableId, format: TemplateFormat, kind: 'row' | 'col', id: string): string {
  return defOfId(table, format, kind, id)?.label ?? id;
}

/** English name of a row or column id, for messages; the id itself when none is known. */
export function labelOfEn(table: TableId, format: TemplateFormat, kind: 'row' | 'col', id: string): string {
  return defOfId(table, format, kind, id)?.en ?? id;
}
