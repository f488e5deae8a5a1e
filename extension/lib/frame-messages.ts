// This frame's side of the talk with the background and the popup: its summary, and the popup's requests.
import { browser } from 'wxt/browser';
import type { ViewState } from '../ui/view';
import type { ExportFormat, ExportResult, FrameSummary, ToContent } from './messages';

export function frameSummary(s: ViewState, pdfLinks: string[], page: { url: string; title: string }): FrameSummary {
  const open = pdfLinks.filter((u) => s.pdf[u]?.status !== 'done' && s.pdf[u]?.status !== 'loading');
  const pdfReading = Object.values(s.pdf).some((p) => p.status === 'loading');
  return {
    url: page.url,
    title: page.title,
    reports: s.page.reports.length,
    tables: [...new Set(s.page.reports.flatMap((r) => r.rr.report.tablesFound))],
    ...s.counts,
    annotations: s.annotations,
    ...(open.length ? { pdfLinks: open } : {}),
    ...(pdfReading ? { pdfReading } : {}),
  };
}

/** Tell the background (badge, popup) how this frame stands. */
export function sendSummary(summary: FrameSummary): void {
  browser.runtime.sendMessage({ type: 'gidar:state', summary }).catch(() => {
    /* background asleep or reloading: the popup asks again */
  });
}

export interface PopupRequests {
  summary(): FrameSummary;
  setAnnotations(on: boolean): void;
  openPanel(): void;
  /** false when the PDF is none of this frame's */
  checkPdf(url: string): boolean;
  /** null when this frame holds no report (another frame may) */
  export(format: ExportFormat, table: 't2' | 't3' | 't4' | undefined): Promise<ExportResult> | null;
}

export function answerPopup(r: PopupRequests): void {
  browser.runtime.onMessage.addListener((msg: ToContent, _sender, sendResponse) => {
    if (!msg || typeof msg !== 'object' || !('type' in msg)) return;
    switch (msg.type) {
      case 'gidar:ping':
        sendResponse(r.summary());
        return;
      case 'gidar:setAnnotations':
        r.setAnnotations(msg.on);
        sendResponse(r.summary());
        return;
      case 'gidar:openPanel':
        r.openPanel();
        sendResponse(r.summary());
        return;
      case 'gidar:checkPdf':
        if (r.checkPdf(msg.url)) sendResponse({ ok: true });
        return;
      case 'gidar:export': {
        const done = r.export(msg.format, msg.table);
        if (!done) return;
        done.then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: String(e) }));
        return true;
      }
    }
  });
}
