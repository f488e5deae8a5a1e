import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayText, parseNumberCell, toHalfWidth } from '../../core/read/numbers';

describe('parseNumberCell', () => {
  it('reads plain integers, zero included', () => {
    expect(parseNumberCell('859')).toEqual({ raw: '859', value: 859, kind: 'number' });
    expect(parseNumberCell('0')).toEqual({ raw: '0', value: 0, kind: 'number' });
  });

  it('reads full-width digits, separators and points (V7)', () => {
    expect(parseNumberCell('１２３').value).toBe(123);
    expect(parseNumberCell('１，２３４').value).toBe(1234);
    expect(parseNumberCell('３．５').value).toBe(3.5);
  });

  it('drops thousands separators only in groups of three', () => {
    expect(parseNumberCell('1,234').value).toBe(1234);
    expect(parseNumberCell('12,345,678').value).toBe(12345678);
    expect(parseNumberCell('1,2')).toMatchObject({ value: null, kind: 'text' });
    expect(parseNumberCell('12,34')).toMatchObject({ value: null, kind: 'text' });
  });

  it('ignores NBSP, full-width and zero-width spaces inside and around the number (V3)', () => {
    expect(parseNumberCell('\u00a012\u00a0')).toMatchObject({ raw: '12', value: 12, kind: 'number' });
    expect(parseNumberCell('\u30004\u30005')).toMatchObject({ value: 45, kind: 'number' });
    expect(parseNumberCell('\u200b7\ufeff')).toMatchObject({ value: 7, kind: 'number' });
    expect(parseNumberCell(' 2 0 ').value).toBe(20);
  });

  it('captures the unit printed in the cell (V6)', () => {
    expect(parseNumberCell('251000元')).toEqual({ raw: '251000元', value: 251000, kind: 'number', unit: '元' });
    expect(parseNumberCell('73802895.90元')).toMatchObject({ value: 73802895.9, unit: '元' });
    expect(parseNumberCell('12.5万元')).toMatchObject({ value: 12.5, unit: '万元' });
    expect(parseNumberCell('10件')).toMatchObject({ value: 10, unit: '件' });
    expect(parseNumberCell('万元')).toMatchObject({ value: null, kind: 'text' });
  });

  it('reads decimals (fees in 万元 with many places)', () => {
    expect(parseNumberCell('5949.088667', { allowDecimal: true }).value).toBe(5949.088667);
    expect(parseNumberCell('20587.3303').value).toBe(20587.3303);
  });

  it('reads a sign only where the format allows one (F2019 本年增/减)', () => {
    expect(parseNumberCell('-185', { allowSign: true })).toMatchObject({ value: -185, kind: 'number' });
    expect(parseNumberCell('－8', { allowSign: true })).toMatchObject({ value: -8, kind: 'number' });
    expect(parseNumberCell('+3', { allowSign: true })).toMatchObject({ value: 3, kind: 'number' });
    expect(parseNumberCell('-185')).toMatchObject({ raw: '-185', value: null, kind: 'text' });
    expect(parseNumberCell('+3')).toMatchObject({ value: null, kind: 'text' });
    expect(parseNumberCell('-0', { allowSign: true }).value).toBe(0);
    expect(Object.is(parseNumberCell('-0', { allowSign: true }).value, -0)).toBe(false);
  });

  it('keeps blanks and placeholders with a null value, never 0 (§7.8)', () => {
    expect(parseNumberCell('')).toEqual({ raw: '', value: null, kind: 'blank' });
    expect(parseNumberCell('\u00a0')).toEqual({ raw: '', value: null, kind: 'blank' });
    expect(parseNumberCell(' \u3000 ')).toMatchObject({ value: null, kind: 'blank' });
    for (const p of ['—', '-', '/', '无', '／', '——', '--', '－', '–']) {
      expect(parseNumberCell(p), p).toMatchObject({ value: null, kind: 'placeholder' });
    }
    expect(parseNumberCell('—', { allowSign: true })).toMatchObject({ value: null, kind: 'placeholder' });
  });

  it('calls anything else text, with a null value', () => {
    expect(parseNumberCell('未统计')).toMatchObject({ value: null, kind: 'text' });
    expect(parseNumberCell('22（其中修订16件）')).toMatchObject({ value: null, kind: 'text' });
    expect(parseNumberCell('1.2.3')).toMatchObject({ value: null, kind: 'text' });
  });
});

describe('parseNumberCell on bare digits', () => {
  it('reads them as the full path reads the same digits with spaces around', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 18 }), fc.boolean(), (digits, allowSign) => {
        expect(parseNumberCell(digits, { allowSign })).toEqual(parseNumberCell(` ${digits}\u3000`, { allowSign }));
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});

describe('displayText / toHalfWidth', () => {
  it('collapses every kind of space to one', () => {
    expect(displayText(' 社会公益\u00a0\u00a0 组织\u3000')).toBe('社会公益 组织');
  });
  it('turns full-width digits and minus into ASCII and leaves other characters', () => {
    expect(toHalfWidth('０１２３４５６７８９－＋')).toBe('0123456789-+');
    expect(toHalfWidth('（七）总计')).toBe('（七）总计');
  });
});
