// The overlay's host element: one <gidar-overlay> after <body>, an open shadow root with the overlay's styles, and an
// invisible probe that measures the layer's origin and scale. Put back (a bounded number of times) when a page removes it.
export const HOST_TAG = 'gidar-overlay';
const PROBE_SIZE = 100;
/** a page that keeps removing unknown elements wins after this many re-attachments of the overlay */
const MAX_REATTACH = 10;

/** The overlay layer's origin in viewport px and its scale (CSS zoom or a transform on <html> scales the layer too). */
export interface LayerFrame {
  x: number;
  y: number;
  sx: number;
  sy: number;
}

export interface OverlayHost {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  /** where the overlay renders */
  readonly root: HTMLElement;
  /** the layer's origin and scale; null while the overlay is not laid out (hidden, printing) */
  frame(): LayerFrame | null;
  /** the page removed the host: attach it again (same shadow root, rendered tree intact); true when it did */
  reattach(): boolean;
  /** attaching the host (or a change inside it) is no reason to look at the page again; its removal is */
  owns(r: MutationRecord): boolean;
}

/**
 * The host in the top layer (a manual popover: no light dismiss, no backdrop; its inline styles beat the popover's
 * UA styles): it is laid out and painted apart from the page, so that attaching it does not walk the page's paint
 * tree again (30 ms on a page with a 96,000-cell table). The probe measures where it is, whatever layer it is in.
 */
function toTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  try {
    host.popover = 'manual';
    host.showPopover();
  } catch {
    /* stays an ordinary positioned element */
  }
}

/** A host attached before the overlay is drawn (attachHost). */
export interface EarlyHost extends OverlayHost {
  /** give it the overlay's styles (once) */
  style(css: string): void;
  remove(): void;
}

/** The host with the overlay's styles, attached now. */
export function createHost(doc: Document, css: string): OverlayHost {
  const host = attachHost(doc);
  host.style(css);
  return host;
}

/**
 * The host without its styles, attached now: the extension's bootstrap attaches it while the annotator loads, so
 * that the page's relayout for it (30 ms of pre-paint on a page with a 96,000-cell table) is done by then. Whoever
 * draws into it gives it its styles (style) first; remove takes it off a page that turns out to hold no report.
 */
export function attachHost(doc: Document): EarlyHost {
  const host = doc.createElement(HOST_TAG);
  // Inline CSSOM styles only; the host sits outside <body>, so no page selector for body descendants reaches it.
  // (one cssText: eight setProperty calls cost ~1 ms of the first draw)
  host.style.cssText = 'all: initial; position: absolute; left: 0; top: 0; width: 0; height: 0; z-index: 2147483646; display: block';
  const shadow = host.attachShadow({ mode: 'open' });
  let styled = false;
  const style = (css: string): void => {
    if (styled) return;
    styled = true;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      const el = doc.createElement('style');
      el.textContent = css;
      shadow.prepend(el);
    }
  };
  const probe = doc.createElement('div');
  probe.style.cssText = `position: absolute; left: 0; top: 0; width: ${PROBE_SIZE}px; height: ${PROBE_SIZE}px; visibility: hidden; pointer-events: none`;
  probe.setAttribute('aria-hidden', 'true');
  shadow.appendChild(probe);
  const root = doc.createElement('div');
  shadow.appendChild(root);
  doc.documentElement.appendChild(host);
  toTopLayer(host);
  let reattached = 0;
  return {
    host,
    shadow,
    root,
    style,
    remove: () => host.remove(),
    frame() {
      if (!probe.isConnected) return null;
      const r = probe.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return null;
      return { x: r.left, y: r.top, sx: r.width / PROBE_SIZE, sy: r.height / PROBE_SIZE };
    },
    reattach() {
      if (host.isConnected || reattached >= MAX_REATTACH) return false;
      reattached++;
      doc.documentElement.appendChild(host);
      toTopLayer(host);
      return true;
    },
    owns(r) {
      if (r.target === host || host.contains(r.target)) return true;
      return r.type === 'childList' && r.removedNodes.length === 0 && r.addedNodes.length === 1 && r.addedNodes[0] === host;
    },
  };
}
