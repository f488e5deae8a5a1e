// Chinese numerals (一百二十一, 两千零五, 一万二千, 二〇二三) and Arabic numbers with 万 (1.2万).

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Value of a Chinese numeral, or null if the string is not one. */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  for (const ch of s) if (!CHINESE_NUMERAL_CHARS.includes(ch)) return null;
  // Digit-by-digit form without units: 二〇二三 → 2023.
  if (![...s].some((ch) => ch in UNITS || ch === '万' || ch === '亿')) {
    if (s.length === 1) return DIGITS[s]!;
    return Number([...s].map((ch) => DIGITS[ch]).join(''));
  }
  let total = 0; // completed 亿 groups
  let section = 0; // completed 万 groups below 亿
  let group = 0; // below 万
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit !== null && DIGITS[ch] !== 0) return null; // two digits in a row: not a numeral
      digit = DIGITS[ch]!;
      if (digit === 0) digit = null;
      continue;
    }
    if (ch in UNITS) {
      const u = UNITS[ch]!;
      if (u >= lastUnit) return null; // 十百: units must decrease within a group
      // only 十 may stand without its digit, and only first in a group (十二, 二十万 but not 百十)
      if (digit === null && (u !== 10 || group !== 0)) return null;
      group += (digit ?? 1) * u;
      digit = null;
      lastUnit = u;
      continue;
    }
    if (ch === '万') {
      section += (group + (digit ?? 0)) * 10000;
      group = 0;
      digit = null;
      lastUnit = Infinity;
      continue;
    }
    // 亿
    total += (section + group + (digit ?? 0)) * 1e8;
    section = 0;
    group = 0;
    digit = null;
    lastUnit = Infinity;
  }
  return total + section + group + (digit ?? 0);
}

/** Value of a printed number token: Arabic (with thousands commas, full-width digits, optional 万) or Chinese. */
export function parseNumberToken(token: string): number | null {
  const t = token.replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万)?$/.exec(t);
  if (m) {
    const v = Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
    return m[3] ? Math.round(v * 10000) : v;
  }
  return parseChineseNumeral(t);
}
