// The tooltip of a finding: at its marker (or the hovered cell), kept on screen; the pointer may travel onto it.
import { findingTexts } from './finding-texts';
import { STRINGS } from './strings';
import type { Store } from './view';

export function Tooltip({ store }: { store: Store }) {
  const s = store.get();
  if (!s.tooltip) return null;
  const item = s.items.find((i) => i.id === s.tooltip!.itemId);
  if (!item) return null;
  const t = STRINGS[s.lang];
  const anchorMark = s.marks.find((m) => m.itemId === item.id && m.marker) ?? s.marks.find((m) => m.itemId === item.id && m.element === s.tooltip!.anchor);
  const b = anchorMark ? s.boxes.get(anchorMark.element) : undefined;
  if (!b) return null;
  const txt = findingTexts(item, s.page, s.lang);
  const f = item.finding;
  // Keep it on screen: shift left at the right edge; above the cell when there is no room below.
  const vp = s.viewport ?? { x: 0, y: 0, w: 1e6, h: 1e6 };
  const width = Math.min(440, vp.w - 16);
  const left = Math.max(vp.x + 8, Math.min(b.x, vp.x + vp.w - width - 8));
  const below = b.y + b.h + 8 + 220 <= vp.y + vp.h || b.y - 228 < vp.y;
  return (
    <div
      id="gidar-tooltip"
      class="tooltip"
      role="tooltip"
      data-cell={anchorMark!.cell}
      data-rule={f.rule}
      style={{ left: `${left}px`, top: below ? `${b.y + b.h + 8}px` : `${b.y - 8}px`, transform: below ? undefined : 'translateY(-100%)', maxWidth: `${width}px` }}
      onMouseEnter={() => store.actions.showTooltip(item.id, s.tooltip!.anchor, 'hover')}
      onMouseLeave={() => store.actions.hideTooltip('hover')}
    >
      <div class="head">
        <span class={`status-${f.status}`}>
          #{item.n} {t[f.status]}
        </span>{' '}
        <span class="rule">{f.rule}</span>
      </div>
      <div>{txt.message}</div>
      {txt.arith ? (
        <div class="arith">
          <span class="sr">{t.arithmetic}：</span>
          {txt.arith}
        </div>
      ) : null}
      {txt.suspects.map((line, i) => (
        <div key={i} class="sugg">
          {line}
        </div>
      ))}
    </div>
  );
}
