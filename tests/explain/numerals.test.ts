import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseNumberToken } from '../../core/explain/numerals';

describe('parseChineseNumeral', () => {
  it.each([
    ['一百二十一', 121],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['两千零五', 2005],
    ['三千二百', 3200],
    ['一万二千', 12000],
    ['二十万', 200000],
    ['一万零一', 10001],
    ['零', 0],
    ['六', 6],
    ['二〇二三', 2023],
  ])('%s → %i', (s, v) => expect(parseChineseNumeral(s)).toBe(v));

  it.each([['百十'], ['一二百'], ['abc'], ['']])('%s is not a numeral', (s) => expect(parseChineseNumeral(s)).toBeNull());
});

describe('parseNumberToken', () => {
  it.each([
    ['121', 121],
    ['1,234', 1234],
    ['１２１', 121],
    ['1.2万', 12000],
    ['33.9', 33.9],
    ['一百二十一', 121],
  ])('%s → %d', (s, v) => expect(parseNumberToken(s)).toBe(v));
});

// An independent writer of Chinese numerals (standard form: 一万零五百, 十二, 一百一十) for a round trip.
function toChinese(n: number): string {
  const d = [...'零一二三四五六七八九'];
  if (n === 0) return '零';
  const group = (g: number, leadingZero: boolean): string => {
    const units = ['千', '百', '十', ''];
    const digits = String(g).padStart(4, '0').split('').map(Number);
    let out = '';
    let zero = leadingZero;
    digits.forEach((x, i) => {
      if (x === 0) {
        if (out || zero) zero = true;
        return;
      }
      if (zero && out !== '') out += '零';
      else if (zero && leadingZero && out === '') out += '零';
      zero = false;
      out += (x === 1 && units[i] === '十' && out === '' && !leadingZero ? '' : d[x]!) + units[i]!;
    });
    return out;
  };
  const hi = Math.floor(n / 10000);
  const lo = n % 10000;
  if (hi === 0) return group(lo, false);
  return group(hi, false) + '万' + (lo === 0 ? '' : group(lo, lo < 1000));
}

describe('Chinese numerals round trip', () => {
  it('parses what a standard writer produces, 0 … 99 999 999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(parseChineseNumeral(toChinese(n))).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });
});
