// Keeps each tab's findings summary for the toolbar badge and the popup; injects the checker on demand.
import { browser } from 'wxt/browser';
import type { FrameSummary, TabState, ToBackground, ToContent } from '@/lib/messages';
import { bytesToBase64 } from '@/lib/sweep-store';

const tabs = new Map<number, Map<number, FrameSummary>>();

/** The toolbar icon of a tab: with a red "!" mark while its report has failing errors (the badge gives the count). */
const ICONS = { ok: iconSet('icon'), error: iconSet('icon/error') };
function iconSet(dir: string): Record<number, string> {
  return Object.fromEntries([16, 32, 48, 128].map((s) => [s, `/${dir}/${s}.png`]));
}

function action() {
  // MV3 `action`, MV2 (Firefox build) `browserAction`.
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

async function persist(tabId: number): Promise<void> {
  const frames = tabs.get(tabId);
  try {
    await browser.storage.session?.set({ [`tab:${tabId}`]: frames ? [...frames.entries()] : [] });
  } catch {
    /* no session storage: in-memory only */
  }
}

async function load(tabId: number): Promise<Map<number, FrameSummary>> {
  let frames = tabs.get(tabId);
  if (frames) return frames;
  frames = new Map();
  try {
    const got = await browser.storage.session?.get(`tab:${tabId}`);
    for (const [id, s] of (got?.[`tab:${tabId}`] as [number, FrameSummary][] | undefined) ?? []) frames.set(id, s);
  } catch {
    /* ignore */
  }
  tabs.set(tabId, frames);
  return frames;
}

async function updateBadge(tabId: number): Promise<void> {
  const frames = await load(tabId);
  let errors = 0;
  let reports = 0;
  let other = 0;
  let tablesRead = 0;
  for (const s of frames.values()) {
    errors += s.errors;
    reports += s.reports;
    other += s.fail - s.errors + s.needsReview;
    tablesRead += s.tables.length;
  }
  // The number of failing errors; with none, "0" while something still needs a look, "✓" when all holds,
  // "–" for a report whose tables could not be read (images, attachments, PDF).
  const text = errors > 0 ? String(errors) : reports === 0 ? '' : tablesRead === 0 ? '–' : other > 0 ? '0' : '✓';
  const a = action();
  await a.setBadgeText({ tabId, text });
  await a.setBadgeBackgroundColor({ tabId, color: errors > 0 ? '#c62828' : tablesRead === 0 ? '#616161' : other > 0 ? '#8a4b00' : '#2e7d32' });
  await a.setIcon({ tabId, path: errors > 0 ? ICONS.error : ICONS.ok }).catch(() => undefined);
}

/** Marks the frames as asked-for, so the annotator opens its panel even to say "no report here". */
function markOnDemand(): void {
  (globalThis as { __gidarOnDemand?: boolean }).__gidarOnDemand = true;
}

async function checkTab(tabId: number): Promise<{ ok: boolean; error?: string }> {
  try {
    // gov.cn pages: the bootstrap content script answers and loads the annotator itself.
    const res = (await browser.tabs.sendMessage(tabId, { type: 'gidar:checkNow' } satisfies ToContent)) as { ok?: boolean } | undefined;
    if (res?.ok) return { ok: true };
  } catch {
    /* no content script in this tab: inject (activeTab) */
  }
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: markOnDemand });
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/annotator.js'] });
    return { ok: true };
  } catch {
    try {
      // activeTab covers the top frame; cross-origin frames may refuse.
      await browser.scripting.executeScript({ target: { tabId }, func: markOnDemand });
      await browser.scripting.executeScript({ target: { tabId }, files: ['/annotator.js'] });
      return { ok: true };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }
}

/** Whether the extension may fetch `url`. A match pattern has no port (Firefox refuses one): the host on any port. */
function permitted(url: URL): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${url.protocol}//${url.hostname}/*`] });
}

/** Of a list's other gov.cn hosts, those the user has not granted (yet): the results page asks for them. */
async function unpermitted(hosts: string[]): Promise<string[]> {
  const held = await Promise.all(hosts.map((h) => browser.permissions.contains({ origins: [`*://${h}/*`] })));
  return hosts.filter((_, i) => !held[i]);
}

/**
 * A listed report on another gov.cn host, for the sweep in a tab (lib/sweep.ts): fetched here, where the host
 * permission the user granted on the results page lifts CORS; the body goes back base64 (messages carry JSON only).
 */
async function sweepFetch(
  url: string,
): Promise<{ ok: true; finalUrl: string; contentType: string | null; body: string } | { ok: false; error: string }> {
  try {
    if (!(await permitted(new URL(url)))) return { ok: false, error: `on another host, not permitted: ${url}` };
    const res = await fetch(url, { credentials: 'include' });
    if (!res.ok) return { ok: false, error: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
    return { ok: true, finalUrl: res.url || url, contentType: res.headers.get('content-type'), body: bytesToBase64(new Uint8Array(await res.arrayBuffer())) };
  } catch (e) {
    return { ok: false, error: `cannot fetch: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((msg: ToBackground, sender, sendResponse) => {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'gidar:state') {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      void load(tabId).then(async (frames) => {
        frames.set(sender.frameId ?? 0, msg.summary);
        await persist(tabId);
        await updateBadge(tabId);
      });
      return;
    }
    if (msg.type === 'gidar:getTab') {
      void load(msg.tabId).then((frames) => sendResponse({ frames: [...frames.entries()].map(([frameId, summary]) => ({ frameId, summary })) } satisfies TabState));
      return true;
    }
    if (msg.type === 'gidar:loadPdfReader') {
      // The annotator on a page outside gov.cn (brought by the toolbar's activeTab grant) cannot import the PDF
      // reader, which is web-accessible to gov.cn only: inject it into the asking frame under the same grant.
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      browser.scripting
        .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/pdf-reader.js'] })
        .then(
          () => sendResponse({ ok: true }),
          (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }),
        );
      return true;
    }
    if (msg.type === 'gidar:sweepFetch') {
      void sweepFetch(msg.url).then(sendResponse);
      return true;
    }
    if (msg.type === 'gidar:sweepUnpermitted') {
      void unpermitted(msg.hosts).then(sendResponse);
      return true;
    }
    if (msg.type === 'gidar:checkTab') {
      void checkTab(msg.tabId).then(sendResponse);
      return true;
    }
  });

  browser.tabs.onUpdated.addListener((tabId, info) => {
    // A new document: its content scripts report afresh (without the tabs permission, info.url is not given).
    if (info.status === 'loading') {
      tabs.delete(tabId);
      void persist(tabId);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.delete(tabId);
    void browser.storage.session?.remove(`tab:${tabId}`).catch(() => undefined);
  });
});
