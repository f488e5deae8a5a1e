// Report links on a list page: anchors whose text or title names a 政府信息公开工作年度报告.
import { matchReportTitle } from './title';

export interface ReportLink {
  /** absolute URL, without the #fragment */
  url: string;
  /** the link's text, or its title attribute when that names the report better (a truncated text) */
  title: string;
  year: number | null;
}

const SKIP_HREF = /^\s*(?:javascript:|mailto:|tel:|#|data:)/i;

/** `href` resolved against the page, without its fragment; null when it is not a web address. */
export function resolveHref(href: string | null, base: string): string | null {
  if (!href || SKIP_HREF.test(href)) return null;
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
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
    const text = anchorText(a);
    const titleAttr = (a.getAttribute('title') ?? '').trim();
    // the title attribute carries the whole name where the text is cut short
    const byTitle = titleAttr ? matchReportTitle(titleAttr) : null;
    const byText = matchReportTitle(text);
    const match = byTitle?.kind === 'report' ? byTitle : byText;
    if (match?.kind !== 'report') continue;
    seen.add(url);
    out.push({ url, title: match === byTitle ? titleAttr : text, year: match.year });
  }
  return out;
}
