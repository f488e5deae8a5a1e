import { cellIndex, cellKey } from '../model/ids';
import { draft } from './draft';
import type { FindingDraft, PairRule, RuleCases } from './types';

// Spec §7.6 (info): a value more than 5× or less than 1/5 of last year's (only when last year's ≥ 30).
const BASE = 30;

const rule: PairRule = {
  kind: 'pair',
  id: 'xy.jump',
  severity: 'info',
  reads: ['t2', 't3', 't4'],
  doc: 'A table value changed by more than a factor of 5 (up or down) against last year, where last year\'s value was at least 30: plausible but worth a look (spec §7.6, peer QR-007).',
  messages: {
    fail: { zh: '{cells}：上年 {right}，本年 {left}（{ratio} 倍）。', en: '{cells}: {right} last year, {left} this year (×{ratio}).' },
    pass: { zh: '与上年相比没有异常跳变。', en: 'No unusual jumps against last year.' },
  },
  check(previous, current) {
    const prev = cellIndex(previous);
    const out: FindingDraft[] = [];
    let compared = 0;
    for (const c of current.cells) {
      if (c.kind !== 'number' || c.value === null) continue;
      if (c.table === 't2' && c.col === 'itemsDelta') continue;
      const p = prev.get(cellKey(c));
      if (!p || p.kind !== 'number' || p.value === null || p.value < BASE) continue;
      compared++;
      const ratio = c.value / p.value;
      if (ratio > 5 || ratio < 0.2) {
        out.push(draft(rule.id, 'info', 'fail', { scope: cellKey(c), cells: [{ table: c.table, row: c.row, col: c.col }], left: c.value, right: p.value, difference: c.value - p.value, params: { ratio: Math.round(ratio * 100) / 100 } }));
      }
    }
    if (compared === 0) return [];
    return out.length > 0 ? out : [draft(rule.id, 'info', 'pass')];
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [{ name: 'same numbers', expect: { status: 'pass', count: 1 } }],
  invalid: [{ name: 'penalties fell from 3681 to 36', cells: { 't2:penalty:decisions': '36' }, expect: { status: 'fail', left: 36, right: 3681, cells: ['t2:penalty:decisions'] } }],
};
