// Toolbar popup: the tab's summary, the annotation toggle, "check this page" and the exports.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ExportFormat, ExportResult, FrameSummary, TabState } from '../lib/messages';
import type { Lang } from './strings';
import { auditExport } from '../lib/audit-export';
import type { PdfTabResult } from '../lib/pdf-tab';
import { SweepOffer } from './SweepOffer';
import { LANG_KEY, LangToggle } from './LangToggle';

const T = {
  zh: {
    title: '政府信息公开年报核查',
    fail: '不符',
    errors: '错误',
    review: '待核',
    pass: '通过',
    nc: '无法检查',
    none: '此页尚未发现可核查的统计表。',
    check: '核查此页',
    recheck: '重新核查',
    panel: '打开核查面板',
    annotations: '在页面上显示标注',
    exports: '导出',
    csv: 'CSV 数据',
    json: 'JSON',
    auditMd: '核查记录 (Markdown)',
    auditHtml: '核查记录 (HTML)',
    copy: (t: string) => `复制${t}（TSV）`,
    tables: { t2: '表二', t3: '表三', t4: '表四' } as Record<string, string>,
    copied: '已复制到剪贴板',
    saved: (f: string) => `已保存 ${f}`,
    failed: '操作失败：',
    lang: 'English',
    reports: (n: number, tables: string) => `${n} 份报告 · ${tables}`,
    checkPdf: '检查 PDF 附件',
    pdfStarted: '正在读取 PDF 附件，结果见页面上的核查面板。',
    pdfTab: '此标签页打开的是 PDF 文件。',
    checkPdfTab: '检查此 PDF',
    pdfTabReading: '正在下载并读取此 PDF…',
    pdfTabErrors: (n: number) => `${n} 处错误`,
    pdfTabFindings: '不符与待核',
    more: (n: number) => `另有 ${n} 处，见导出文件。`,
  },
  en: {
    title: 'Disclosure report check',
    fail: 'fail',
    errors: 'errors',
    review: 'review',
    pass: 'passed',
    nc: 'not checkable',
    none: 'No checkable report table found on this page yet.',
    check: 'Check this page',
    recheck: 'Check again',
    panel: 'Open the panel',
    annotations: 'Show annotations on the page',
    exports: 'Export',
    csv: 'CSV data',
    json: 'JSON',
    auditMd: 'Audit record (Markdown)',
    auditHtml: 'Audit record (HTML)',
    copy: (t: string) => `Copy ${t} (TSV)`,
    tables: { t2: 'table 2', t3: 'table 3', t4: 'table 4' } as Record<string, string>,
    copied: 'Copied to the clipboard',
    saved: (f: string) => `Saved ${f}`,
    failed: 'Failed: ',
    lang: '中文',
    reports: (n: number, tables: string) => `${n} report${n === 1 ? '' : 's'} · ${tables}`,
    checkPdf: 'Check the PDF attachment',
    pdfStarted: 'Reading the PDF attachment; see the check panel on the page.',
    pdfTab: 'This tab shows a PDF file.',
    checkPdfTab: 'Check this PDF',
    pdfTabReading: 'Downloading and reading this PDF…',
    pdfTabErrors: (n: number) => `${n} error${n === 1 ? '' : 's'}`,
    pdfTabFindings: 'Failing and to review',
    more: (n: number) => `${n} more; see the exports.`,
  },
};

async function currentTabId(): Promise<number | null> {
  const q = new URLSearchParams(location.search).get('tab');
  if (q) return Number(q);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The popup shows only this many findings of a PDF checked in the tab; the exports have them all. */
const MAX_LISTED = 12;

/**
 * The tab's address and title: known to the popup under the toolbar click's activeTab grant. `?url=` stands in for
 * the grant where none can be given (the e2e tests open the popup as a page, as they pass `?tab=`).
 */
async function tabInfo(tabId: number): Promise<{ url: string; title: string }> {
  const q = new URLSearchParams(location.search).get('url');
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return { url: q ?? tab?.url ?? '', title: tab?.title ?? '' };
}

/** A PDF the popup may offer to check: an http(s) address whose path ends in .pdf. */
function pdfPath(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && /\.pdf$/i.test(u.pathname);
  } catch {
    return false;
  }
}

/** The last part of an address's path, for a title when the tab's is not known. */
function fileName(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || url;
  } catch {
    return last || url;
  }
}

/** Whether the address answers with a PDF (HEAD; fails quietly when the extension may not read it). */
async function servesPdf(url: string): Promise<boolean> {
  if (!/^https?:/i.test(url)) return false;
  try {
    const res = await fetch(url, { method: 'HEAD', credentials: 'include' });
    return res.ok && /^application\/(x-)?pdf\b/i.test(res.headers.get('content-type') ?? '');
  } catch {
    return false;
  }
}

export function App() {
  const [lang, setLang] = useState<Lang>('zh');
  const [tabId, setTabId] = useState<number | null>(null);
  const [frames, setFrames] = useState<TabState['frames']>([]);
  const [status, setStatus] = useState<{ text: string; err: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  /** the tab shows a PDF (the browser's viewer: no content script there) that the popup itself can check */
  const [pdfTab, setPdfTab] = useState<{ url: string; title: string } | null>(null);
  const [pdfResult, setPdfResult] = useState<PdfTabResult | null>(null);
  /** why the PDF could not be checked: one line in either language */
  const [pdfError, setPdfError] = useState<{ code: string; zh: string; en: string } | null>(null);
  const t = T[lang];

  const refresh = async (id: number): Promise<TabState['frames']> => {
    const st = (await browser.runtime.sendMessage({ type: 'gidar:getTab', tabId: id })) as TabState | undefined;
    setFrames(st?.frames ?? []);
    return st?.frames ?? [];
  };

  useEffect(() => {
    void browser.storage.local.get(LANG_KEY).then((s) => setLang(s[LANG_KEY] === 'en' ? 'en' : 'zh'));
    void currentTabId().then(async (id) => {
      setTabId(id);
      if (id === null) return;
      const [got, info] = await Promise.all([refresh(id), tabInfo(id)]);
      // a .pdf address, or (no content script answered: the browser's PDF viewer, say) one that serves a PDF
      if (pdfPath(info.url) || (!got.length && (await servesPdf(info.url)))) setPdfTab(info);
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const withReports = frames.filter((f) => f.summary.reports > 0);
  const sum = (k: keyof Pick<FrameSummary, 'fail' | 'errors' | 'needsReview' | 'pass' | 'notCheckable'>): number => withReports.reduce((n, f) => n + f.summary[k], 0);
  const tables = [...new Set(withReports.flatMap((f) => f.summary.tables))].sort();
  const annotations = withReports.every((f) => f.summary.annotations);
  // the report's tables are in a PDF attachment the user may ask to check (the first one the page links)
  const pdf = withReports.flatMap((f) => (f.summary.pdfLinks ?? []).map((url) => ({ frameId: f.frameId, url })))[0];

  const toFrames = async <R,>(msg: unknown): Promise<R[]> => {
    if (tabId === null) return [];
    return Promise.all(withReports.map((f) => browser.tabs.sendMessage(tabId, msg, { frameId: f.frameId }) as Promise<R>));
  };

  const check = async (): Promise<void> => {
    if (tabId === null) return;
    setBusy(true);
    const res = (await browser.runtime.sendMessage({ type: 'gidar:checkTab', tabId })) as { ok: boolean; error?: string };
    if (!res.ok) setStatus({ text: t.failed + (res.error ?? ''), err: true });
    await new Promise((r) => setTimeout(r, 600));
    await refresh(tabId);
    setBusy(false);
  };

  const checkPdf = async (target: { frameId: number; url: string }): Promise<void> => {
    if (tabId === null) return;
    setBusy(true);
    try {
      await browser.tabs.sendMessage(tabId, { type: 'gidar:checkPdf', url: target.url }, { frameId: target.frameId });
      setStatus({ text: t.pdfStarted, err: false });
      // the frame reports its new summary when the PDF is read (or not): show it
      for (let i = 0; i < 60; i++) {
        await new Promise((r) => setTimeout(r, 500));
        const st = (await browser.runtime.sendMessage({ type: 'gidar:getTab', tabId })) as TabState | undefined;
        const frames = st?.frames ?? [];
        if (!frames.some((f) => f.summary.pdfReading) && (i >= 2 || !frames.some((f) => f.summary.pdfLinks?.includes(target.url)))) break;
      }
      await refresh(tabId);
    } catch (e) {
      setStatus({ text: t.failed + (e instanceof Error ? e.message : String(e)), err: true });
    } finally {
      setBusy(false);
    }
  };

  const checkPdfTab = async (target: { url: string; title: string }): Promise<void> => {
    setBusy(true);
    setPdfError(null);
    setStatus({ text: t.pdfTabReading, err: false });
    let mod: typeof import('../lib/pdf-tab') | undefined;
    try {
      // pdf.js and the checker are loaded only now, not when the popup opens
      mod = await import('../lib/pdf-tab');
      let title = target.title;
      if (!title || title === target.url) title = fileName(target.url);
      setPdfResult(await mod.checkPdfTab(target.url, title));
      setStatus(null);
    } catch (e) {
      if (mod) {
        setPdfError(mod.pdfTabFailure(e));
        setStatus(null);
      } else setStatus({ text: t.failed + (e instanceof Error ? e.message : String(e)), err: true });
    } finally {
      setBusy(false);
    }
  };

  const exportAs = async (format: ExportFormat, table?: string): Promise<void> => {
    try {
      let res: ExportResult | undefined;
      if (pdfResult) res = await (await import('../lib/pdf-tab')).exportPdfTab(pdfResult, format, lang);
      else [res] = await toFrames<ExportResult>({ type: 'gidar:export', format, table });
      if (res?.ok && res.audit && (format === 'audit-md' || format === 'audit-html')) res = await auditExport(res.audit, format, lang);
      if (!res?.ok || res.text === undefined) throw new Error(res?.error ?? 'no answer');
      if (format === 'tsv') {
        await navigator.clipboard.writeText(res.text);
        setStatus({ text: t.copied, err: false });
        return;
      }
      const url = URL.createObjectURL(new Blob([res.text], { type: res.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = res.filename ?? 'gidar-export.txt';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ text: t.saved(a.download), err: false });
    } catch (e) {
      setStatus({ text: t.failed + (e instanceof Error ? e.message : String(e)), err: true });
    }
  };

  return (
    <main>
      <h1>
        <img src="/icon/16.png" srcSet="/icon/32.png 2x" width={16} height={16} alt="" />
        <span>{t.title}</span>
        <LangToggle lang={lang} setLang={setLang} label={t.lang} />
      </h1>
      {pdfResult ? (
        <>
          <p class="meta" title={pdfResult.url}>
            {pdfResult.title} · {t.reports(pdfResult.page.reports.length, [...new Set(pdfResult.page.reports.flatMap((r) => r.rr.report.tablesFound))].sort().map((x) => t.tables[x] ?? x).join('、'))}
          </p>
          <CountsRow t={t} counts={pdfResult.counts} />
          <p class="errors" data-count="errors">
            {t.pdfTabErrors(pdfResult.counts.errors)}
          </p>
          {pdfResult.findings.length ? (
            <>
              <h2>{t.pdfTabFindings}</h2>
              <ol class="findings">
                {pdfResult.findings.slice(0, MAX_LISTED).map((f, i) => (
                  <li key={i} class={f.status} data-rule={f.rule}>
                    <span class="rid">{f.rule}</span> <span class="msg">{f.message[lang]}</span>
                    {f.suspects[lang].map((line, j) => (
                      <span key={j} class="sugg">
                        {line}
                      </span>
                    ))}
                  </li>
                ))}
              </ol>
              {pdfResult.findings.length > MAX_LISTED ? <p class="meta">{t.more(pdfResult.findings.length - MAX_LISTED)}</p> : null}
            </>
          ) : null}
          <h2>{t.exports}</h2>
          <div class="row">
            <ExportButtons t={t} exportAs={exportAs} />
          </div>
        </>
      ) : withReports.length ? (
        <>
          <p class="meta">{t.reports(withReports.reduce((n, f) => n + f.summary.reports, 0), tables.map((x) => t.tables[x] ?? x).join('、'))}</p>
          <CountsRow t={t} counts={{ fail: sum('fail'), needsReview: sum('needsReview'), pass: sum('pass'), notCheckable: sum('notCheckable') }} />
          <label class="toggle">
            <input
              type="checkbox"
              checked={annotations}
              data-action="annotations"
              onChange={async (e) => {
                await toFrames({ type: 'gidar:setAnnotations', on: e.currentTarget.checked });
                if (tabId !== null) await refresh(tabId);
              }}
            />
            {t.annotations}
          </label>
          <div class="row">
            <button type="button" onClick={() => void toFrames({ type: 'gidar:openPanel' })}>
              {t.panel}
            </button>
            <button type="button" data-action="recheck" onClick={() => void check()} disabled={busy}>
              {t.recheck}
            </button>
            {pdf ? (
              <button type="button" data-action="check-pdf" title={pdf.url} onClick={() => void checkPdf(pdf)} disabled={busy}>
                {t.checkPdf}
              </button>
            ) : null}
          </div>
          <h2>{t.exports}</h2>
          <div class="row">
            <ExportButtons t={t} exportAs={exportAs} />
            {tables.map((tb) => (
              <button key={tb} type="button" data-export={`tsv-${tb}`} onClick={() => void exportAs('tsv', tb)}>
                {t.copy(t.tables[tb] ?? tb)}
              </button>
            ))}
          </div>
        </>
      ) : pdfTab ? (
        <>
          <p class="meta" title={pdfTab.url}>
            {t.pdfTab}
          </p>
          <button type="button" class="primary" data-action="check-pdf-tab" onClick={() => void checkPdfTab(pdfTab)} disabled={busy}>
            {t.checkPdfTab}
          </button>
        </>
      ) : (
        <>
          <p>{t.none}</p>
          <button type="button" class="primary" data-action="check" onClick={() => void check()} disabled={busy}>
            {t.check}
          </button>
        </>
      )}
      <SweepOffer tabId={tabId} lang={lang} />
      <div class={`status${status?.err || pdfError ? ' err' : ''}`} role="status" aria-live="polite" data-pdf-error={pdfError?.code}>
        {pdfError ? pdfError[lang] : (status?.text ?? '')}
      </div>
    </main>
  );
}

type Texts = (typeof T)['zh'];

function CountsRow({ t, counts }: { t: Texts; counts: Pick<FrameSummary, 'fail' | 'needsReview' | 'pass' | 'notCheckable'> }) {
  return (
    <div class="counts" role="group" aria-label="summary">
      <div class="fail" data-count="fail">
        <b>{counts.fail}</b>
        {t.fail}
      </div>
      <div class="review" data-count="needsReview">
        <b>{counts.needsReview}</b>
        {t.review}
      </div>
      <div class="pass" data-count="pass">
        <b>{counts.pass}</b>
        {t.pass}
      </div>
      <div class="nc" data-count="notCheckable">
        <b>{counts.notCheckable}</b>
        {t.nc}
      </div>
    </div>
  );
}

function ExportButtons({ t, exportAs }: { t: Texts; exportAs: (format: ExportFormat) => Promise<void> }) {
  return (
    <>
      <button type="button" data-export="csv" onClick={() => void exportAs('csv')}>
        {t.csv}
      </button>
      <button type="button" data-export="json" onClick={() => void exportAs('json')}>
        {t.json}
      </button>
      <button type="button" data-export="audit-md" onClick={() => void exportAs('audit-md')}>
        {t.auditMd}
      </button>
      <button type="button" data-export="audit-html" onClick={() => void exportAs('audit-html')}>
        {t.auditHtml}
      </button>
    </>
  );
}
