// Link addresses as discovery keeps them: absolute, web (or file) only, without the #fragment.

const SKIP_HREF = /^\s*(?:javascript:|mailto:|tel:|#|data:)/i;

/** `href` resolved against the page, without its fragment; null when it is not a web address. */
export function resolveHref(href: string | null, base: string): string | null {
  if (!href || SKIP_HREF.test(href)) return null;
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}
