// Hovering a marked cell of the page shows its finding's tooltip (the marks themselves let the pointer through).
import type { Mark } from '../model';
import type { Store, ViewState } from '../../ui/view';
import type { LayerFrame } from './host';

const PRECEDENCE: Record<Mark['kind'], number> = { suspect: 0, review: 0, candidate: 1, related: 2, blank: 3 };

/** The mark under a point of the layer: when several cover it, the one saying most (a suggested cell first). */
export function markAt(s: ViewState, x: number, y: number): Mark | undefined {
  let best: Mark | undefined;
  for (const m of s.marks) {
    const b = s.boxes.get(m.element);
    if (!b || x < b.x || x > b.x + b.w || y < b.y || y > b.y + b.h) continue;
    if (!best || PRECEDENCE[m.kind] < PRECEDENCE[best.kind]) best = m;
  }
  return best;
}

export interface PointerDeps {
  host: Element;
  store: Store;
  frame(): LayerFrame | null;
  /** the pointer is still over the cell of the open tooltip: cancel its pending hide */
  keepTooltip(): void;
}

/** Follows the pointer over the page, at most once per animation frame. */
export function followPointer(win: Window, d: PointerDeps): void {
  let queued = false;
  let last: { x: number; y: number } | null = null;
  win.document.addEventListener(
    'pointermove',
    (e) => {
      // Over a marker, the tooltip or the panel: those handle their own hover.
      if (e.composedPath().includes(d.host)) return;
      last = { x: e.clientX, y: e.clientY };
      const s = d.store.get();
      if (queued || !s.annotations || !s.marks.length) return;
      queued = true;
      win.requestAnimationFrame(() => {
        queued = false;
        const frame = d.frame();
        if (!last || !frame) return;
        const s = d.store.get();
        const hit = markAt(s, (last.x - frame.x) / frame.sx, (last.y - frame.y) / frame.sy);
        const tip = s.tooltip;
        if (hit) {
          if (!tip || (tip.by !== 'focus' && tip.itemId !== hit.itemId)) d.store.actions.showTooltip(hit.itemId, hit.element, 'cell');
          else d.keepTooltip();
        } else if (tip?.by === 'cell') d.store.actions.hideTooltip('cell');
      });
    },
    { passive: true },
  );
}
