// Findings panel: grouped fail → needs review → passed → not checkable; click jumps to the cell.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../core/model/schema';
import { NOT_CHECKABLE_REASONS, TABLE_NAMES } from '../../core/export/labels';
import { detailSuffix } from '../../core/read/notes';
import { pdfPageOf, type Item } from '../lib/model';
import { pdfOfEntry } from '../lib/pdf-items';
import { findingTexts } from './finding-texts';
import type { Store, ViewState } from './view';
import { pdfFailedText, STRINGS } from './strings';

const GROUPS: Finding['status'][] = ['fail', 'needsReview', 'pass', 'notCheckable'];
/** the groups listed open; the others are folded (pass) or short (notCheckable) */
const LISTED: ReadonlySet<Finding['status']> = new Set(['fail', 'needsReview']);

/** Rows of the groups listed open: ViewState.panelRows reaches it once the whole list is rendered. */
export function listedRows(s: Pick<ViewState, 'items'>): number {
  return s.items.filter((i) => LISTED.has(i.finding.status)).length;
}

export function Panel({ store }: { store: Store }) {
  const s = store.get();
  const t = STRINGS[s.lang];
  const { actions } = store;
  const listRef = useRef<HTMLDivElement>(null);
  // The passed checks are many and folded: their rows are rendered only once the group is opened.
  const [passOpen, setPassOpen] = useState(false);
  const flagged = s.items.filter((i) => i.n > 0);

  // Keep the selected finding's button focused and visible when it changes by keyboard.
  useEffect(() => {
    if (!s.selected || !listRef.current) return;
    const btn = listRef.current.querySelector<HTMLButtonElement>(`[data-item="${CSS.escape(s.selected)}"]`);
    btn?.scrollIntoView({ block: 'nearest' });
  }, [s.selected]);

  if (!s.panelOpen) {
    const bad = s.counts.fail + s.counts.needsReview > 0;
    // tables as images, in an attachment or a PDF: nothing was read, so nothing is "consistent"
    const nothingRead = s.page.reports.every((r) => r.rr.report.cells.length === 0);
    return (
      <button type="button" class={`pill ${s.panelSide}`} aria-label={t.open} aria-expanded="false" onClick={() => actions.setPanelOpen(true)}>
        <span class={`dot${bad ? ' bad' : ''}`} aria-hidden="true" />
        {t.appName} · {bad ? t.summary(s.counts.fail, s.counts.needsReview) : !s.page.reports.length ? t.noReport : nothingRead ? t.nothingRead : t.consistent}
      </button>
    );
  }

  const step = (dir: 1 | -1): void => {
    if (!flagged.length) return;
    const i = flagged.findIndex((it) => it.id === s.selected);
    const next = flagged[(i + dir + flagged.length) % flagged.length] ?? flagged[0]!;
    actions.jump(next.id);
    focusItem(next.id);
  };
  const focusItem = (id: string): void => {
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLButtonElement>(`[data-item="${CSS.escape(id)}"]`)?.focus());
  };
  const onKey = (e: KeyboardEvent): void => {
    const all = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.item') ?? [])].filter((b) => b.offsetParent !== null);
    const i = all.findIndex((b) => b === ((e.currentTarget as HTMLElement).getRootNode() as ShadowRoot).activeElement);
    if (e.key === 'ArrowDown' || e.key === 'j') {
      e.preventDefault();
      const b = all[Math.min(all.length - 1, i + 1)];
      if (b) {
        b.focus();
        actions.select(b.dataset.item ?? null);
      }
    } else if (e.key === 'ArrowUp' || e.key === 'k') {
      e.preventDefault();
      const b = all[Math.max(0, i - 1)];
      if (b) {
        b.focus();
        actions.select(b.dataset.item ?? null);
      }
    } else if (e.key === 'n') {
      e.preventDefault();
      step(1);
    } else if (e.key === 'p') {
      e.preventDefault();
      step(-1);
    } else if (e.key === 'Escape') {
      actions.hideTooltip();
    }
  };

  // A PDF attachment or embedded PDF can be checked on request: one button per PDF, on its first entry.
  const pdfOffered = new Set<string>();
  const notCheckable = s.page.reports.flatMap((r, ri) =>
    r.rr.report.notCheckable.map((nc, j) => {
      let pdf = r.source ? null : pdfOfEntry(nc, s.url);
      if (pdf && pdfOffered.has(pdf)) pdf = null;
      if (pdf) pdfOffered.add(pdf);
      return { nc, key: `${ri}:${j}`, pdf };
    }),
  );

  let rowBudget = s.panelRows;
  return (
    <section class={`panel ${s.panelSide}`} role="region" aria-label={t.panelTitle} onKeyDown={onKey} lang={s.lang === 'zh' ? 'zh-CN' : 'en'}>
      <header>
        <h2>{t.panelTitle}</h2>
        <button type="button" class="btn" onClick={() => step(-1)} aria-label={t.prev} title={`${t.prev} (p)`} disabled={!flagged.length}>
          ↑
        </button>
        <button type="button" class="btn" onClick={() => step(1)} aria-label={t.next} title={`${t.next} (n)`} disabled={!flagged.length}>
          ↓
        </button>
        <button type="button" class="btn" lang={s.lang === 'zh' ? 'en' : 'zh-CN'} aria-label={t.languageLabel} onClick={() => actions.setLang(s.lang === 'zh' ? 'en' : 'zh')}>
          {t.language}
        </button>
        <button type="button" class="btn" aria-label={t.close} aria-expanded="true" onClick={() => actions.setPanelOpen(false)}>
          ✕
        </button>
      </header>
      <div class="summary" role="status">
        {s.error ? `${t.notBuilt}${s.error}` : s.page.reports.length === 0 ? t.noReport : `${t.findingsFor(s.page.reports.length)} · ${t.summary(s.counts.fail, s.counts.needsReview)} · ${t.passed(s.counts.pass)}`}
      </div>
      <div class="list" ref={listRef}>
        {GROUPS.map((status) => {
          const items = s.items.filter((i) => i.finding.status === status);
          // the open groups' rows as far as rendered yet (panelRows counts across them, in order)
          const shown = LISTED.has(status) ? items.slice(0, Math.max(0, rowBudget)) : items;
          if (LISTED.has(status)) rowBudget -= shown.length;
          const extra = status === 'notCheckable' ? notCheckable : [];
          if (!items.length && !extra.length) return null;
          const body = (
            <ul aria-label={t[status]}>
              {(status === 'pass' && !passOpen ? [] : shown).map((it) => (
                <FindingRow key={it.id} item={it} store={store} />
              ))}
              {extra.map(({ nc, key, pdf }) => (
                <li key={`nc:${key}`}>
                  <div class="item">
                    <span class="msg">
                      {nc.table === 'report' ? '' : `${TABLE_NAMES[nc.table][s.lang]}：`}
                      {NOT_CHECKABLE_REASONS[nc.reason][s.lang]}
                      {detailSuffix(nc, s.lang)}
                    </span>
                    <PageLink class="link" href={nc.link} />
                  </div>
                  {pdf && store.actions.checkPdf ? <PdfCheckRow store={store} url={pdf} /> : null}
                </li>
              ))}
            </ul>
          );
          const title = `${t[status]} (${items.length + extra.length})`;
          // Passed checks are many; they stay folded until asked for.
          return status === 'pass' ? (
            <details key={status} open={passOpen} onToggle={(e) => setPassOpen((e.currentTarget as HTMLDetailsElement).open)}>
              <summary class={`status-${status}`}>{title}</summary>
              {body}
            </details>
          ) : (
            <div key={status} role="group" aria-label={title}>
              <h3 class={`status-${status}`}>{title}</h3>
              {body}
            </div>
          );
        })}
      </div>
    </section>
  );
}

function FindingRow({ item, store }: { item: Item; store: Store }) {
  const s = store.get();
  const t = STRINGS[s.lang];
  const { actions } = store;
  const txt = findingTexts(item, s.page, s.lang);
  const review = s.reviews[item.id];
  const f = item.finding;
  return (
    <li class={s.selected === item.id ? 'selected' : ''}>
      <button type="button" class="item" data-item={item.id} data-rule={f.rule} aria-current={s.selected === item.id ? 'true' : undefined} onClick={() => actions.jump(item.id)}>
        {item.n > 0 ? <span class={`num${f.status === 'needsReview' ? ' review' : ''}`}>{item.n}</span> : null}
        <span class="rid">{f.rule}</span>
        {review ? <span class="rid">· {review === 'confirmed' ? t.confirmed : t.dismissed}</span> : null}
        <span class="msg">{txt.message}</span>
        {item.n > 0 && txt.arith ? <span class="arith">{txt.arith}</span> : null}
        {txt.suspects.map((line, i) => (
          <span key={i} class="sugg">
            {line}
          </span>
        ))}
      </button>
      <PageLink class="link prev" href={f.params?.previousUrl} label={t.comparedWith} />
      <PdfPageLink store={store} item={item} />
      {item.n > 0 ? (
        <div class="acts">
          <button type="button" class="btn" aria-pressed={review === 'confirmed' ? 'true' : 'false'} onClick={() => actions.setReview(item.id, review === 'confirmed' ? null : 'confirmed')}>
            {t.confirm}
          </button>
          <button type="button" class="btn" aria-pressed={review === 'dismissed' ? 'true' : 'false'} onClick={() => actions.setReview(item.id, review === 'dismissed' ? null : 'dismissed')}>
            {t.dismiss}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** The "check the PDF attachment" button of a not-checkable entry, and how that check went. */
function PdfCheckRow({ store, url }: { store: Store; url: string }) {
  const s = store.get();
  const t = STRINGS[s.lang];
  const st = s.pdf[url];
  if (st?.status === 'done') {
    return (
      <div class="pdf-check" data-pdf-status="done" role="status">
        {t.pdfDone(st.reports)}
      </div>
    );
  }
  return (
    <div class="pdf-check" data-pdf-status={st?.status ?? 'idle'}>
      <button type="button" class="btn" data-action="check-pdf" disabled={st?.status === 'loading'} onClick={() => store.actions.checkPdf?.(url)}>
        {t.checkPdf}
      </button>
      <span class={`pdf-msg${st?.status === 'error' ? ' err' : ''}`} role="status">
        {st?.status === 'loading' ? t.pdfReading : st?.status === 'error' ? pdfFailedText(s.lang, st.code, st.detail) : ''}
      </span>
    </div>
  );
}

/** A finding of a report read from a PDF: its cells are in the PDF, so the row names the page and opens it there. */
function PdfPageLink({ store, item }: { store: Store; item: Item }) {
  const s = store.get();
  const r = s.page.reports[item.reportIndex];
  if (!r?.source) return null;
  const page = pdfPageOf(item.finding, r.rr.report);
  if (page === null) return null;
  return <PageLink class="link pdf-page" href={`${r.source.replace(/#.*$/, '')}#page=${page}`} label={STRINGS[s.lang].pdfPage(page)} hideHref />;
}

/** A link read from a page (an attachment, last year's report), opened in a new tab; only http(s) addresses. */
function PageLink({ href, label = '', class: cls, hideHref = false }: { href: unknown; label?: string; class: string; hideHref?: boolean }) {
  if (typeof href !== 'string' || !/^https?:\/\//i.test(href)) return null;
  return (
    <a class={cls} href={href} target="_blank" rel="noopener noreferrer">
      {label}
      {hideHref ? null : href}
    </a>
  );
}
