// Report links on a list page: anchors whose text or title names a 政府信息公开工作年度报告.
import { jpageRecordLinks } from './jpage';
import { linkTitle, matchReportTitle } from './title';
import { resolveHref } from './address';

export interface ReportLink {
  /** absolute URL, without the #fragment */
  url: string;
  /** the link's text, or its title attribute when that names the report better (a truncated text) */
  title: string;
  year: number | null;
}

export function anchorText(a: Element): string {
  return (a.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every anchor naming an annual report, in document order, each address once. */
export function reportLinks(doc: Document | Element, pageUrl: string): ReportLink[] {
  const out: ReportLink[] = [];
  const seen = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const url = resolveHref(a.getAttribute('href'), pageUrl);
    if (!url || seen.has(url) || url === pageUrl) continue;
    const named = linkTitle(anchorText(a), a.getAttribute('title'));
    if (!named) continue;
    seen.add(url);
    out.push({ url, ...named });
  }
  // lists a script fills from data carry the reports only there: a jpage datastore's records, or quoted data
  const scripts = Array.from(doc.querySelectorAll('script')).map((s) => s.textContent ?? '');
  for (const l of [...jpageRecordLinks(scripts, pageUrl), ...scriptReportLinks(scripts, pageUrl)]) {
    if (seen.has(l.url) || l.url === pageUrl) continue;
    seen.add(l.url);
    out.push(l);
  }
  return out;
}

const QUOTED = /"((?:[^"\\\n]|\\.){2,300})"|'((?:[^'\\\n]|\\.){2,300})'/g;
const LINKISH = /^(?:https?:\/\/|\.{0,2}\/)[^\s<>"']*$|^[\w./-]+\.(?:s?html?|pdf|jsp|php|aspx?)(?:[?#][^\s<>"']*)?$/i;

function unescapeJs(s: string): string {
  return s.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\(.)/g, '$1');
}

/**
 * Report links in a list that a script fills from data (a JSON block, `var list = [{title: …, url: …}]`): each quoted
 * report title paired with the nearest quoted address after it (or, failing that, before it) in the same record.
 */
export function scriptReportLinks(scripts: readonly string[], pageUrl: string): ReportLink[] {
  const out: ReportLink[] = [];
  const seen = new Set<string>();
  for (const script of scripts) {
    if (!/信息公开|年报|\\u4fe1\\u606f/.test(script)) continue;
    if (/<datastore\b/i.test(script)) continue; // jpage's XML: read as records (jpage.ts)
    const strings = [...script.matchAll(QUOTED)].map((m) => ({ at: m.index, text: unescapeJs(m[1] ?? m[2]!) }));
    strings.forEach((s, i) => {
      const match = matchReportTitle(s.text);
      if (match?.kind !== 'report') return;
      // the same record: close by, with no { or } between the two
      const near = (j: number) => {
        const o = strings[j];
        if (!o || Math.abs(o.at - s.at) > 400 || !LINKISH.test(o.text)) return false;
        return !/[{}]/.test(script.slice(Math.min(o.at, s.at), Math.max(o.at, s.at)));
      };
      const j = [i + 1, i + 2, i + 3, i - 1, i - 2, i - 3].find(near);
      if (j === undefined) return;
      const url = resolveHref(strings[j]!.text, pageUrl);
      if (!url || seen.has(url)) return;
      seen.add(url);
      out.push({ url, title: s.text, year: match.year });
    });
  }
  return out;
}
