// The user's choices kept in extension storage: the language (one for all pages) and the confirm/dismiss decisions
// of each page's findings (by the page's address). Unavailable storage (an opaque-origin frame) means defaults.
import { browser } from 'wxt/browser';
import type { Lang } from '../ui/strings';
import type { Review } from '../ui/view';

const LANG_KEY = 'gidar:lang';

export type Reviews = Record<string, Review>;

/** The key of a page's decisions: its address without the fragment. */
export function reviewKey(loc: Location): string {
  return `gidar:review:${loc.origin}${loc.pathname}${loc.search}`;
}

export async function loadSettings(key: string): Promise<{ lang: Lang; reviews: Reviews } | null> {
  try {
    const stored = await browser.storage.local.get([LANG_KEY, key]);
    return { lang: stored[LANG_KEY] === 'en' ? 'en' : 'zh', reviews: (stored[key] as Reviews | undefined) ?? {} };
  } catch {
    return null;
  }
}

export async function loadReviews(key: string): Promise<Reviews> {
  const stored = await browser.storage.local.get(key).catch(() => ({}) as Record<string, unknown>);
  return (stored[key] as Reviews | undefined) ?? {};
}

export function saveLang(lang: Lang): void {
  void browser.storage.local.set({ [LANG_KEY]: lang }).catch(() => undefined);
}

export async function saveReviews(key: string, reviews: Reviews): Promise<void> {
  try {
    await browser.storage.local.set({ [key]: reviews });
  } catch {
    /* remembered for this visit only */
  }
}

/** Choices changed elsewhere (the popup, another tab of the same page). `key()`: the page's key at the time. */
export function onSettingsChanged(key: () => string, changed: (c: { lang?: Lang; reviews?: Reviews }) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const l = changes[LANG_KEY];
    if (l && (l.newValue === 'en' || l.newValue === 'zh')) changed({ lang: l.newValue as Lang });
    const r = changes[key()];
    if (r) changed({ reviews: (r.newValue as Reviews | undefined) ?? {} });
  });
}
