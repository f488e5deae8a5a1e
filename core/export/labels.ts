// Human-readable names for tables, cells and findings, shared by CSV, TSV, the audit record and the CLI.
// Cells are named by explain/names.ts, the same function the finding messages use.
import type { CellRef, Finding, FormatVersion, Report, TableId } from '../model/schema';
import { cellName, colName, rowName, templateFormat, TYPO_ZH, type Lang } from '../explain/names';

export { cellName, templateFormat, type Lang };

export const TABLE_NAMES: Record<TableId, { zh: string; en: string }> = {
  t2: { zh: '表二 主动公开', en: 'Table 2 (proactive disclosure)' },
  t3: { zh: '表三 依申请公开', en: 'Table 3 (applications)' },
  t4: { zh: '表四 复议诉讼', en: 'Table 4 (review and litigation)' },
};

/** The printed label of a row id in the report's format (the id itself when no template knows it). */
export function rowLabel(table: TableId, format: FormatVersion, row: string): string {
  return rowName(table, templateFormat(format), row) ?? row;
}

export function colLabel(table: TableId, format: FormatVersion, col: string): string {
  return colName(table, templateFormat(format), col) ?? col;
}

const STATUS_ORDER: Record<Finding['status'], number> = { fail: 0, needsReview: 1, notCheckable: 2, pass: 3 };
const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Most important first: failing errors, then other failures, then what needs review; passes last. */
export function byImportance(a: Finding, b: Finding): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    Math.abs(b.difference ?? 0) - Math.abs(a.difference ?? 0) ||
    a.rule.localeCompare(b.rule)
  );
}

/** True when the report has an error-severity finding that fails: the CLI's exit code 1. */
export function hasFailingError(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error' && f.status === 'fail');
}

function fmt(n: number): string {
  // Fees carry up to 6 decimals; floating sums must not print 0.30000000000000004.
  return String(Math.round(n * 1e6) / 1e6);
}

/**
 * The arithmetic of an identity, with the printed numbers: `83 + 2 + … = 116 ≠ 121 (差 5)`.
 * Null when the finding carries no numbers (e.g. a not-checkable section).
 */
export function arithmetic(f: Finding, report: Pick<Report, 'cells'> | null, lang: Lang): string | null {
  if (f.left === null && f.right === null) return null;
  const values = report ? new Map(report.cells.map((c) => [`${c.table}:${c.row}:${c.col}`, c])) : null;
  const sum = (cells: CellRef[] | undefined): string | null => {
    if (!cells || cells.length < 2 || !values) return null;
    const found = cells.map((r) => values.get(`${r.table}:${r.row}:${r.col}`));
    const blanks = found.filter((c) => c !== undefined && c.value === null && c.raw === '').length;
    const blank = lang === 'zh' ? '(空)' : '(blank)';
    // Many blank cells (a report that leaves zeros empty) are counted, not listed one by one.
    const collapse = blanks >= 3;
    const parts = found.flatMap((c) => {
      if (c === undefined) return ['?'];
      if (c.value !== null) return [fmt(c.value)];
      if (c.raw !== '') return [`(${c.raw})`];
      return collapse ? [] : [blank];
    });
    if (collapse) parts.push(lang === 'zh' ? `${blanks} 个空白格` : `${blanks} blanks`);
    return parts.join(' + ');
  };
  const total = (n: number | null): string => (n === null ? '?' : fmt(n));
  const leftSum = sum(f.leftCells);
  const rightSum = sum(f.rightCells);
  // The totals stand next to the sign: `a + b = 7 ≠ 8 = c + d`.
  // A single blank cell on one side is shown as blank, not as the 0 it was counted as.
  const single = (cells: CellRef[] | undefined, n: number | null): string => {
    const c = cells?.length === 1 && values ? values.get(`${cells[0]!.table}:${cells[0]!.row}:${cells[0]!.col}`) : undefined;
    return c && c.value === null ? `(${c.raw || (lang === 'zh' ? '空' : 'blank')})` : total(n);
  };
  const left = leftSum ? `${leftSum} = ${total(f.left)}` : single(f.leftCells, f.left);
  const right = rightSum ? `${total(f.right)} = ${rightSum}` : single(f.rightCells, f.right);
  const sign = f.left !== null && f.right !== null && f.left === f.right ? '=' : '≠';
  const diff =
    f.difference !== null && f.difference !== 0
      ? lang === 'zh'
        ? `（差 ${fmt(f.difference)}）`
        : ` (difference ${fmt(f.difference)})`
      : '';
  return `${left} ${sign} ${right}${diff}`;
}

/** One line per suspect: the cell, what is printed, what it should be. */
export function suspectLines(f: Finding, format: FormatVersion, lang: Lang): string[] {
  return f.suspects.map((s) => {
    const name = cellName(s, format, lang);
    const printed = s.printed === null ? (lang === 'zh' ? '空' : 'blank') : fmt(s.printed);
    const typo = s.typo ? (lang === 'zh' ? `，疑为${TYPO_ZH[s.typo]}` : `, likely ${s.typo}`) : '';
    // among equally simple corrections, the one the report's text supports (the message quotes the sentence)
    const lastYear = f.textSupport?.evidence.section === 'previousYear';
    const text = !f.textSupport ? '' : lang === 'zh' ? (lastYear ? '（上年报告支持此改法）' : '（正文支持此改法）') : lastYear ? ' (last year\'s report supports this correction)' : ' (the report\'s text supports this correction)';
    return lang === 'zh'
      ? `${name}：印 ${printed}，应为 ${fmt(s.suggested)}${typo}${text}`
      : `${name}: printed ${printed}, should be ${fmt(s.suggested)}${typo}${text}`;
  });
}

export const STATUS_NAMES: Record<Finding['status'], { zh: string; en: string }> = {
  fail: { zh: '不符', en: 'fail' },
  needsReview: { zh: '待核', en: 'needs review' },
  notCheckable: { zh: '无法检查', en: 'not checkable' },
  pass: { zh: '通过', en: 'pass' },
};

export const SEVERITY_NAMES: Record<Finding['severity'], { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

export const NOT_CHECKABLE_REASONS: Record<Report['notCheckable'][number]['reason'], { zh: string; en: string }> = {
  image: { zh: '表格为图片', en: 'table is an image' },
  attachment: { zh: '表格在附件中', en: 'table is in an attachment' },
  embeddedPdf: { zh: '表格在内嵌 PDF 中', en: 'table is in an embedded PDF' },
  missing: { zh: '未找到', en: 'not found' },
  unreadable: { zh: '无法可靠读取', en: 'not reliably readable' },
};

export function formatName(format: FormatVersion, lang: Lang): string {
  const zh: Record<FormatVersion, string> = {
    '2021': '2021 版格式',
    '2019': '2019 版格式',
    older: '2019 年以前的旧格式',
    unknown: '格式未识别',
  };
  const en: Record<FormatVersion, string> = {
    '2021': '2021 format',
    '2019': '2019 format',
    older: 'pre-2019 format',
    unknown: 'unknown format',
  };
  return (lang === 'zh' ? zh : en)[format];
}
