import { describe, expect, it } from 'vitest';
import { cellName, renderMessage, scopeName } from '../../core/explain/messages';
import t4ReviewSum from '../../core/rules/t4.reviewSum';
import t3RowTotal from '../../core/rules/t3.rowTotal';
import type { FindingDraft } from '../../core/rules/types';

const base: FindingDraft = {
  rule: 't4.reviewSum',
  severity: 'error',
  status: 'fail',
  scope: 'review',
  cells: [],
  left: 0,
  right: 11,
  difference: -11,
  suspects: [{ table: 't4', row: 'cases', col: 'review.total', printed: 0, suggested: 11, typo: null }],
  ambiguous: false,
};

describe('messages are rendered from the finding data', () => {
  it('zh and en from the same data, with the suspect and its suggested value', () => {
    const m = renderMessage(base, t4ReviewSum.messages);
    expect(m.zh).toBe('表四「行政复议」：总计 0 ≠ 维持、纠正、其他、尚未审结之和 11（差 -11）。最可能的改法：表四「行政复议·总计」印作 0，应为 11。');
    expect(m.en).toBe('t4 administrative review: total 0 ≠ upheld + corrected + other + pending = 11 (difference -11). Most likely correction: t4[review.total] printed 0, should be 11.');
  });

  it('an ambiguous finding lists its alternatives and asserts none', () => {
    const alt = [
      [{ table: 't4' as const, row: 'cases', col: 'litAfterReview.total', printed: 0, suggested: 5, typo: null }],
      [{ table: 't4' as const, row: 'cases', col: 'litAfterReview.upheld', printed: 5, suggested: 0, typo: null }],
    ];
    const m = renderMessage({ ...base, suspects: [], ambiguous: true, alternatives: alt }, t4ReviewSum.messages);
    expect(m.zh).toContain('有 2 种同样简单的改法');
    expect(m.zh).not.toContain('最可能');
    expect(m.en).toContain('2 equally simple corrections');
  });

  it('typos are named', () => {
    const m = renderMessage({ ...base, rule: 't3.rowTotal', scope: 'newReceived', suspects: [{ table: 't3', row: 'newReceived', col: 'total', printed: 112, suggested: 121, typo: 'swap' }] }, t3RowTotal.messages);
    expect(m.zh).toContain('疑似笔误：数字对调');
    expect(m.en).toContain('likely typo: swap');
  });

  it('cells and scopes by label in Chinese, by id in English', () => {
    expect(cellName({ table: 't3', row: 'granted', col: 'naturalPerson' }, 'zh')).toBe('表三「（一）予以公开」×「自然人」');
    expect(cellName({ table: 't3', row: 'granted', col: 'naturalPerson' }, 'en')).toBe('t3[granted][naturalPerson]');
    expect(scopeName('unable', 'zh')).toBe('（四）无法提供');
    expect(scopeName('litDirect', 'zh')).toBe('未经复议直接起诉');
  });
});
