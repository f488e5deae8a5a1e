// Where the marked cells are, in the overlay layer's coordinates, and which corner the panel takes.
import type { Box, ViewState } from '../../ui/view';
import type { LayerFrame } from './host';

/** A box in viewport px, in the layer's CSS px. */
export function toLayer(r: { left: number; top: number; width: number; height: number }, f: LayerFrame): Box {
  return { x: (r.left - f.x) / f.sx, y: (r.top - f.y) / f.sy, w: r.width / f.sx, h: r.height / f.sy };
}

export function sameBoxes(a: Map<Element, Box>, b: Map<Element, Box>): boolean {
  if (a.size !== b.size) return false;
  for (const [el, x] of a) {
    const y = b.get(el);
    if (!y || Math.abs(x.x - y.x) > 0.5 || Math.abs(x.y - y.y) > 0.5 || Math.abs(x.w - y.w) > 0.5 || Math.abs(x.h - y.h) > 0.5) return false;
  }
  return true;
}

/** Every element the view draws over (marks, badges, the cells of the finding jumped to), measured once each. */
export function measureBoxes(s: ViewState, frame: LayerFrame): Map<Element, Box> {
  const boxes = new Map<Element, Box>();
  const measure = (el: Element): void => {
    if (boxes.has(el) || !el.isConnected) return;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return; // hidden (inactive tab): no mark
    boxes.set(el, toLayer(r, frame));
  };
  for (const m of s.marks) measure(m.element);
  for (const b of s.badges) measure(b.element);
  if (s.flash) {
    const item = s.items.find((i) => i.id === s.flash!.itemId);
    const rr = item ? s.page.reports[item.reportIndex]?.rr : undefined;
    if (item && rr) for (const c of item.finding.cells) {
      const el = rr.elements.get(`${c.table}:${c.row}:${c.col}`);
      if (el) measure(el);
    }
  }
  return boxes;
}

/** The visible part of the page in the layer's coordinates, to keep tooltips on screen. */
export function viewportBox(win: Window, frame: LayerFrame): Box {
  return toLayer({ left: 0, top: 0, width: win.document.documentElement.clientWidth || win.innerWidth, height: win.innerHeight }, frame);
}

/**
 * The panel's corner for these boxes: bottom right, unless it would cover a flagged cell in view there and not on
 * the left; when both would, it stays where it is.
 */
export function panelSide(s: ViewState, boxes: Map<Element, Box>, frame: LayerFrame, panel: Element | null, win: Window): 'right' | 'left' {
  const side = s.panelSide;
  if (!panel) return side;
  const p = panel.getBoundingClientRect();
  const width = win.document.documentElement.clientWidth || win.innerWidth;
  // the same box in the other corner (both sides keep a 12 px margin)
  const other = { left: width - p.right, right: width - p.left, top: p.top, bottom: p.bottom };
  const flagged: { left: number; right: number; top: number; bottom: number }[] = [];
  for (const m of s.marks) {
    if (m.kind !== 'suspect' && m.kind !== 'review' && m.kind !== 'candidate') continue;
    const b = boxes.get(m.element);
    if (b) {
      const left = frame.x + b.x * frame.sx;
      const top = frame.y + b.y * frame.sy;
      flagged.push({ left, top, right: left + b.w * frame.sx, bottom: top + b.h * frame.sy });
    }
  }
  const covers = (r: { left: number; right: number; top: number; bottom: number }): boolean =>
    flagged.some((b) => b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top);
  const [right, left] = side === 'right' ? [p, other] : [other, p];
  if (!covers(right)) return 'right';
  return covers(left) ? side : 'left';
}
