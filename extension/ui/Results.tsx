// The results page of "check the reports listed on this page": progress while the sweep runs in its tab, then
// one row per listed report (sortable), the exports the sweep command writes (summary CSV, cells CSV) and a JSON,
// each row linking to the report's page, where the annotation takes over. Read from extension storage, so it
// shows a sweep again after the page (or the browser) was closed.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { toCsvBySource } from '../../core/export/csv';
import { toContract } from '../../core/export/json';
import { summaryCsv, type SummaryRow } from '../../core/sweep/summary';
import { loadSources, loadSweep, SWEEPS_KEY, sweepIds, sweepKey, type SweepRecord } from '../lib/sweep-store';
import type { Lang } from './strings';
import { LANG_KEY, LangToggle } from './LangToggle';

const T = {
  zh: {
    title: '本页列出的年报：核查结果',
    list: '列表页',
    progress: (d: number, n: number) => `已核查 ${d} / ${n}`,
    running: '正在逐份下载并核查…',
    done: '已完成',
    cancelled: '已取消',
    cancel: '取消',
    none: '还没有核查过列表页。在列出年报的页面上点击工具栏图标，选择“检查本页列出的 N 份年报”。',
    waiting: '等待中',
    ok: '已核查',
    reports: '份报告',
    withErrors: '份有错误',
    failed: '份无法核查',
    summaryCsv: '汇总 CSV',
    cellsCsv: '单元格 CSV',
    json: 'JSON',
    saved: (f: string) => `已保存 ${f}`,
    lang: 'English',
    earlier: '之前的核查',
    earlierItem: (title: string, at: string, n: number) => `${title} · ${at} · ${n} 份`,
    /** when a sweep started, in the user's time zone (stored in UTC) */
    when: (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false }),
    ask: (n: number, hosts: string) => `有 ${n} 份年报在其他网站（${hosts}）。检查它们需要访问这些网站的权限，仅用于下载这些年报。`,
    allow: '允许访问并检查',
    skip: '跳过这些',
    awaiting: '等待授权',
    cols: {
      title: '报告',
      agency: '机关',
      year: '年度',
      format: '格式',
      errors: '错误',
      warnings: '警告',
      needs_review: '待核',
      passed: '通过',
      fetch: '结果',
      first_error: '第一处错误',
    },
  },
  en: {
    title: 'Reports listed on the page: results',
    list: 'List page',
    progress: (d: number, n: number) => `${d} of ${n} checked`,
    running: 'Downloading and checking one report after another…',
    done: 'Done',
    cancelled: 'Cancelled',
    cancel: 'Cancel',
    none: 'No list page checked yet. On a page listing reports, click the toolbar icon and choose “Check the N reports listed on this page”.',
    waiting: 'waiting',
    ok: 'checked',
    reports: 'reports',
    withErrors: 'with errors',
    failed: 'could not be checked',
    summaryCsv: 'Summary CSV',
    cellsCsv: 'Cells CSV',
    json: 'JSON',
    saved: (f: string) => `Saved ${f}`,
    lang: '中文',
    earlier: 'Earlier checks',
    earlierItem: (title: string, at: string, n: number) => `${title} · ${at} · ${n} report${n === 1 ? '' : 's'}`,
    when: (iso: string) => new Date(iso).toLocaleString('en-GB', { hour12: false }),
    ask: (n: number, hosts: string) =>
      `${n} of the reports ${n === 1 ? 'is' : 'are'} on other sites (${hosts}). Checking them needs access to those sites, used only to download these reports.`,
    allow: 'Allow and check',
    skip: 'Skip them',
    awaiting: 'waiting for access',
    cols: {
      title: 'Report',
      agency: 'Agency',
      year: 'Year',
      format: 'Format',
      errors: 'Errors',
      warnings: 'Warnings',
      needs_review: 'Review',
      passed: 'Passed',
      fetch: 'Result',
      first_error: 'First error',
    },
  },
};

type SortKey = 'title' | 'agency' | 'year' | 'errors' | 'warnings' | 'needs_review' | 'passed' | 'fetch';

interface Line {
  index: number;
  url: string;
  title: string;
  row: SummaryRow | null;
}

function sortValue(l: Line, key: SortKey): string | number {
  if (key === 'title') return l.title;
  if (!l.row) return key === 'fetch' ? '\uffff' : -1;
  const v = l.row[key];
  return v ?? (typeof v === 'number' ? -1 : '');
}

function download(text: string, filename: string, mime: string): string {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return filename;
}

function hostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function baseName(rec: SweepRecord): string {
  let host = 'list';
  try {
    host = new URL(rec.listUrl).hostname;
  } catch {
    /* keep */
  }
  return `gidar-sweep-${host}-${rec.startedAt.slice(0, 10)}`;
}

export function Results() {
  const [lang, setLang] = useState<Lang>('zh');
  const [id, setId] = useState<string | null>(new URLSearchParams(location.search).get('id'));
  const [rec, setRec] = useState<SweepRecord | null>(null);
  const [ids, setIds] = useState<string[]>([]);
  /** the earlier sweeps by id: their list page and when, for the links to them */
  const [earlier, setEarlier] = useState<Record<string, Pick<SweepRecord, 'listTitle' | 'listUrl' | 'startedAt' | 'links'>>>({});
  const [loaded, setLoaded] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 } | null>(null);
  const [status, setStatus] = useState<{ text: string; err: boolean } | null>(null);
  const t = T[lang];

  useEffect(() => {
    void browser.storage.local.get(LANG_KEY).then((s) => setLang(s[LANG_KEY] === 'en' ? 'en' : 'zh'));
    void sweepIds().then((all) => {
      setIds(all);
      if (id === null && all.length) setId(all[all.length - 1]!);
      if (id === null && !all.length) setLoaded(true);
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    if (id === null) return;
    void loadSweep(id).then((r) => {
      setRec(r);
      setLoaded(true);
    });
    // the sweep in its tab writes each result as it comes
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      if (area !== 'local') return;
      if (changes[sweepKey(id)]?.newValue) setRec(changes[sweepKey(id)]!.newValue as SweepRecord);
      if (changes[SWEEPS_KEY]?.newValue) setIds(changes[SWEEPS_KEY]!.newValue as string[]);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [id]);

  useEffect(() => {
    if (!ids.length) return;
    void browser.storage.local.get(ids.map(sweepKey)).then((got) =>
      setEarlier(Object.fromEntries(ids.flatMap((x) => (got[sweepKey(x)] ? [[x, got[sweepKey(x)] as SweepRecord]] : [])))),
    );
  }, [ids]);

  // a sweep whose tab was closed or navigated away has stopped: after two unanswered looks, say so
  const running = rec?.state === 'running' ? rec : null;
  useEffect(() => {
    if (!running) return;
    let misses = 0;
    const timer = setInterval(() => {
      const look =
        running.tabId === null
          ? Promise.resolve(false)
          : browser.tabs
              .sendMessage(running.tabId, { type: 'gidar:sweepAlive', id: running.id }, { frameId: 0 })
              .then((r) => (r as { alive?: boolean } | undefined)?.alive === true)
              .catch(() => false);
      void look.then(async (alive) => {
        misses = alive ? 0 : misses + 1;
        if (misses < 2) return;
        clearInterval(timer);
        const now = await loadSweep(running.id);
        if (now?.state === 'running')
          await browser.storage.local.set({ [sweepKey(now.id)]: { ...now, state: 'cancelled', finishedAt: new Date().toISOString() } });
      });
    }, 2000);
    return () => clearInterval(timer);
  }, [running?.id, running?.tabId]);

  const lines = useMemo((): Line[] => {
    if (!rec) return [];
    const all = rec.links.map((l, index) => ({ index, url: l.url, title: l.title, row: rec.rows[index] ?? null }));
    if (!sort) return all;
    return [...all].sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return c * sort.dir || a.index - b.index;
    });
  }, [rec, sort]);

  if (!loaded) return <main />;
  if (!rec)
    return (
      <main>
        <h1>{t.title}</h1>
        <p>{t.none}</p>
      </main>
    );

  const rows = rec.rows.filter((r): r is SummaryRow => r !== null);
  const withErrors = rows.filter((r) => r.errors > 0).length;
  const failed = rows.filter((r) => r.fetch !== 'ok').length;

  const exportAs = async (format: 'summary-csv' | 'cells-csv' | 'json'): Promise<void> => {
    try {
      const name = baseName(rec);
      let saved: string;
      if (format === 'summary-csv') saved = download(summaryCsv(rows), `${name}-summary.csv`, 'text/csv;charset=utf-8');
      else {
        const sources = await loadSources(rec);
        if (format === 'cells-csv')
          saved = download(
            toCsvBySource(sources.map((s) => ({ source: s.source, reports: s.reports.map((r) => r.report) }))),
            `${name}-cells.csv`,
            'text/csv;charset=utf-8',
          );
        else {
          const byUrl = new Map(sources.map((s) => [s.source, s]));
          const json = {
            version: 1,
            list: rec.listUrl,
            checkedAt: rec.finishedAt ?? rec.startedAt,
            sources: rows.map((row) => {
              const s = byUrl.get(row.source);
              return {
                ...row,
                contract: s?.reports.length
                  ? toContract(
                      row.source,
                      s.reports.map((r) => ({ report: r.report, findings: r.findings, source: r.readFrom })),
                    )
                  : null,
              };
            }),
          };
          saved = download(JSON.stringify(json, null, 2) + '\n', `${name}.json`, 'application/json');
        }
      }
      setStatus({ text: t.saved(saved), err: false });
    } catch (e) {
      setStatus({ text: e instanceof Error ? e.message : String(e), err: true });
    }
  };

  const cancel = async (): Promise<void> => {
    const asked =
      rec.tabId !== null
        ? await browser.tabs
            .sendMessage(rec.tabId, { type: 'gidar:sweepCancel', id: rec.id }, { frameId: 0 })
            .then((r) => (r as { ok?: boolean } | undefined)?.ok === true)
            .catch(() => false)
        : false;
    // the tab is gone or has moved on: nothing runs any more, say so
    if (!asked)
      await browser.storage.local.set({ [sweepKey(rec.id)]: { ...rec, state: 'cancelled', finishedAt: new Date().toISOString() } });
  };

  // reports on other gov.cn hosts wait for this answer; the request goes out in the click's own task (Firefox honours
  // permissions.request only there) and its prompt belongs to this tab, which stays open for the answer
  const awaiting = rec.state === 'running' ? (rec.awaiting ?? []) : [];
  const awaitingCount = rec.links.filter((l, i) => !rec.rows[i] && awaiting.includes(hostname(l.url))).length;
  const answer = (allow: boolean): void => {
    const granted = allow ? browser.permissions.request({ origins: awaiting.map((h) => `*://${h}/*`) }).catch(() => false) : Promise.resolve(false);
    void granted.then((ok) =>
      rec.tabId === null
        ? undefined
        : browser.tabs.sendMessage(rec.tabId, { type: 'gidar:sweepPermission', id: rec.id, granted: ok }, { frameId: 0 }).catch(() => undefined),
    );
  };

  const header = (key: SortKey, label: string, numeric = false) => (
    <th aria-sort={sort?.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'} class={numeric ? 'n' : undefined}>
      <button
        type="button"
        data-sort={key}
        onClick={() => setSort(sort?.key === key ? { key, dir: sort.dir === 1 ? -1 : 1 } : { key, dir: numeric ? -1 : 1 })}
      >
        {label}
      </button>
    </th>
  );

  return (
    <main data-state={rec.state}>
      <h1>
        <img src="/icon/32.png" width={24} height={24} alt="" />
        <span>{t.title}</span>
        <LangToggle lang={lang} setLang={setLang} label={t.lang} />
      </h1>
      <p class="meta">
        {t.list}：
        <a href={rec.listUrl} target="_blank" rel="noopener noreferrer">
          {rec.listTitle || rec.listUrl}
        </a>{' '}
        · {t.when(rec.startedAt)}
      </p>
      <div class="bar">
        <progress max={rec.links.length} value={rows.length} aria-label={t.progress(rows.length, rec.links.length)} />
        <span class="progress" data-done={rows.length} data-total={rec.links.length}>
          {t.progress(rows.length, rec.links.length)} · {rec.state === 'running' ? t.running : rec.state === 'done' ? t.done : t.cancelled}
        </span>
        {rec.state === 'running' ? (
          <button type="button" class="danger" data-action="cancel" onClick={() => void cancel()}>
            {t.cancel}
          </button>
        ) : null}
      </div>
      {awaiting.length ? (
        <div class="ask" role="alert">
          <p>{t.ask(awaitingCount, awaiting.join('、'))}</p>
          <button type="button" class="primary" data-action="allow-hosts" onClick={() => answer(true)}>
            {t.allow}
          </button>
          <button type="button" data-action="skip-hosts" onClick={() => answer(false)}>
            {t.skip}
          </button>
        </div>
      ) : null}
      <div class="totals">
        <span>
          <b>{rows.length}</b>
          {t.reports}
        </span>
        <span class="err">
          <b>{withErrors}</b>
          {t.withErrors}
        </span>
        <span>
          <b>{failed}</b>
          {t.failed}
        </span>
      </div>
      <div class="bar">
        <button type="button" data-export="summary-csv" disabled={!rows.length} onClick={() => void exportAs('summary-csv')}>
          {t.summaryCsv}
        </button>
        <button type="button" data-export="cells-csv" disabled={!rows.length} onClick={() => void exportAs('cells-csv')}>
          {t.cellsCsv}
        </button>
        <button type="button" data-export="json" disabled={!rows.length} onClick={() => void exportAs('json')}>
          {t.json}
        </button>
        <span class={`status${status?.err ? ' err' : ''}`} role="status" aria-live="polite">
          {status?.text ?? ''}
        </span>
      </div>
      <table>
        <thead>
          <tr>
            {header('title', t.cols.title)}
            {header('agency', t.cols.agency)}
            {header('year', t.cols.year, true)}
            {header('errors', t.cols.errors, true)}
            {header('warnings', t.cols.warnings, true)}
            {header('needs_review', t.cols.needs_review, true)}
            {header('passed', t.cols.passed, true)}
            {header('fetch', t.cols.fetch)}
            <th>{t.cols.first_error}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr
              key={l.index}
              data-source={l.url}
              class={!l.row ? 'waiting' : l.row.fetch !== 'ok' ? 'failed' : l.row.errors > 0 ? 'has-errors' : 'clean'}
            >
              <td>
                <a href={l.url} target="_blank" rel="noopener noreferrer" title={l.url}>
                  {l.title}
                </a>
              </td>
              <td>{l.row?.agency ?? ''}</td>
              <td class="n">{l.row?.year ?? ''}</td>
              <td class="n errors">{l.row ? l.row.errors : ''}</td>
              <td class="n">{l.row ? l.row.warnings : ''}</td>
              <td class="n">{l.row ? l.row.needs_review : ''}</td>
              <td class="n">{l.row ? l.row.passed : ''}</td>
              <td class="fetch">
                {!l.row
                  ? rec.state !== 'running'
                    ? t.cancelled
                    : awaiting.includes(hostname(l.url))
                      ? t.awaiting
                      : t.waiting
                  : l.row.fetch === 'ok'
                    ? t.ok
                    : l.row.fetch}
              </td>
              <td class="first">{l.row?.first_error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ids.length > 1 ? (
        <>
          <h2>{t.earlier}</h2>
          <ul class="earlier">
            {[...ids]
              .reverse()
              .filter((x) => x !== rec.id)
              .map((x) => (
                <li key={x}>
                  <a href={`?id=${encodeURIComponent(x)}`} data-id={x}>
                    {earlier[x] ? t.earlierItem(earlier[x].listTitle || earlier[x].listUrl, t.when(earlier[x].startedAt), earlier[x].links.length) : x}
                  </a>
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </main>
  );
}
