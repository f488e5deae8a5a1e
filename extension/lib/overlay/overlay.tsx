// The overlay over a document's report tables: marks, markers, tooltip and panel in a shadow root, kept on their
// cells as the page scrolls, reflows or scales. No extension APIs: whoever mounts it gives it a checked page (show)
// and is told of the choices to keep (language, confirm/dismiss) through the options.
import { render } from 'preact';
import { App } from '../../ui/Overlay';
import { OVERLAY_CSS } from '../../ui/styles';
import type { Lang } from '../../ui/strings';
import type { Review, Store, ViewState } from '../../ui/view';
import { pageView, type CheckedPage } from '../model';
import { measureBoxes, panelSide, sameBoxes, viewportBox } from './geometry';
import { createHost, type EarlyHost, type OverlayHost } from './host';
import { scrollToFinding } from './jump';
import { createViewStore, initialView } from './store';
import { watchMovement, type Movement } from './movement';
import { followPointer } from './pointer';
import { nextTask } from '../next-task';
import { listedRows } from '../../ui/Panel';

/** rows of the panel's list rendered per task (a hundred rows of a sparse table at once would be a long task) */
const PANEL_ROWS_PER_TASK = 20;

export interface OverlayOptions {
  /** the window whose document's tables are marked */
  win: Window;
  /** the address the reports' links resolve against */
  url: string;
  onLang?(lang: Lang): void;
  onReviews?(reviews: Record<string, Review>): void;
  /** check a PDF attachment on the user's click; without it the panel offers no button */
  checkPdf?(url: string): void;
  /** a host attached already, without styles (the extension's bootstrap attaches it while the annotator loads) */
  host?: EarlyHost | null;
}

export interface Overlay {
  readonly store: Store;
  state(): ViewState;
  set(patch: Partial<ViewState>): void;
  /** a checked page: its findings, marks, badges and counts replace the shown ones */
  show(page: CheckedPage, patch?: Partial<ViewState>): void;
  /** attach the empty host now (the page's relayout for it then comes a frame before the marks') */
  prepare(): void;
  /** take a host attached early off the page again, unless drawn into (the page holds no report after all) */
  discard(): void;
  /** render into the host and follow scrolling, resizing and the pointer */
  mount(): void;
  /** watch the shown reports' tables (and their ancestors' style) for moves */
  watchTables(): void;
  /** put the host back if the page removed it; watch a replaced <body> */
  restore(): void;
  /** a mutation of the overlay's own making */
  owns(r: MutationRecord): boolean;
  layoutSoon(): void;
  /** draw the panel (or its pill): its list a few rows per task; resolves once every row is there */
  revealPanel(): Promise<void>;
  /** true once marks or badges have been drawn */
  readonly drawn: boolean;
}

export function createOverlay(opts: OverlayOptions): Overlay {
  const { win } = opts;
  const doc = win.document;
  let early = opts.host ?? null;
  let host: OverlayHost | null = null;
  let mounted = false;
  let drawn = false;
  let layoutQueued = false;
  let flashSeq = 0;
  let movement: Movement | null = null;

  const store = createViewStore(win, initialView(opts.url), {
    jump: (itemId) => {
      const s = store.get();
      const item = s.items.find((i) => i.id === itemId);
      if (!item) return;
      const textBoxes = scrollToFinding(item, s, win, () => host?.frame() ?? null);
      store.set({ selected: itemId, flash: { itemId, seq: ++flashSeq, textBoxes }, annotations: true });
      layoutSoon();
    },
    resized: () => layoutSoon(),
    ...opts,
  });
  const set = store.set;

  /** Measure every marked element once, relative to the overlay's origin (read all, then one render). */
  function layout(): void {
    const state = store.get();
    if (!mounted || !state.annotations || !host) return;
    const frame = host.frame();
    if (!frame) return;
    const boxes = measureBoxes(state, frame);
    const viewport = viewportBox(win, frame);
    const v = state.viewport;
    const viewportMoved = !v || v.x !== viewport.x || v.y !== viewport.y || v.w !== viewport.w || v.h !== viewport.h;
    const side = panelSide(state, boxes, frame, host.shadow.querySelector('.panel, .pill'), win);
    if (!sameBoxes(boxes, state.boxes) || side !== state.panelSide) set({ boxes, viewport, panelSide: side });
    else if (viewportMoved && state.tooltip) set({ viewport });
    else store.note({ viewport });
    if (!drawn && boxes.size > 0) {
      drawn = true;
      // Preact renders synchronously on the next microtask; the mark follows the first drawn marks.
      queueMicrotask(() => performance.mark('gidar:drawn'));
    }
  }

  function layoutSoon(): void {
    if (layoutQueued) return;
    layoutQueued = true;
    win.requestAnimationFrame(() => {
      layoutQueued = false;
      layout();
    });
  }

  function prepare(): OverlayHost {
    if (!host && early) {
      early.style(OVERLAY_CSS);
      host = early;
      early = null;
    }
    host ??= createHost(doc, OVERLAY_CSS);
    return host;
  }

  function discard(): void {
    early?.remove();
    early = null;
  }

  function restore(): void {
    if (host?.reattach()) layoutSoon();
    movement?.bodyChanged();
  }

  function watchTables(): void {
    movement?.watchTables(store.get().page.reports.flatMap((r) => Object.values(r.rr.tableElements).flatMap((els) => els ?? [])));
  }

  function listen(h: OverlayHost): void {
    movement = watchMovement(win, layoutSoon);
    watchTables();
    followPointer(win, { host: h.host, store, frame: () => h.frame(), keepTooltip: store.keepTooltip });
    doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && store.get().tooltip) set({ tooltip: null });
    });
    h.shadow.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && store.get().tooltip) {
        e.stopPropagation();
        set({ tooltip: null });
      }
    });
  }

  function mount(): void {
    if (mounted) {
      restore();
      return;
    }
    mounted = true;
    const h = prepare();
    restore(); // the page may have removed the host since it was attached
    // Measure before the first render (the page is laid out already), so the marks come in one pass.
    layout();
    render(<App store={store} />, h.root);
    performance.mark('gidar:rendered');
    listen(h);
  }

  async function revealPanel(): Promise<void> {
    set({ panelReady: true, panelRows: PANEL_ROWS_PER_TASK });
    layoutSoon();
    while (store.get().panelRows < listedRows(store.get())) {
      await nextTask();
      set({ panelRows: store.get().panelRows + PANEL_ROWS_PER_TASK });
    }
    set({ panelRows: Infinity });
    layoutSoon();
  }

  return {
    store,
    state: store.get,
    revealPanel,
    set,
    show: (page, patch = {}) => set({ ...pageView(page), ...patch }),
    prepare: () => void prepare(),
    discard,
    mount,
    watchTables,
    restore,
    owns: (r) => (host ?? early)?.owns(r) ?? false,
    layoutSoon,
    get drawn() {
      return drawn;
    },
  };
}
