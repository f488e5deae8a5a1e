// The page read ahead by the bootstrap while the annotator's code loads (core/read/dom-ahead.ts), handed to the
// annotator's first check. Whatever changes in the page in between (a script filling a table) makes it stale: the
// annotator then reads the page itself.
import { scanWithGrids } from '../../core/read/dom-ahead';
import type { Scan } from '../../core/read/dom-scan';

interface Prescan {
  scan: Scan;
  changes: MutationObserver;
  changed: boolean;
}

const READ_ATTRIBUTES = ['rowspan', 'colspan', 'href', 'src', 'data-src', 'data', 'type', 'ms-attr-src', ':src', 'v-bind:src'];

declare global {
  var __gidarPrescan: Prescan | undefined;
}

export function prescan(doc: Document): void {
  let scan: Scan;
  try {
    scan = scanWithGrids(doc);
  } catch {
    return; // the annotator reads the page itself, and says what went wrong
  }
  const ahead: Prescan = { scan, changed: false, changes: new MutationObserver(() => void (ahead.changed = true)) };
  // the attributes reading looks at: spans, links, images, embedded PDFs (a carousel's style changes are no change)
  ahead.changes.observe(doc, { subtree: true, childList: true, characterData: true, attributeFilter: READ_ATTRIBUTES });
  globalThis.__gidarPrescan = ahead;
}

/** The scan read ahead, once, if the page has not changed since; else null. */
export function takePrescan(): Scan | null {
  const ahead = globalThis.__gidarPrescan;
  if (!ahead) return null;
  globalThis.__gidarPrescan = undefined;
  const changed = ahead.changed || ahead.changes.takeRecords().length > 0;
  ahead.changes.disconnect();
  return changed ? null : ahead.scan;
}
