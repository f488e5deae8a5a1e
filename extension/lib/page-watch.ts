// Late tables (scripts, tabs, SPA navigation): a page's report tables are looked at again when they change,
// debounced and a bounded number of times; changes that leave them as they were only move the marks.
import { tableLooksLikeReport } from './detect';

const MAX_RECHECKS = 30;
const QUIET_MS = 400;

export interface PageWatch {
  /** the tables as they are now are the ones checked */
  checked(): void;
}

export interface PageWatchHooks {
  /** a mutation of the overlay's own making: no reason to look again */
  owns(r: MutationRecord): boolean;
  /** after every quiet spell: put the overlay back if the page removed it */
  settle(): void;
  /** the report tables are as checked: only re-measure */
  unchanged(): void;
  /** the report tables changed: check again */
  changed(): void;
}

export function watchPage(doc: Document, hooks: PageWatchHooks): PageWatch {
  let signature = '';
  let rechecks = 0;
  let timer = 0;
  const observer = new MutationObserver((records) => {
    if (records.every((r) => hooks.owns(r))) return;
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      hooks.settle();
      if (tablesSignature(doc) === signature) return hooks.unchanged();
      if (++rechecks > MAX_RECHECKS) return observer.disconnect();
      hooks.changed();
    }, QUIET_MS);
  });
  // The whole document, not <body>: a page may replace <body> (or <html>) after load.
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  return {
    checked: () => {
      signature = tablesSignature(doc);
    },
  };
}

/** Which report-like tables are on the page and what they say: a replaced table or one changed digit is new. */
export function tablesSignature(doc: Document): string {
  const tables = doc.getElementsByTagName('table');
  let sig = `${tables.length}`;
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i]!;
    if (tableLooksLikeReport(t)) sig += `|${tableId(t)}:${textHash(t.textContent ?? '')}`;
  }
  return sig;
}

const tableIds = new WeakMap<Element, number>();
let lastTableId = 0;

/** A number per table element for as long as it lives: SPA frameworks replace tables with equal-looking ones. */
function tableId(t: Element): number {
  let id = tableIds.get(t);
  if (id === undefined) tableIds.set(t, (id = ++lastTableId));
  return id;
}

/** FNV-1a over the UTF-16 code units: cheap, and one changed digit changes it. */
function textHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
