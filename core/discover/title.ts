// Is a link's text (or title attribute) the title of a 政府信息公开工作年度报告, and of which year?
// Pure: used by the sweep's list-page discovery in Node and by the extension.

const FULLWIDTH_DIGIT = /[０-９]/g;
const HAN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Full-width digits and years written 二〇二三 / 二零二三 become ASCII digits; spaces go. */
export function normalizeTitle(text: string): string {
  return text
    .replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[〇零一二三四五六七八九]{4}(?=\s*年)/g, (s) => [...s].map((c) => HAN_DIGITS[c] ?? c).join(''))
    .replace(/[\s\u00a0\u3000]+/g, '');
}

/** The report's names: 政府信息公开工作年度报告 and its shorter forms (年报, older 工作报告). */
const PHRASE = /(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)/;
/** Complete names a truncated title may be cut from. */
const FULL_PHRASES = ['政府信息公开工作年度报告', '政府信息公开年度报告', '信息公开工作年度报告', '信息公开年度报告', '政府信息公开年报', '信息公开年报'];
const ELLIPSIS = /(?:…+|\.{2,}|。{2,}|⋯+)$/;
/** Links that name the report but are not it: notices about writing it, readings of it, pictures of it. */
const NOT_THE_REPORT = /通知|解读|图解|图示|一图|读懂|问答|答记者问|视频|H5|动漫|编制|报送|评估|考核|测评|检查|督查|自查|整改|工作要点|专栏|目录|指南/i;
const YEAR = /((?:19|20)\d{2})(?=年|政府|信息|[（(]|$)/;

export type TitleKind = 'report' | 'channel';

export interface TitleMatch {
  kind: TitleKind;
  /** the report year named in the title, when there is one */
  year: number | null;
}

function yearOf(t: string): number | null {
  const m = YEAR.exec(t);
  return m ? Number(m[1]) : null;
}

/**
 * `report`: the title names one agency's (or one year's) annual report; `channel`: the bare name of the report
 * section (政府信息公开年报, a menu link to the list itself); null: anything else.
 */
export function matchReportTitle(text: string): TitleMatch | null {
  const t = normalizeTitle(text);
  if (!t || t.length > 120) return null;
  const m = PHRASE.exec(t);
  if (m) {
    if (NOT_THE_REPORT.test(t)) return null;
    const year = yearOf(t);
    // what is left beside the report's name: an agency or a year makes it a report
    const rest = (t.slice(0, m.index) + t.slice(m.index + m[0].length)).replace(/[^\p{Script=Han}\p{L}\d]/gu, '');
    if (year === null && rest.replace(/^(?:本机关|本单位|历年|年度)$/, '').length === 0) return { kind: 'channel', year: null };
    return { kind: 'report', year };
  }
  // a title cut short for the list: 平潭综合实验区2023年度政府信息公开工…
  if (ELLIPSIS.test(t)) {
    const cut = t.replace(ELLIPSIS, '');
    const year = yearOf(cut);
    if (year === null || NOT_THE_REPORT.test(cut)) return null;
    for (const p of FULL_PHRASES) {
      for (let n = p.length - 1; n >= 4; n--) {
        if (cut.endsWith(p.slice(0, n))) return { kind: 'report', year };
      }
    }
  }
  return null;
}

/**
 * A link's report title and year from its text and title attribute (the attribute carries the whole name where the
 * text is cut short for the list); null when neither names a report.
 */
export function linkTitle(text: string, titleAttr: string | null): { title: string; year: number | null } | null {
  const attr = (titleAttr ?? '').trim();
  const byTitle = attr ? matchReportTitle(attr) : null;
  if (byTitle?.kind === 'report') return { title: attr, year: byTitle.year };
  // a text cut short from the whole title says no more than the title does (关于做好…年度报告编… is a notice)
  const cut = normalizeTitle(text).replace(ELLIPSIS, '');
  if (attr && cut !== normalizeTitle(text) && normalizeTitle(attr).startsWith(cut)) return null;
  const byText = matchReportTitle(text);
  return byText?.kind === 'report' ? { title: text, year: byText.year } : null;
}
