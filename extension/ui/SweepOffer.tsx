// The popup's offer on a page that lists reports: "check the N reports listed on this page". Nothing is fetched
// until the click (a jpage list's further groups neither: the offer says how many records the list has); then the
// tab's content script runs the sweep (lib/sweep.ts) and the results page opens. Reports on other gov.cn hosts wait
// for the permission the results page asks for: a prompt the popup opened would be dismissed by the results tab
// (Firefox) or close the popup before its answer is heard (Chrome).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ListedReports } from '../lib/sweep';
import type { Lang } from './strings';

const T = {
  zh: {
    check: (n: number) => `检查本页列出的 ${n} 份年报`,
    hosts: (h: string) => `其中部分在其他网站（${h}），结果页将请求访问权限。`,
    more: (n: number) => `此列表共 ${n} 条记录，由网站分组提供；点击后一并查找其中的年报。`,
  },
  en: {
    check: (n: number) => `Check the ${n} reports listed on this page`,
    hosts: (h: string) => `Some are on other sites (${h}); the results page asks for access to them.`,
    more: (n: number) => `This list has ${n} records, which the site hands out in groups; the click looks through them all.`,
  },
};

export function SweepOffer({ tabId, lang }: { tabId: number | null; lang: Lang }) {
  const [listed, setListed] = useState<ListedReports | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (tabId === null) return;
    browser.tabs
      .sendMessage(tabId, { type: 'gidar:sweepCount' }, { frameId: 0 })
      .then((r) => setListed(r && typeof r === 'object' && 'links' in r ? (r as ListedReports) : null))
      .catch(() => setListed(null));
  }, [tabId]);
  // a jpage list whose further records the site hands out on request: one report on the page is enough to offer it
  const more = listed?.listRecords ?? 0;
  if (tabId === null || !listed || listed.links.length < (more > 0 ? 1 : 2)) return null;
  const t = T[lang];

  const start = (): void => {
    setBusy(true);
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const started = browser.tabs.sendMessage(tabId, { type: 'gidar:sweepStart', id, tabId }, { frameId: 0 });
    const opened = browser.tabs.create({ url: browser.runtime.getURL(`/results.html?id=${id}`) });
    void Promise.allSettled([started, opened]).then(() => setBusy(false));
  };

  return (
    <div class="sweep">
      <button type="button" class="primary" data-action="sweep" data-count={listed.links.length} disabled={busy} onClick={start}>
        {t.check(listed.links.length)}
      </button>
      {more > 0 ? (
        <p class="meta" data-more={more}>
          {t.more(more)}
        </p>
      ) : null}
      {listed.otherHosts.length ? <p class="meta">{t.hosts(listed.otherHosts.join('、'))}</p> : null}
    </div>
  );
}
