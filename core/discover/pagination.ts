// The other pages of a paginated list: 下一页/尾页 links, numbered index_N.html pages, and pages that the CMS
// writes by script (TRS's createPageHTML(total, current, "index", "html") and its variants).
import { resolveHref } from './address';
import { anchorText } from './links';

export interface PaginationOptions {
  /** most list pages one list may have (a runaway page count is cut here) */
  maxPages?: number;
}

const NEXT_WORDS = /^(?:下一?页|后一?页|下页|尾页|末页|最后一?页|下一頁|尾頁|next|last|>|>>|»|›|〉|>\|)$/i;
/** list addresses that carry a page number: index_3.html, list-3.shtml, column-index-3, ?page=3 */
const NUMBERED = /^(.*?(?:index|list|default|column-index|page)[_-]?)(\d+)(\.s?html?|\.jsp|\.php|\.aspx?)?((?:\?.*)?)$|^(.*[?&](?:page|pageNo|pageIndex|pageNum|pn|p|currPage|curpage|cp)=)(\d+)(.*)$/i;

/** A numbered list address as template + number, so that the pages between two seen numbers can be written. */
function numbered(url: string): { key: string; n: number; at: (k: number) => string } | null {
  const m = NUMBERED.exec(url);
  if (!m) return null;
  if (m[2] !== undefined) {
    const [pre, num, ext = '', query = ''] = [m[1]!, m[2], m[3], m[4]];
    return { key: `${pre}#${ext}${query}`, n: Number(num), at: (k) => `${pre}${k}${ext}${query}` };
  }
  const [pre, num, post = ''] = [m[5]!, m[6]!, m[7]];
  return { key: `${pre}#${post}`, n: Number(num), at: (k) => `${pre}${k}${post}` };
}

function sameDirectory(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.host === y.host && x.pathname.replace(/[^/]*$/, '') === y.pathname.replace(/[^/]*$/, '');
  } catch {
    return false;
  }
}

export interface ScriptPager {
  total: number;
  prefix: string;
  suffix: string;
}

/** `var countPage = 5` and the like, for createPageHTML(countPage, …) calls that name their numbers by variable */
function numberVariables(script: string): Map<string, number> {
  const vars = new Map<string, number>();
  for (const m of script.matchAll(/\b([A-Za-z_$][\w$]*)\s*=\s*["']?(\d+)["']?\s*[;,\n]/g)) vars.set(m[1]!, Number(m[2]));
  return vars;
}

function splitArgs(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/"([^"]*)"|'([^']*)'|([^,\s][^,]*)/g)) out.push(m[1] ?? m[2] ?? m[3]!.trim());
  return out;
}

/**
 * TRS and similar CMSs write the pager by script. Forms seen on government sites:
 *   createPageHTML(12, 0, "index", "html");
 *   createPageHTML('page_div', 12, 0, 'index', 'shtml', 230);
 *   createPageHTML(countPage, currentPage, "index", "htm");   with var countPage = 12
 *   var countPage = 12; … document.write("<a href=\"index" + "_" + i + "." + "html\">")
 */
export function scriptPager(scripts: readonly string[]): ScriptPager | null {
  const all = scripts.join('\n');
  const vars = numberVariables(all);
  for (const m of all.matchAll(/createPage(?:HTML|Html|html)\s*\(([^()]*)\)/g)) {
    const raw = splitArgs(m[1]!);
    const quoted = [...m[1]!.matchAll(/"([^"]*)"|'([^']*)'/g)].map((q) => q[1] ?? q[2]!);
    const nums: number[] = [];
    const strs: string[] = [];
    for (const a of raw) {
      if (/^\d+$/.test(a)) nums.push(Number(a));
      else if (vars.has(a)) nums.push(vars.get(a)!);
      else if (quoted.includes(a) && nums.length >= 1) strs.push(a);
    }
    if (nums.length === 0 || nums[0]! < 1) continue;
    const prefix = strs[0] && /^[\w-]+$/.test(strs[0]) ? strs[0] : 'index';
    const suffix = strs[1] && /^s?html?$|^jsp$|^php$/i.test(strs[1]) ? strs[1] : 'html';
    return { total: nums[0]!, prefix, suffix };
  }
  const count = /\b(?:countPage|pageCount|totalPage|totalPages|page_count|pagecount)\s*=\s*["']?(\d+)/.exec(all);
  if (count && /index["']?\s*\+\s*["']_/.test(all)) {
    const suffix = /["']\.["']?\s*\+\s*["'](s?html?)|\.(s?html?)\\?["']/.exec(all);
    return { total: Number(count[1]), prefix: 'index', suffix: suffix?.[1] ?? suffix?.[2] ?? 'html' };
  }
  return null;
}

/** The addresses of a script pager's pages: prefix.suffix, then prefix_1.suffix … prefix_(total-1).suffix. */
export function scriptPagerUrls(p: ScriptPager, pageUrl: string, maxPages: number): string[] {
  const out: string[] = [];
  const total = Math.min(p.total, maxPages);
  for (let i = 0; i < total; i++) {
    const u = resolveHref(i === 0 ? `${p.prefix}.${p.suffix}` : `${p.prefix}_${i}.${p.suffix}`, pageUrl);
    if (u) out.push(u);
  }
  return out;
}

/**
 * Every other page of the list this page belongs to that the page names or implies: the next/last links, the
 * numbered page links and the pages between them (so a 尾页 link to index_40 yields index_1 … index_40), and a
 * script pager's pages. The page itself is not listed. Same directory only: site menus link other lists.
 */
export function paginationUrls(doc: Document | Element, pageUrl: string, opts: PaginationOptions = {}): string[] {
  const maxPages = opts.maxPages ?? 200;
  const found = new Set<string>();
  const numberedSeen = new Map<string, { max: number; at: (k: number) => string; min: number }>();
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const url = resolveHref(a.getAttribute('href'), pageUrl);
    if (!url || url === pageUrl || !sameDirectory(url, pageUrl)) continue;
    const text = anchorText(a).replace(/\s+/g, '');
    const title = (a.getAttribute('title') ?? '').replace(/\s+/g, '');
    const num = numbered(url);
    const isNext = NEXT_WORDS.test(text) || NEXT_WORDS.test(title);
    const isPageNo = /^\d{1,4}$/.test(text) && num !== null;
    if (!isNext && !isPageNo) continue;
    found.add(url);
    if (num) {
      const seen = numberedSeen.get(num.key);
      if (seen) {
        seen.max = Math.max(seen.max, num.n);
        seen.min = Math.min(seen.min, num.n);
      } else numberedSeen.set(num.key, { max: num.n, min: num.n, at: num.at });
    }
  }
  // the pages between the numbers seen: a pager shows 1 2 3 … 40
  for (const { min, max, at } of numberedSeen.values()) {
    for (let k = Math.max(1, Math.min(min, 2)); k <= max && found.size < maxPages; k++) {
      const u = resolveHref(at(k), pageUrl);
      if (u && u !== pageUrl) found.add(u);
    }
  }
  const scripts = Array.from(doc.querySelectorAll('script')).map((s) => s.textContent ?? '');
  const pager = scriptPager(scripts);
  if (pager) for (const u of scriptPagerUrls(pager, pageUrl, maxPages)) if (u !== pageUrl) found.add(u);
  return [...found].slice(0, maxPages);
}
