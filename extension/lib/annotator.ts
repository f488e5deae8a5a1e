// The lazily loaded part: read the page, check it, draw the overlay, answer the popup.
// Loaded by the bootstrap (dynamic import) on report pages, or injected on demand from the toolbar.
// This only wires the parts together; each lives in a module of its own:
//   page-check.ts       reading and checking the page's reports
//   pdf-attachments.ts  PDF attachments checked on request
//   page-watch.ts       late or changed tables → check again
//   stored-settings.ts  language and confirm/dismiss decisions in extension storage
//   frame-messages.ts   this frame's summary for the background, the popup's requests
//   overlay/            the overlay itself (host, geometry, pointer, jumping), free of extension APIs
import { exportPage } from './exports';
import type { FrameSummary } from './messages';
import { answerPopup, frameSummary, sendSummary } from './frame-messages';
import { rememberWhenIdle } from './history';
import { pageView, type CheckedPage } from './model';
import { createOverlay, type Overlay } from './overlay/overlay';
import { checkRead, readPage, type PageCheck } from './page-check';
import { watchPage, type PageWatch } from './page-watch';
import { checkAttachment, pdfLinks, withAttachments } from './pdf-attachments';
import { nextTask, whenIdle } from './next-task';
import { takeEarlyHost } from './prescan';
import type { PdfCheck } from '../ui/view';
import { loadReviews, loadSettings, onSettingsChanged, reviewKey, saveLang, saveReviews } from './stored-settings';

declare global {
  var __gidarAnnotator: { recheck(): void } | undefined;
  /** set by the background before injecting on demand (toolbar "check this page") */
  var __gidarOnDemand: boolean | undefined;
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
  private readonly overlay: Overlay = createOverlay({
    win: window,
    url: location.href,
    onLang: saveLang,
    onReviews: (reviews) => void saveReviews(reviewKey(location), reviews),
    checkPdf: (url) => void this.checkPdf(url),
    host: takeEarlyHost(),
  });
  /** the reports read from PDF attachments on request: they join every later check of the page */
  private pdfReports: CheckedPage['reports'] = [];
  /** the address whose confirm/dismiss decisions are loaded */
  private reviewKey = reviewKey(location);
  private checkSeq = 0;
  /** the stored language and confirm/dismiss decisions, fetched while the page is read and checked */
  private settings: Promise<void> = Promise.resolve();
  private watch: PageWatch | null = null;
  /** the first check's work all drawn (marked once, for the bench) */
  private done = false;

  start(): void {
    const key = this.reviewKey;
    this.settings = loadSettings(key).then((stored) => {
      if (!stored) return; // storage unavailable: defaults
      // (a single-page navigation before this answer has loaded its own address's decisions)
      const { lang, reviews } = stored;
      this.overlay.set(this.reviewKey === key ? { lang, reviews } : { lang });
    });
    onSettingsChanged(() => reviewKey(location), (c) => this.overlay.set(c));
    answerPopup({
      summary: () => this.summary(),
      setAnnotations: (on) => {
        this.overlay.set({ annotations: on, tooltip: null });
        if (on) this.overlay.layoutSoon();
        this.report();
      },
      openPanel: () => this.openPanel(),
      checkPdf: (url) => {
        // the popup's button: the same as the panel's, with the panel opened to show the progress
        if (!pdfLinks(this.overlay.state().page, location.href).includes(url)) return false;
        this.openPanel();
        void this.checkPdf(url);
        return true;
      },
      export: (format, table) => {
        const s = this.overlay.state();
        if (!s.page.reports.length) return null;
        return exportPage(s.page, format, { url: location.href, title: document.title, lang: s.lang, table });
      },
    });
    void this.check(globalThis.__gidarOnDemand === true);
    this.watch = watchPage(document, {
      owns: (r) => this.overlay.owns(r),
      settle: () => this.overlay.restore(),
      unchanged: () => this.overlay.layoutSoon(),
      changed: () => void this.check(false),
    });
  }

  /** Read and check the page; redraw. A newer check supersedes one still running. */
  async check(force: boolean): Promise<void> {
    const seq = ++this.checkSeq;
    const current = (): boolean => seq === this.checkSeq;
    const overlay = this.overlay;
    if (reviewKey(location) !== this.reviewKey) {
      // single-page navigation: this address has its own confirm/dismiss decisions
      this.reviewKey = reviewKey(location);
      // another report page: the PDF attachments read for the last one are not this one's
      this.pdfReports = [];
      overlay.set({ pdf: {} });
      const reviews = await loadReviews(this.reviewKey);
      if (!current()) return;
      overlay.set({ reviews });
    }
    const steps = {
      pdfReports: this.pdfReports,
      current,
      read: (found: number) => {
        if (!overlay.drawn) performance.mark('gidar:read');
        if (found) overlay.prepare();
        else overlay.discard();
        this.watch?.checked();
      },
    };
    const read = await readPage(document, location.href, steps);
    if (!read) return;
    // The page's first check draws the tables' marks from a quick pass (no narrative rules, no cross-year) and
    // completes the check once the page is idle; later checks (the page changed, "check again") are whole at once.
    const quick = !overlay.drawn && read.error === null && read.found.length > 0;
    let checked = await checkRead(read, location.href, steps, quick);
    if (!checked) return;
    if (!overlay.drawn) performance.mark('gidar:checked');
    await Promise.all([nextTask(), this.settings]);
    if (!current()) return;
    this.draw(checked, force);
    if (quick) {
      await whenIdle();
      if (!current()) return;
      checked = await checkRead(read, location.href, steps);
      if (!checked) return;
      this.draw(checked, force);
    }
    if (!overlay.state().panelReady) {
      // The marks first; the panel's list (a hundred rows on a sparse table) in tasks of its own.
      await nextTask();
      await overlay.revealPanel();
    }
    // For bench/extension.ts: everything drawn (the frame after the layout just asked for).
    if (!this.done) {
      this.done = true;
      requestAnimationFrame(() => performance.mark('gidar:done'));
    }
    // Keep the reports for next year's comparison once the page is drawn.
    rememberWhenIdle(
      checked.page.reports.map((r) => r.rr.report),
      location.href,
      document.title,
    );
  }

  /** Show a check's findings: marks, badges, counts; the panel opens when there is something to look at. */
  private draw({ page, error }: PageCheck, force: boolean): void {
    const overlay = this.overlay;
    const view = pageView(page);
    const flagged = view.counts.fail + view.counts.needsReview > 0;
    // Open the panel when there is something to look at, or when the user asked for this check.
    overlay.set({ ...view, url: location.href, error, tooltip: null, panelOpen: overlay.state().panelOpen || flagged || force });
    if (page.reports.length || force || error) overlay.mount();
    overlay.watchTables();
    overlay.layoutSoon();
    this.report();
  }

  private openPanel(): void {
    this.overlay.set({ annotations: true, panelOpen: true });
    this.overlay.layoutSoon();
  }

  /** The user asked to check a PDF attachment: its reports join the page's; a failure is one line in the panel. */
  private async checkPdf(url: string): Promise<void> {
    const overlay = this.overlay;
    const st = overlay.state().pdf[url];
    if (st?.status === 'loading' || st?.status === 'done') return;
    this.setPdf(url, { status: 'loading' });
    const key = this.reviewKey;
    const result = await checkAttachment(url, location.href, document.title);
    if (key !== this.reviewKey) return; // the page moved on (single-page navigation) meanwhile
    if (result.status === 'error') return this.setPdf(url, result.check);
    this.pdfReports.push(...result.reports);
    const s = overlay.state();
    overlay.show(withAttachments(s.page, this.pdfReports, location.href), { pdf: { ...s.pdf, [url]: result.check }, tooltip: null, panelOpen: true });
    overlay.layoutSoon();
    this.report();
    performance.mark('gidar:pdf-drawn');
  }

  private setPdf(url: string, check: PdfCheck): void {
    this.overlay.set({ pdf: { ...this.overlay.state().pdf, [url]: check } });
    this.report();
  }

  private summary(): FrameSummary {
    const s = this.overlay.state();
    return frameSummary(s, pdfLinks(s.page, location.href), { url: location.href, title: document.title });
  }

  private report(): void {
    sendSummary(this.summary());
  }
}
