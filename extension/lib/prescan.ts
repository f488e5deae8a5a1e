// The overlay's host attached, and the page read, by the bootstrap while the annotator's code loads, handed to the
// annotator. The host: the page's relayout for a new element (long on a page with a huge table) is done by the time
// the marks are drawn. The page read ahead, for the annotator's first check: the
// scan of the document, then the tables' grids (core/read/dom-ahead.ts), in background-priority tasks so that the
// annotator's own fetch (a redirect, the response, its compilation) is never kept waiting for them. Whatever part is
// done when the annotator starts is used, the rest it builds itself. Whatever changes in the page in between (a
// script filling a table) makes it all stale: the annotator then reads the page itself.
import { scanDocument, type Scan } from '../../core/read/dom-scan';
import { buildGrid } from '../../core/read/grid';
import { attachHost, type EarlyHost } from './overlay/host';

interface Prescan {
  scan: Scan | null;
  changes: MutationObserver;
  changed: boolean;
}

declare global {
  var __gidarPrescan: Prescan | undefined;
  var __gidarEarlyHost: EarlyHost | undefined;
}

// the attributes reading looks at: spans, links, images, embedded PDFs (a carousel's style changes are no change)
const READ_ATTRIBUTES = ['rowspan', 'colspan', 'href', 'src', 'data-src', 'data', 'type', 'ms-attr-src', ':src', 'v-bind:src'];
/** a slice of grid building, at most this long before letting other tasks run */
const SLICE_MS = 4;

/** Runs `fn` when the main thread has nothing more urgent to do. */
function inBackground(fn: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (cb: () => void, o: { priority: string }) => unknown } }).scheduler;
  if (typeof scheduler?.postTask === 'function') void scheduler.postTask(fn, { priority: 'background' });
  else setTimeout(fn, 0);
}

export function prescan(doc: Document): void {
  // before the read-ahead starts watching the page: this is no change of the page's
  try {
    globalThis.__gidarEarlyHost ??= attachHost(doc);
  } catch {
    /* the annotator attaches its own */
  }
  const ahead: Prescan = { scan: null, changed: false, changes: new MutationObserver(() => void (ahead.changed = true)) };
  ahead.changes.observe(doc, { subtree: true, childList: true, characterData: true, attributeFilter: READ_ATTRIBUTES });
  globalThis.__gidarPrescan = ahead;
  const pending = (): boolean => globalThis.__gidarPrescan === ahead && !ahead.changed;
  inBackground(() => {
    if (!pending()) return;
    let scan: Scan;
    try {
      scan = scanDocument(doc);
    } catch {
      return; // the annotator reads the page itself, and says what went wrong
    }
    const grids: Scan['grids'] = [];
    scan.grids = grids;
    ahead.scan = scan;
    let next = 0;
    const buildSome = (): void => {
      if (!pending()) return;
      const until = performance.now() + SLICE_MS;
      try {
        for (; next < scan.tables.length && performance.now() < until; next++) {
          if (!scan.tableOversized[next]) grids[next] = buildGrid(scan.tables[next]!);
        }
      } catch {
        return; // locating builds the grids still missing, and meets the same trouble
      }
      if (next < scan.tables.length) inBackground(buildSome);
    };
    inBackground(buildSome);
  });
}

/** The scan read ahead (its grids as far as they got), once, if the page has not changed since; else null. */
export function takePrescan(): Scan | null {
  const ahead = globalThis.__gidarPrescan;
  if (!ahead) return null;
  globalThis.__gidarPrescan = undefined;
  const changed = ahead.changed || ahead.changes.takeRecords().length > 0;
  ahead.changes.disconnect();
  return changed ? null : ahead.scan;
}

/** The host the bootstrap attached, once; null when there is none. */
export function takeEarlyHost(): EarlyHost | null {
  const host = globalThis.__gidarEarlyHost ?? null;
  globalThis.__gidarEarlyHost = undefined;
  return host;
}
