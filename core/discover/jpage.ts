// Lists of Hanweb (大汉) jcms sites, whose "jpage" plugin writes the list by script: the page carries the first group
// of records (often three pages' worth) as XML in <script type="text/xml"><datastore>…</datastore></script>, and
// the plugin asks the site's data proxy (/module/web/jpage/dataproxy.jsp) for the further groups:
//   POST dataproxy.jsp?startrecord=46&endrecord=90&perpage=15   col=1&appid=1&webid=…&columnid=…&unitid=…
// answering a <datastore> of the same shape. Government sites of Jiangsu, Zhejiang, Shandong, Gansu and others
// run it. Pure: the sweep command and the extension share these.
import type { ReportLink } from './links';
import { linkTitle } from './title';
import { resolveHref } from './address';

/** One <datastore>: its records' HTML, the nextgroup link (the data proxy with the list's fields), totalrecord. */
export interface Datastore {
  records: string[];
  nextGroup: string | null;
  totalRecord: number | null;
}

/** A further group of records to ask the data proxy for. */
export interface JpageGroup {
  /** the data proxy with startrecord, endrecord and perpage */
  url: string;
  method: 'POST';
  /** application/x-www-form-urlencoded: the list's fields (col, appid, webid, path, columnid, unitid …) */
  body: string;
  /** the same request as a GET with the fields in the query, for servers that take only that */
  getUrl: string;
  startRecord: number;
  endRecord: number;
}

export interface JpageList {
  /** the id of the element the list is drawn into (the unit id on jcms sites) */
  id: string | null;
  /** records the page carries */
  records: number;
  totalRecord: number | null;
  /** the groups still to ask for, up to totalRecord */
  groups: JpageGroup[];
}

const DATASTORE = /<datastore\b[^>]*>([\s\S]*?)<\/datastore\s*>/gi;
const RECORD = /<record\b[^>]*>([\s\S]*?)<\/record\s*>/gi;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const ANCHOR = /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi;
const ATTR = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The character references records use (named ones beyond these are left as they are). */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** An element's content: its CDATA sections, or (an escaped record) the text with references decoded. */
function content(inner: string): string {
  const sections = [...inner.matchAll(CDATA)].map((m) => m[1]!);
  return sections.length ? sections.join('') : decodeEntities(inner);
}

function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

const textOf = (html: string): string => decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();

/** Every <datastore> in a text (a page's XML script, or a data proxy's answer), in order. */
export function parseDatastores(text: string): Datastore[] {
  const out: Datastore[] = [];
  for (const m of text.matchAll(DATASTORE)) {
    const body = m[1]!;
    const records = [...body.matchAll(RECORD)].map((r) => content(r[1]!));
    const next = /<nextgroup\b[^>]*>([\s\S]*?)<\/nextgroup\s*>/i.exec(body);
    const href = next ? /<a\b([^>]*)>/i.exec(content(next[1]!)) : null;
    const total = /<totalrecord\b[^>]*>\s*(\d+)\s*<\/totalrecord\s*>/i.exec(body);
    out.push({ records, nextGroup: href ? (attrs(href[1]!).get('href') ?? null) : null, totalRecord: total ? Number(total[1]) : null });
  }
  return out;
}

/** The report links among records' HTML (<li>…</li> or <tr><td>…</td></tr>), by the list-link title rules. */
export function recordReportLinks(records: readonly string[], pageUrl: string): ReportLink[] {
  const out: ReportLink[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    for (const a of record.matchAll(ANCHOR)) {
      const at = attrs(a[1]!);
      const url = resolveHref(at.get('href') ?? null, pageUrl);
      if (!url || seen.has(url) || url === pageUrl) continue;
      const named = linkTitle(textOf(a[2]!), at.get('title') ?? null);
      if (!named) continue;
      seen.add(url);
      out.push({ url, ...named });
    }
  }
  return out;
}

/** The report links of the datastores in a page's scripts (the records the page carries). */
export function jpageRecordLinks(scripts: readonly string[], pageUrl: string): ReportLink[] {
  const records = scripts.filter((s) => /<datastore\b/i.test(s)).flatMap((s) => parseDatastores(s).flatMap((d) => d.records));
  return records.length ? recordReportLinks(records, pageUrl) : [];
}

/** What a data proxy answered: the report links of its records, how many records, the total it names. */
export interface JpageAnswer {
  links: ReportLink[];
  records: number;
  totalRecord: number | null;
}

/** A data proxy's answer read; null when it holds no <datastore> (an error page, a login, a captcha). */
export function jpageAnswer(text: string, listUrl: string): JpageAnswer | null {
  const stores = parseDatastores(text);
  if (stores.length === 0) return null;
  const records = stores.flatMap((d) => d.records);
  return { links: recordReportLinks(records, listUrl), records: records.length, totalRecord: stores.find((d) => d.totalRecord !== null)?.totalRecord ?? null };
}

/**
 * What is wrong with a group's answer, in one line; null when it is usable. A group asked within totalRecord has
 * records: an empty answer means the proxy did not take the list's fields (real proxies answer nothing, or another list).
 */
export function groupProblem(answer: JpageAnswer | null): string | null {
  if (!answer) return 'the data proxy answered no <datastore>';
  return answer.records === 0 ? 'the data proxy answered no records' : null;
}

/** The options of one jpage call: `$('#212860').jpage({totalRecord: 4895, perPage: 19, proxyUrl: …, ajaxParam: {…}})`. */
interface JpageCall {
  id: string | null;
  totalRecord: number | null;
  perPage: number | null;
  groupSize: number | null;
  proxyUrl: string | null;
  params: [string, string][];
}

/** The text of the object literal that starts at `from` (a `{`), braces balanced, strings skipped. */
function objectAt(s: string, from: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return s.slice(from, i + 1);
  }
  return s.slice(from);
}

const numberOption = (opts: string, name: string): number | null => {
  const m = new RegExp(`\\b${name}\\s*:\\s*["']?(\\d+)`).exec(opts);
  return m ? Number(m[1]) : null;
};

/** ajaxParam's literal fields (values that are expressions, like $('#x').val(), cannot be known and are left out). */
function literalFields(opts: string): [string, string][] {
  const m = /\bajaxParam\s*:\s*\{([^{}]*)\}/.exec(opts);
  if (!m) return [];
  const out: [string, string][] = [];
  for (const f of m[1]!.matchAll(/["']?([\w$]+)["']?\s*:\s*(?:'([^']*)'|"([^"]*)"|(-?[\w.]+)(?=\s*(?:,|$)))/g)) {
    out.push([f[1]!, f[2] ?? f[3] ?? f[4]!]);
  }
  return out;
}

function jpageCalls(scripts: readonly string[]): JpageCall[] {
  const out: JpageCall[] = [];
  for (const script of scripts) {
    for (const m of script.matchAll(/(?:\$|jQuery)\s*\(\s*["']#([\w-]+)["']\s*\)\s*\.\s*jpage\s*\(\s*\{|\bnew\s+Jpage\s*\(\s*\{/g)) {
      const opts = objectAt(script, m.index + m[0].length - 1);
      const proxy = /\bproxyUrl\s*:\s*(["'])(.*?)\1/.exec(opts);
      out.push({
        id: m[1] ?? null,
        totalRecord: numberOption(opts, 'totalRecord'),
        perPage: numberOption(opts, 'perPage'),
        groupSize: numberOption(opts, 'groupSize'),
        proxyUrl: proxy ? proxy[2]! : null,
        params: literalFields(opts),
      });
    }
  }
  return out;
}

/** the fields a group request carries that say which records, not which list */
const PAGING_FIELDS = new Set(['page', 'startrecord', 'endrecord', 'perpage']);

/** The groups of one list still to ask for: startrecord after the records the page carries, up to totalRecord. */
function planGroups(store: Datastore, call: JpageCall | null, pageUrl: string, maxGroups: number): JpageGroup[] {
  const total = call?.totalRecord ?? store.totalRecord;
  const carried = store.records.length;
  if (total === null || carried >= total) return [];
  const proxyHref = call?.proxyUrl ?? store.nextGroup;
  const proxy = proxyHref ? resolveHref(proxyHref, pageUrl) : null;
  if (!proxy) return [];
  // the list's fields: the nextgroup link's query, then the call's ajaxParam (the plugin posts both)
  let fields = new Map<string, string>();
  if (store.nextGroup) {
    const next = resolveHref(store.nextGroup, pageUrl);
    if (next) for (const [k, v] of new URL(next).searchParams) if (!PAGING_FIELDS.has(k.toLowerCase()) && !fields.has(k)) fields.set(k, v);
  }
  for (const [k, v] of call?.params ?? []) if (!PAGING_FIELDS.has(k.toLowerCase())) fields.set(k, v);
  const base = new URL(proxy);
  for (const k of [...base.searchParams.keys()]) if (PAGING_FIELDS.has(k.toLowerCase())) base.searchParams.delete(k);
  for (const [k, v] of base.searchParams) if (!fields.has(k)) fields.set(k, v);
  base.search = '';
  // jcms's plugin sends col=1 with every group
  if (/dataproxy\.jsp$/i.test(base.pathname) && !fields.has('col')) fields = new Map([['col', '1'], ...fields]);
  const perPage = call?.perPage ?? null;
  const size = perPage ? perPage * (call?.groupSize ?? 3) : carried;
  if (size < 1) return [];
  const body = new URLSearchParams([...fields]).toString();
  const out: JpageGroup[] = [];
  for (let start = carried + 1; start <= total && out.length < maxGroups; start += size) {
    const end = Math.min(start + size - 1, total);
    const paging = new URLSearchParams({ startrecord: String(start), endrecord: String(end), perpage: String(perPage ?? size) });
    const url = `${base.href}?${paging}`;
    out.push({ url, method: 'POST', body, getUrl: body ? `${url}&${body}` : url, startRecord: start, endRecord: end });
  }
  return out;
}

/**
 * The jpage lists of a page: each <datastore> script with the jpage call that draws it (matched by the element id,
 * or the only call), how many records the page carries, and the further groups to ask the data proxy for; and each
 * call without a datastore (records 0: in a live page the plugin has drawn it and dropped the XML).
 */
export function jpageLists(doc: Document | Element, pageUrl: string, opts: { maxGroups?: number } = {}): JpageList[] {
  const maxGroups = opts.maxGroups ?? 200;
  const scripts = Array.from(doc.querySelectorAll('script'));
  const calls = jpageCalls(scripts.map((s) => s.textContent ?? ''));
  const out: JpageList[] = [];
  /** the calls whose datastore the page does not hold: already drawn by the plugin in a live page, or never there */
  const drawn = new Set(calls);
  /** a list's identity: its proxy and fields; a page may carry one list twice (desktop and mobile layouts) */
  const byList = new Map<string, number>();
  for (const s of scripts) {
    const text = s.textContent ?? '';
    if (!/<datastore\b/i.test(text)) continue;
    // the call that draws into the element holding the script (or one around it), else the page's only call
    let call: JpageCall | null = null;
    let id: string | null = null;
    for (let el = s.parentElement; el && !call; el = el.parentElement) {
      const at = el.getAttribute('id');
      id ??= at;
      call = calls.find((c) => at !== null && c.id === at) ?? null;
      if (call) id = at;
    }
    call ??= calls.length === 1 ? calls[0]! : null;
    if (call) drawn.delete(call);
    for (const store of parseDatastores(text)) {
      const list = { id, records: store.records.length, totalRecord: call?.totalRecord ?? store.totalRecord, groups: planGroups(store, call, pageUrl, maxGroups) };
      const key = list.groups[0] ? `${list.groups[0].url.replace(/\?.*$/, '')} ${list.groups[0].body}` : null;
      const at = key === null ? undefined : byList.get(key);
      if (at === undefined) {
        if (key !== null) byList.set(key, out.length);
        out.push(list);
      } else if (list.records > out[at]!.records) out[at] = list; // the copy that carries more asks for less
    }
  }
  // such a list is asked for from its first record, when the call names the list's fields (its ajaxParam)
  const none: Datastore = { records: [], nextGroup: null, totalRecord: null };
  for (const call of drawn) {
    const groups = call.params.length ? planGroups(none, call, pageUrl, maxGroups) : [];
    out.push({ id: call.id, records: 0, totalRecord: call.totalRecord, groups });
  }
  return out;
}
