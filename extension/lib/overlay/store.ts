// The overlay's view store: its state, who renders on a change, and what the user's actions do to the state.
// Jumping (it scrolls the page) and keeping choices (storage) are the mounter's, through the hooks.
import type { Lang } from '../../ui/strings';
import type { Review, Store, TooltipBy, ViewState } from '../../ui/view';

export interface ViewStore extends Store {
  /** change the state and render */
  set(patch: Partial<ViewState>): void;
  /** change the state without a render (what only the next render needs) */
  note(patch: Partial<ViewState>): void;
  /** the pointer is back over the open tooltip's cell: cancel its pending hide */
  keepTooltip(): void;
}

export interface StoreHooks {
  jump(itemId: string): void;
  /** the panel opened or closed: its corner may change */
  resized(): void;
  onLang?(lang: Lang): void;
  onReviews?(reviews: Record<string, Review>): void;
  checkPdf?(url: string): void;
}

export function initialView(url: string): ViewState {
  return {
    page: { reports: [] },
    url,
    items: [],
    marks: [],
    badges: [],
    counts: { fail: 0, errors: 0, needsReview: 0, pass: 0, notCheckable: 0 },
    boxes: new Map(),
    lang: 'zh',
    reviews: {},
    annotations: true,
    panelOpen: false,
    panelReady: false,
    panelRows: Infinity,
    tooltip: null,
    selected: null,
    flash: null,
    error: null,
    viewport: null,
    panelSide: 'right',
    pdf: {},
  };
}

export function createViewStore(win: Window, initial: ViewState, hooks: StoreHooks): ViewStore {
  let state = initial;
  const listeners = new Set<() => void>();
  let hideTimer = 0;
  const set = (patch: Partial<ViewState>): void => {
    state = { ...state, ...patch };
    for (const fn of listeners) fn();
  };
  return {
    get: () => state,
    set,
    note: (patch) => {
      state = { ...state, ...patch };
    },
    keepTooltip: () => clearTimeout(hideTimer),
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    actions: {
      jump: hooks.jump,
      select: (id) => set({ selected: id }),
      setReview: (itemId, review) => {
        const reviews = { ...state.reviews };
        if (review) reviews[itemId] = review;
        else delete reviews[itemId];
        set({ reviews });
        hooks.onReviews?.(reviews);
      },
      setLang: (lang) => {
        set({ lang });
        hooks.onLang?.(lang);
      },
      setPanelOpen: (panelOpen) => {
        set({ panelOpen });
        hooks.resized();
      },
      showTooltip: (itemId, anchor, by: TooltipBy) => {
        clearTimeout(hideTimer);
        if (state.tooltip?.itemId === itemId && state.tooltip.by === 'focus' && by !== 'focus') return;
        set({ tooltip: { itemId, anchor, by } });
      },
      hideTooltip: (by) => {
        if (!state.tooltip) return;
        if (by && state.tooltip.by !== by) return;
        clearTimeout(hideTimer);
        // A short grace lets the pointer travel from the marker onto the tooltip.
        if (by === 'hover' || by === 'cell') hideTimer = win.setTimeout(() => set({ tooltip: null }), 250);
        else set({ tooltip: null });
      },
      ...(hooks.checkPdf ? { checkPdf: hooks.checkPdf } : {}),
    },
  };
}
