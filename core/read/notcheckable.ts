// Tables that cannot be checked from the page (spec §9 V12, V13): an image where the table should be,
// a report published only as an attachment, or shown in an embedded PDF viewer. We say so instead of guessing.
import type { NotCheckable, ReadNote, TableId } from '../model/schema';
import { readNote } from './notes';
import type { Scan, SectionNo } from './dom-scan';

const DOC_LINK = /\.(pdf|docx?|wps|xlsx?|et|ofd|zip|rar)(?:$|[?#])/i;
const SECTION_OF: Record<TableId, SectionNo> = { t2: 2, t3: 3, t4: 4 };
const TABLE_IDS: TableId[] = ['t2', 't3', 't4'];

function resolve(href: string, base?: string): string {
  if (!base) return href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

const REPORT_WORDS = /年度报告|年报|报告|附件/;

/** Document links of the page; `strong` ones are named like the report or an attachment. */
function attachmentLinks(scan: Scan): { strong: string[]; weak: string[] } {
  const strong: string[] = [];
  const weak: string[] = [];
  for (const l of scan.links) {
    const href = l.href.trim();
    if (!href || href.startsWith('javascript:') || href.startsWith('#')) continue;
    if (!DOC_LINK.test(href) && !DOC_LINK.test(l.text)) continue;
    (REPORT_WORDS.test(l.text) || REPORT_WORDS.test(decodeURIComponentSafe(href)) ? strong : weak).push(href);
  }
  return { strong, weak };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface NotCheckableResult {
  entries: NotCheckable[];
  notes: ReadNote[];
}

/**
 * For every table that was not read from HTML, the reason it can't be: an image in its section, the
 * report's attachment, an embedded PDF viewer, or simply missing. Tables that were read get nothing.
 */
export function detectNotCheckable(scan: Scan, found: ReadonlySet<TableId>, url?: string): NotCheckableResult {
  const entries: NotCheckable[] = [];
  const notes: ReadNote[] = [];
  const frame = scan.frames[0];
  const attachments = attachmentLinks(scan);
  const missing = TABLE_IDS.filter((t) => !found.has(t));
  if (frame && missing.length < TABLE_IDS.length) notes.push(readNote('pdfViewerBesideTables'));

  // images inside each section (tables printed as pictures); images in site chrome come before any heading
  const imageBySection = new Map<SectionNo, string>();
  for (const img of scan.images) {
    if (img.section && !imageBySection.has(img.section) && img.src) imageBySection.set(img.section, img.src);
  }
  // the report is entirely elsewhere: one report-level entry is clearer than three table entries
  if (missing.length === TABLE_IDS.length) {
    const anyImage = imageBySection.size > 0;
    if (frame) {
      entries.push({ table: 'report', reason: 'embeddedPdf', link: resolve(frame.src, url), detail: 'report shown in an embedded PDF viewer' });
      return { entries, notes };
    }
    const link = attachments.strong[0] ?? attachments.weak[0];
    if (link && !anyImage) {
      entries.push({ table: 'report', reason: 'attachment', link: resolve(link, url), detail: 'report published as an attachment' });
      return { entries, notes };
    }
  }
  for (const t of missing) {
    const img = imageBySection.get(SECTION_OF[t]);
    if (img !== undefined) entries.push({ table: t, reason: 'image', link: resolve(img, url), detail: 'table printed as an image' });
    else if (frame) entries.push({ table: t, reason: 'embeddedPdf', link: resolve(frame.src, url) });
    else if (attachments.strong[0]) entries.push({ table: t, reason: 'attachment', link: resolve(attachments.strong[0], url) });
    else entries.push({ table: t, reason: 'missing' });
  }
  return { entries, notes };
}
