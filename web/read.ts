// Reading and checking one input with core, as the command line does: a page through the DOM reader (the browser's
// own parser, inert: nothing of the page runs or loads), text through the text reader, a PDF through the extension's
// PDF reader chunk (pdf.js, loaded on first use). Then what the page shows of it (web/view.ts).
import type { Report } from '../core/model/schema';
import { agencyKey, checkPair, checkReport, consecutivePairs } from '../core/check';
import { joinYearFindings } from '../core/years';
import { readDocument } from '../core/read/dom';
import { readText } from '../core/read/text';
import { isReport, type ReadReport } from '../core/read/types';
import type { CheckedPage } from '../extension/lib/model';
import { countTags, cutLongTables, MAX_TAGS } from '../cli/shrink';
import { WebInputError, type Input } from './input';
import { readPdfReports } from './pdf';
import { drawModel, mapElements, rebuild, reportPart } from './view';

export interface Loaded {
  /** the file's name, or `clipboard` */
  source: string;
  /** the page's <title>, else the report's title */
  title: string | null;
  kind: Input['kind'];
  page: CheckedPage;
  /** what the page shows: the report's part of the page rebuilt as text, or its tables drawn from the model */
  view: HTMLElement;
}

const NO_REPORT = (source: string) =>
  new WebInputError({ zh: `没有找到政府信息公开年度报告的统计表：${source}`, en: `no annual-report statistics table found: ${source}` });

/**
 * The reports read on this page before (this visit only; nothing is stored): a report whose agency's previous year was
 * among them also gets the cross-year checks (spec §7.6), as when both files are given to the CLI.
 */
export type Session = Report[];

/** Findings of each report, and the cross-year ones for one agency's consecutive years among these and the earlier. */
function check(rrs: ReadReport[], earlier: Session): CheckedPage {
  const reports = rrs.map((rr) => ({ rr, findings: checkReport(rr.report) }));
  const byReport = new Map(reports.map((r) => [r.rr.report, r]));
  const mine = reports.map((r) => r.rr.report);
  // a report read again (the same agency and year) stands in for the earlier reading
  const kept = earlier.filter((e) => !mine.some((m) => agencyKey(m.agency) === agencyKey(e.agency) && m.year === e.year));
  for (const [previous, current] of consecutivePairs([...kept, ...mine])) {
    const entry = byReport.get(current);
    if (entry) entry.findings = joinYearFindings(entry.findings, checkPair(previous, current), current.format);
  }
  earlier.splice(0, earlier.length, ...kept, ...mine);
  return { reports };
}

function readHtml(input: { source: string; text: string }, doc: Document, earlier: Session): Loaded {
  // as the CLI: the rows of tables far larger than a report's are cut before parsing, and a page still too large refused
  const { html } = cutLongTables(input.text);
  const tags = countTags(html);
  if (tags > MAX_TAGS)
    throw new WebInputError({
      zh: `网页过大，无法读取（长表格之外仍有 ${tags} 个元素）：请只保存报告部分：${input.source}`,
      en: `the page is too large to read (${tags.toLocaleString('en')} elements outside long tables); save only the report's part: ${input.source}`,
    });
  // parsed inert: nothing of the page runs or loads (Chromium still reports each inline handler the page's CSP refuses)
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const rrs = readDocument(parsed).filter((rr) => isReport(rr.report));
  if (!rrs.length) throw NO_REPORT(input.source);
  const { root, drawn } = rebuild(reportPart(parsed, rrs), doc, rrs);
  return {
    source: input.source,
    title: parsed.title.trim() || rrs[0]!.report.title,
    kind: 'html',
    page: check(rrs.map((rr) => mapElements(rr, drawn)), earlier),
    view: root,
  };
}

function fromModel(input: Input, reports: Report[], doc: Document, earlier: Session): Loaded {
  reports = reports.filter(isReport);
  if (!reports.length) throw NO_REPORT(input.source);
  const view = doc.createElement('div');
  const rrs = reports.map((report) => {
    const drawn = drawModel(report, doc);
    view.appendChild(drawn.root);
    return drawn.rr;
  });
  return { source: input.source, title: reports[0]!.title, kind: input.kind, page: check(rrs, earlier), view };
}

export async function readInput(input: Input, doc: Document, earlier: Session = []): Promise<Loaded> {
  if (input.kind === 'pdf') return fromModel(input, await readPdfReports(input.bytes, input.source), doc, earlier);
  if (input.kind === 'html') return readHtml(input, doc, earlier);
  return fromModel(input, readText(input.text, { source: input.source }), doc, earlier);
}
