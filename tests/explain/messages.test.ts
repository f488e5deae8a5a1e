import { describe, expect, it } from 'vitest';
import { finalize, renderMessage, scopeName } from '../../core/explain/messages';
import { cellName } from '../../core/explain/names';
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
    expect(m.en).toBe('t4 administrative review: total 0 ≠ upheld + corrected + other + pending = 11 (difference -11). Most likely correction: Table 4 "administrative review: total" printed 0, should be 11.');
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
    expect(m.zh).toContain('疑似笔误：数字颠倒');
    expect(m.en).toContain('likely typo: swap');
  });

  it('cells and scopes by label, in Chinese as printed and in English words', () => {
    expect(cellName({ table: 't3', row: 'granted', col: 'naturalPerson' }, '2021', 'zh')).toBe('表三「（一）予以公开 × 自然人」');
    expect(cellName({ table: 't3', row: 'granted', col: 'naturalPerson' }, '2021', 'en')).toBe('Table 3 "(1) granted × natural persons"');
    expect(cellName({ table: 't3', row: 'unable.notHeld', col: 'total' }, '2021', 'en')).toBe('Table 3 "(4) unable to provide — 1. information not held × total"');
    expect(cellName({ table: 't4', row: 'cases', col: 'litAfterReview.total' }, '2021', 'en')).toBe('Table 4 "litigation after review: total"');
    expect(cellName({ table: 't2', row: 'normativeDocs', col: 'inForce' }, '2021', 'en')).toBe('Table 2 "normative documents × in force"');
    expect(scopeName('unable', 'zh')).toBe('（四）无法提供');
    expect(scopeName('litDirect', 'zh')).toBe('未经复议直接起诉');
    expect(scopeName('unable', 'en')).toBe('"(4) unable to provide"');
    expect(scopeName('litDirect', 'en')).toBe('"litigation without prior review"');
    expect(scopeName('naturalPerson', 'en')).toBe('"natural persons"');
    expect(scopeName('cases', 'en')).toBe('table 4');
  });

  it('a t3 column scope and a missing-cells list read in English words', () => {
    const col = renderMessage({ ...base, rule: 't3.rowTotal', scope: 'newReceived', suspects: [] }, t3RowTotal.messages);
    expect(col.en).toBe('t3 row "new applications this year": total 0 ≠ sum of applicant columns 11 (difference -11).');
    const missing = renderMessage(
      { ...base, status: 'notCheckable', suspects: [], params: { reason: 'missing', missingCount: 2, missing: 't4:cases:review.total t3:carriedOver:otherOrg' } },
      { fail: t4ReviewSum.messages.fail, pass: t4ReviewSum.messages.pass },
    );
    expect(missing.en).toBe('Not checkable: 2 needed cell(s) were not read (Table 4 "administrative review: total", Table 3 "carried over from last year × other organisations").');
  });
});

describe('a finding carries its message like a plain property, rendered when first read', () => {
  const finding = () => finalize(base, t4ReviewSum.messages);
  const rendered = renderMessage(base, t4ReviewSum.messages);

  it('reads, serialises, spreads and clones as the rendered message, last among the keys', () => {
    const f = finding();
    expect(f.message).toEqual(rendered);
    expect(Object.keys(f)).toEqual([...Object.keys(base), 'message']);
    expect(JSON.parse(JSON.stringify(f))).toEqual({ ...base, message: rendered });
    expect({ ...f }).toEqual({ ...base, message: rendered });
    expect(structuredClone(f)).toEqual({ ...base, message: rendered });
  });

  it('each finding renders its own message, and assigning one replaces it', () => {
    const a = finding();
    const b = finalize({ ...base, left: 1, difference: -10 }, t4ReviewSum.messages);
    a.message = { zh: '改', en: 'changed' };
    expect(a.message).toEqual({ zh: '改', en: 'changed' });
    expect(Object.keys(a)).toEqual([...Object.keys(base), 'message']);
    expect(b.message.zh).toContain('总计 1 ≠');
    expect(finding().message).toEqual(rendered);
  });
});
