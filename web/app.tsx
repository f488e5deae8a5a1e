// The web page: drop, choose or paste a report; see its tables with the extension's marks, tooltip and findings panel
// (mounted over this page by web/main.tsx); export CSV, JSON or the audit record.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../extension/ui/strings';
import { formatName } from '../core/export/labels';
import { download, exportLoaded, type WebExport } from './exports';
import { fromClipboard, fromFile, CLIPBOARD, WebInputError, type Input } from './input';
import { readInput, type Loaded, type Session } from './read';
import { WEB_STRINGS } from './strings';

/** The overlay over the drawn report (the extension's marks, tooltip and panel). */
export interface PageOverlay {
  show(loaded: Loaded | null): void;
}

/** The page's language, shared with the overlay's panel (whose button switches it too). */
export interface LangStore {
  get(): Lang;
  set(lang: Lang): void;
  subscribe(fn: () => void): () => void;
}

/** What is being read, and what failed: the document shown stays until another one is read (a failure loses nothing). */
type Status = { kind: 'idle' } | { kind: 'reading'; name: string } | { kind: 'error'; text: { zh: string; en: string } };

const ACCEPT = '.html,.htm,.shtml,.xhtml,.pdf,.txt,.md,.markdown,.tsv,.text,text/html,application/pdf,text/plain,text/markdown';

function problem(e: unknown): { zh: string; en: string } {
  if (e instanceof WebInputError) return e.text;
  const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  return { zh: `内部错误：${msg}`, en: `internal error: ${msg}` };
}

export function WebApp({ overlay, langs }: { overlay: PageOverlay; langs: LangStore }) {
  const [lang, setLangState] = useState<Lang>(langs.get());
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [dragging, setDragging] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const docRef = useRef<HTMLDivElement>(null);
  const seq = useRef(0);
  const session = useRef<Session>([]);
  const t = WEB_STRINGS[lang];

  useEffect(() => langs.subscribe(() => setLangState(langs.get())), [langs]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t.title} · ${t.subtitle}`;
  }, [lang]);

  /** Read and check one input; a newer one supersedes one still being read. */
  const take = async (name: string, get: () => Promise<Input | null>): Promise<void> => {
    const mine = ++seq.current;
    setStatus({ kind: 'reading', name });
    setExportError(null);
    try {
      const input = await get();
      if (mine !== seq.current) return;
      if (!input) {
        setStatus({ kind: 'error', text: { zh: WEB_STRINGS.zh.nothingToPaste, en: WEB_STRINGS.en.nothingToPaste } });
        return;
      }
      const loaded = await readInput(input, document, session.current);
      if (mine !== seq.current) return;
      setStatus({ kind: 'idle' });
      setLoaded(loaded);
    } catch (e) {
      if (mine !== seq.current) return;
      setStatus({ kind: 'error', text: problem(e) });
    }
  };
  const takeFile = (file: File | undefined): void => {
    if (file) void take(file.name, () => fromFile(file));
  };
  const takeClipboard = (data: DataTransfer | null): void => {
    if (data) void take(t.clipboard, () => fromClipboard(data));
  };

  // The drawn report goes into its container, then the overlay goes over it.
  useEffect(() => {
    const box = docRef.current;
    if (box) box.replaceChildren(...(loaded ? [loaded.view] : []));
    overlay.show(loaded);
  }, [loaded, overlay]);

  // Paste anywhere on the page (the paste box handles its own), drop anywhere on the window; one file at a time.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent): void => {
      if (e.defaultPrevented) return;
      e.preventDefault();
      takeClipboard(e.clipboardData);
    };
    const onDragOver = (e: DragEvent): void => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onDragLeave = (e: DragEvent): void => {
      if (!e.relatedTarget) setDragging(false);
    };
    const onDrop = (e: DragEvent): void => {
      e.preventDefault();
      setDragging(false);
      takeFile(e.dataTransfer?.files[0]);
    };
    document.addEventListener('paste', onPaste);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  });

  const doExport = async (format: WebExport): Promise<void> => {
    if (!loaded) return;
    setExportError(null);
    try {
      download(document, await exportLoaded(loaded, format, lang));
    } catch (e) {
      setExportError(problem(e)[lang]);
    }
  };

  return (
    <>
      <header class="bar">
        <h1>
          {t.title} <small>{t.subtitle}</small>
        </h1>
        <button type="button" class="lang" lang={lang === 'zh' ? 'en' : 'zh-CN'} aria-label={t.languageLabel} onClick={() => langs.set(lang === 'zh' ? 'en' : 'zh')}>
          {t.language}
        </button>
      </header>
      <main class={loaded ? 'with-report' : undefined}>
        <section class={`input${dragging ? ' dragging' : ''}${loaded ? ' compact' : ''}`} aria-label={t.dropTitle}>
          <div class="drop">
            <strong>{t.dropTitle}</strong>
            <span class="hint">{t.dropHint}</span>
            <label class="choose">
              {t.choose}
              <input
                type="file"
                id="file"
                accept={ACCEPT}
                onChange={(e) => {
                  const input = e.currentTarget;
                  takeFile(input.files?.[0]);
                  input.value = ''; // the same file chosen again is read again
                }}
              />
            </label>
          </div>
          <div class="paste">
            <label for="paste">{t.pasteLabel}</label>
            <textarea
              id="paste"
              rows={2}
              placeholder={t.pastePlaceholder}
              onPaste={(e) => {
                e.preventDefault();
                takeClipboard(e.clipboardData);
              }}
            />
          </div>
          <p class="privacy">{t.privacy}</p>
        </section>
        <div class="status" role="status" aria-live="polite">
          {status.kind === 'reading' ? t.reading(status.name) : null}
        </div>
        {status.kind === 'error' ? (
          <p class="error" role="alert">
            {t.failed}：{status.text[lang]}
          </p>
        ) : null}
        {loaded ? <Summary loaded={loaded} lang={lang} onExport={(f) => void doExport(f)} exportError={exportError} /> : null}
        <div class="doc" ref={docRef} />
      </main>
    </>
  );
}

function Summary({ loaded, lang, onExport, exportError }: { loaded: Loaded; lang: Lang; onExport(f: WebExport): void; exportError: string | null }) {
  const t = WEB_STRINGS[lang];
  const items = loaded.page.reports.flatMap((r) => r.findings);
  const fail = items.filter((f) => f.status === 'fail').length;
  const review = items.filter((f) => f.status === 'needsReview').length;
  const pass = items.filter((f) => f.status === 'pass').length;
  return (
    <section class="report-summary" aria-label={loaded.source}>
      {loaded.page.reports.map(({ rr }, i) => {
        const r = rr.report;
        return (
          <p key={i} class="meta">
            <span>
              {t.source}：{loaded.source === CLIPBOARD ? t.clipboard : loaded.source}
            </span>
            {r.agency ? <span>{r.agency}</span> : null}
            {r.year ? <span>{t.year(r.year)}</span> : null}
            <span>{formatName(r.format, lang)}</span>
            <span>{t.tables(r.tablesFound.length)}</span>
          </p>
        );
      })}
      <p class={`counts${fail ? ' bad' : ''}`}>{t.counts(fail, review, pass)}</p>
      <div class="exports" role="group" aria-label={t.exports}>
        <span>{t.exports}：</span>
        <button type="button" data-export="csv" onClick={() => onExport('csv')}>
          {t.csv}
        </button>
        <button type="button" data-export="json" onClick={() => onExport('json')}>
          {t.json}
        </button>
        <button type="button" data-export="audit-md" onClick={() => onExport('audit-md')}>
          {t.auditMd}
        </button>
        <button type="button" data-export="audit-html" onClick={() => onExport('audit-html')}>
          {t.auditHtml}
        </button>
      </div>
      {exportError ? (
        <p class="error" role="alert">
          {exportError}
        </p>
      ) : null}
      <p class="shown">{t.shownFrom[loaded.kind]}</p>
    </section>
  );
}
