// The sweep's dashboard (`npm run sweep -- --html FILE`): one self-contained HTML file that opens offline — summary
// cards, charts drawn here as inline SVG, an agency × year grid, and a sortable, filterable table whose rows expand
// to their findings. Chinese by default, English on a toggle (or `#en` in the address).
// Everything from the reports is page text (untrusted): escaped, never in a script; the CSP allows only the one
// inline script below, by its hash, and no network at all.
import { createHash } from 'node:crypto';
import type { Finding, FormatVersion } from '../../core/model/schema';
import { escapeHtml } from '../../core/export/audit';
import { agencyKey } from '../../core/read/meta';
import {
  byImportance,
  SEVERITY_NAMES,
  STATUS_NAMES,
  suspectLines,
} from '../../core/export/labels';

export interface DashboardReport {
  /** URL or file path as given/found */
  source: string;
  /** live page link (http/https only), for "open the page" */
  pageUrl?: string;
  /** 'ok' or the one-line failure reason */
  fetch: string;
  agency: string | null;
  year: number | null;
  format: string | null;
  counts: { errors: number; warnings: number; needsReview: number; passed: number; notCheckable: number };
  /** message (zh) of the first error-severity failure */
  firstError: string | null;
  /** contract findings (with suspects, messages zh/en) */
  findings: Finding[];
  /** 表三 本年新收 总计, for the chart */
  received: number | null;
}

/**
 * One name per agency, as the sweep pairs years (core's agencyKey): 淮安市洪泽区人民政府 one year and 洪泽区人民政府
 * the next are one row of the grid, one series of the chart, shown under the longer (more specific) name.
 */
export function oneNamePerAgency(reports: DashboardReport[]): DashboardReport[] {
  const names = new Map<string, string>();
  for (const r of reports) {
    const k = agencyKey(r.agency);
    if (k !== null && r.agency!.length > (names.get(k)?.length ?? 0)) names.set(k, r.agency!);
  }
  return reports.map((r) => {
    const k = agencyKey(r.agency);
    return k === null || names.get(k) === r.agency ? r : { ...r, agency: names.get(k)! };
  });
}

export type Verdict = 'error' | 'failed' | 'review' | 'none' | 'ok';
/** Worst first: the table's default order and the grid's colour when an agency has several reports in a year. */
const VERDICT_RANK: Record<Verdict, number> = { error: 0, failed: 1, review: 2, none: 3, ok: 4 };
const VERDICT_NAMES: Record<Verdict, { zh: string; en: string }> = {
  error: { zh: '有错误', en: 'errors' },
  failed: { zh: '读取失败', en: 'not read' },
  review: { zh: '待核', en: 'review' },
  none: { zh: '无法检查', en: 'not checkable' },
  ok: { zh: '通过', en: 'consistent' },
};
const VERDICT_MARK: Record<Verdict, string> = { error: '✗', failed: '!', review: '?', none: '–', ok: '✓' };

function verdictOf(r: DashboardReport): Verdict {
  if (r.fetch !== 'ok') return 'failed';
  if (r.counts.errors > 0) return 'error';
  if (r.counts.warnings > 0 || r.counts.needsReview > 0) return 'review';
  return r.counts.passed > 0 ? 'ok' : 'none';
}

/** A report counts in the error-share chart when it was read and at least one identity was checked. */
function checked(r: DashboardReport): boolean {
  const c = r.counts;
  return r.fetch === 'ok' && c.errors + c.warnings + c.needsReview + c.passed > 0;
}

const FORMATS = new Set<string>(['2021', '2019', 'older', 'unknown']);

/** The table's format column and filter: the template year, or a short word for the others. */
function shortFormatNames(format: string): { zh: string; en: string } {
  if (format === 'older') return { zh: '旧格式', en: 'pre-2019' };
  if (format === 'unknown') return { zh: '未识别', en: 'unknown' };
  return { zh: format, en: format };
}


function isSafeLink(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\/[^\s]+$/i.test(url);
}

const e = escapeHtml;

/** Text in both languages; the stylesheet shows the one of the page's current language. */
function bi(zh: string, en: string): string {
  return zh === en ? e(zh) : `<span class="zh">${e(zh)}</span><span class="en">${e(en)}</span>`;
}

const T = {
  title: { zh: '政府信息公开年度报告核查汇总', en: 'Government information disclosure annual reports: sweep' },
  generated: { zh: '生成时间', en: 'Generated' },
  toggle: { zh: 'English', en: '中文' },
  reports: { zh: '报告', en: 'reports' },
  agencies: { zh: '机关', en: 'agencies' },
  unknownAgency: { zh: '（机关未识别）', en: '(agency not recognised)' },
  chartErrors: { zh: '各年度有算术错误的报告占比', en: 'Share of reports with arithmetic errors, by year' },
  chartErrorsNote: {
    zh: '分母：已读取且至少检查了一项勾稽关系的报告',
    en: 'Out of the reports read with at least one identity checked',
  },
  chartReceived: { zh: '各机关各年度新收政府信息公开申请数', en: 'Applications received, per agency and year' },
  chartReceivedNote: { zh: '表三「本年新收」总计；申请最多的机关单列，其余合并', en: 'Table 3 "new applications" total; the agencies with the most applications each, the rest together' },
  others: { zh: '其他', en: 'others' },
  noData: { zh: '没有可用的数据', en: 'no data' },
  grid: { zh: '机关 × 年度', en: 'Agency × year' },
  gridNote: {
    zh: '每格为该机关该年度报告中最差的结果；数字为算术错误数。点击一格筛选下表。',
    en: 'Each cell shows the worst result among the agency’s reports of that year; the number counts arithmetic errors. Click a cell to filter the table.',
  },
  gridOthers: { zh: (n: number) => `其他 ${n} 个机关（有错误的报告占比）`, en: (n: number) => `${n} other agencies (share of reports with errors)` },
  table: { zh: '报告列表', en: 'Reports' },
  search: { zh: '搜索机关、来源或错误', en: 'Search agency, source or error' },
  all: { zh: '全部', en: 'all' },
  shown: { zh: '显示', en: 'showing' },
  clear: { zh: '清除筛选', en: 'clear filter' },
  colAgency: { zh: '机关 / 来源', en: 'Agency / source' },
  colYear: { zh: '年度', en: 'Year' },
  colFormat: { zh: '格式', en: 'Format' },
  colResult: { zh: '结果', en: 'Result' },
  colErrors: { zh: '错误', en: 'Errors' },
  colWarnings: { zh: '警告', en: 'Warnings' },
  colReview: { zh: '待核', en: 'Review' },
  colPassed: { zh: '通过', en: 'Passed' },
  colReceived: { zh: '新收申请', en: 'Received' },
  colFirst: { zh: '第一个错误', en: 'First error' },
  expand: { zh: '展开', en: 'expand' },
  openPage: { zh: '打开网页', en: 'open the page' },
  source: { zh: '来源', en: 'Source' },
  failed: { zh: '读取失败', en: 'Could not be read' },
  correction: { zh: '建议更正', en: 'Suggested correction' },
  alternatives: { zh: '同样可能的改法（请人工核对）', en: 'Equally likely corrections (check by hand)' },
  noFindings: { zh: '没有不符或待核的项目。', en: 'Nothing failed or needs review.' },
  more: { zh: (n: number | string) => `另有 ${n} 项未列出。`, en: (n: number | string) => `${n} more not listed.` },
  infoItems: { zh: '提示项', en: 'Info items' },
  notCheckable: { zh: '无法检查的项目', en: 'Not checkable' },
  passedN: { zh: (n: number | string) => `${n} 项通过`, en: (n: number | string) => `${n} passed` },
  showMore: { zh: '显示更多', en: 'show more' },
} as const;

function bt(key: keyof typeof T): string {
  const v = T[key] as { zh: string; en: string };
  return bi(v.zh, v.en);
}

// ── the client script: the report table (rendered from the data block), sort, filter, language, expand ───────
// A sweep can hold 10,000 reports: as static rows they take Chromium tens of seconds to load and to sort. The rows
// are data (a JSON block the browser never executes) and the script draws 100 at a time; it builds elements with
// textContent only, so page text never becomes markup. The script itself holds no page text: its hash is fixed.
const SCRIPT = `(() => {
  const d = document, R = d.documentElement;
  const { labels: L, rows } = JSON.parse(d.getElementById('data').textContent);
  const setLang = (l) => {
    R.classList.toggle('en', l === 'en');
    R.lang = l === 'en' ? 'en' : 'zh-CN';
    try { history.replaceState(null, '', l === 'en' ? '#en' : location.pathname + location.search); } catch {}
  };
  if (location.hash === '#en') setLang('en');
  const en = () => R.classList.contains('en');
  d.getElementById('lang').addEventListener('click', () => setLang(en() ? 'zh' : 'en'));
  d.addEventListener('mouseover', (ev) => {
    const t = ev.target.closest && ev.target.closest('[data-tz]');
    if (t) t.title = en() ? t.dataset.te : t.dataset.tz;
  });

  const el = (tag, cls, ...kids) => {
    const e = d.createElement(tag);
    if (cls) e.className = cls;
    for (const k of kids) if (k !== null && k !== undefined) e.append(k);
    return e;
  };
  const bi = (p) => {
    if (p[0] === p[1]) return d.createTextNode(p[0]);
    const f = d.createDocumentFragment();
    f.append(el('span', 'zh', p[0]), el('span', 'en', p[1]));
    return f;
  };
  const fill = (p, n) => [p[0].replace('{n}', n), p[1].replace('{n}', n)];
  const MARK = { error: '✗', failed: '!', review: '?', none: '–', ok: '✓' };
  const RANK = { error: 0, failed: 1, review: 2, none: 3, ok: 4 };
  const num = (n, hot) => el('td', hot && n ? 'n hot' : 'n', n === null ? '' : n.toLocaleString('en'));
  const counted = (xs) => xs.map(([rule, n]) => rule + (n > 1 ? ' ×' + n : '')).join('，');
  const total = (xs) => xs.reduce((a, [, n]) => a + n, 0);

  function rowOf(i) {
    const r = rows[i];
    const b = el('button', 'x', '▸');
    b.type = 'button';
    b.title = L.expand.join(' / ');
    b.setAttribute('aria-expanded', 'false');
    const tb = el('tbody', 'r');
    Object.assign(tb.dataset, { i, v: r.v, year: r.y ?? '', received: r.r ?? '', errors: r.c[0], agency: r.a ?? '', source: r.s });
    tb.append(el('tr', null,
      el('td', null, b),
      el('td', null, r.a === null ? bi(L.unknownAgency) : r.a, el('span', 'src', r.s)),
      el('td', 'n', r.y === null ? '' : String(r.y)),
      el('td', null, r.f === null ? '' : L.format[r.f] ? bi(L.format[r.f]) : r.f),
      el('td', null, el('span', 'badge v-' + r.v, MARK[r.v] + ' ', bi(L.verdict[r.v]))),
      num(r.c[0], true), num(r.c[1]), num(r.c[2]), num(r.c[3]), num(r.r),
      el('td', 'first', r.x !== null ? r.x : r.e ? bi(r.e) : '')));
    return tb;
  }

  function detailOf(r) {
    const td = el('td');
    td.colSpan = 11;
    const meta = el('p', 'meta', bi(L.source), '：', el('span', 'path', r.s));
    if (r.u) {
      const a = el('a', null, bi(L.openPage), ' ↗');
      a.href = r.u;
      a.target = '_blank';
      a.rel = 'noreferrer noopener';
      meta.append(' · ', a);
    }
    td.append(meta);
    if (r.x !== null) {
      td.append(el('p', null, el('b', null, bi(L.failed)), '：', r.x));
      return el('tr', 'detail', td);
    }
    if (!r.d.length) td.append(el('p', null, bi(L.noFindings)));
    for (const f of r.d) {
      const fixes = f.c.map((c) => el('li', 'fix', bi(L.correction), '：', bi(c)));
      if (f.a) fixes.push(el('li', 'fix', bi(L.alternatives), '：', bi(f.a)));
      td.append(el('div', 'finding ' + f.s,
        el('p', null, bi(L.severity[f.s]), ' · ', bi(L.status[f.t]), ' ', el('code', null, f.r)),
        el('p', 'msg', bi(f.m)),
        fixes.length ? el('ul', null, ...fixes) : null));
    }
    if (r.m) td.append(el('p', 'meta', bi(fill(L.more, r.m))));
    if (r.i.length) td.append(el('p', 'meta', bi(L.infoItems), '（' + total(r.i) + '）：', counted(r.i)));
    if (r.n.length) td.append(el('p', 'meta', bi(L.notCheckable), '（' + total(r.n) + '）：', counted(r.n)));
    td.append(el('p', 'meta', bi(fill(L.passedN, r.c[3]))));
    return el('tr', 'detail', td);
  }

  const table = d.getElementById('reports'), more = d.getElementById('more'), count = d.getElementById('count');
  const q = d.getElementById('q'), v = d.getElementById('v'), y = d.getElementById('y'), f = d.getElementById('f');
  const chip = d.getElementById('chip');
  const PAGE = 100;
  const hay = rows.map((r) => [r.a ?? '', r.s, r.e ? r.e.join(' ') : '', r.x ?? ''].join(' ').toLowerCase());
  let order = rows.map((_, i) => i), list = order, shown = 0, agency = null;

  function render(from) {
    if (from === 0) for (const b of [...table.tBodies]) b.remove();
    const frag = d.createDocumentFragment();
    for (const i of list.slice(from, from + PAGE)) frag.append(rowOf(i));
    table.append(frag);
    shown = Math.min(list.length, from + PAGE);
    count.textContent = String(list.length);
    more.hidden = shown >= list.length;
    d.getElementById('more-n').textContent = String(list.length - shown);
  }
  function apply() {
    const s = q.value.trim().toLowerCase();
    list = order.filter((i) => {
      const r = rows[i];
      return (!s || hay[i].includes(s)) && (!v.value || r.v === v.value) && (!y.value || String(r.y ?? '') === y.value) &&
        (!f.value || (r.f ?? '') === f.value) && (agency === null || (r.a ?? '') === agency);
    });
    chip.hidden = agency === null;
    render(0);
  }
  more.addEventListener('click', () => render(shown));
  for (const e of [q, v, y, f]) e.addEventListener('input', apply);

  const KEYS = {
    agency: (r) => r.a, year: (r) => r.y, format: (r) => r.f, rank: (r) => RANK[r.v], errors: (r) => r.c[0],
    warnings: (r) => r.c[1], review: (r) => r.c[2], passed: (r) => r.c[3], received: (r) => r.r,
    first: (r) => (r.e ? r.e[0] : r.x),
  };
  const coll = new Intl.Collator('zh-CN');
  let key = '', dir = 1;
  const sortBy = (th) => {
    const k = th.dataset.k;
    // numbers start largest first (except year and result), a second click turns the order round
    dir = k === key ? -dir : ['errors', 'warnings', 'review', 'passed', 'received'].includes(k) ? -1 : 1;
    key = k;
    for (const h of table.tHead.querySelectorAll('th[data-k]')) h.setAttribute('aria-sort', h === th ? (dir > 0 ? 'ascending' : 'descending') : 'none');
    const val = KEYS[k];
    order = [...order].sort((a, b) => {
      const x = val(rows[a]), z = val(rows[b]);
      if (x === null || z === null) return x === z ? 0 : x === null ? 1 : -1;
      return dir * (typeof x === 'number' ? x - z : coll.compare(x, z));
    });
    apply();
  };
  table.tHead.addEventListener('click', (ev) => { const th = ev.target.closest('th[data-k]'); if (th) sortBy(th); });
  table.tHead.addEventListener('keydown', (ev) => {
    const th = ev.target.closest('th[data-k]');
    if (th && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); sortBy(th); }
  });
  table.addEventListener('click', (ev) => {
    const b = ev.target.closest('button.x');
    if (!b) return;
    const tb = b.closest('tbody');
    let detail = tb.rows[1];
    if (!detail) tb.append((detail = detailOf(rows[Number(tb.dataset.i)])));
    else detail.hidden = !detail.hidden;
    b.setAttribute('aria-expanded', String(!detail.hidden));
  });
  chip.addEventListener('click', () => { agency = null; y.value = ''; apply(); });
  d.getElementById('grid').addEventListener('click', (ev) => {
    const c = ev.target.closest('td[data-a]');
    if (!c) return;
    agency = c.dataset.a;
    y.value = c.dataset.y;
    chip.querySelector('b').textContent = agency + (c.dataset.y ? ' · ' + c.dataset.y : '');
    apply();
    table.scrollIntoView({ behavior: 'smooth' });
  });
  render(0);
})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

const STYLE = `
:root{--err:#c5221f;--rev:#e8a600;--ok:#188038;--none:#9aa0a6;--failed:#5f6368;--ink:#202124;--mute:#5f6368;--line:#dadce0}
*{box-sizing:border-box}
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:var(--ink);background:#f8f9fa;line-height:1.45}
html:not(.en) .en,html.en .zh{display:none}
header{display:flex;align-items:baseline;gap:1rem;flex-wrap:wrap;padding:1rem 1.5rem;background:#fff;border-bottom:1px solid var(--line)}
header h1{font-size:1.35rem;margin:0;flex:1}
header small{color:var(--mute)}
button{font:inherit;cursor:pointer}
#lang{border:1px solid var(--line);background:#fff;border-radius:4px;padding:.2rem .8rem}
main{padding:1rem 1.5rem;max-width:1400px;margin:auto}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem;margin-bottom:1rem}
h2{font-size:1.05rem;margin:0 0 .3rem}
.note{color:var(--mute);font-size:.85rem;margin:0 0 .6rem}
.cards{display:flex;gap:.8rem;flex-wrap:wrap;margin-bottom:1rem}
.card{background:#fff;border:1px solid var(--line);border-left:6px solid var(--c,var(--line));border-radius:6px;padding:.5rem 1rem;min-width:8.5rem}
.card b{display:block;font-size:1.7rem;line-height:1.2}
.card span{color:var(--mute);font-size:.85rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem}
.charts section{margin:0}
svg{max-width:100%;height:auto;font-family:inherit;display:block}
svg text{fill:var(--ink);font-size:12px}
svg .axis{fill:var(--mute);font-size:11px}
.scroll{max-height:30rem;overflow:auto;border:1px solid var(--line)}
#grid table{border-collapse:separate;border-spacing:0;font-size:.85rem}
#grid th,#grid td{padding:2px 6px;border-bottom:1px solid #fff;border-right:1px solid #fff;white-space:nowrap}
#grid thead th{position:sticky;top:0;background:#fff;z-index:2}
#grid tbody th{position:sticky;left:0;background:#fff;text-align:left;font-weight:normal;max-width:18rem;overflow:hidden;text-overflow:ellipsis;z-index:1}
#grid td{text-align:center;min-width:3.2rem;color:#fff;font-weight:600}
#grid td[data-a]{cursor:pointer}
#grid td.empty{background:#f1f3f4}
.v-error{background:var(--err)}.v-review{background:var(--rev)}.v-ok{background:var(--ok)}.v-none{background:var(--none)}.v-failed{background:var(--failed)}
#grid td.v-review{color:#202124}
.legend{display:flex;gap:1rem;flex-wrap:wrap;font-size:.85rem;margin:.5rem 0 0}
.legend i{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;vertical-align:-2px;margin-right:.3rem}
.filters{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center;margin:.4rem 0 .8rem}
.filters input{flex:1;min-width:14rem;padding:.3rem .5rem;font:inherit;border:1px solid var(--line);border-radius:4px}
.filters select{font:inherit;padding:.25rem}
#chip{border:1px solid var(--line);background:#e8f0fe;border-radius:1rem;padding:.1rem .7rem}
#reports{border-collapse:collapse;width:100%;font-size:.88rem}
#reports thead th{position:sticky;top:0;background:#fff;border-bottom:2px solid var(--line);text-align:left;padding:.35rem .4rem;white-space:nowrap;cursor:pointer;user-select:none}
#reports thead th[aria-sort=ascending]::after{content:" ▲"}#reports thead th[aria-sort=descending]::after{content:" ▼"}
#reports tbody{content-visibility:auto;contain-intrinsic-size:auto 2.6rem}
#reports td{padding:.3rem .4rem;border-bottom:1px solid #f1f3f4;vertical-align:top}
#reports td.n{text-align:right;font-variant-numeric:tabular-nums}
#reports td.n.hot{color:var(--err);font-weight:700}
.src{display:block;color:var(--mute);font-size:.78rem;max-width:20rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
/* max-width:0 lets the last column take what the others leave, cut with an ellipsis */
#reports td.first{max-width:0;width:34%;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.badge{display:inline-block;border-radius:3px;padding:0 .45rem;color:#fff;font-size:.8rem;white-space:nowrap}
.badge.v-review{color:#202124}
button.x{border:0;background:none;padding:0 .3rem;font-size:.9rem;color:var(--mute)}
button.x[aria-expanded=true]{transform:rotate(90deg)}
tr.detail td{background:#fafafa;padding:.6rem 1rem 1rem 2.2rem}
.finding{border-left:4px solid var(--rev);padding:.2rem .7rem;margin:.5rem 0;background:#fff}
.finding.error{border-color:var(--err)}
.finding code{color:var(--mute);font-size:.8rem}
.finding p{margin:.2rem 0}
.finding ul{margin:.2rem 0;padding-left:1.2rem}
.fix{color:#0b57d0}
.meta{color:var(--mute);font-size:.85rem}
a{color:#0b57d0}
`;

// ── charts ─────────────────────────────────────────────────────────────────────────────────────────────────────

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f'];
const OTHERS_COLOUR = '#bab0ac';

/** A short axis label; the full text goes into the tooltip. */
function clip(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : s;
}

/** Round axis maximum and step: 1, 2 or 5 × 10^k, about four steps. */
function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
  return { top: Math.ceil(max / step) * step, step: Math.max(step, 1) };
}

function svgText(x: number, y: number, zh: string, en: string, attrs = ''): string {
  const t = (cls: string, s: string): string => `<text class="${cls}" x="${x}" y="${y}" ${attrs}>${e(s)}</text>`;
  return zh === en ? t('', zh) : t('zh', zh) + t('en', en);
}

/** 873,494 → 873.5K: axis and bar labels of a large sweep stay short enough not to run into each other. */
function compact(n: number): string {
  return n < 10_000 ? n.toLocaleString('en') : new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

function pct(n: number): string {
  return `${Math.round(n * 1000) / 10}%`;
}

/** Bars: share of checked reports with a failing arithmetic error, per year. */
function errorShareChart(reports: readonly DashboardReport[]): string {
  const byYear = new Map<number, { n: number; bad: number }>();
  for (const r of reports) {
    if (r.year === null || !checked(r)) continue;
    const y = byYear.get(r.year) ?? { n: 0, bad: 0 };
    y.n++;
    if (r.counts.errors > 0) y.bad++;
    byYear.set(r.year, y);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  if (years.length === 0) return `<p class="note">${bt('noData')}</p>`;
  const maxShare = Math.max(...years.map((y) => byYear.get(y)!.bad / byYear.get(y)!.n));
  // Percent axis up to the next 10% (at least 10%), so a few errors still make visible bars.
  const top = Math.min(1, Math.max(0.1, Math.ceil(maxShare * 10) / 10));
  const step = top <= 0.2 ? 0.05 : top <= 0.5 ? 0.1 : 0.2;
  // About 600 units wide: drawn at its own size in a half-width panel, so the text stays 12px.
  const left = 44,
    plotH = 180,
    topPad = 22,
    slot = Math.max(34, Math.min(72, 540 / years.length));
  const width = left + slot * years.length + 10;
  const height = topPad + plotH + 44;
  const y = (share: number): number => topPad + plotH - (share / top) * plotH;
  const out: string[] = [`<svg id="chart-errors" viewBox="0 0 ${width} ${height}" width="${width}" role="img">`];
  out.push(`<title>${e(T.chartErrors.zh)} / ${e(T.chartErrors.en)}</title>`);
  for (let s = 0; s <= top + 1e-9; s += step) {
    out.push(`<line x1="${left}" x2="${width - 6}" y1="${y(s)}" y2="${y(s)}" stroke="#e8eaed"/>`);
    out.push(`<text class="axis" x="${left - 6}" y="${y(s) + 4}" text-anchor="end">${pct(s)}</text>`);
  }
  years.forEach((year, i) => {
    const { n, bad } = byYear.get(year)!;
    const share = bad / n;
    const cx = left + slot * i + slot / 2;
    const w = slot * 0.62;
    const h = (share / top) * plotH;
    out.push(
      `<rect class="bar" data-year="${year}" data-bad="${bad}" data-n="${n}" x="${cx - w / 2}" y="${y(share)}" width="${w}" height="${Math.max(h, share > 0 ? 1 : 0)}" fill="var(--err)" rx="2"><title>${year}: ${bad}/${n}</title></rect>`,
    );
    out.push(`<text x="${cx}" y="${y(share) - 5}" text-anchor="middle">${pct(share)}</text>`);
    out.push(`<text class="axis" x="${cx}" y="${topPad + plotH + 16}" text-anchor="middle">${year}</text>`);
    out.push(`<text class="axis" x="${cx}" y="${topPad + plotH + 31}" text-anchor="middle">${bad}/${n}</text>`);
  });
  out.push(`<line x1="${left}" x2="${width - 6}" y1="${topPad + plotH}" y2="${topPad + plotH}" stroke="#9aa0a6"/>`);
  out.push('</svg>');
  return out.join('');
}

const TOP_AGENCIES_CHART = 8;

/** Stacked bars: applications received per year, the agencies with the most applications each in a colour, the rest grey. */
function receivedChart(reports: readonly DashboardReport[]): string {
  // One value per agency and year: the same report found twice (page and text copy) is not counted twice.
  const cells = new Map<string, Map<number, number>>();
  for (const r of reports) {
    if (r.fetch !== 'ok' || r.year === null || r.received === null || !Number.isFinite(r.received)) continue;
    const agency = r.agency ?? '';
    const m = cells.get(agency) ?? new Map<number, number>();
    m.set(r.year, Math.max(m.get(r.year) ?? 0, r.received));
    cells.set(agency, m);
  }
  if (cells.size === 0) return `<p class="note">${bt('noData')}</p>`;
  const totalOf = (m: Map<number, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const ranked = [...cells.entries()].sort((a, b) => totalOf(b[1]) - totalOf(a[1]) || a[0].localeCompare(b[0], 'zh-CN'));
  const named = ranked.slice(0, ranked.length > TOP_AGENCIES_CHART + 1 ? TOP_AGENCIES_CHART : ranked.length);
  const rest = ranked.slice(named.length);
  const years = [...new Set(ranked.flatMap(([, m]) => [...m.keys()]))].sort((a, b) => a - b);
  const series = named.map(([agency, m], i) => ({ agency, m, colour: PALETTE[i % PALETTE.length]!, others: false }));
  if (rest.length) {
    const m = new Map<number, number>();
    for (const [, am] of rest) for (const [y, v] of am) m.set(y, (m.get(y) ?? 0) + v);
    series.push({ agency: '', m, colour: OTHERS_COLOUR, others: true });
  }
  const totals = years.map((y) => series.reduce((a, s) => a + (s.m.get(y) ?? 0), 0));
  const { top, step } = niceScale(Math.max(...totals));
  const left = 52,
    plotH = 180,
    topPad = 22,
    slot = Math.max(30, Math.min(64, 370 / years.length));
  const plotW = slot * years.length;
  const legendX = left + plotW + 18;
  const width = legendX + 170;
  const height = Math.max(topPad + plotH + 30, 20 + series.length * 20);
  const y = (v: number): number => topPad + plotH - (v / top) * plotH;
  const out: string[] = [`<svg id="chart-received" viewBox="0 0 ${width} ${height}" width="${width}" role="img">`];
  out.push(`<title>${e(T.chartReceived.zh)} / ${e(T.chartReceived.en)}</title>`);
  for (let v = 0; v <= top; v += step) {
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e8eaed"/>`);
    out.push(`<text class="axis" x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${compact(v)}</text>`);
  }
  years.forEach((year, i) => {
    const x = left + slot * i + slot * 0.19;
    const w = slot * 0.62;
    let base = 0;
    for (const s of series) {
      const v = s.m.get(year) ?? 0;
      if (v <= 0) continue;
      const name = s.others ? `${T.others.zh} ${rest.length} / ${T.others.en}` : s.agency || T.unknownAgency.zh;
      out.push(
        `<rect class="seg" data-year="${year}" data-value="${v}" x="${x}" y="${y(base + v)}" width="${w}" height="${(v / top) * plotH}" fill="${s.colour}"><title>${e(name)} · ${year}: ${v.toLocaleString('en')}</title></rect>`,
      );
      base += v;
    }
    out.push(`<text x="${x + w / 2}" y="${y(base) - 5}" text-anchor="middle">${compact(base)}</text>`);
    out.push(`<text class="axis" x="${x + w / 2}" y="${topPad + plotH + 16}" text-anchor="middle">${year}</text>`);
  });
  out.push(`<line x1="${left}" x2="${left + plotW}" y1="${topPad + plotH}" y2="${topPad + plotH}" stroke="#9aa0a6"/>`);
  // Legend, largest first (top of the stack is the last series: the legend reads bottom-up like the bars).
  series.forEach((s, i) => {
    const ly = 20 + i * 20;
    out.push(`<rect x="${legendX}" y="${ly - 10}" width="12" height="12" fill="${s.colour}" rx="2"/>`);
    if (s.others) out.push(svgText(legendX + 18, ly, `${T.others.zh}（${rest.length} 个机关）`, `${rest.length} ${T.others.en}`));
    else {
      const name = s.agency || T.unknownAgency.zh;
      out.push(`<text x="${legendX + 18}" y="${ly}">${e(clip(name, 12))}<title>${e(name)}</title></text>`);
    }
  });
  out.push('</svg>');
  return out.join('');
}

// ── agency × year grid ─────────────────────────────────────────────────────────────────────────────────────────

const GRID_ROWS = 150;

function grid(reports: readonly DashboardReport[]): string {
  const byAgency = new Map<string, Map<number | null, DashboardReport[]>>();
  for (const r of reports) {
    if (r.agency === null && r.fetch !== 'ok') continue; // a page that was not read names no agency: the table lists it
    const a = r.agency ?? '';
    const m = byAgency.get(a) ?? new Map<number | null, DashboardReport[]>();
    m.set(r.year, [...(m.get(r.year) ?? []), r]);
    byAgency.set(a, m);
  }
  if (byAgency.size === 0) return `<p class="note">${bt('noData')}</p>`;
  const years = [...new Set([...byAgency.values()].flatMap((m) => [...m.keys()]))].sort(
    (a, b) => (a ?? Infinity) - (b ?? Infinity),
  );
  const all = (m: Map<number | null, DashboardReport[]>): DashboardReport[] => [...m.values()].flat();
  const badOf = (rs: DashboardReport[]): number => rs.filter((r) => r.counts.errors > 0).length;
  // Agencies with errors first, then the most reports, then by name; the unrecognised agency last.
  const agencies = [...byAgency.entries()].sort(
    (a, b) =>
      Number(a[0] === '') - Number(b[0] === '') ||
      badOf(all(b[1])) - badOf(all(a[1])) ||
      all(b[1]).length - all(a[1]).length ||
      a[0].localeCompare(b[0], 'zh-CN'),
  );
  const shown = agencies.length > GRID_ROWS + 1 ? agencies.slice(0, GRID_ROWS) : agencies;
  const rest = agencies.slice(shown.length);
  const yearLabel = (y: number | null): string => (y === null ? '?' : String(y));
  const out: string[] = ['<div class="scroll"><table><thead><tr><th></th>'];
  for (const y of years) out.push(`<th>${yearLabel(y)}</th>`);
  out.push('</tr></thead><tbody>');
  for (const [agency, m] of shown) {
    const name = agency || T.unknownAgency.zh;
    out.push(
      `<tr><th data-tz="${e(agency || T.unknownAgency.zh)}" data-te="${e(agency || T.unknownAgency.en)}">${agency ? e(clip(agency, 24)) : bt('unknownAgency')}</th>`,
    );
    for (const y of years) {
      const rs = m.get(y);
      if (!rs) {
        out.push('<td class="empty"></td>');
        continue;
      }
      const v = rs.map(verdictOf).sort((a, b) => VERDICT_RANK[a] - VERDICT_RANK[b])[0]!;
      const errors = rs.reduce((a, r) => a + r.counts.errors, 0);
      const label = v === 'error' ? `✗${errors}` : VERDICT_MARK[v];
      const multi = rs.length > 1 ? ` (${rs.length})` : '';
      out.push(
        `<td class="v-${v}" data-a="${e(agency)}" data-y="${y ?? ''}" data-v="${v}" data-tz="${e(`${name} · ${yearLabel(y)}：${VERDICT_NAMES[v].zh}${v === 'error' ? ` ${errors} 处` : ''}${multi}`)}" data-te="${e(`${agency || T.unknownAgency.en} · ${yearLabel(y)}: ${VERDICT_NAMES[v].en}${v === 'error' ? ` ${errors}` : ''}${multi}`)}">${label}</td>`,
      );
    }
    out.push('</tr>');
  }
  if (rest.length) {
    out.push(`<tr class="others"><th>${bi(T.gridOthers.zh(rest.length), T.gridOthers.en(rest.length))}</th>`);
    for (const y of years) {
      const rs = rest.flatMap(([, m]) => m.get(y) ?? []);
      if (rs.length === 0) {
        out.push('<td class="empty"></td>');
        continue;
      }
      const share = badOf(rs) / rs.length;
      // Red in proportion to the share: 0 → pale, ≥ 50% → full.
      const alpha = (0.15 + Math.min(1, share * 2) * 0.85).toFixed(2);
      out.push(
        `<td style="background:rgba(197,34,31,${alpha});color:${share > 0.2 ? '#fff' : '#202124'}" data-tz="${badOf(rs)}/${rs.length}" data-te="${badOf(rs)}/${rs.length}">${pct(share)}</td>`,
      );
    }
    out.push('</tr>');
  }
  out.push('</tbody></table></div>');
  out.push('<p class="legend">');
  for (const v of ['error', 'review', 'ok', 'none', 'failed'] as const)
    out.push(`<span><i class="v-${v}"></i>${VERDICT_MARK[v]} ${bi(VERDICT_NAMES[v].zh, VERDICT_NAMES[v].en)}</span>`);
  out.push('</p>');
  return out.join('');
}

// ── the report table's data ───────────────────────────────────────────────────────────────────────────────────

/** Findings shown in full per report; the rest are counted (a sweep of 10,000 reports stays a sane file). */
const MAX_FINDINGS_SHOWN = 10;

type Pair = [string, string];

/** One finding in a report's expanded row: severity, status, rule, message, corrections. */
export interface RowFinding {
  s: Finding['severity'];
  t: Finding['status'];
  r: string;
  m: Pair;
  /** suggested corrections, one per suspect */
  c: Pair[];
  /** equally likely corrections, when no single cell explains the difference */
  a: Pair | null;
}

/** A report as the table's data block holds it (short keys: 10,000 of them go into the file). */
export interface Row {
  /** agency */ a: string | null;
  /** source */ s: string;
  /** live page (http/https only) */ u: string | null;
  /** year */ y: number | null;
  /** format */ f: string | null;
  /** result */ v: Verdict;
  /** errors, warnings, needs review, passed, not checkable */ c: [number, number, number, number, number];
  /** applications received */ r: number | null;
  /** first error, zh and en */ e: Pair | null;
  /** why the page could not be read (null: it was read) */ x: string | null;
  /** findings shown */ d: RowFinding[];
  /** findings not shown */ m: number;
  /** info-level items and not-checkable items: rule and count */ i: [string, number][];
  n: [string, number][];
}

function pair(zh: string, en: string): Pair {
  return [zh, en];
}

function rowFinding(f: Finding, format: FormatVersion): RowFinding {
  const zh = suspectLines(f, format, 'zh');
  const en = suspectLines(f, format, 'en');
  // Equally likely corrections (no single suspect): each one, joined by “or”.
  const alt = (lang: 'zh' | 'en'): string =>
    f.alternatives!.map((a) => suspectLines({ ...f, suspects: a }, format, lang).join(lang === 'zh' ? '，' : ', ')).join(lang === 'zh' ? '；或 ' : '; or ');
  return {
    s: f.severity,
    t: f.status,
    r: f.rule,
    m: pair(f.message.zh, f.message.en),
    c: zh.map((z, i) => pair(z, en[i] ?? z)),
    a: f.ambiguous && f.alternatives?.length ? pair(alt('zh'), alt('en')) : null,
  };
}

function byRule(fs: readonly Finding[]): [string, number][] {
  const n = new Map<string, number>();
  for (const f of fs) n.set(f.rule, (n.get(f.rule) ?? 0) + 1);
  return [...n];
}

function firstError(r: DashboardReport): Pair | null {
  const f = [...r.findings].sort(byImportance).find((x) => x.severity === 'error' && x.status === 'fail');
  if (f) return pair(f.message.zh, f.message.en);
  return r.firstError === null ? null : pair(r.firstError, r.firstError);
}

export function rowOf(r: DashboardReport): Row {
  const c = r.counts;
  const read = r.fetch === 'ok';
  const format: FormatVersion = r.format !== null && FORMATS.has(r.format) ? (r.format as FormatVersion) : 'unknown';
  const open = read ? r.findings.filter((f) => f.status === 'fail' || f.status === 'needsReview').sort(byImportance) : [];
  const main = open.filter((f) => f.severity !== 'info');
  return {
    a: r.agency,
    s: r.source,
    u: isSafeLink(r.pageUrl) ? r.pageUrl : null,
    y: r.year,
    f: r.format,
    v: verdictOf(r),
    c: [c.errors, c.warnings, c.needsReview, c.passed, c.notCheckable],
    r: r.received,
    e: read ? firstError(r) : null,
    x: read ? null : r.fetch,
    d: main.slice(0, MAX_FINDINGS_SHOWN).map((f) => rowFinding(f, format)),
    m: Math.max(0, main.length - MAX_FINDINGS_SHOWN),
    i: byRule(open.filter((f) => f.severity === 'info')),
    n: read ? byRule(r.findings.filter((f) => f.status === 'notCheckable')) : [],
  };
}

/** The words the script puts around the data, both languages. */
const LABELS = {
  verdict: Object.fromEntries(Object.entries(VERDICT_NAMES).map(([k, v]) => [k, pair(v.zh, v.en)])),
  severity: Object.fromEntries(Object.entries(SEVERITY_NAMES).map(([k, v]) => [k, pair(v.zh, v.en)])),
  status: Object.fromEntries(Object.entries(STATUS_NAMES).map(([k, v]) => [k, pair(v.zh, v.en)])),
  format: { older: pair('旧格式', 'pre-2019'), unknown: pair('未识别', 'unknown') },
  unknownAgency: pair(T.unknownAgency.zh, T.unknownAgency.en),
  expand: pair(T.expand.zh, T.expand.en),
  openPage: pair(T.openPage.zh, T.openPage.en),
  source: pair(T.source.zh, T.source.en),
  failed: pair(T.failed.zh, T.failed.en),
  correction: pair(T.correction.zh, T.correction.en),
  alternatives: pair(T.alternatives.zh, T.alternatives.en),
  noFindings: pair(T.noFindings.zh, T.noFindings.en),
  more: pair(T.more.zh('{n}'), T.more.en('{n}')),
  infoItems: pair(T.infoItems.zh, T.infoItems.en),
  notCheckable: pair(T.notCheckable.zh, T.notCheckable.en),
  passedN: pair(T.passedN.zh('{n}'), T.passedN.en('{n}')),
};

/**
 * JSON inside <script type="application/json">: the browser never runs it, and with `<` written as \u003c no
 * page text can end the element (`</script>`) or open a comment.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function reportTable(reports: readonly DashboardReport[]): string {
  const sorted = [...reports].sort(
    (a, b) =>
      VERDICT_RANK[verdictOf(a)] - VERDICT_RANK[verdictOf(b)] ||
      b.counts.errors - a.counts.errors ||
      (a.agency ?? '\uffff').localeCompare(b.agency ?? '\uffff', 'zh-CN') ||
      (a.year ?? 0) - (b.year ?? 0) ||
      a.source.localeCompare(b.source),
  );
  const years = [...new Set(reports.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  const formats = [...new Set(reports.map((r) => r.format).filter((f): f is string => f !== null))].sort();
  const opt = (value: string, label: string): string => `<option value="${e(value)}">${label}</option>`;
  // Option text cannot hold the two language spans: the options carry both names.
  const both = (x: { zh: string; en: string }): string => e(x.zh === x.en ? x.zh : `${x.zh} / ${x.en}`);
  const out: string[] = [
    '<div class="filters">',
    `<input id="q" type="search" placeholder="${e(T.search.zh)} / ${e(T.search.en)}" aria-label="${e(T.search.en)}">`,
    `<select id="v" aria-label="${e(T.colResult.en)}">${opt('', both(T.all))}${(['error', 'review', 'ok', 'none', 'failed'] as const).map((v) => opt(v, both(VERDICT_NAMES[v]))).join('')}</select>`,
    `<select id="y" aria-label="${e(T.colYear.en)}">${opt('', both(T.all))}${years.map((y) => opt(String(y), String(y))).join('')}</select>`,
    `<select id="f" aria-label="${e(T.colFormat.en)}">${opt('', both(T.all))}${formats.map((f) => opt(f, both(shortFormatNames(f)))).join('')}</select>`,
    `<button id="chip" type="button" hidden>${bt('clear')}: <b></b> ×</button>`,
    `<span class="meta">${bt('shown')} <b id="count">${reports.length}</b> / ${reports.length}</span>`,
    '</div>',
    '<table id="reports"><thead><tr>',
    '<th></th>',
  ];
  const th = (k: string, key: keyof typeof T): string => `<th data-k="${k}" aria-sort="none" tabindex="0">${bt(key)}</th>`;
  out.push(
    th('agency', 'colAgency'),
    th('year', 'colYear'),
    th('format', 'colFormat'),
    th('rank', 'colResult'),
    th('errors', 'colErrors'),
    th('warnings', 'colWarnings'),
    th('review', 'colReview'),
    th('passed', 'colPassed'),
    th('received', 'colReceived'),
    th('first', 'colFirst'),
    '</tr></thead></table>',
    `<p><button id="more" type="button" hidden>${bt('showMore')}（<span id="more-n"></span>）</button></p>`,
    `<script type="application/json" id="data">${scriptJson({ labels: LABELS, rows: sorted.map(rowOf) })}</script>`,
  );
  return out.join('');
}

function cards(reports: readonly DashboardReport[]): string {
  const count = (v: Verdict): number => reports.filter((r) => verdictOf(r) === v).length;
  const agencies = new Set(reports.filter((r) => r.agency !== null).map((r) => r.agency)).size;
  const card = (id: string, n: number, label: string, colour?: string): string =>
    `<div class="card" id="card-${id}"${colour ? ` style="--c:${colour}"` : ''}><b>${n.toLocaleString('en')}</b><span>${label}</span></div>`;
  return [
    '<div class="cards">',
    card('reports', reports.length, bt('reports')),
    card('agencies', agencies, bt('agencies')),
    card('error', count('error'), bi(VERDICT_NAMES.error.zh, VERDICT_NAMES.error.en), 'var(--err)'),
    card('review', count('review'), bi(VERDICT_NAMES.review.zh, VERDICT_NAMES.review.en), 'var(--rev)'),
    card('ok', count('ok'), bi(VERDICT_NAMES.ok.zh, VERDICT_NAMES.ok.en), 'var(--ok)'),
    card('none', count('none'), bi(VERDICT_NAMES.none.zh, VERDICT_NAMES.none.en), 'var(--none)'),
    card('failed', count('failed'), bi(VERDICT_NAMES.failed.zh, VERDICT_NAMES.failed.en), 'var(--failed)'),
    '</div>',
  ].join('');
}

export function renderDashboard(given: DashboardReport[], opts: { title?: string; generatedAt?: string } = {}): string {
  const reports = oneNamePerAgency(given);
  const title = opts.title ?? null;
  const heading = title ? e(title) : bt('title');
  const generated = opts.generatedAt ? `<small>${bt('generated')}: ${e(opts.generatedAt)}</small>` : '';
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${title ? e(title) : e(T.title.zh)}</title>`,
    `<style>${STYLE}</style>`,
    '</head><body>',
    `<header><h1>${heading}</h1>${generated}<button id="lang" type="button">${bi(T.toggle.zh, T.toggle.en)}</button></header>`,
    '<main>',
    cards(reports),
    '<div class="charts">',
    `<section><h2>${bt('chartErrors')}</h2><p class="note">${bt('chartErrorsNote')}</p>${errorShareChart(reports)}</section>`,
    `<section><h2>${bt('chartReceived')}</h2><p class="note">${bt('chartReceivedNote')}</p>${receivedChart(reports)}</section>`,
    '</div>',
    `<section id="grid"><h2>${bt('grid')}</h2><p class="note">${bt('gridNote')}</p>${grid(reports)}</section>`,
    `<section><h2>${bt('table')}</h2>${reportTable(reports)}</section>`,
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
