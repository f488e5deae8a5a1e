// The readable summary the CLI prints: per report what was read, then findings, most important first.
import type { Finding, Report } from '../core/model/schema';
import { detailSuffix } from '../core/read/notes';
import {
  arithmetic,
  byImportance,
  formatName,
  NOT_CHECKABLE_REASONS,
  SEVERITY_NAMES,
  STATUS_NAMES,
  suspectLines,
  TABLE_NAMES,
  type Lang,
} from '../core/export/labels';

export interface SummaryInput {
  source: string;
  report: Report;
  findings: Finding[];
}

const T = {
  zh: {
    unknownAgency: '（机关未识别）',
    unknownYear: '年度未识别',
    year: (y: number) => `${y} 年`,
    tables: '读到的表格',
    none: '无',
    cells: (n: number) => `共 ${n} 个单元格`,
    counts: (fail: number, review: number, pass: number) => `检查结果：${fail} 项不符，${review} 项待核，${pass} 项通过`,
    ok: '结论：各项勾稽关系均成立，未发现算术错误。',
    nothing: '结论：没有可以检查的表格数据。',
    bad: (n: number) => `结论：发现 ${n} 处算术错误（见下）。`,
    reviewOnly: '结论：未发现算术错误，但有需要人工核对的项目。',
    arithmetic: '算式',
    suspect: '可疑',
    alternatives: '（另有其他同样可能的解释，请人工核对）',
    alternativesSupported: '（另有同样简单的改法；报告自身的陈述支持上面这一种，请人工核对）',
    alternativesByLastYear: '（另有同样简单的改法；上年报告支持上面这一种，请人工核对）',
    notCheckable: '无法检查的部分',
    notes: '读取说明',
    whole: '整份报告',
    source: '来源',
    hidden: (n: number) => `另有 ${n} 项提示未列出（加 --all 显示全部）。`,
  },
  en: {
    unknownAgency: '(agency not recognised)',
    unknownYear: 'year not recognised',
    year: (y: number) => `${y}`,
    tables: 'Tables read',
    none: 'none',
    cells: (n: number) => `${n} cells`,
    counts: (fail: number, review: number, pass: number) => `Checks: ${fail} failed, ${review} need review, ${pass} passed`,
    ok: 'Result: every identity holds; no arithmetic error found.',
    nothing: 'Result: no table data that could be checked.',
    bad: (n: number) => `Result: ${n} arithmetic error(s) found (below).`,
    reviewOnly: 'Result: no arithmetic error, but some items need a human look.',
    arithmetic: 'arithmetic',
    suspect: 'suspect',
    alternatives: '(other explanations are equally likely; check by hand)',
    alternativesSupported: '(other corrections are equally simple; the report\'s own statement supports the one above; check by hand)',
    alternativesByLastYear: '(other corrections are equally simple; last year\'s report supports the one above; check by hand)',
    notCheckable: 'Not checkable',
    notes: 'Reading notes',
    whole: 'whole report',
    source: 'Source',
    hidden: (n: number) => `${n} more info-level item(s) not listed (--all lists everything).`,
  },
} as const;

const MARK: Record<Finding['status'], string> = { fail: '✗', needsReview: '?', notCheckable: '–', pass: '✓' };

/** `all`: also list info-level items that need review (by default only counted). */
export function renderSummary(items: readonly SummaryInput[], lang: Lang, all = false): string {
  const t = T[lang];
  const out: string[] = [];
  for (const { source, report, findings } of items) {
    if (out.length) out.push('');
    const head = [
      report.agency ?? t.unknownAgency,
      report.year === null ? t.unknownYear : t.year(report.year),
      formatName(report.format, lang),
    ];
    out.push(`■ ${head.join(' · ')}`);
    out.push(`  ${t.source}: ${source}`);
    const tables = report.tablesFound.map((x) => TABLE_NAMES[x][lang]).join(lang === 'zh' ? '、' : ', ');
    const cells = lang === 'zh' ? `（${t.cells(report.cells.length)}）` : ` (${t.cells(report.cells.length)})`;
    out.push(`  ${t.tables}: ${tables || t.none}${cells}`);

    const fails = findings.filter((f) => f.status === 'fail');
    const review = findings.filter((f) => f.status === 'needsReview');
    const passed = findings.filter((f) => f.status === 'pass');
    out.push(`  ${t.counts(fails.length, review.length, passed.length)}`);
    const errors = fails.filter((f) => f.severity === 'error');
    // With no table cells read, passing report-level checks do not make the tables consistent.
    const verdict = errors.length ? t.bad(errors.length) : report.cells.length === 0 ? t.nothing : fails.length || review.length ? t.reviewOnly : passed.length ? t.ok : t.nothing;
    out.push(`  ${verdict}`);
    const open = findings.filter((f) => f.status !== 'pass').sort(byImportance);
    const shown = open.filter((f) => all || f.status === 'fail' || f.severity !== 'info');
    const hidden = open.length - shown.length;
    for (const f of shown) {
      out.push('');
      out.push(
        `  ${MARK[f.status]} [${SEVERITY_NAMES[f.severity][lang]}·${STATUS_NAMES[f.status][lang]}] ${f.rule}: ${oneLine(f.message[lang])}`,
      );
      const a = arithmetic(f, report, lang);
      if (a && f.status !== 'notCheckable') out.push(`      ${t.arithmetic}: ${a}`);
      for (const s of suspectLines(f, report.format, lang)) out.push(`      ${t.suspect}: ${s}`);
      if (f.ambiguous && f.alternatives?.length)
        out.push(`      ${!f.textSupport ? t.alternatives : f.textSupport.evidence.section === 'previousYear' ? t.alternativesByLastYear : t.alternativesSupported}`);
    }
    if (hidden > 0) out.push('', `  ${t.hidden(hidden)}`);

    if (report.notCheckable.length) {
      out.push('', `  ${t.notCheckable}:`);
      for (const n of report.notCheckable) {
        const what = n.table === 'report' ? t.whole : TABLE_NAMES[n.table][lang];
        out.push(
          `    – ${what}: ${NOT_CHECKABLE_REASONS[n.reason][lang]}${detailSuffix(n, lang).replace(/\s+/g, ' ')}${n.link ? ` ${n.link}` : ''}`,
        );
      }
    }
    if (report.readNotes.length) {
      out.push('', `  ${t.notes}:`);
      for (const n of report.readNotes) out.push(`    – ${oneLine(n[lang])}`);
    }
  }
  return out.join('\n') + '\n';
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
