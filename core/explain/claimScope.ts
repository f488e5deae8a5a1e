// When a number of the narrative may be compared with a table quantity: only when the sentence is about that
// quantity — its subject (applications 申请/件, not information items 信息/条), its scope (all applicants, not one
// kind; this year, not cumulative or last year; the agency, not the whole region) and its clause. Each entry says
// where it looks and why; a claim any entry rules out is left out (a missed warning costs less trust than a wrong
// one). Measured on hand-labelled real sentences: tests/fixtures/narrative/sentences.json, `npm run narrative-eval`.

/** What a narrative rule counts: applications (表三), review/litigation cases (表四), normative documents (表二). */
export type ClaimSubject = 'applications' | 'cases' | 'documents';

/**
 * Where an entry looks:
 * - `lead`: the sentence from its start up to the number (the claim's keyword left out), so that a subject or a
 *   scope set at the head of the sentence ("截至目前共收到15564件咨询投诉件，已办结15042件") reaches its later clauses;
 * - `clause`: the claim's own clause; `between`: the text between keyword and number;
 * - `keyword`: the keyword with up to 12 characters on each side.
 */
export type ScopeWhere = 'lead' | 'clause' | 'between' | 'keyword';

export interface ScopeEntry {
  id: string;
  /** the claims it applies to */
  subjects: readonly ClaimSubject[];
  where: ScopeWhere;
  pattern: RegExp;
  /** the claim stays when its clause (or, with `unlessIn: 'lead'`, the sentence up to it) names its own subject */
  unless?: RegExp;
  unlessIn?: 'clause' | 'lead';
  /** only claims whose keyword matches this */
  keyword?: RegExp;
  /** only for a department's report (region words mean the whole region) or only for a government's */
  reportOf?: 'department' | 'government';
  reason: string;
}

const ALL: readonly ClaimSubject[] = ['applications', 'cases', 'documents'];
/** 申请 as the applications' own noun, not 依申请公开 (the disclosure attribute of information items) */
const OWN_APPLICATIONS = /(?<!依)申请|件申请|申请件/;

export const SCOPE_ENTRIES: readonly ScopeEntry[] = [
  {
    id: 'informationItems',
    subjects: ['applications'],
    where: 'lead',
    pattern: /制作、?获取|信息(?:总)?数|信息总量|信息量|(?:主动|依申请)公开(?:政府)?信息\s*[\d一二三四五六七八九十]/,
    unless: OWN_APPLICATIONS,
    reason: 'counts of information items by disclosure attribute (制作、获取政府信息总数…，不予公开信息数48条) are not outcomes of applications',
  },
  {
    id: 'otherMatters',
    subjects: ['applications'],
    where: 'lead',
    pattern: /咨询|投诉|诉求|留言|来信|来访|来电|信访|热线|工单|问政|建议|提案|举报|审批|许可|备案|减免|办税|政务服务|办件/,
    unless: OWN_APPLICATIONS,
    unlessIn: 'lead',
    reason: 'enquiries, complaints, hotline orders, proposals, licensing and tax matters are not information-disclosure applications (收到15564件咨询投诉件，已办结15042件; 受理审批事项117件，办结171件)',
  },
  {
    id: 'allApplicants',
    subjects: ['applications'],
    where: 'keyword',
    keyword: /自然人|法人|组织|企业|机构/,
    pattern: /(?:公民|自然人)\s*[、,，]?\s*(?:和|及|与|或|以及|或者)?\s*法人\s*(?:和|或|及|与|或者|以及)\s*其他组织/,
    reason: '公民、法人和其他组织 is the statute\'s phrase for all applicants, not a split by applicant type',
  },
  {
    id: 'caseOutcome',
    subjects: ['cases'],
    where: 'between',
    pattern: /纠错|纠正|撤销|败诉|胜诉|维持|确认违法|驳回|终止|审结|结案|其中/,
    reason: 'a count of one outcome (被行政复议纠错0件, 结果维持72件) is not the number of cases',
  },
  {
    id: 'casesTogether',
    subjects: ['cases'],
    where: 'keyword',
    pattern: /(?:复议|诉讼)(?:案件)?\s*(?:和|及|与|、|或|以及)\s*(?:行政)?(?:复议|诉讼)/,
    reason: 'reviews and lawsuits counted together (行政复议和行政诉讼共3件) are neither total',
  },
  {
    id: 'cumulative',
    subjects: ALL,
    where: 'lead',
    pattern: /历年|(?:成立|实施|开展|上线|运行|施行|开通)以来|截[至止](?:目前|今|当前)|(?<!全年|本年|今年|年度|年内)累计/,
    reason: 'a cumulative count (历年, 截至目前, 累计) is not this year\'s table',
  },
  {
    id: 'change',
    subjects: ALL,
    where: 'between',
    pattern: /较|同比|环比|比(?:上|去)一?年|增加|减少|增长|下降|上升|回落|持平/,
    reason: 'a change against last year (较上年增加12件) is not a count',
  },
  {
    id: 'lastYear',
    subjects: ALL,
    where: 'clause',
    pattern: /去年|前年|上一?年度?(?!度?末?结转)/,
    reason: 'last year\'s number (上年收到…) is not this year\'s table; 上年结转 is',
  },
  {
    id: 'region',
    subjects: ALL,
    where: 'lead',
    pattern: /全(?:省|市|区|县|州|旗|镇|乡|辖区)|各(?:级|部门|单位|县|区|市|乡镇|街道)/,
    reportOf: 'department',
    reason: 'in a department\'s report, 全区/全市/各部门 counts the whole region, not the agency the tables are for',
  },
  {
    id: 'governmentItself',
    subjects: ALL,
    where: 'lead',
    pattern: /代表[^，。；,]{0,6}政府|本级/,
    reportOf: 'government',
    reason: 'a government\'s tables may count its whole area; the applications to the government itself (区政府办代表区政府受理17件, tables 95) are another scope',
  },
  {
    id: 'oneUnit',
    subjects: ALL,
    where: 'clause',
    pattern: /其中[^，。；\d]{0,12}(?:局|委员会|委|办公室|镇|乡|街道|中心|部门)/,
    reason: 'one unit\'s share (其中民政局1件) is part of a total, not the total',
  },
];

/** A government (or its office) reports for its area; a department for itself. */
const GOVERNMENT = /(?:人民政府|政府|管委会|管理委员会|实验区|新区|开发区|高新区|示范区)$/;

export function isDepartment(agency: string | null | undefined): boolean {
  return !!agency && !GOVERNMENT.test(agency.replace(/[（(][^）)]*[）)]$/, ''));
}

export interface ClaimContext {
  /** the report's year: a clause dated another year is about another period */
  year?: number | null;
  agency?: string | null;
}

export interface ClaimSite {
  sentence: string;
  clause: string;
  /** offsets in the sentence */
  keywordStart: number;
  keywordEnd: number;
  numberStart: number;
  numberEnd: number;
}

const YEAR = /((?:19|20)\d{2})\s*年/g;

/** The first entry that rules the claim out (or 'otherYear'), or null when it may be compared. */
export function outOfScope(subject: ClaimSubject, site: ClaimSite, ctx: ClaimContext = {}): string | null {
  const keywordFirst = site.keywordStart < site.numberStart;
  const leadEnd = Math.max(site.numberStart, site.keywordStart);
  // the lead without the keyword: "结转至2026年" names the period the keyword is about
  const lead = site.sentence.slice(0, site.keywordStart) + ' ' + site.sentence.slice(site.keywordEnd, leadEnd);
  const texts: Record<ScopeWhere, string> = {
    lead,
    clause: site.clause,
    between: keywordFirst ? site.sentence.slice(site.keywordEnd, site.numberStart) : site.sentence.slice(site.numberEnd, site.keywordStart),
    keyword: site.sentence.slice(Math.max(0, site.keywordStart - 12), site.keywordEnd + 12),
  };
  for (const e of SCOPE_ENTRIES) {
    if (!e.subjects.includes(subject)) continue;
    if (e.reportOf === 'department' && !isDepartment(ctx.agency)) continue;
    if (e.reportOf === 'government' && (!ctx.agency || isDepartment(ctx.agency))) continue;
    if (e.keyword && !e.keyword.test(site.sentence.slice(site.keywordStart, site.keywordEnd))) continue;
    if (!e.pattern.test(texts[e.where])) continue;
    if (e.unless && e.unless.test(e.unlessIn === 'lead' ? lead : site.clause)) continue;
    return e.id;
  }
  if (ctx.year != null) {
    for (const m of lead.matchAll(YEAR)) if (Number(m[1]) !== ctx.year) return 'otherYear';
  }
  return null;
}
