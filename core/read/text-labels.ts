// Label keys and a strict row matcher for the text reader. Stricter than labels.ts matchLabel on purpose:
// text renderings detach and cut labels, so a fragment that fits two rows (行政机关不再处理其政府信息公开申请 ends
// both （六）1 and （六）2) or a group heading that starts like a row (（六）其他处理 vs 3.其他) must match nothing.
import type { LabelDef } from '../model/templates';
import { editDistance, stripNumbering } from './labels';

const DROP = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff“”"'‘’「」『』]/;

/** Normalised form of one character ('' = dropped). Lengths of kept characters stay 1, so offsets map back. */
export function keyChar(ch: string): string {
  if (DROP.test(ch)) return '';
  const c = ch.charCodeAt(0);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0);
  switch (ch) {
    case '（':
      return '(';
    case '）':
      return ')';
    case '，':
    case ',':
    case '､':
      return '、';
    case '．':
    case '。':
      return '.';
    case '：':
      return ':';
    case '－':
    case '−':
      return '-';
    default:
      return ch;
  }
}

export function labelKey(s: string): string {
  let out = '';
  for (const ch of s) out += keyChar(ch);
  return out;
}

/** Normalised text with, for each kept character, its offset in the original string. */
export function keyWithMap(text: string, from = 0, to = text.length): { key: string; map: number[] } {
  let key = '';
  const map: number[] = [];
  for (let i = from; i < to; i++) {
    const k = keyChar(text[i]!);
    if (k) {
      key += k;
      map.push(i);
    }
  }
  return { key, map };
}

const keysOf = new WeakMap<LabelDef, { l: string; ls: string; vs: string[] }>();
function defKeys(def: LabelDef): { l: string; ls: string; vs: string[] } {
  let k = keysOf.get(def);
  if (!k) {
    const l = labelKey(def.label);
    k = { l, ls: stripNumbering(l), vs: (def.variants ?? []).map(labelKey) };
    keysOf.set(def, k);
  }
  return k;
}

export type RowMatch = { id: string; quality: number } | { ambiguous: string[] } | null;

/**
 * The one row definition a printed label names. Qualities: 0 same text, 1 same without numbering, 2 a variant,
 * 3 containment (the label inside the printed text, or a printed fragment of ≥5 characters inside one label),
 * 4 edit distance ≤ 2 on labels of ≥ 6 characters. Two rows at the best quality → ambiguous.
 */
export function matchRowLabel(printed: string, defs: readonly LabelDef[]): RowMatch {
  const p = labelKey(printed);
  if (!p) return null;
  const ps = stripNumbering(p);
  if (!ps) return null;
  let best = 9;
  let ids: string[] = [];
  for (const def of defs) {
    const { l, ls, vs } = defKeys(def);
    let q = 9;
    if (p === l) q = 0;
    else if (ps === ls) q = 1;
    else if (vs.some((v) => v === p || v === ps)) q = 2;
    else if (
      (ls.length >= 4 && ps.includes(ls)) ||
      (ps.length >= 5 && ls.includes(ps)) ||
      vs.some((v) => v.length >= 4 && ps.includes(v)) ||
      // appended guidance: 规章（设区的市、自治州人民政府应提供相关数据）
      (ls.length >= 2 && ps.startsWith(ls + '('))
    )
      q = 3;
    else if (ls.length >= 6 && editDistance(ps, ls, 2) <= 2) q = 4;
    if (q < best) {
      best = q;
      ids = [def.id];
    } else if (q === best && q < 9) ids.push(def.id);
  }
  if (best === 9) return null;
  if (ids.length > 1) return { ambiguous: ids };
  return { id: ids[0]!, quality: best };
}

/** 1-based line and column of each offset, via the line starts of a text. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
