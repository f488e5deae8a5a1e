// The overlay's view: what it shows (ViewState) and what the user can do there (Actions), behind a Store.
// Overlay, Tooltip and Panel read only this; whoever mounts them (the extension's annotator, a web page) fills it.
import type { Badge, CheckedPage, Counts, Item, Mark } from '../lib/model';
import type { PdfFailure } from '../lib/pdf-items';
import type { Lang } from './strings';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Review = 'confirmed' | 'dismissed';

/** A PDF attachment the user asked to check: being read, read (its reports joined the page's), or why not. */
export type PdfCheck = { status: 'loading' } | { status: 'done'; reports: number } | { status: 'error'; code: PdfFailure; detail: string };

export type TooltipBy = 'hover' | 'focus' | 'cell';

export interface ViewState {
  page: CheckedPage;
  /** the address the reports' links (attachments, embedded PDFs) resolve against */
  url: string;
  items: Item[];
  marks: Mark[];
  badges: Badge[];
  counts: Counts;
  /** element → box in the layer's coordinates, refreshed on scroll/resize/reflow */
  boxes: Map<Element, Box>;
  lang: Lang;
  reviews: Record<string, Review>;
  annotations: boolean;
  panelOpen: boolean;
  /** false until the first check is complete: the panel (or its pill) is drawn after the marks */
  panelReady: boolean;
  /** how many rows of the flagged groups (fail, needsReview) the panel's list renders; the rest follow a few per task */
  panelRows: number;
  tooltip: { itemId: string; anchor: Element; by: TooltipBy } | null;
  selected: string | null;
  /** the finding jumped to; textBoxes: its sentence in the text, for narrative findings */
  flash: { itemId: string; seq: number; textBoxes?: Box[] } | null;
  error: string | null;
  /** the visible part of the page, in the layer's coordinates */
  viewport: Box | null;
  /** the panel's corner: it moves to the left when it would cover a flagged cell on the right */
  panelSide: 'right' | 'left';
  /** PDF attachments checked on request, by the PDF's address */
  pdf: Record<string, PdfCheck>;
}

export interface Actions {
  jump(itemId: string): void;
  select(itemId: string | null): void;
  setReview(itemId: string, review: Review | null): void;
  setLang(lang: Lang): void;
  setPanelOpen(open: boolean): void;
  showTooltip(itemId: string, anchor: Element, by: TooltipBy): void;
  hideTooltip(by?: TooltipBy): void;
  /** download and check a PDF attachment (only ever on the user's click); without it the panel offers no button */
  checkPdf?(url: string): void;
}

export interface Store {
  get(): ViewState;
  subscribe(fn: () => void): () => void;
  actions: Actions;
}
