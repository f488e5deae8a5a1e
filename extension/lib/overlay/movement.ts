// What may move the marked cells without a word to the overlay: scrolling, a resized window, a reflow of <html>,
// <body> or a report table, a transform or class on one of their ancestors (accessibility toolbars' page zoom),
// an ended transition. Each tells `moved`; the overlay batches the re-measuring per animation frame.
export interface Movement {
  /** the report tables now on the page (replaces the last ones) */
  watchTables(tables: readonly Element[]): void;
  /** the page may have replaced <body>: watch the new one */
  bodyChanged(): void;
}

export function watchMovement(win: Window, moved: () => void): Movement {
  const doc = win.document;
  const capture = { passive: true, capture: true };
  win.addEventListener('resize', moved, { passive: true });
  doc.addEventListener('scroll', moved, capture);
  // a transitioned transform (an accessibility toolbar's page zoom) ends where no resize or mutation says so
  doc.addEventListener('transitionend', moved, capture);
  doc.addEventListener('animationend', moved, capture);
  const resizes = new ResizeObserver(moved);
  resizes.observe(doc.documentElement);
  /** style/class changes on the report tables' ancestors: a transform there moves the cells without a resize */
  const ancestors = new MutationObserver(moved);
  let tables: readonly Element[] = [];
  let body: HTMLElement | null = null;

  const watchTables = (now: readonly Element[]): void => {
    tables = now;
    for (const el of tables) resizes.observe(el);
    ancestors.disconnect();
    const seen = new Set<Element>();
    const watch = (el: Element | null): void => {
      for (let a = el; a && !seen.has(a); a = a.parentElement) {
        seen.add(a);
        ancestors.observe(a, { attributes: true, attributeFilter: ['style', 'class'] });
      }
    };
    watch(doc.body);
    for (const el of tables) watch(el);
  };
  const bodyChanged = (): void => {
    if (doc.body === body) return;
    if (body) resizes.unobserve(body);
    body = doc.body;
    if (body) resizes.observe(body);
    watchTables(tables);
  };
  bodyChanged();
  return { watchTables, bodyChanged };
}
