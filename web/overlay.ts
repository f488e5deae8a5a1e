// The extension's overlay (extension/lib/overlay: marks, markers, tooltip, findings panel in a shadow root) over the
// report drawn on this page. Its language is the page's; confirm/dismiss decisions last as long as the document shown.
import { createOverlay } from '../extension/lib/overlay/overlay';
import type { LangStore, PageOverlay } from './app';
import type { Loaded } from './read';

export function createPageOverlay(win: Window, langs: LangStore): PageOverlay {
  const overlay = createOverlay({ win, url: win.location.href, onLang: (lang) => langs.set(lang) });
  overlay.set({ lang: langs.get() });
  langs.subscribe(() => overlay.set({ lang: langs.get() }));
  return {
    show(loaded: Loaded | null): void {
      if (!loaded) {
        overlay.set({ annotations: false, tooltip: null });
        return;
      }
      const flagged = loaded.page.reports.some((r) => r.findings.some((f) => f.status === 'fail' || f.status === 'needsReview'));
      // a new document: its own decisions, the panel open when there is something to look at
      overlay.show(loaded.page, { annotations: true, reviews: {}, selected: null, flash: null, tooltip: null, error: null, panelOpen: flagged, panelReady: true });
      overlay.mount();
      overlay.watchTables();
      overlay.layoutSoon();
    },
  };
}
