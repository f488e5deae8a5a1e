// The lazily loaded part: read the page, check it, draw the overlay, answer the popup.
// Loaded by the bootstrap (dynamic import) on report pages, or injected on demand from the toolbar.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App, type Box, type Review, type Store, type ViewState } from '../ui/Overlay';
import { OVERLAY_CSS } from '../ui/styles';
import type { Lang } from '../ui/strings';
import { checkReport, readScanned, scanPage } from './core';
import { previousYear, remember, withPreviousYear } from './history';
import { exportPage } from './exports';
import type { FrameSummary, ToContent } from './messages';
import { buildBadges, buildItems, buildMarks, countItems, joinPdfReports, type CheckedPage } from './model';
import { tableLooksLikeReport } from './detect';
import type { ReadReport } from '../../core/read/types';
import { failureOf, pdfOfEntry } from './pdf-items';
import { checkPdfAt, nextTask } from './pdf-download';

const HOST_TAG = 'gidar-overlay';
const LANG_KEY = 'gidar:lang';
const MAX_RECHECKS = 30;
/** a page that keeps removing unknown elements wins after this many re-attachments of the overlay */
const MAX_REATTACH = 10;
const PROBE_SIZE = 100;

/** The overlay layer's origin in viewport px and its scale (CSS zoom or a transform on <html> scales the layer too). */
interface LayerFrame {
  x: number;
  y: number;
  sx: number;
  sy: number;
}

declare global {
  var __gidarAnnotator: { recheck(): void } | undefined;
  /** set by the background before injecting on demand (toolbar "check this page") */
  var __gidarOnDemand: boolean | undefined;
}

function pageKey(): string {
  return `gidar:review:${location.origin}${location.pathname}${location.search}`;
}

export function startAnnotator(): void {
  performance.mark('gidar:annotator-start');
  if (globalThis.__gidarAnnotator) {
    globalThis.__gidarAnnotator.recheck();
    return;
  }
  const annotator = new Annotator();
  globalThis.__gidarAnnotator = { recheck: () => void annotator.check(true) };
  annotator.start();
}

class Annotator {
  private state: ViewState = {
    page: { reports: [] },
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
    tooltip: null,
    selected: null,
    flash: null,
    error: null,
    viewport: null,
    panelSide: 'right',
    pdf: {},
  };
  /** the reports read from PDF attachments on request: they join every later check of the page */
  private pdfReports: CheckedPage['reports'] = [];
  private listeners = new Set<() => void>();
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  /** an invisible box of known size in the layer: measures its origin and scale */
  private probe: HTMLElement | null = null;
  private layerRoot: HTMLElement | null = null;
  private mounted = false;
  private reattached = 0;
  private observedBody: HTMLElement | null = null;
  private layoutQueued = false;
  private resizeObserver: ResizeObserver | null = null;
  private mutationObserver: MutationObserver | null = null;
  /** style/class changes on the report tables' ancestors: a transform there moves the cells without a resize */
  private ancestorObserver: MutationObserver | null = null;
  private recheckTimer = 0;
  private rechecks = 0;
  private tableSignature = '';
  private hoverQueued = false;
  private lastPointer: { x: number; y: number } | null = null;
  private hideTimer = 0;
  private flashSeq = 0;
  private drawnMarked = false;
  private checkSeq = 0;
  /** the address whose confirm/dismiss decisions are loaded */
  private reviewKey = '';

  private store: Store = {
    get: () => this.state,
    subscribe: (fn) => {
      this.listeners.add(fn);
      return () => this.listeners.delete(fn);
    },
    actions: {
      jump: (id) => this.jump(id),
      select: (id) => this.set({ selected: id }),
      setReview: (id, review) => void this.setReview(id, review),
      setLang: (lang) => {
        this.set({ lang });
        void browser.storage.local.set({ [LANG_KEY]: lang });
      },
      setPanelOpen: (panelOpen) => {
        this.set({ panelOpen });
        this.scheduleLayout(); // the panel's corner depends on its size
      },
      showTooltip: (itemId, anchor, by) => {
        clearTimeout(this.hideTimer);
        if (this.state.tooltip?.itemId === itemId && this.state.tooltip.by === 'focus' && by !== 'focus') return;
        this.set({ tooltip: { itemId, anchor, by } });
      },
      hideTooltip: (by) => {
        if (!this.state.tooltip) return;
        if (by && this.state.tooltip.by !== by) return;
        clearTimeout(this.hideTimer);
        // A short grace lets the pointer travel from the marker onto the tooltip.
        if (by === 'hover' || by === 'cell') this.hideTimer = window.setTimeout(() => this.set({ tooltip: null }), 250);
        else this.set({ tooltip: null });
      },
      checkPdf: (url) => void this.checkPdf(url),
    },
  };

  private set(patch: Partial<ViewState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  /** the stored language and confirm/dismiss decisions, fetched while the page is read and checked */
  private settings: Promise<void> = Promise.resolve();

  start(): void {
    this.reviewKey = pageKey();
    const key = this.reviewKey;
    this.settings = browser.storage.local.get([LANG_KEY, key]).then(
      (stored) => {
        const lang = stored[LANG_KEY] === 'en' ? 'en' : 'zh';
        const reviews = (stored[key] as Record<string, Review> | undefined) ?? {};
        // (a single-page navigation before this answer has loaded its own address's decisions)
        this.state = this.reviewKey === key ? { ...this.state, lang, reviews } : { ...this.state, lang };
      },
      () => {
        /* storage unavailable (e.g. opaque origin frame): defaults */
      },
    );
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      const l = changes[LANG_KEY];
      if (l && (l.newValue === 'en' || l.newValue === 'zh')) this.set({ lang: l.newValue as Lang });
      const r = changes[pageKey()];
      if (r) this.set({ reviews: (r.newValue as Record<string, Review> | undefined) ?? {} });
    });
    browser.runtime.onMessage.addListener((msg: ToContent, _sender, sendResponse) => {
      if (!msg || typeof msg !== 'object' || !('type' in msg)) return;
      if (msg.type === 'gidar:ping') {
        sendResponse(this.summary());
        return;
      }
      if (msg.type === 'gidar:setAnnotations') {
        this.set({ annotations: msg.on, tooltip: null });
        if (msg.on) this.scheduleLayout();
        this.report();
        sendResponse(this.summary());
        return;
      }
      if (msg.type === 'gidar:openPanel') {
        this.set({ annotations: true, panelOpen: true });
        this.scheduleLayout();
        sendResponse(this.summary());
        return;
      }
      if (msg.type === 'gidar:checkPdf') {
        // the popup's button: the same as the panel's, with the panel opened to show the progress
        if (!this.pdfLinks().includes(msg.url)) return;
        this.set({ annotations: true, panelOpen: true });
        this.scheduleLayout();
        void this.checkPdf(msg.url);
        sendResponse({ ok: true });
        return;
      }
      if (msg.type === 'gidar:export') {
        if (!this.state.page.reports.length) return; // another frame may hold the report
        exportPage(this.state.page, msg.format, { url: location.href, title: document.title, lang: this.state.lang, table: msg.table }).then(
          sendResponse,
          (e: unknown) => sendResponse({ ok: false, error: String(e) }),
        );
        return true;
      }
    });
    void this.check(globalThis.__gidarOnDemand === true);
    this.observe();
  }

  /**
   * Read and check the page; redraw. Reading, checking (one task per report) and drawing run as separate tasks,
   * so that no single task holds the page's main thread for long; a newer check supersedes one still running.
   */
  async check(force: boolean): Promise<void> {
    const seq = ++this.checkSeq;
    if (pageKey() !== this.reviewKey) {
      // single-page navigation: this address has its own confirm/dismiss decisions
      this.reviewKey = pageKey();
      // another report page: the PDF attachments read for the last one are not this one's
      this.pdfReports = [];
      this.state = { ...this.state, pdf: {} };
      const stored = await browser.storage.local.get(this.reviewKey).catch(() => ({}) as Record<string, unknown>);
      if (seq !== this.checkSeq) return;
      this.state = { ...this.state, reviews: (stored[this.reviewKey] as Record<string, Review> | undefined) ?? {} };
    }
    // the PDF attachments read on request stay, whatever this reading of the page gives
    let page: CheckedPage = { reports: [...this.pdfReports] };
    let error: string | null = null;
    let found: ReadReport[] = [];
    try {
      // the page's blocks and tables, then (in a task of its own) locating and mapping them
      const scan = scanPage(document);
      if (!(scan instanceof Error)) {
        await nextTask();
        if (seq !== this.checkSeq) return;
      }
      const read = readScanned(scan, { url: location.href });
      // A page without any report table reads as one empty report with every table "missing": not a report.
      found = read.filter((rr) => rr.report.tablesFound.length > 0 || rr.report.notCheckable.some((n) => n.reason !== 'missing'));
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (!this.drawnMarked) performance.mark('gidar:read');
    if (found.length) this.createHost();
    this.tableSignature = this.signature();
    if (error === null) {
      try {
        const reports: CheckedPage['reports'] = [];
        // last year's report of the same agency, if checked in this browser: looked up while this one is checked
        const previous = found.map((rr) => previousYear(rr.report, location.href).catch(() => null));
        for (const [i, rr] of found.entries()) {
          await nextTask();
          if (seq !== this.checkSeq) return;
          const findings = checkReport(rr.report);
          reports.push({ rr, findings: withPreviousYear(rr.report, findings, await previous[i]!) });
        }
        page = { reports: joinPdfReports(reports, this.pdfReports, location.href) };
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    if (!this.drawnMarked) performance.mark('gidar:checked');
    await Promise.all([nextTask(), this.settings]);
    if (seq !== this.checkSeq) return;
    const items = buildItems(page);
    const counts = countItems(items, page);
    const flagged = counts.fail + counts.needsReview > 0;
    this.set({
      page,
      items,
      marks: buildMarks(page, items),
      badges: buildBadges(page, items),
      counts,
      error,
      tooltip: null,
      // Open the panel when there is something to look at, or when the user asked for this check.
      panelOpen: this.state.panelOpen || flagged || force,
    });
    if (page.reports.length || force || error) this.mount();
    this.observeTables();
    this.scheduleLayout();
    this.report();
    if (!this.state.panelReady) {
      // The marks first; the panel's list (a hundred rows on a sparse table) in a task of its own.
      await nextTask();
      this.set({ panelReady: true });
      this.scheduleLayout();
    }
    // Keep the reports for next year's comparison once the page is drawn: storing copies them (structured clone).
    const keep = (): void => {
      for (const { rr } of page.reports) void remember(rr.report, location.href, document.title).catch(() => undefined);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(keep, { timeout: 2000 });
    else setTimeout(keep, 200);
  }

  /** The PDFs the page's reports point at (attachment, embedded viewer) that can still be checked on request. */
  private pdfLinks(): string[] {
    const links = new Set<string>();
    for (const r of this.state.page.reports) {
      if (r.source) continue;
      for (const nc of r.rr.report.notCheckable) {
        const url = pdfOfEntry(nc, location.href);
        if (url) links.add(url);
      }
    }
    return [...links];
  }

  /**
   * The user asked to check a PDF attachment: download it (same-origin, with the page's cookies), read its text layer
   * with pdf.js (a chunk of its own, imported now), check its report and add it to the page's reports. Reading yields
   * between pages and checking between reports. A failure is one line in the panel.
   */
  private async checkPdf(url: string): Promise<void> {
    const st = this.state.pdf[url];
    if (st?.status === 'loading' || st?.status === 'done') return;
    this.setPdf(url, { status: 'loading' });
    const key = this.reviewKey;
    try {
      performance.mark('gidar:pdf-start');
      const { reports, checked } = await checkPdfAt(url, new URL(url).origin === location.origin ? 'include' : 'omit');
      await nextTask();
      if (key !== this.reviewKey) return; // the page moved on (single-page navigation) meanwhile
      this.pdfReports.push(...checked);
      const page: CheckedPage = { reports: joinPdfReports(this.state.page.reports.filter((r) => !r.source), this.pdfReports, location.href) };
      const items = buildItems(page);
      this.state = { ...this.state, pdf: { ...this.state.pdf, [url]: { status: 'done', reports: checked.length } } };
      this.set({ page, items, marks: buildMarks(page, items), badges: buildBadges(page, items), counts: countItems(items, page), tooltip: null, panelOpen: true });
      this.scheduleLayout();
      this.report();
      performance.mark('gidar:pdf-drawn');
      const keep = (): void => {
        for (const report of reports) void remember(report, url, document.title).catch(() => undefined);
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(keep, { timeout: 2000 });
      else setTimeout(keep, 200);
    } catch (e) {
      if (key !== this.reviewKey) return;
      const { code, detail } = failureOf(e);
      this.setPdf(url, { status: 'error', code, detail });
    }
  }

  private setPdf(url: string, check: ViewState['pdf'][string]): void {
    this.set({ pdf: { ...this.state.pdf, [url]: check } });
    this.report();
  }

  private summary(): FrameSummary {
    const s = this.state;
    const pdfLinks = this.pdfLinks().filter((u) => s.pdf[u]?.status !== 'done' && s.pdf[u]?.status !== 'loading');
    const pdfReading = Object.values(s.pdf).some((p) => p.status === 'loading');
    return {
      url: location.href,
      title: document.title,
      reports: s.page.reports.length,
      tables: [...new Set(s.page.reports.flatMap((r) => r.rr.report.tablesFound))],
      ...s.counts,
      annotations: s.annotations,
      ...(pdfLinks.length ? { pdfLinks } : {}),
      ...(pdfReading ? { pdfReading } : {}),
    };
  }

  private report(): void {
    browser.runtime.sendMessage({ type: 'gidar:state', summary: this.summary() }).catch(() => {
      /* background asleep or reloading: the popup asks again */
    });
  }

  private mount(): void {
    if (this.mounted) {
      this.reattach();
      return;
    }
    this.mounted = true;
    const { shadow, root } = this.createHost();
    this.reattach(); // the page may have removed the host since it was attached
    // Measure before the first render (the page is laid out already), so the marks come in one pass.
    this.layout();
    render(<App store={this.store} />, root);
    performance.mark('gidar:rendered');
    this.listen(shadow);
  }

  /**
   * The overlay's host, its shadow root and probe, attached empty: done as soon as the page is known to hold a report,
   * so that the page's relayout for the new element comes in a frame before the marks' own.
   */
  private createHost(): { shadow: ShadowRoot; root: HTMLElement } {
    if (this.host && this.shadow && this.layerRoot) return { shadow: this.shadow, root: this.layerRoot };
    const host = document.createElement(HOST_TAG);
    // Inline CSSOM styles only; the host sits outside <body>, so no page selector for body descendants reaches it.
    host.style.setProperty('all', 'initial');
    host.style.setProperty('position', 'absolute');
    host.style.setProperty('left', '0');
    host.style.setProperty('top', '0');
    host.style.setProperty('width', '0');
    host.style.setProperty('height', '0');
    host.style.setProperty('z-index', '2147483646');
    host.style.setProperty('display', 'block');
    const shadow = host.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(OVERLAY_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = OVERLAY_CSS;
      shadow.appendChild(style);
    }
    const probe = document.createElement('div');
    for (const [k, v] of [['position', 'absolute'], ['left', '0'], ['top', '0'], ['width', `${PROBE_SIZE}px`], ['height', `${PROBE_SIZE}px`], ['visibility', 'hidden'], ['pointer-events', 'none']]) {
      probe.style.setProperty(k!, v!);
    }
    probe.setAttribute('aria-hidden', 'true');
    shadow.appendChild(probe);
    const root = document.createElement('div');
    shadow.appendChild(root);
    document.documentElement.appendChild(host);
    this.host = host;
    this.shadow = shadow;
    this.probe = probe;
    this.layerRoot = root;
    return { shadow, root };
  }

  private listen(shadow: ShadowRoot): void {
    const schedule = (): void => this.scheduleLayout();
    window.addEventListener('resize', schedule, { passive: true });
    document.addEventListener('scroll', schedule, { passive: true, capture: true });
    // a transitioned transform (an accessibility toolbar's page zoom) ends where no resize or mutation says so
    document.addEventListener('transitionend', schedule, { passive: true, capture: true });
    document.addEventListener('animationend', schedule, { passive: true, capture: true });
    document.addEventListener('pointermove', (e) => this.onPointer(e), { passive: true });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.state.tooltip) this.set({ tooltip: null });
    });
    shadow.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && this.state.tooltip) {
        e.stopPropagation();
        this.set({ tooltip: null });
      }
    });
    this.resizeObserver = new ResizeObserver(schedule);
    this.resizeObserver.observe(document.documentElement);
    this.observeBody();
  }

  /** The page replaced <body>: measure the new one's reflows and watch its style. */
  private observeBody(): void {
    const body = document.body;
    if (!this.resizeObserver || body === this.observedBody) return;
    if (this.observedBody) this.resizeObserver.unobserve(this.observedBody);
    this.observedBody = body;
    if (body) this.resizeObserver.observe(body);
    if (this.ancestorObserver) this.observeTables();
  }

  /**
   * The page removed the overlay (sites that clean unknown elements, body or <html> rewritten): put the same host
   * back, its shadow root and rendered tree intact, a bounded number of times.
   */
  private reattach(): void {
    if (!this.host || this.host.isConnected || this.reattached >= MAX_REATTACH) return;
    this.reattached++;
    document.documentElement.appendChild(this.host);
    this.observeBody();
    this.scheduleLayout();
  }

  /** The layer's origin and scale, from the probe's box; null while the overlay is not laid out (hidden, printing). */
  private layerFrame(): LayerFrame | null {
    if (!this.probe?.isConnected) return null;
    const r = this.probe.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return null;
    return { x: r.left, y: r.top, sx: r.width / PROBE_SIZE, sy: r.height / PROBE_SIZE };
  }

  private observeTables(): void {
    if (!this.resizeObserver) return;
    for (const r of this.state.page.reports) for (const els of Object.values(r.rr.tableElements)) for (const el of els ?? []) this.resizeObserver.observe(el);
    // Accessibility toolbars scale the page with a transform on <html>, <body> or a wrapper: no element resizes.
    this.ancestorObserver?.disconnect();
    this.ancestorObserver ??= new MutationObserver(() => this.scheduleLayout());
    const seen = new Set<Element>();
    const watch = (el: Element | null): void => {
      for (let a = el; a && !seen.has(a); a = a.parentElement) {
        seen.add(a);
        this.ancestorObserver!.observe(a, { attributes: true, attributeFilter: ['style', 'class'] });
      }
    };
    watch(document.body);
    for (const r of this.state.page.reports) for (const els of Object.values(r.rr.tableElements)) for (const el of els ?? []) watch(el);
  }

  /** Late tables (scripts, tabs, SPA navigation): recheck when the report tables change, debounced and bounded. */
  private observe(): void {
    this.mutationObserver = new MutationObserver((records) => {
      if (records.every((r) => this.isOwnMutation(r))) return;
      clearTimeout(this.recheckTimer);
      this.recheckTimer = window.setTimeout(() => {
        this.reattach();
        this.observeBody();
        if (this.signature() === this.tableSignature) {
          this.scheduleLayout();
          return;
        }
        if (++this.rechecks > MAX_RECHECKS) {
          this.mutationObserver?.disconnect();
          return;
        }
        void this.check(false);
      }, 400);
    });
    // The whole document, not <body>: a page may replace <body> (or <html>) after load.
    this.mutationObserver.observe(document, { childList: true, subtree: true, characterData: true });
  }

  /** Attaching the overlay host (or a change inside it) is no reason to look again; its removal by the page is. */
  private isOwnMutation(r: MutationRecord): boolean {
    const host = this.host;
    if (!host) return false;
    if (r.target === host || host.contains(r.target)) return true;
    return r.type === 'childList' && r.removedNodes.length === 0 && r.addedNodes.length === 1 && r.addedNodes[0] === host;
  }

  /** Which report-like tables are on the page and what they say: a replaced table or one changed digit is new. */
  private signature(): string {
    const tables = document.getElementsByTagName('table');
    let sig = `${tables.length}`;
    for (let i = 0; i < tables.length; i++) {
      const t = tables[i]!;
      if (tableLooksLikeReport(t)) sig += `|${tableId(t)}:${textHash(t.textContent ?? '')}`;
    }
    return sig;
  }

  private scheduleLayout(): void {
    if (this.layoutQueued) return;
    this.layoutQueued = true;
    requestAnimationFrame(() => {
      this.layoutQueued = false;
      this.layout();
    });
  }

  /** Measure every marked element once, relative to the overlay's origin (read all, then one render). */
  private layout(): void {
    if (!this.mounted || !this.state.annotations) return;
    const frame = this.layerFrame();
    if (!frame) return;
    const boxes = new Map<Element, Box>();
    const measure = (el: Element): void => {
      if (boxes.has(el) || !el.isConnected) return;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return; // hidden (inactive tab): no mark
      boxes.set(el, toLayer(r, frame));
    };
    for (const m of this.state.marks) measure(m.element);
    for (const b of this.state.badges) measure(b.element);
    if (this.state.flash) {
      const item = this.state.items.find((i) => i.id === this.state.flash!.itemId);
      const rr = item ? this.state.page.reports[item.reportIndex]?.rr : undefined;
      if (item && rr) for (const c of item.finding.cells) {
        const el = rr.elements.get(`${c.table}:${c.row}:${c.col}`);
        if (el) measure(el);
      }
    }
    // The visible part of the page in the layer's coordinates, to keep tooltips on screen.
    const viewport = toLayer({ left: 0, top: 0, width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight }, frame);
    const v = this.state.viewport;
    const viewportMoved = !v || v.x !== viewport.x || v.y !== viewport.y || v.w !== viewport.w || v.h !== viewport.h;
    const panelSide = this.panelSide(boxes, frame);
    if (!sameBoxes(boxes, this.state.boxes) || panelSide !== this.state.panelSide) this.set({ boxes, viewport, panelSide });
    else if (viewportMoved && this.state.tooltip) this.set({ viewport });
    else this.state = { ...this.state, viewport };
    if (!this.drawnMarked && boxes.size > 0) {
      this.drawnMarked = true;
      // Preact renders synchronously on the next microtask; the mark follows the first drawn marks.
      queueMicrotask(() => performance.mark('gidar:drawn'));
    }
  }

  /**
   * The panel's corner for these boxes: bottom right, unless it would cover a flagged cell in view there and not on
   * the left; when both would, it stays where it is.
   */
  private panelSide(boxes: Map<Element, Box>, frame: LayerFrame): 'right' | 'left' {
    const side = this.state.panelSide;
    const panel = this.shadow?.querySelector('.panel, .pill');
    if (!panel) return side;
    const p = panel.getBoundingClientRect();
    const width = document.documentElement.clientWidth || window.innerWidth;
    // the same box in the other corner (both sides keep a 12 px margin)
    const other = { left: width - p.right, right: width - p.left, top: p.top, bottom: p.bottom };
    const flagged: DOMRectReadOnly[] = [];
    for (const m of this.state.marks) {
      if (m.kind !== 'suspect' && m.kind !== 'review') continue;
      const b = boxes.get(m.element);
      if (b) flagged.push(new DOMRectReadOnly(frame.x + b.x * frame.sx, frame.y + b.y * frame.sy, b.w * frame.sx, b.h * frame.sy));
    }
    const covers = (r: { left: number; right: number; top: number; bottom: number }): boolean =>
      flagged.some((b) => b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top);
    const [right, left] = side === 'right' ? [p, other] : [other, p];
    if (!covers(right)) return 'right';
    return covers(left) ? side : 'left';
  }

  private onPointer(e: PointerEvent): void {
    // Over a marker, the tooltip or the panel: those handle their own hover.
    if (this.host && e.composedPath().includes(this.host)) return;
    this.lastPointer = { x: e.clientX, y: e.clientY };
    if (this.hoverQueued || !this.host || !this.state.annotations || !this.state.marks.length) return;
    this.hoverQueued = true;
    requestAnimationFrame(() => {
      this.hoverQueued = false;
      const p = this.lastPointer;
      const frame = this.layerFrame();
      if (!p || !frame) return;
      const x = (p.x - frame.x) / frame.sx;
      const y = (p.y - frame.y) / frame.sy;
      // Prefer the suspect outline when several marks cover the point.
      const hits = this.state.marks.filter((m) => {
        const b = this.state.boxes.get(m.element);
        return b && x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
      });
      const hit = hits.find((m) => m.kind !== 'related') ?? hits[0];
      const tip = this.state.tooltip;
      if (hit) {
        if (!tip || (tip.by !== 'focus' && tip.itemId !== hit.itemId)) this.store.actions.showTooltip(hit.itemId, hit.element, 'cell');
        else clearTimeout(this.hideTimer);
      } else if (tip?.by === 'cell') this.store.actions.hideTooltip('cell');
    });
  }

  private jump(itemId: string): void {
    const item = this.state.items.find((i) => i.id === itemId);
    if (!item) return;
    const rr = this.state.page.reports[item.reportIndex]!.rr;
    const f = item.finding;
    // A narrative finding points at its sentence in the text; the others at their cells.
    const range = f.evidence && f.suspects.length === 0 ? this.findSentence(f.evidence.sentence, f.evidence.start, f.evidence.end) : null;
    let textBoxes: Box[] = [];
    if (range) {
      const first = range.getBoundingClientRect();
      window.scrollBy({ top: first.top - window.innerHeight / 2 });
      const frame = this.layerFrame();
      if (frame) textBoxes = [...range.getClientRects()].map((r) => toLayer(r, frame));
    } else {
      const refs = f.suspects.length ? f.suspects : f.cells;
      const el = refs.map((c) => rr.elements.get(`${c.table}:${c.row}:${c.col}`)).find((x) => x);
      el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    this.set({ selected: itemId, flash: { itemId, seq: ++this.flashSeq, textBoxes }, annotations: true });
    this.scheduleLayout();
  }

  /** The claimed number inside its sentence, as a Range over the page's text (read only). */
  private findSentence(sentence: string, start: number, end: number): Range | null {
    const needle = sentence.slice(Math.max(0, start - 8), end).replace(/\s+/g, '');
    if (!needle || !document.body) return null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    // Concatenate text nodes (whitespace dropped) and remember where each character came from.
    let text = '';
    const at: [Text, number][] = [];
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const p = n.parentElement;
      if (p && (p.closest('script,style,noscript,table') || p.closest(HOST_TAG))) continue;
      const v = n.data;
      for (let i = 0; i < v.length; i++) {
        if (/\s/.test(v[i]!)) continue;
        text += v[i];
        at.push([n, i]);
      }
    }
    const i = text.indexOf(needle);
    if (i < 0) return null;
    // The context before the number only made the match unique; the outline goes around the number.
    const numberLength = sentence.slice(start, end).replace(/\s+/g, '').length || needle.length;
    const from = at[i + needle.length - numberLength]!;
    const to = at[i + needle.length - 1]!;
    const range = document.createRange();
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1] + 1);
    return range;
  }

  private async setReview(itemId: string, review: Review | null): Promise<void> {
    const reviews = { ...this.state.reviews };
    if (review) reviews[itemId] = review;
    else delete reviews[itemId];
    this.set({ reviews });
    try {
      await browser.storage.local.set({ [pageKey()]: reviews });
    } catch {
      /* remembered for this visit only */
    }
  }
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


/** A box in viewport px, in the layer's CSS px. */
function toLayer(r: { left: number; top: number; width: number; height: number }, f: LayerFrame): Box {
  return { x: (r.left - f.x) / f.sx, y: (r.top - f.y) / f.sy, w: r.width / f.sx, h: r.height / f.sy };
}

function sameBoxes(a: Map<Element, Box>, b: Map<Element, Box>): boolean {
  if (a.size !== b.size) return false;
  for (const [el, x] of a) {
    const y = b.get(el);
    if (!y || Math.abs(x.x - y.x) > 0.5 || Math.abs(x.y - y.y) > 0.5 || Math.abs(x.w - y.w) > 0.5 || Math.abs(x.h - y.h) > 0.5) return false;
  }
  return true;
}
