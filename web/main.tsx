// Entry of the web page's script (gidar-web.js, a classic script: a page opened from disk cannot load modules).
import { render } from 'preact';
import type { Lang } from '../extension/ui/strings';
import { WebApp, type LangStore } from './app';
import { createPageOverlay } from './overlay';
import { preloadPdfReader } from './pdf';

declare const __GIDAR_CMAPS__: string[];

const LANG_KEY = 'gidar:lang';

/** The chosen language, remembered in this browser where storage is allowed (zh by default). */
function langStore(): LangStore {
  let lang: Lang = 'zh';
  try {
    if (localStorage.getItem(LANG_KEY) === 'en') lang = 'en';
  } catch {
    /* storage blocked: zh */
  }
  const listeners = new Set<() => void>();
  return {
    get: () => lang,
    set(l) {
      if (l === lang) return;
      lang = l;
      try {
        localStorage.setItem(LANG_KEY, l);
      } catch {
        /* remembered for this visit only */
      }
      for (const fn of listeners) fn();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

const langs = langStore();
const overlay = createPageOverlay(window, langs);
render(<WebApp overlay={overlay} langs={langs} />, document.getElementById('app')!);
preloadPdfReader(__GIDAR_CMAPS__);
