// Messages are rendered from a finding's data, in Chinese or English (like zod issues: data first, text last).
import { cellKey } from '../model/ids';
import { readTerms, type Term, type TermItem } from '../model/terms';
import type { CellRef, Finding, FormatVersion, Suspect, TableId } from '../model/schema';
import { T3_GROUPS, T3_GROUPS_EN, T4_BLOCKS, type TemplateFormat } from '../model/templates';
import type { FindingDraft, MessageText, RuleMessages } from '../rules/types';
import { cellName, colName, formatOfCells, memoPerFormat, rowName, templateFormat, TYPO_ZH, type Lang } from './names';

export type { Lang };

function rowLabel(table: TableId, id: string, tf: TemplateFormat, lang: Lang = 'zh'): string | undefined {
  return rowName(table, tf, id, lang);
}

function colLabel(table: TableId, id: string, tf: TemplateFormat, lang: Lang = 'zh'): string | undefined {
  return colName(table, tf, id, lang);
}

/** A scope id (t3 row, t3 column, t4 block, t2 row, group) in words. */
export function scopeName(scope: string | undefined, lang: Lang, tf: TemplateFormat = '2021'): string {
  if (!scope) return '';
  const memo = scopeNames[tf][lang];
  return memo.get('', '', scope) ?? memo.set('', '', scope, nameScope(scope, lang, tf));
}

const scopeNames = memoPerFormat();

function nameScope(scope: string, lang: Lang, tf: TemplateFormat): string {
  if (scope === 'cases') return lang === 'zh' ? '表四' : 'table 4';
  if (lang === 'en') {
    const name =
      T4_BLOCKS.find((b) => b.id === scope)?.en ??
      rowLabel('t3', scope, tf, 'en') ??
      t3ColEn(scope, tf) ??
      GROUP_EN[scope] ??
      rowLabel('t2', scope, tf, 'en') ??
      colLabel('t2', scope, tf, 'en');
    return name ? `"${name}"` : scope;
  }
  const block = T4_BLOCKS.find((b) => b.id === scope);
  if (block) return block.label;
  return (
    rowLabel('t3', scope, tf) ??
    colLabel('t3', scope, tf) ??
    COLUMN_ZH[scope] ??
    T3_GROUPS[scope] ??
    rowLabel('t2', scope, tf) ??
    colLabel('t2', scope, tf) ??
    scope
  );
}

const T4_OUTCOME_ZH: Record<string, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' };
const GROUP_ZH: Record<string, string> = { grantedOrPartial: '予以公开及部分公开', ...T3_GROUPS };
const SECTION_ZH: Record<string, string> = {
  'sec.overview': '一、总体情况',
  'sec.proactive': '二、主动公开政府信息情况',
  'sec.applications': '三、收到和处理政府信息公开申请情况',
  'sec.reviewLitigation': '四、政府信息公开行政复议、行政诉讼情况',
  'sec.problems': '五、存在的主要问题及改进情况',
  'sec.other': '六、其他需要报告的事项',
};

const GROUP_EN: Record<string, string> = { grantedOrPartial: 'granted or partially granted', ...T3_GROUPS_EN };
const SECTION_EN: Record<string, string> = {
  'sec.overview': '1. overview',
  'sec.proactive': '2. proactive disclosure',
  'sec.applications': '3. applications received and handled',
  'sec.reviewLitigation': '4. administrative review and litigation',
  'sec.problems': '5. main problems and improvements',
  'sec.other': '6. other matters to report',
};

/** Applicant columns summed by the narrative rules (法人或其他组织 = all but natural persons). */
const COLUMN_EN: Record<string, string> = { legalOrOrg: 'legal persons and other organisations' };
const COLUMN_ZH: Record<string, string> = { legalOrOrg: '法人或其他组织' };

function t3ColEn(id: string, tf: TemplateFormat): string | undefined {
  return colLabel('t3', id, tf, 'en') ?? COLUMN_EN[id];
}

/**
 * One term in words. `full`: a cell named with its table, as in a list of cells (表三「（一）予以公开 × 自然人」);
 * otherwise as a quantity in a sentence about the tables (（一）予以公开·自然人).
 */
function termName(t: Term, lang: Lang, tf: TemplateFormat, full: boolean): string {
  const en = lang === 'en';
  switch (t.kind) {
    case 'cell': {
      const { table, row, col } = t.ref;
      if (full) return cellName(t.ref, tf, lang);
      if (table === 't4') {
        const [block, outcome] = col.split('.') as [string, string];
        return en ? (colLabel('t4', col, tf, 'en') ?? col) : `${T4_BLOCKS.find((b) => b.id === block)?.label ?? block}·${T4_OUTCOME_ZH[outcome] ?? outcome}`;
      }
      const r = rowLabel(table, row, tf, lang) ?? row;
      const c = (table === 't3' ? (en ? t3ColEn(col, tf) : (colLabel('t3', col, tf) ?? COLUMN_ZH[col])) : colLabel(table, col, tf, lang)) ?? col;
      if (en) return `${r} × ${c}`;
      return table === 't2' ? `${r}·${shortLabel(c)}` : `${shortLabel(r)}·${c}`;
    }
    case 'row': {
      const r = rowLabel('t3', t.row, tf, lang) ?? t.row;
      return en ? r : shortLabel(r);
    }
    case 'rows': {
      const rows = t.rows.map((r) => rowLabel('t3', r, tf, lang) ?? r);
      if (en) return `(${rows.join(' + ')}) × ${t3ColEn(t.col, tf) ?? t.col}`;
      return `（${rows.map(shortLabel).join('＋')}）·${colLabel('t3', t.col, tf) ?? COLUMN_ZH[t.col] ?? t.col}`;
    }
    case 'group':
      return en ? (GROUP_EN[t.group] ?? t.group) : shortLabel(GROUP_ZH[t.group] ?? t.group);
    case 'section':
      return (en ? SECTION_EN : SECTION_ZH)[t.id] ?? t.id;
    case 'column': {
      const c = t.table === 't3' ? (en ? t3ColEn(t.col, tf) : (colLabel('t3', t.col, tf) ?? COLUMN_ZH[t.col])) : colLabel(t.table, t.col, tf, lang);
      if (!c) return t.col;
      return en ? c : shortLabel(c);
    }
    case 'word':
      return t.text;
  }
}

/** A param's items in words: terms joined by +, a found value after =, items separated as written (、 in Chinese). */
function itemsText(items: TermItem[], lang: Lang, tf: TemplateFormat, full: boolean): string {
  return items
    .map((it) => {
      const name = it.terms.map((t) => termName(t, lang, tf, full)).join('+');
      const sep = lang === 'zh' && it.sep.startsWith(',') ? '、' : it.sep;
      return (it.value === undefined ? name : `${name}=${it.value}`) + sep;
    })
    .join('');
}

/** A label without its trailing explanation: （二）部分公开（区分处理的，…） → （二）部分公开. */
function shortLabel(label: string): string {
  return label.replace(/(?<=.)（[^（）]*）$/, '');
}

/** Params that hold ids or expressions over ids, rendered in words; the cell lists among them name cells in full. */
const EXPR_PARAMS = new Set(['reading', 'readings', 'columns', 'missing', 'text', 'blankCols']);
const CELL_LIST_PARAMS = new Set(['missing', 'text']);

function exprName(param: string, value: string, lang: Lang, tf: TemplateFormat): string {
  // the same params (identities, column lists) recur in every report: each is named once
  const full = CELL_LIST_PARAMS.has(param);
  const memo = exprNames[tf][lang];
  const kind = full ? 'full' : '';
  return memo.get(kind, '', value) ?? memo.set(kind, '', value, itemsText(readTerms(value), lang, tf, full));
}

const exprNames = memoPerFormat();

function cellList(refs: readonly CellRef[] | undefined, lang: Lang, tf: TemplateFormat): string {
  if (!refs || refs.length === 0) return lang === 'zh' ? '（无）' : '(none)';
  const shown = refs.slice(0, 4).map((r) => cellName(r, tf, lang));
  const more = refs.length - shown.length;
  if (more > 0) shown.push(lang === 'zh' ? `等共 ${refs.length} 格` : `and ${more} more`);
  return shown.join(lang === 'zh' ? '、' : ', ');
}

function suspectText(s: Suspect, lang: Lang, tf: TemplateFormat): string {
  const printed = s.printed === null ? (lang === 'zh' ? '空白' : 'blank') : String(s.printed);
  const b = s.bounds;
  if (lang === 'zh') {
    const notes = [s.typo ? `疑似笔误：${TYPO_ZH[s.typo]}` : '', b ? `有空白格，${b.max === null ? `${b.min} 及以上` : `${b.min}–${b.max} `}均与表格相符` : ''].filter(Boolean);
    return `${cellName(s, tf, lang)}印作 ${printed}，应为 ${s.suggested}${notes.length ? `（${notes.join('；')}）` : ''}`;
  }
  const notes = [s.typo ? `likely typo: ${s.typo}` : '', b ? `with the blank cells, ${b.max === null ? `${b.min} or more` : `anything from ${b.min} to ${b.max}`} fits the table` : ''].filter(Boolean);
  return `${cellName(s, tf, lang)} printed ${printed}, should be ${s.suggested}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

function localizationText(f: FindingDraft, lang: Lang, tf: TemplateFormat): string {
  const chosen = f.textSupport ? f.alternatives?.[f.textSupport.alternative] : undefined;
  if (f.textSupport && chosen && f.alternatives) {
    const join = (alt: readonly Suspect[]) => alt.map((s) => suspectText(s, lang, tf)).join(lang === 'zh' ? '，且' : ' and ');
    const others = f.alternatives.filter((a) => a !== chosen);
    const shown = others.slice(0, 2).map(join);
    const more = others.length > shown.length;
    const { sentence, claimed, section } = f.textSupport.evidence;
    // the statement: a sentence of this report, or last year's report of the agency (its 结转下年度)
    const lastYear = section === 'previousYear';
    if (lang === 'zh') {
      const why = lastYear ? `上年报告的结转下年度继续办理为 ${claimed}` : `正文原句“${sentence}”称 ${claimed}`;
      return `有 ${f.alternatives.length} 种同样简单的改法；${why}，只与其中一种一致。最可能的改法：${join(chosen)}。其他可能：${shown.join('；或 ')}${more ? '；等' : ''}。`;
    }
    const why = lastYear ? `last year's report carried forward ${claimed}` : `the report's text “${sentence}” says ${claimed}`;
    return ` ${f.alternatives.length} equally simple corrections exist; ${why}, which agrees with only one. Most likely correction: ${join(chosen)}. Also possible: ${shown.join('; or ')}${more ? '; …' : ''}.`;
  }
  if (f.ambiguous && f.alternatives && f.alternatives.length > 1) {
    const alts = f.alternatives.slice(0, 3).map((alt) => alt.map((s) => suspectText(s, lang, tf)).join(lang === 'zh' ? '，且' : ' and '));
    const more = f.alternatives.length - alts.length;
    if (lang === 'zh') {
      return `有 ${f.alternatives.length} 种同样简单的改法，无法确定哪一格印错：${alts.join('；或 ')}${more > 0 ? `；等` : ''}。`;
    }
    return ` ${f.alternatives.length} equally simple corrections exist; which cell is wrong cannot be told: ${alts.join('; or ')}${more > 0 ? '; …' : ''}.`;
  }
  if (f.suspects.length === 0) return '';
  const list = f.suspects.map((s) => suspectText(s, lang, tf)).join(lang === 'zh' ? '；' : '; ');
  return lang === 'zh' ? `最可能的改法：${list}。` : ` Most likely correction: ${list}.`;
}

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(n));

/** The finding's own placeholders; a param of the same name takes precedence. */
const PLACEHOLDERS: Record<string, (f: FindingDraft, lang: Lang, tf: TemplateFormat) => string> = {
  scope: (f, lang, tf) => scopeName(f.scope, lang, tf),
  // the row a finding is about, as a sentence's subject: table 四 has one data row, not a row named 表四
  scopeRow: (f, lang, tf) =>
    f.scope === 'cases' ? (lang === 'zh' ? '表四的数据行' : 'the data row of table 4') : lang === 'zh' ? `「${scopeName(f.scope, lang, tf)}」行` : `row ${scopeName(f.scope, lang, tf)}`,
  left: (f) => fmt(f.left),
  right: (f) => fmt(f.right),
  difference: (f) => fmt(f.difference),
  absDifference: (f) => fmt(f.difference === null ? null : Math.abs(f.difference)),
  tolerance: (f) => fmt(f.tolerance),
  cells: (f, lang, tf) => cellList(f.cells, lang, tf),
  leftCells: (f, lang, tf) => cellList(f.leftCells, lang, tf),
  rightCells: (f, lang, tf) => cellList(f.rightCells, lang, tf),
  blanks: (f, lang, tf) => cellList(f.blanks, lang, tf),
  blankCount: (f) => String(f.blanks?.length ?? 0),
  claimed: (f) => fmt(f.evidence?.claimed),
  sentence: (f) => f.evidence?.sentence ?? '',
};

/** An own enumerable property (propertyIsEnumerable is false for inherited ones). */
/** PLACEHOLDERS' own entries, looked up without an ownership test. */
const FINDING_PLACEHOLDERS = new Map(Object.entries(PLACEHOLDERS));

const own = (o: object, k: string): boolean => Object.prototype.propertyIsEnumerable.call(o, k);

/**
 * A template split at its placeholders once: [text, name, text, name, …, text]. The templates are the rules'
 * own, a few dozen, filled for every finding of every report.
 */
function partsOf(template: string): string[] {
  let parts = templateParts.get(template);
  if (!parts) {
    if (templateParts.size > 1024) templateParts.clear();
    parts = template.split(/\{(\w+)\}/);
    templateParts.set(template, parts);
  }
  return parts;
}

const templateParts = new Map<string, string[]>();

/** Fill a template; only the placeholders it names are rendered (cell names are the costly part). */
function fill(template: string, f: FindingDraft, lang: Lang, tf: TemplateFormat): string {
  const params = f.params ?? {};
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += placeholder(parts[i]!, params, f, lang, tf) + parts[i + 1]!;
  return out;
}

function placeholder(k: string, params: NonNullable<FindingDraft['params']>, f: FindingDraft, lang: Lang, tf: TemplateFormat): string {
  // `in` first: most placeholders are not params, and it is the cheaper test
  if (k in params && own(params, k)) return EXPR_PARAMS.has(k) ? exprName(k, String(params[k]), lang, tf) : String(params[k]);
  const finding = FINDING_PLACEHOLDERS.get(k);
  if (finding) return finding(f, lang, tf);
  // a name no one set: what a plain object would have inherited under it, else the placeholder as written
  const inherited = ({} as Record<string, unknown>)[k];
  return inherited === undefined || inherited === null ? `{${k}}` : String(inherited);
}

const GENERIC: Required<RuleMessages> = {
  fail: { zh: '未通过：{left} ≠ {right}。', en: 'Failed: {left} ≠ {right}.' },
  pass: { zh: '一致。', en: 'Consistent.' },
  needsReview: {
    zh: '含空白格（{blanks}）：按 0 计时左边 {left}，右边 {right}，请核对。',
    en: 'Blank cells ({blanks}): with blanks as 0 the left side is {left}, the right side {right}; please review.',
  },
  notCheckable: { zh: '无法检查：所需单元格缺失或不是数字。', en: 'Not checkable: a needed cell is missing or not a number.' },
};

/** Every cell a finding names. */
function* refsOf(f: FindingDraft): Iterable<CellRef> {
  yield* f.cells;
  yield* f.leftCells ?? [];
  yield* f.rightCells ?? [];
  yield* f.blanks ?? [];
  yield* f.suspects;
  for (const alt of f.alternatives ?? []) yield* alt;
}

/**
 * Render the message of a finding from its data and its rule's templates. Cells are named with the labels of
 * the report's `format`; without it, of the format the finding's own cells belong to (see formatOfCells).
 */
export function renderMessage(f: FindingDraft, messages: RuleMessages, format?: FormatVersion): MessageText {
  const t: MessageText = messages[f.status] ?? GENERIC[f.status];
  const tf = format ? templateFormat(format) : formatOfCells(refsOf(f));
  const out = { zh: fill(t.zh, f, 'zh', tf), en: fill(t.en, f, 'en', tf) };
  if (f.status === 'fail' || f.status === 'needsReview') {
    out.zh += localizationText(f, 'zh', tf);
    out.en += localizationText(f, 'en', tf);
  }
  if (f.status === 'notCheckable' && f.params?.reason === 'notAPair') {
    return { zh: `无法做跨年度比较：${f.params.reasonZh}。`, en: `No year-to-year comparison: ${f.params.reasonEn}.` };
  }
  if (f.status === 'notCheckable' && f.params?.reason === 'internal') {
    return { zh: `规则 ${f.rule} 运行出错，未能检查（${f.params.detail}）。`, en: `Rule ${f.rule} failed internally and checked nothing (${f.params.detail}).` };
  }
  if (f.status === 'notCheckable' && f.params?.reason === 'missing' && !messages.notCheckable) {
    const first = readTerms(String(f.params.missing)).slice(0, 3);
    const names = (lang: Lang) => first.map((it) => itemsText([{ ...it, sep: '' }], lang, tf, true));
    out.zh = `无法检查：未读到 ${f.params.missingCount} 个所需单元格（${names('zh').join('、')}）。`;
    out.en = `Not checkable: ${f.params.missingCount} needed cell(s) were not read (${names('en').join(', ')}).`;
  }
  return out;
}

/** Where a finding keeps what its message is rendered from (not enumerable: JSON, spreads and clones leave it out). */
const MESSAGE_SOURCE = Symbol('message source');

interface MessageSource {
  draft: FindingDraft;
  messages: RuleMessages;
  format: FormatVersion | undefined;
  text?: MessageText;
}

/**
 * One accessor shared by every finding: a page has a hundred-odd findings per check, and an accessor made per
 * finding (closures in a literal or a descriptor of its own) costs several times what its rendering saves.
 */
const MESSAGE_ACCESSOR: PropertyDescriptor & ThisType<Finding & { [MESSAGE_SOURCE]: MessageSource }> = {
  enumerable: true,
  configurable: true,
  get() {
    const source = this[MESSAGE_SOURCE];
    return (source.text ??= renderMessage(source.draft, source.messages, source.format));
  },
  set(value: MessageText) {
    Object.defineProperty(this, 'message', { value, writable: true, enumerable: true, configurable: true });
  },
};

/**
 * The finding with its message, rendered when first read: a page's hundred-odd passes are listed only when the
 * panel shows them, so the extension draws its marks without naming their cells first. JSON, spreads and
 * structured clones read it like a plain property (enumerable, last as before); assigning replaces it.
 */
export function finalize(f: FindingDraft, messages: RuleMessages, format?: FormatVersion): Finding {
  const out = { ...f } as Finding;
  const source: MessageSource = { draft: f, messages, format };
  Object.defineProperty(out, MESSAGE_SOURCE, { value: source });
  Object.defineProperty(out, 'message', MESSAGE_ACCESSOR);
  return out;
}

export { cellKey };
