// Which report links of a list page the extension may check (pure: the sweep chunk and its unit test use it).
import { jpageLists, reportLinks, type JpageGroup } from '../../core/discover';
import type { SweepLink } from './sweep-store';

/** the answer to the popup's question: the reports this page lists, and the other gov.cn hosts they are on */
export interface ListedReports {
  links: SweepLink[];
  otherHosts: string[];
  /** a jpage list's further groups of records, asked of this site's data proxy on the click (none before it) */
  groups: JpageGroup[];
  /** the records of the page's jpage lists in all (their totalRecord): the popup says the click looks through them */
  listRecords: number;
  /** a jpage list the plugin has drawn, its XML gone from the live page: the click reads the page's HTML again */
  rereadPage: boolean;
}

const GOV_CN = /(^|\.)gov\.cn$/i;

/** A link the extension may fetch: this origin's, or another gov.cn host's (once the user grants it). */
export function mayFetch(url: string, pageUrl: string): boolean {
  const u = new URL(url);
  return (u.protocol === 'http:' || u.protocol === 'https:') && (u.origin === new URL(pageUrl).origin || GOV_CN.test(u.hostname));
}

/**
 * The report links of a list page that the extension may fetch (a jpage datastore's records among them). `asServed`:
 * the page's HTML as the site serves it (fetched again), where a jpage call without its XML never had any: its list
 * is asked for from the call's own fields.
 */
export function listedReports(doc: Document, pageUrl: string, asServed = false): ListedReports {
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
  const sameOrigin = (g: JpageGroup) => new URL(g.url).origin === here.origin;
  const lists = jpageLists(doc, pageUrl);
  const carried = lists.filter((l) => (l.records > 0 || asServed) && l.groups.some(sameOrigin));
  const drawn = asServed ? [] : lists.filter((l) => l.records === 0 && (l.totalRecord ?? 0) > 0);
  return {
    links: links.map((l) => ({ url: l.url, title: l.title })),
    otherHosts,
    groups: carried.flatMap((l) => l.groups.filter(sameOrigin)),
    listRecords: [...carried, ...drawn].reduce((n, l) => n + (l.totalRecord ?? 0), 0),
    rereadPage: drawn.length > 0,
  };
}
