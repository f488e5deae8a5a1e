// Report metadata (agency, year, format) and the six narrative sections, from plain text (spec §1.1, §6).
// For a DOM, pass text with a line break after each block element (see blockText), so headings stay on their own lines.
import type { FormatVersion, ReportMeta, Section } from '../model/schema';
import { normLabel } from './labels';

const TITLE_PATTERNS: RegExp[] = [
  // 平潭综合实验区2023年度政府信息公开工作年度报告 / 沭阳县发展和改革局2023年政府信息公开年度报告
  /(?<agency>[\p{Script=Han}（）()·]{2,40}?)(?<year>(?:19|20)\d{2})年度?政府信息公开(?:工作)?(?:年度)?报告/u,
  // 2019年上海市人民政府办公厅政府信息公开工作年度报告
  /(?<year>(?:19|20)\d{2})年度?(?<agency>[\p{Script=Han}（）()·]{2,40}?)政府信息公开(?:工作)?(?:年度)?报告/u,
];
const PERIOD = /统计(?:期限|周期|时限|区间)[^0-9]{0,8}((?:19|20)\d{2})年0?1月0?1日/;

const F2021_TOKENS = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '国办公开办函〔2021〕30号', '逾期不补正'];
const F2019_TOKENS = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '第二十条第(九)项', '政府集中采购', '国办公开办函〔2019〕60号'];
const OLDER_TOKENS = ['指标名称', '计量单位', '历年累计', '政府信息公开情况统计表'];

function compact(s: string): string {
  return normLabel(s);
}

/** Title, agency and year from the first lines of a report (or the page title), format from table tokens. */
export function readMeta(text: string, title?: string): ReportMeta {
  const head = compact(text.slice(0, 4000));
  let agency: string | null = null;
  let year: number | null = null;
  let foundTitle: string | null = null;
  for (const candidate of [title ? compact(title) : '', head]) {
    if (!candidate) continue;
    for (const re of TITLE_PATTERNS) {
      const m = re.exec(candidate);
      if (m?.groups) {
        year = Number(m.groups.year);
        agency = cleanAgency(m.groups.agency ?? '');
        foundTitle = m[0];
        break;
      }
    }
    if (foundTitle) break;
  }
  if (year === null) {
    const p = PERIOD.exec(compact(text.slice(0, 20000)));
    if (p) year = Number(p[1]);
  }
  return { format: detectFormat(text, year), year, agency, title: foundTitle };
}

function cleanAgency(a: string): string | null {
  // Crawler headers ("标题:") and site names before the agency are dropped.
  const s = a.replace(/^.*[:：]/, '').replace(/^(关于|印发)/, '');
  return s.length >= 2 ? s : null;
}

/** Format by the tokens the tables print; by the report year where the tables say nothing (spec §6). */
export function detectFormat(text: string, year: number | null): FormatVersion {
  const t = compact(text);
  const hits = (tokens: string[]) => tokens.filter((k) => t.includes(normLabel(k))).length;
  const f21 = hits(F2021_TOKENS);
  const f19 = hits(F2019_TOKENS);
  const older = hits(OLDER_TOKENS);
  // A pre-2019 统计表 may mention one F2019 word (政府集中采购); its own columns decide.
  if (older >= 2 && (f21 + f19 <= 1 || (year !== null && year <= 2018))) return 'older';
  if (f21 > f19) return '2021';
  if (f19 > f21) return '2019';
  if (year !== null) return year >= 2021 ? '2021' : year >= 2019 ? '2019' : 'older';
  return 'unknown';
}

interface SectionDef {
  id: string;
  numeral: string;
  keys: string[];
}
const SECTION_DEFS: SectionDef[] = [
  { id: 'sec.overview', numeral: '一', keys: ['总体情况', '概述', '总体'] },
  { id: 'sec.proactive', numeral: '二', keys: ['主动公开'] },
  { id: 'sec.applications', numeral: '三', keys: ['收到和处理', '依申请公开', '申请情况'] },
  { id: 'sec.reviewLitigation', numeral: '四', keys: ['行政复议', '行政法复议', '行政诉讼', '复议'] },
  { id: 'sec.problems', numeral: '五', keys: ['问题', '改进', '整改'] },
  { id: 'sec.other', numeral: '六', keys: ['其他需要报告', '其他事项', '其他'] },
];

/**
 * The report's narrative split at its top-level headings 一、…六、 (in order; each heading line is short).
 * Text before the first heading is `sec.preamble`. Table rows such as 三、本年度办理结果 are not headings:
 * they carry none of the section keys.
 */
export function splitSections(text: string): Section[] {
  const heads = findHeadings(text);
  const sections: Section[] = [];
  const preamble = text.slice(0, heads[0]?.start ?? text.length).trim();
  if (preamble) sections.push({ id: 'sec.preamble', title: '', text: preamble });
  heads.forEach((h, i) => {
    const end = heads[i + 1]?.start ?? text.length;
    sections.push({ id: h.id, title: h.title, text: text.slice(h.end, end).trim() });
  });
  return sections;
}

interface Heading {
  id: string;
  title: string;
  start: number;
  end: number;
}

// A heading starts a line, or (in crawler text run together on one line) follows whitespace or 。.
const HEADING = /(^|[\n\s。])(#*\s*)([一二三四五六])\s*、([^\n。；]{2,40})/gu;

function findHeadings(text: string): Heading[] {
  const found: Heading[] = [];
  let next = 0;
  for (const m of text.matchAll(HEADING)) {
    if (next >= SECTION_DEFS.length) break;
    const lead = m[1]!.length + m[2]!.length;
    const start = m.index + m[1]!.length;
    // On its own line the whole line is the title; inline, the title ends at the first space.
    const rest = m[4]!;
    const ownLine = m[1] === '' || m[1] === '\n';
    const titleTail = ownLine ? rest.trimEnd() : rest.split(/[\s\u00a0\u3000]/)[0]!;
    const n = compact(m[3]! + '、' + titleTail);
    if (n.length > 40) continue;
    const idx = matchHeading(n, next);
    if (idx < 0) continue;
    const def = SECTION_DEFS[idx]!;
    const title = (m[3]! + '、' + titleTail).trim();
    found.push({ id: def.id, title, start, end: m.index + lead + m[3]!.length + 1 + titleTail.length });
    next = idx + 1;
  }
  return found;
}

function matchHeading(n: string, from: number): number {
  for (let i = from; i < SECTION_DEFS.length; i++) {
    const def = SECTION_DEFS[i]!;
    if (n.startsWith(def.numeral + '、') && def.keys.some((k) => n.includes(k))) return i;
  }
  return -1;
}

const BLOCK = new Set([
  'P', 'DIV', 'TR', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'SECTION', 'ARTICLE', 'BR', 'HEADER', 'FOOTER', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TITLE',
]);
const CELL = new Set(['TD', 'TH']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Text of a DOM subtree with line breaks at block boundaries and tabs between table cells. */
export function blockText(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = (node as Element).tagName ?? '';
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) out.push('\n');
    // childNodes, not nextSibling: linkedom's doctype has no nextSibling.
    for (const c of Array.from(node.childNodes)) walk(c);
    if (CELL.has(name)) out.push('\t');
    if (block) out.push('\n');
  };
  walk(root);
  return out
    .join('')
    .replace(/[ \u00a0\u3000]*\n[\s\u00a0\u3000]*/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

// Who signed the report (落款: an agency line beside a date line, at its end or under its title) and who published
// the page (a crawler's or CMS's 发布机构 field): checked against the title's agency by meta.agencyMismatch.
const AGENCY_NAME = /^[\p{Script=Han}（）()]{2,30}?(?:人民政府|政府|委员会|管委会|管理委员会|办公厅|办公室|局|委|厅|办|中心|院|署|街道办事处|办事处|镇|乡)$/u;
const DATE_TEXT = /^[(（]?\s*(?:(?:19|20)\d{2}|二〇[〇一二三四五六七八九]{2})\s*年\s*[\d〇一二三四五六七八九十]{1,3}\s*月\s*[\d〇一二三四五六七八九十]{1,3}\s*日\s*[)）]?$/;
const NOT_A_SIGNATURE = /主办|承办|版权|地址|电话|邮编|网站|联系|来源|发布/;

const signatureLine = (line: string): string | null => {
  const s = line.replace(/[\s\u00a0\u3000#*|]/g, '');
  return AGENCY_NAME.test(s) && !NOT_A_SIGNATURE.test(s) ? s : null;
};

/** The agency that signs the report: the line before (or, with the date first, after) a date line among the last or first lines, or one line "机关 日期". */
export function readSignature(text: string): string | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^[—\-–]\s*\d+\s*[—\-–]$/.test(l)); // page numbers "— 7 —"
  const at = (i: number) => (i >= 0 && i < lines.length ? lines[i]! : '');
  const look = (i: number): string | null => {
    const compactLine = at(i).replace(/[\s\u00a0\u3000#*|]/g, '');
    if (DATE_TEXT.test(compactLine)) return signatureLine(at(i - 1)) ?? signatureLine(at(i + 1));
    const both = /^(.+?)[\s\u00a0\u3000]+(\S.*)$/.exec(at(i));
    return both && DATE_TEXT.test(both[2]!.replace(/\s/g, '')) ? signatureLine(both[1]!) : null;
  };
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 4); i--) {
    const s = look(i);
    if (s) return s;
  }
  for (let i = 0; i < Math.min(lines.length, 4); i++) {
    const s = look(i);
    if (s) return s;
  }
  return null;
}

/** The publishing agency a page or crawler header names (发布机构：…), or null. */
export function readPublisher(text: string): string | null {
  const m = /发布机构\s*[:：]\s*([\p{Script=Han}（）()]{2,30})/u.exec(text.slice(0, 3000));
  return m ? signatureLine(m[1]!) : null;
}

/**
 * Do two names denote the same agency? Spaces and brackets aside, the shorter must read as an abbreviation of the
 * longer (its characters in order: 县发改局 / 沭阳县发展和改革局, 上海市科委 / 上海市科学技术委员会), which also takes
 * a government and its office (平潭综合实验区 / 平潭综合实验区管委会办公室) and a name with or without its city.
 */
export function sameAgency(a: string, b: string): boolean {
  const abbreviates = (p: string, q: string) => {
    const [x, y] = p.length <= q.length ? [p, q] : [q, p];
    let j = 0;
    for (const ch of y) if (ch === x[j]) j++;
    return j === x.length;
  };
  const forms = (s: string) => [s.replace(/[\s（）()·]/g, ''), agencyKey(s)!];
  return forms(a).some((x) => forms(b).some((y) => abbreviates(x, y)));
}

/**
 * The province and city a county-level name may be printed with: 淮安市洪泽区人民政府 one year, 洪泽区人民政府 the
 * next. Stripped only where a district, county, county-level city or banner follows.
 */
const HIGHER_PLACES = /^(?:\p{Script=Han}{2,7}?(?:省|自治区))?(?:\p{Script=Han}{2,7}?(?:市|自治州|地区|盟))?(?=\p{Script=Han}{1,8}?(?:区|县|市|旗))/u;

/** An agency's name as compared across reports: spaces, brackets and the higher places it is under do not make another agency. */
export const agencyKey = (a: string | null): string | null => {
  if (!a) return null;
  const k = a.replace(/[\s（）()]/g, '');
  return k.replace(HIGHER_PLACES, '') || k;
};

const TITLE_LINE = [
  /^(?<agency>[\p{Script=Han}（）()]{2,30}?)(?:19|20)\d{2}年度?政府信息公开(?:工作)?(?:年度)?报告$/u,
  /^(?:19|20)\d{2}年度?(?<agency>[\p{Script=Han}（）()]{2,30}?)政府信息公开(?:工作)?(?:年度)?报告$/u,
];

/** The agency of a title printed on a line of its own among the first lines of the body (not a page header). */
export function readBodyTitleAgency(text: string): string | null {
  for (const line of text.split('\n').slice(0, 3)) {
    const l = line.replace(/[\s\u00a0\u3000#*]/g, '');
    for (const re of TITLE_LINE) {
      const m = re.exec(l);
      if (m?.groups?.agency) return m.groups.agency;
    }
  }
  return null;
}
