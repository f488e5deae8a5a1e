// The bootstrap's cheap test: is there a report table (or a report page) here? Runs on every gov.cn page,
// so it looks only at the title and the text of <table> elements, never at the whole body.
// (dom-scan.ts has no imports: taking its limit keeps the bootstrap small and agreeing with the reader)
import { MAX_REPORT_TABLE_ROWS } from '../../core/read/dom-scan';

const TABLE_HINTS = ['申请人情况', '本年新收', '未经复议直接起诉'];

export function tableLooksLikeReport(table: Element): boolean {
  const text = table.textContent ?? '';
  if (TABLE_HINTS.some((h) => text.includes(h))) return true;
  return text.includes('自然人') && text.includes('予以公开');
}

export function titleLooksLikeReport(title: string): boolean {
  return title.includes('政府信息公开') && (title.includes('年度报告') || title.includes('年报'));
}

export function looksLikeReport(doc: Document): boolean {
  const tables = doc.getElementsByTagName('table');
  for (let i = 0; i < tables.length; i++) {
    const table = tables[i]!;
    // a document list of thousands of rows: its text is not read (rows counts the table's own rows, cheaply)
    if ('rows' in table && (table as HTMLTableElement).rows.length > MAX_REPORT_TABLE_ROWS) continue;
    if (tableLooksLikeReport(table)) return true;
  }
  // A report page whose tables are images, attachments or an embedded PDF: worth telling the auditor it is not checkable.
  return titleLooksLikeReport(doc.title);
}
