// The zh/en switch of the extension's pages (popup, results page): one language for all, kept in storage.
import { browser } from 'wxt/browser';
import type { Lang } from './strings';

export const LANG_KEY = 'gidar:lang';

export function LangToggle({ lang, setLang, label }: { lang: Lang; setLang: (l: Lang) => void; label: string }) {
  return (
    <button
      type="button"
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      onClick={() => {
        const next = lang === 'zh' ? 'en' : 'zh';
        setLang(next);
        void browser.storage.local.set({ [LANG_KEY]: next });
      }}
    >
      {label}
    </button>
  );
}
