// Matching printed labels to template ids (spec §9 V2, V3, V10, V17).
import type { LabelDef, T3Group } from '../model/templates';
import { toHalfWidth } from './numbers';

/**
 * Normalised label: no whitespace of any kind, full-width brackets/punctuation unified,
 * quote marks dropped, so “三安全一稳定”, "三安全一稳定" and 三安全一稳定 compare equal.
 */
export function normLabel(s: string): string {
  // the same few hundred labels are normalised over and over while a page is read
  if (s.length > 200) return normalise(s);
  let n = normMemo.get(s);
  if (n === undefined) {
    if (normMemo.size >= 4096) normMemo.clear();
    n = normalise(s);
    normMemo.set(s, n);
  }
  return n;
}
const normMemo = new Map<string, string>();

function normalise(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/[，]/g, ',')
    .replace(/[．。]/g, '.')
    .replace(/[：]/g, ':')
    .replace(/[、]/g, '、');
}

/** Label without its numbering prefix: "（三）不予公开" → "不予公开", "1.属于国家秘密" → "属于国家秘密". */
export function stripNumbering(norm: string): string {
  return norm.replace(/^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[.、．)]|\(\d+\))+/, '');
}

const GROUP_KEYS: [T3Group, string][] = [
  ['denied', '不予公开'],
  ['unable', '无法提供'],
  ['notProcessed', '不予处理'],
  ['other', '其他处理'],
];

/** The 表三 group a printed group heading names (（三）不予公开 → denied), or null. */
export function t3GroupOf(label: string): T3Group | null {
  const s = stripNumbering(normLabel(label));
  for (const [g, key] of GROUP_KEYS) if (s === key || (s.startsWith(key) && s.length <= key.length + 2)) return g;
  return null;
}

/** Levenshtein distance, capped: returns cap+1 once the distance exceeds cap. */
export function editDistance(a: string, b: string, cap = 2): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  // two rows, reused across calls (labels are compared with every definition of a list)
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 2);
    rowB = new Int32Array(b.length * 2 + 2);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Edits tolerated for a label of this length: 不予公开 and 予以公开 are two edits apart and must not meet. */
function fuzzyCap(l: string): number {
  return l.length >= 8 ? 2 : l.length >= 4 ? 1 : 0;
}

export interface LabelMatch {
  def: LabelDef;
  /** 0 exact, 1 exact after numbering stripped, 2 variant, 3 contains, 4 fuzzy */
  quality: number;
}

interface NormDef {
  l: string;
  ls: string;
  vars: string[];
}
// Template labels are constant: normalise each once (matching runs per row and per header cell).
const normCache = new WeakMap<LabelDef, NormDef>();
function normDef(def: LabelDef): NormDef {
  let n = normCache.get(def);
  if (!n) {
    const l = normLabel(def.label);
    n = { l, ls: stripNumbering(l), vars: (def.variants ?? []).map(normLabel) };
    normCache.set(def, n);
  }
  return n;
}

// Per definition list: the first definition of each normalised label, with and without numbering.
// Most printed labels are the template's own, so the common case is one lookup.
interface DefIndex {
  exact: Map<string, LabelDef>;
  stripped: Map<string, LabelDef>;
}
const indexCache = new WeakMap<readonly LabelDef[], DefIndex>();
function defIndex(defs: readonly LabelDef[]): DefIndex {
  let ix = indexCache.get(defs);
  if (!ix) {
    ix = { exact: new Map(), stripped: new Map() };
    for (const def of defs) {
      const { l, ls } = normDef(def);
      if (!ix.exact.has(l)) ix.exact.set(l, def);
      if (ls && !ix.stripped.has(ls)) ix.stripped.set(ls, def);
    }
    indexCache.set(defs, ix);
  }
  return ix;
}

/** Best template label for a printed label, or null. Ties go to the earlier definition. */
export function matchLabel(printed: string, defs: readonly LabelDef[]): LabelMatch | null {
  const p = normLabel(printed);
  if (!p) return null;
  const ps = stripNumbering(p);
  // quality 0 and 1 by lookup: the same answer the scan below gives
  const ix = defIndex(defs);
  const exact = ix.exact.get(p);
  if (exact) return { def: exact, quality: 0 };
  const stripped = ps ? ix.stripped.get(ps) : undefined;
  if (stripped) return { def: stripped, quality: 1 };
  let best: LabelMatch | null = null;
  const consider = (def: LabelDef, quality: number) => {
    if (!best || quality < best.quality) best = { def, quality };
  };
  for (const def of defs) {
    const { l, ls, vars } = normDef(def);
    if (p === l) consider(def, 0);
    else if (ps && ps === ls) consider(def, 1);
    else if (vars.some((v) => v === ps || v === p)) consider(def, 2);
    else if (ps.length >= 2 && ls.length >= 2 && (ps.startsWith(ls) || ls.startsWith(ps) || (ls.length >= 4 && ps.includes(ls))))
      consider(def, 3);
    else if (vars.some((v) => v.length >= 4 && ps.includes(v))) consider(def, 3);
    else if (ls.length >= 4 && editDistance(ps, ls, fuzzyCap(ls)) <= fuzzyCap(ls)) consider(def, 4);
  }
  return best;
}
