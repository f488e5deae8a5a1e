// Finding reports on list pages: which links are reports, which are the list's other pages, which attachment
// holds a report's tables. Pure (DOM in, addresses out): the sweep command and the extension share it.
export { matchReportTitle, normalizeTitle, type TitleMatch, type TitleKind } from './title';
export { resolveHref } from './address';
export { reportLinks, scriptReportLinks, type ReportLink } from './links';
export { paginationUrls, scriptPager, scriptPagerUrls, type ScriptPager, type PaginationOptions } from './pagination';
export { reportAttachment } from './attachments';
export { groupProblem, jpageAnswer, jpageLists, parseDatastores, recordReportLinks, type JpageAnswer, type JpageGroup, type JpageList } from './jpage';
