// The overlay: marks on suspect cells, numbered markers, tooltips, "consistent" badges and the findings panel.
// Everything lives in the shadow root; the page's table is only measured, never touched.
import { useEffect, useState } from 'preact/hooks';
import type { Item } from '../lib/model';
import { STRINGS } from './strings';
import { listedRows, Panel } from './Panel';
import { Tooltip } from './Tooltip';
import type { Store } from './view';

export function App({ store }: { store: Store }) {
  const [, force] = useState(0);
  useEffect(() => {
    const off = store.subscribe(() => force((n) => n + 1));
    // Changes between the first render and this effect would otherwise be missed.
    force((n) => n + 1);
    return off;
  }, [store]);
  const s = store.get();
  const t = STRINGS[s.lang];
  if (!s.annotations) return null;
  const { actions } = store;
  const flashItem = s.flash ? s.items.find((i) => i.id === s.flash!.itemId) : undefined;

  return (
    // busy until the panel's list is there: the first check draws the tables' marks before it is complete
    <div class="layer" lang={s.lang === 'zh' ? 'zh-CN' : 'en'} aria-busy={s.panelReady && s.panelRows >= listedRows(s) ? undefined : 'true'}>
      {s.marks.map((m) => {
        const b = s.boxes.get(m.element);
        if (!b) return null;
        const review = s.reviews[m.itemId];
        const flashing = s.flash?.itemId === m.itemId;
        // While a tooltip is open, the other findings' marks step back.
        const dim = s.tooltip && s.tooltip.itemId !== m.itemId ? ' dim' : '';
        return (
          <div
            key={m.key + (flashing ? `~${s.flash!.seq}` : '')}
            class={`mark ${m.kind}${review ? ` ${review}` : ''}${flashing ? ' flash' : ''}${dim}`}
            data-cell={m.cell}
            data-rule={m.rule}
            data-finding={m.n}
            data-support={m.textSupported ? 'text' : undefined}
            style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px` }}
          />
        );
      })}
      {flashItem && s.flash?.textBoxes?.length
        ? s.flash.textBoxes.map((b, i) => (
            <div key={`text:${s.flash!.seq}:${i}`} class="flashbox" data-rule={flashItem.finding.rule} style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px` }} />
          ))
        : flashItem && !s.marks.some((m) => m.itemId === flashItem.id && m.kind !== 'blank')
          ? <FlashBoxes store={store} item={flashItem} />
          : null}
      {s.badges.map((bd) => {
        const b = s.boxes.get(bd.element);
        if (!b) return null;
        return (
          <div key={bd.key} class="badge" data-table={bd.table} data-rule="consistent" role="status" style={{ left: `${b.x + b.w - 4}px`, top: `${b.y - 22}px`, transform: 'translateX(-100%)' }}>
            ✓ {t.consistent}
          </div>
        );
      })}
      {s.marks
        .filter((m) => m.marker)
        .map((m, _i, markers) => {
          const b = s.boxes.get(m.element);
          if (!b) return null;
          // Several findings on one cell: their markers stand side by side, not on top of each other.
          const shift = markers.filter((o) => o.element === m.element).indexOf(m) * 24;
          const review = s.reviews[m.itemId];
          const tipOpen = s.tooltip?.itemId === m.itemId;
          return (
            <button
              key={`marker:${m.key}`}
              type="button"
              class={`marker${m.tone === 'review' ? ' review' : ''}${review === 'dismissed' ? ' dismissed' : ''}`}
              data-cell={m.cell}
              data-rule={m.rule}
              data-finding={m.n}
              aria-label={t.marker(m.n, m.rule)}
              aria-describedby={tipOpen ? 'gidar-tooltip' : undefined}
              style={{ left: `${b.x + b.w - 12 - shift}px`, top: `${b.y - 10}px` }}
              onMouseEnter={(e) => actions.showTooltip(m.itemId, e.currentTarget, 'hover')}
              onMouseLeave={() => actions.hideTooltip('hover')}
              onFocus={(e) => actions.showTooltip(m.itemId, e.currentTarget, 'focus')}
              onBlur={() => actions.hideTooltip('focus')}
              onClick={() => {
                actions.select(m.itemId);
                actions.setPanelOpen(true);
              }}
            >
              {m.n}
            </button>
          );
        })}
      <Tooltip store={store} />
      {s.panelReady ? <Panel store={store} /> : null}
    </div>
  );
}

function FlashBoxes({ store, item }: { store: Store; item: Item }) {
  const s = store.get();
  const rr = s.page.reports[item.reportIndex]!.rr;
  return (
    <>
      {item.finding.cells.map((c) => {
        const el = rr.elements.get(`${c.table}:${c.row}:${c.col}`);
        const b = el ? s.boxes.get(el) : undefined;
        if (!b) return null;
        const cell = `${c.table}:${c.row}:${c.col}`;
        return <div key={`flash:${cell}:${s.flash!.seq}`} class="flashbox" data-cell={cell} data-rule={item.finding.rule} style={{ left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px` }} />;
      })}
    </>
  );
}
