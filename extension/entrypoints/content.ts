// Bootstrap on gov.cn pages: a cheap look for a report; only then load the reader, checker and UI.
// Kept free of the rest of core/ and of Preact so that it stays a few KB on the pages that are not reports; on a report
// page it reads the page's tables (core/read/dom-scan.ts and grid.ts, no imports of their own) while the annotator loads.
import { browser } from 'wxt/browser';
import { looksLikeReport } from '@/lib/detect';
import { prescan } from '@/lib/prescan';
import type { ToContent } from '@/lib/messages';

const MAX_LOOKS = 40;

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    // For bench/extension.ts: content-script start → annotations drawn.
    performance.mark('gidar:content-start');
    let loading = false;
    const load = (): void => {
      if (loading) return;
      loading = true;
      observer?.disconnect();
      // The annotator is a web-accessible IIFE; importing it runs it in this isolated world.
      import(/* @vite-ignore */ browser.runtime.getURL('/annotator.js')).catch((e: unknown) => {
        console.warn('[gidar] could not load the annotator:', e);
      });
      // The annotator's code is now fetched and compiled off the main thread: read the page's tables meanwhile,
      // whenever nothing more urgent is waiting.
      prescan(document);
    };
    let observer: MutationObserver | null = null;
    // The popup's "check this page" / "check again": on gov.cn pages the bootstrap is already here, so no
    // activeTab grant is needed (other sites get the annotator injected by the background instead).
    browser.runtime.onMessage.addListener((msg: ToContent, _sender, sendResponse) => {
      // "check the reports listed on this page": the sweep chunk, loaded only when the popup asks (top frame only)
      if (typeof msg?.type === 'string' && msg.type.startsWith('gidar:sweep') && window === window.top) {
        import(/* @vite-ignore */ browser.runtime.getURL('/sweep.js'))
          .then(() => globalThis.__gidarSweep!.handle(msg))
          .then(sendResponse, (e: unknown) => sendResponse({ error: String(e) }));
        return true;
      }
      if (msg?.type !== 'gidar:checkNow') return;
      globalThis.__gidarOnDemand = true;
      if (globalThis.__gidarAnnotator) globalThis.__gidarAnnotator.recheck();
      else load();
      sendResponse({ ok: true });
    });
    const report = looksLikeReport(document);
    performance.mark('gidar:content-looked');
    if (report) return load();

    // Tables that arrive later (scripts, tabs, SPA navigation): look again, debounced and a bounded number of times.
    let looks = 0;
    let timer = 0;
    observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (looksLikeReport(document)) load();
        else if (++looks >= MAX_LOOKS) observer?.disconnect();
      }, 500);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  },
});
