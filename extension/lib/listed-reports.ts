// Which report links of a list page the extension may check (pure: the sweep chunk and its unit test use it).
import { reportLinks } from '../../core/discover';
import type { SweepLink } from './sweep-store';

/** the answer to the popup's question: the reports this page lists, and the other gov.cn hosts they are on */
export interface ListedReports {
  links: SweepLink[];
  otherHosts: string[];
}

const GOV_CN = /(^|\.)gov\.cn$/i;

/** The report links of a list page that the extension may fetch: this origin's, and other gov.cn hosts'. */
export function listedReports(doc: Document, pageUrl: string): ListedReports {
  const here = new URL(pageUrl);
  const links = reportLinks(doc, pageUrl).filter((l) => {
    const u = new URL(l.url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && (u.origin === here.origin || GOV_CN.test(u.hostname));
  });
  const otherHosts = [
    ...new Set(
      links
        .map((l) => new URL(l.url))
        .filter((u) => u.origin !== here.origin)
        .map((u) => u.hostname),
    ),
  ];
  return { links: links.map((l) => ({ url: l.url, title: l.title })), otherHosts };
}
