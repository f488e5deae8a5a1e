// Audit record: evidence of what was checked, when, on which page, with a digest of the data read.
// Page text is untrusted: everything taken from the page is escaped in both Markdown and HTML.
import type { Finding, FormatVersion, NotCheckable, Report, TableId } from '../model/schema';
import { canonicalJson, contractCells } from './json';
import { sha256Hex } from './sha256';
import { detailSuffix } from '../read/notes';

export { sha256Hex };
import {
  arithmetic,
  byImportance,
  cellName,
  formatName,
  NOT_CHECKABLE_REASONS,
  SEVERITY_NAMES,
  STATUS_NAMES,
  suspectLines,
  TABLE_NAMES,
  type Lang,
} from './labels';

export interface AuditInput {
  url: string | null;
  title: string | null;
  checkedAt: Date;
  report: Report;
  findings: Finding[];
  /** e.g. `gidar-check 0.1.0 (extension)` */
  tool?: string;
}

export interface AuditFinding {
  rule: string;
  severity: Finding['severity'];
  status: Finding['status'];
  message: { zh: string; en: string };
  arithmetic: { zh: string | null; en: string | null };
  cells: { zh: string[]; en: string[] };
  suspects: { zh: string[]; en: string[] };
}

export interface AuditRecord {
  url: string | null;
  title: string | null;
  /** ISO 8601, UTC */
  checkedAt: string;
  tool: string | null;
  agency: string | null;
  year: number | null;
  format: FormatVersion;
  tablesFound: TableId[];
  cellCount: number;
  /** SHA-256 (hex) of the canonical JSON of the cells; see `cellsDigestInput` */
  sha256: string;
  findings: AuditFinding[];
  notCheckable: NotCheckable[];
}

/**
 * The exact string the digest is computed over: the contract cells (table,row,col,raw,value,kind), sorted by
 * `table:row:col`, as key-sorted JSON without whitespace. Sorting makes the digest independent of reading
 * order, so the same numbers read from the HTML page and from its text give the same digest.
 */
export function cellsDigestInput(report: Pick<Report, 'cells'>): string {
  const cells = contractCells(report).sort((a, b) => cmp(`${a.table}:${a.row}:${a.col}`, `${b.table}:${b.row}:${b.col}`));
  return canonicalJson(cells);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function buildAuditRecord(input: AuditInput): Promise<AuditRecord> {
  const { report } = input;
  const findings = [...input.findings].sort(byImportance).map((f): AuditFinding => ({
    rule: f.rule,
    severity: f.severity,
    status: f.status,
    message: f.message,
    arithmetic: { zh: arithmetic(f, report, 'zh'), en: arithmetic(f, report, 'en') },
    cells: { zh: f.cells.map((c) => cellName(c, report.format, 'zh')), en: f.cells.map((c) => cellName(c, report.format, 'en')) },
    suspects: { zh: suspectLines(f, report.format, 'zh'), en: suspectLines(f, report.format, 'en') },
  }));
  return {
    url: input.url,
    title: input.title,
    checkedAt: input.checkedAt.toISOString(),
    tool: input.tool ?? null,
    agency: report.agency,
    year: report.year,
    format: report.format,
    tablesFound: report.tablesFound,
    cellCount: report.cells.length,
    sha256: await sha256Hex(cellsDigestInput(report)),
    findings,
    notCheckable: report.notCheckable,
  };
}

// ── Markdown ────────────────────────────────────────────────────────────────

/**
 * Backslash-escape what can start Markdown formatting, links or raw HTML; line breaks become spaces and a
 * leading block marker (#, >, -, +, 1.) is escaped, so page text stays one inline run.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([#>+=-]|\d+[.)])/, '$1\\$2');
}

const T = {
  zh: {
    heading: '政府信息公开年度报告核对记录',
    url: '网址',
    title: '页面标题',
    checkedAt: '核对时间（UTC）',
    tool: '工具',
    agency: '机关',
    year: '年度',
    format: '格式',
    tables: '读到的表格',
    cells: '读到的单元格数',
    digest: '数据摘要 SHA-256',
    digestNote: '对按 table:row:col 排序的单元格（table,row,col,raw,value,kind）的规范 JSON 计算',
    findings: '检查结果',
    none: '无',
    notCheckable: '无法检查的部分',
    passed: '通过的检查',
    arithmetic: '算式',
    suspect: '可疑单元格',
    cellsOf: '涉及单元格',
    unknown: '未知',
  },
  en: {
    heading: 'Audit record: government information disclosure annual report',
    url: 'URL',
    title: 'Page title',
    checkedAt: 'Checked at (UTC)',
    tool: 'Tool',
    agency: 'Agency',
    year: 'Year',
    format: 'Format',
    tables: 'Tables read',
    cells: 'Cells read',
    digest: 'Data digest SHA-256',
    digestNote: 'over the canonical JSON of the cells (table,row,col,raw,value,kind) sorted by table:row:col',
    findings: 'Findings',
    none: 'none',
    notCheckable: 'Not checkable',
    passed: 'Checks passed',
    arithmetic: 'Arithmetic',
    suspect: 'Suspect cell',
    cellsOf: 'Cells',
    unknown: 'unknown',
  },
} as const;

function tablesText(rec: AuditRecord, lang: Lang): string {
  return rec.tablesFound.length ? rec.tablesFound.map((t) => TABLE_NAMES[t][lang]).join(lang === 'zh' ? '、' : ', ') : T[lang].none;
}

function notCheckableText(n: NotCheckable, lang: Lang): string {
  const what = n.table === 'report' ? (lang === 'zh' ? '整份报告' : 'whole report') : TABLE_NAMES[n.table][lang];
  return `${what}: ${NOT_CHECKABLE_REASONS[n.reason][lang]}${detailSuffix(n, lang)}`;
}

function isSafeLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export function auditMarkdown(rec: AuditRecord, lang: Lang = 'zh'): string {
  const t = T[lang];
  const md = escapeMarkdown;
  const out: string[] = [`# ${t.heading}`, ''];
  const field = (k: string, v: string): void => void out.push(`- **${k}**: ${v}`);
  field(t.url, rec.url ? (isSafeLink(rec.url) ? `<${encodeURI(decodeURIsafe(rec.url))}>` : md(rec.url)) : t.unknown);
  field(t.title, rec.title ? md(rec.title) : t.unknown);
  field(t.checkedAt, rec.checkedAt);
  if (rec.tool) field(t.tool, md(rec.tool));
  field(t.agency, rec.agency ? md(rec.agency) : t.unknown);
  field(t.year, rec.year === null ? t.unknown : String(rec.year));
  field(t.format, formatName(rec.format, lang));
  field(t.tables, tablesText(rec, lang));
  field(t.cells, String(rec.cellCount));
  field(t.digest, `\`${rec.sha256}\` (${t.digestNote})`);
  out.push('');

  const shown = rec.findings.filter((f) => f.status !== 'pass');
  const passed = rec.findings.filter((f) => f.status === 'pass');
  out.push(`## ${t.findings}`, '');
  if (shown.length === 0) out.push(t.none, '');
  for (const f of shown) {
    out.push(`### ${SEVERITY_NAMES[f.severity][lang]} · ${STATUS_NAMES[f.status][lang]} · \`${f.rule}\``, '', md(f.message[lang]), '');
    if (f.arithmetic[lang]) out.push(`- ${t.arithmetic}: ${md(f.arithmetic[lang])}`);
    for (const s of f.suspects[lang]) out.push(`- ${t.suspect}: ${md(s)}`);
    if (f.cells[lang].length) out.push(`- ${t.cellsOf}: ${f.cells[lang].map(md).join(lang === 'zh' ? '；' : '; ')}`);
    out.push('');
  }
  if (rec.notCheckable.length) {
    out.push(`## ${t.notCheckable}`, '');
    for (const n of rec.notCheckable) out.push(`- ${md(notCheckableText(n, lang))}${n.link ? ` (${md(n.link)})` : ''}`);
    out.push('');
  }
  if (passed.length) {
    out.push(`## ${t.passed} (${passed.length})`, '');
    for (const f of passed) out.push(`- \`${f.rule}\`${f.arithmetic[lang] ? `: ${md(f.arithmetic[lang])}` : ''}`);
    out.push('');
  }
  return out.join('\n');
}

function decodeURIsafe(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

// ── HTML ────────────────────────────────────────────────────────────────────

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** A standalone HTML document (no scripts, no external resources) for saving or printing as evidence. */
export function auditHtml(rec: AuditRecord, lang: Lang = 'zh'): string {
  const t = T[lang];
  const e = escapeHtml;
  const row = (k: string, v: string): string => `<tr><th>${e(k)}</th><td>${v}</td></tr>`;
  const url = rec.url
    ? isSafeLink(rec.url)
      ? `<a href="${e(rec.url)}" rel="noreferrer noopener">${e(rec.url)}</a>`
      : e(rec.url)
    : e(t.unknown);
  const parts: string[] = [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${e(t.heading)}${rec.title ? ` — ${e(rec.title)}` : ''}</title>`,
    '<style>body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;line-height:1.5}table{border-collapse:collapse}th,td{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}code{word-break:break-all}.fail{color:#b00020}.needsReview{color:#8a5a00}</style>',
    '</head><body>',
    `<h1>${e(t.heading)}</h1>`,
    '<table>',
    row(t.url, url),
    row(t.title, e(rec.title ?? t.unknown)),
    row(t.checkedAt, e(rec.checkedAt)),
    ...(rec.tool ? [row(t.tool, e(rec.tool))] : []),
    row(t.agency, e(rec.agency ?? t.unknown)),
    row(t.year, e(rec.year === null ? t.unknown : String(rec.year))),
    row(t.format, e(formatName(rec.format, lang))),
    row(t.tables, e(tablesText(rec, lang))),
    row(t.cells, e(String(rec.cellCount))),
    row(t.digest, `<code>${e(rec.sha256)}</code><br><small>${e(t.digestNote)}</small>`),
    '</table>',
    `<h2>${e(t.findings)}</h2>`,
  ];
  const shown = rec.findings.filter((f) => f.status !== 'pass');
  const passed = rec.findings.filter((f) => f.status === 'pass');
  if (shown.length === 0) parts.push(`<p>${e(t.none)}</p>`);
  for (const f of shown) {
    parts.push(
      `<section class="${e(f.status)}"><h3>${e(SEVERITY_NAMES[f.severity][lang])} · ${e(STATUS_NAMES[f.status][lang])} · <code>${e(f.rule)}</code></h3>`,
      `<p>${e(f.message[lang])}</p><ul>`,
    );
    const a = f.arithmetic[lang];
    if (a) parts.push(`<li>${e(t.arithmetic)}: ${e(a)}</li>`);
    for (const s of f.suspects[lang]) parts.push(`<li>${e(t.suspect)}: ${e(s)}</li>`);
    if (f.cells[lang].length) parts.push(`<li>${e(t.cellsOf)}: ${e(f.cells[lang].join(lang === 'zh' ? '；' : '; '))}</li>`);
    parts.push('</ul></section>');
  }
  if (rec.notCheckable.length) {
    parts.push(`<h2>${e(t.notCheckable)}</h2><ul>`);
    for (const n of rec.notCheckable) parts.push(`<li>${e(notCheckableText(n, lang))}${n.link ? ` (${e(n.link)})` : ''}</li>`);
    parts.push('</ul>');
  }
  if (passed.length) {
    parts.push(`<h2>${e(t.passed)} (${passed.length})</h2><ul>`);
    for (const f of passed) parts.push(`<li><code>${e(f.rule)}</code>${f.arithmetic[lang] ? `: ${e(f.arithmetic[lang])}` : ''}</li>`);
    parts.push('</ul>');
  }
  parts.push('</body></html>', '');
  return parts.join('\n');
}
