// The overlay: marks on suspect cells, numbered markers, tooltips, "consistent" badges and the findings panel.
// Everything lives in the shadow root; the page's table is only measured, never touched.
import { useEffect, useState } from 'preact/hooks';
import type { Cell, Finding, Report } from '../../core/model/schema';
import { arithmetic, suspectLines } from '../../core/export/labels';
import type { Badge, CheckedPage, Counts, Item, Mark } from '../lib/model';
import { STRINGS, type Lang } from './strings';
import { Panel } from './Panel';
import type { PdfFailure } from '../lib/pdf-items';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Review = 'confirmed' | 'dismissed';

/** A PDF attachment the user asked to check: being read, read (its reports joined the page's), or why not. */
export type PdfCheck = { status: 'loading' } | { status: 'done'; reports: number } | { status: 'error'; code: PdfFailure; detail: string };

export interface ViewState {
  page: CheckedPage;
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
  /** false until the first marks are on the page: the panel (or its pill) is drawn a task after them */
  panelReady: boolean;
  tooltip: { itemId: string; anchor: Element; by: 'hover' | 'focus' | 'cell' } | null;
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
  showTooltip(itemId: string, anchor: Element, by: 'hover' | 'focus' | 'cell'): void;
  hideTooltip(by?: 'hover' | 'focus' | 'cell'): void;
  /** download and check a PDF attachment (only ever on the user's click) */
  checkPdf(url: string): void;
}

export interface Store {
  get(): ViewState;
  subscribe(fn: () => void): () => void;
  actions: Actions;
}

interface FindingTexts {
  message: string;
  arith: string | null;
  suspects: string[];
}

// Items are rebuilt with each check, so an item's texts never change: the panel and the tooltip reuse them.
const textsOf = new WeakMap<Item, Partial<Record<Lang, FindingTexts>>>();
const cellsByKey = new WeakMap<Pick<Report, 'cells'>, Map<string, Cell>>();

/**
 * arithmetic() indexes every cell of the report it is given, on each call; it reads only the finding's
 * left and right cells, so it gets those (same cells, same texts) instead of the report's hundreds.
 */
function arithmeticCells(f: Finding, report: Pick<Report, 'cells'>): Pick<Report, 'cells'> {
  let idx = cellsByKey.get(report);
  if (!idx) {
    idx = new Map(report.cells.map((c) => [`${c.table}:${c.row}:${c.col}`, c]));
    cellsByKey.set(report, idx);
  }
  const cells: Cell[] = [];
  for (const r of [...(f.leftCells ?? []), ...(f.rightCells ?? [])]) {
    const c = idx.get(`${r.table}:${r.row}:${r.col}`);
    if (c) cells.push(c);
  }
  return { cells };
}

export function findingTexts(item: Item, page: CheckedPage, lang: Lang): FindingTexts {
  let byLang = textsOf.get(item);
  const hit = byLang?.[lang];
  if (hit) return hit;
  const report = page.reports[item.reportIndex]!.rr.report;
  const f: Finding = item.finding;
  const texts = { message: f.message[lang], arith: arithmetic(f, arithmeticCells(f, report), lang), suspects: suspectLines(f, report.format, lang) };
  if (!byLang) textsOf.set(item, (byLang = {}));
  byLang[lang] = texts;
  return texts;
}

export function App({ store }: { store: Store }) {
  const [, force] = useState(0);
  useEffect(() => {
    const off = store.subscribe(() => force((n) => n + 1));
    // Changes between the first render and this effect would otherwise be missed.
    force((n) => n + 1);
    return off;
  }, [store]);
  const s = store.get();
  const t = STRINGS[s.lang];
  if (!s.annotations) return null;
  const { actions } = store;
  const flashItem = s.flash ? s.items.find((i) => i.id === s.flash!.itemId) : undefined;

  return (
    <div class="layer" lang={s.lang === 'zh' ? 'zh-CN' : 'en'}>
      {s.marks.map((m) => {
        const b = s.boxes.get(m.element);
        if (!b) return null;
        const review = s.reviews[m.itemId];
        const flashing = s.flash?.itemId === m.itemId;
        // While a tooltip is open, the other findings' marks step back.
        const dim = s.tooltip && s.tooltip.itemId !== m.itemId ? ' dim' : '';
        return (
          <div
            key={m.key + (flashing ? `~${s.flash!.seq}` : '')}
            class={`mark ${m.kind}${review ? ` ${review}` : ''}${flashing ? ' flash' : ''}${dim}`}
            data-cell={m.cell}
            data-rule={m.rule}
            data-finding={m.n}
            style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px` }}
          />
        );
      })}
      {flashItem && s.flash?.textBoxes?.length
        ? s.flash.textBoxes.map((b, i) => (
            <div key={`text:${s.flash!.seq}:${i}`} class="flashbox" data-rule={flashItem.finding.rule} style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px` }} />
          ))
        : flashItem && !s.marks.some((m) => m.itemId === flashItem.id && m.kind !== 'blank')
          ? <FlashBoxes store={store} item={flashItem} />
          : null}
      {s.badges.map((bd) => {
        const b = s.boxes.get(bd.element);
        if (!b) return null;
        return (
          <div key={bd.key} class="badge" data-table={bd.table} data-rule="consistent" role="status" style={{ left: `${b.x + b.w - 4}px`, top: `${b.y - 22}px`, transform: 'translateX(-100%)' }}>
            ✓ {t.consistent}
          </div>
        );
      })}
      {s.marks
        .filter((m) => m.marker)
        .map((m, _i, markers) => {
          const b = s.boxes.get(m.element);
          if (!b) return null;
          // Several findings on one cell: their markers stand side by side, not on top of each other.
          const shift = markers.filter((o) => o.element === m.element).indexOf(m) * 24;
          const review = s.reviews[m.itemId];
          const tipOpen = s.tooltip?.itemId === m.itemId;
          return (
            <button
              key={`marker:${m.key}`}
              type="button"
              class={`marker${m.kind === 'review' ? ' review' : ''}${review === 'dismissed' ? ' dismissed' : ''}`}
              data-cell={m.cell}
              data-rule={m.rule}
              data-finding={m.n}
              aria-label={t.marker(m.n, m.rule)}
              aria-describedby={tipOpen ? 'gidar-tooltip' : undefined}
              style={{ left: `${b.x + b.w - 12 - shift}px`, top: `${b.y - 10}px` }}
              onMouseEnter={(e) => actions.showTooltip(m.itemId, e.currentTarget, 'hover')}
              onMouseLeave={() => actions.hideTooltip('hover')}
              onFocus={(e) => actions.showTooltip(m.itemId, e.currentTarget, 'focus')}
              onBlur={() => actions.hideTooltip('focus')}
              onClick={() => {
                actions.select(m.itemId);
                actions.setPanelOpen(true);
              }}
            >
              {m.n}
            </button>
          );
        })}
      <Tooltip store={store} />
      {s.panelReady ? <Panel store={store} /> : null}
    </div>
  );
}

function FlashBoxes({ store, item }: { store: Store; item: Item }) {
  const s = store.get();
  const rr = s.page.reports[item.reportIndex]!.rr;
  return (
    <>
      {item.finding.cells.map((c) => {
        const el = rr.elements.get(`${c.table}:${c.row}:${c.col}`);
        const b = el ? boxOf(el, s) : null;
        if (!b) return null;
        const cell = `${c.table}:${c.row}:${c.col}`;
        return <div key={`flash:${cell}:${s.flash!.seq}`} class="flashbox" data-cell={cell} data-rule={item.finding.rule} style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px` }} />;
      })}
    </>
  );
}

function boxOf(el: Element, s: ViewState): Box | null {
  return s.boxes.get(el) ?? null;
}

function Tooltip({ store }: { store: Store }) {
  const s = store.get();
  if (!s.tooltip) return null;
  const item = s.items.find((i) => i.id === s.tooltip!.itemId);
  if (!item) return null;
  const t = STRINGS[s.lang];
  const anchorMark = s.marks.find((m) => m.itemId === item.id && m.marker) ?? s.marks.find((m) => m.itemId === item.id && m.element === s.tooltip!.anchor);
  const b = anchorMark ? s.boxes.get(anchorMark.element) : undefined;
  if (!b) return null;
  const txt = findingTexts(item, s.page, s.lang);
  const f = item.finding;
  // Keep it on screen: shift left at the right edge; above the cell when there is no room below.
  const vp = s.viewport ?? { x: 0, y: 0, w: 1e6, h: 1e6 };
  const width = Math.min(440, vp.w - 16);
  const left = Math.max(vp.x + 8, Math.min(b.x, vp.x + vp.w - width - 8));
  const below = b.y + b.h + 8 + 220 <= vp.y + vp.h || b.y - 228 < vp.y;
  return (
    <div
      id="gidar-tooltip"
      class="tooltip"
      role="tooltip"
      data-cell={anchorMark!.cell}
      data-rule={f.rule}
      style={{ left: `${left}px`, top: below ? `${b.y + b.h + 8}px` : `${b.y - 8}px`, transform: below ? undefined : 'translateY(-100%)', maxWidth: `${width}px` }}
      onMouseEnter={() => store.actions.showTooltip(item.id, s.tooltip!.anchor, 'hover')}
      onMouseLeave={() => store.actions.hideTooltip('hover')}
    >
      <div class="head">
        <span class={`status-${f.status}`}>
          #{item.n} {t[f.status]}
        </span>{' '}
        <span class="rule">{f.rule}</span>
      </div>
      <div>{txt.message}</div>
      {txt.arith ? (
        <div class="arith">
          <span class="sr">{t.arithmetic}：</span>
          {txt.arith}
        </div>
      ) : null}
      {txt.suspects.map((line, i) => (
        <div key={i} class="sugg">
          {line}
        </div>
      ))}
    </div>
  );
}
