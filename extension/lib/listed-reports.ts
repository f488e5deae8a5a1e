// Which report links of a list page the extension may check (pure: the sweep chunk and its unit test use it).
import { jpageLists, reportLinks, type JpageGroup } from '../../core/discover';
import type { SweepLink } from './sweep-store';

/** the answer to the popup's question: the reports this page lists, and the other gov.cn hosts they are on */
export interface ListedReports {
  links: SweepLink[];
  otherHosts: string[];
  /** a jpage list's further groups of records, asked of this site's data proxy on the click (none before it) */
  groups: JpageGroup[];
  /** how many records those groups hold */
  moreRecords: number;
}

const GOV_CN = /(^|\.)gov\.cn$/i;

/** A link the extension may fetch: this origin's, or another gov.cn host's (once the user grants it). */
export function mayFetch(url: string, pageUrl: string): boolean {
  const u = new URL(url);
  return (u.protocol === 'http:' || u.protocol === 'https:') && (u.origin === new URL(pageUrl).origin || GOV_CN.test(u.hostname));
}

/** The report links of a list page that the extension may fetch (a jpage datastore's records among them). */
export function listedReports(doc: Document, pageUrl: string): ListedReports {
  const here = new URL(pageUrl);
  const links = reportLinks(doc, pageUrl).filter((l) => mayFetch(l.url, pageUrl));
  const otherHosts = [
    ...new Set(
      links
        .map((l) => new URL(l.url))
        .filter((u) => u.origin !== here.origin)
        .map((u) => u.hostname),
    ),
  ];
  // the proxy is asked from the page, with its cookies: this origin's only
  const groups = jpageLists(doc, pageUrl).flatMap((l) => l.groups.filter((g) => new URL(g.url).origin === here.origin));
  const moreRecords = groups.reduce((n, g) => n + g.endRecord - g.startRecord + 1, 0);
  return { links: links.map((l) => ({ url: l.url, title: l.title })), otherHosts, groups, moreRecords };
}
