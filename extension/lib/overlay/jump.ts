// Jumping to a finding: its cells scrolled into view, or, for a narrative finding, its sentence in the text.
import type { Item } from '../model';
import type { Box, ViewState } from '../../ui/view';
import { findSentence } from './find-sentence';
import { toLayer } from './geometry';
import type { LayerFrame } from './host';

/** Scrolls to the finding; returns the boxes of its sentence (layer coordinates) when it points at text, else []. */
export function scrollToFinding(item: Item, s: ViewState, win: Window, frame: () => LayerFrame | null): Box[] {
  const rr = s.page.reports[item.reportIndex]!.rr;
  const f = item.finding;
  // A narrative finding points at its sentence in the text; the others at their cells.
  const range = f.evidence && f.suspects.length === 0 ? findSentence(win.document, f.evidence.sentence, f.evidence.start, f.evidence.end) : null;
  if (range) {
    const first = range.getBoundingClientRect();
    win.scrollBy({ top: first.top - win.innerHeight / 2 });
    const after = frame(); // measured once scrolled
    return after ? [...range.getClientRects()].map((r) => toLayer(r, after)) : [];
  }
  const refs = f.suspects.length ? f.suspects : f.cells;
  const el = refs.map((c) => rr.elements.get(`${c.table}:${c.row}:${c.col}`)).find((x) => x);
  el?.scrollIntoView({ block: 'center', inline: 'nearest' });
  return [];
}
