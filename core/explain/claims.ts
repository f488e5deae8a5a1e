// Numbers the narrative claims: "<keyword> … N 件" inside one clause (never across ，。；, nor past the next keyword),
// Arabic or Chinese numerals,
// never years (2023年), dates, phone numbers, 12345热线, ordinals (第N) or percentages unless asked for.
import type { Evidence, Section } from '../model/schema';
import { CHINESE_NUMERAL_CHARS, parseNumberToken } from './numerals';

export interface Claim {
  section: string;
  /** the sentence (split at 。；！？ and line breaks) the number stands in */
  sentence: string;
  /** offsets of the number inside the sentence */
  start: number;
  end: number;
  value: number;
  unit: string;
  /** the keyword text that matched */
  keyword: string;
  /** offset of the keyword inside the sentence */
  keywordStart: number;
  /** the clause (between ，、 marks) holding keyword and number */
  clause: string;
}

export interface ClaimPattern {
  keyword: RegExp;
  /** the number stands before the keyword ("另有72件申请…顺延到下年度") */
  numberBefore?: boolean;
  /** units that make a count (default 件/项/条/个) */
  units?: readonly string[];
  /** the clause must match this (e.g. 申请 for 收到) */
  require?: RegExp;
  /** the clause must not match this */
  exclude?: RegExp;
  /** the text between keyword and number must not match this (another topic's keyword) */
  between?: RegExp;
  /** most characters between keyword and number (default 20) */
  window?: number;
  /** only these sections (default all) */
  sections?: readonly string[];
}

const SENTENCE_END = /[。；;！？!?\n]/;
const CLAUSE_END = /[，,；;。！？!?\n]/;
const NUM = new RegExp(`(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s*万)?|[${CHINESE_NUMERAL_CHARS}]+`, 'g');
const DEFAULT_UNITS = ['件', '项', '条', '个'];

const HEADING_START = /^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])/;

/**
 * Undo hard line wraps (PDF/Markdown extractions break sentences mid-word: "部\n分公开 208 件"): a line break is kept
 * only after sentence punctuation, after a short line (a heading) or before a numbered heading.
 */
export function unwrapLines(text: string): string {
  const lines = text.split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!.trim();
    const next = lines[i]!;
    const keep = prev.length < 16 || /[。；;：:！？!?]$/.test(prev) || HEADING_START.test(next) || next.trim() === '';
    out += (keep ? '\n' : '') + (keep ? next : next.trimStart());
  }
  return out;
}

interface Span {
  text: string;
  start: number;
}

function split(text: string, sep: RegExp, base = 0): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || sep.test(text[i]!)) {
      if (i > from) out.push({ text: text.slice(from, i), start: base + from });
      from = i + 1;
    }
  }
  return out;
}

interface NumberToken {
  start: number;
  end: number;
  value: number;
  unit: string;
}

/** Count tokens of a clause: a number followed (spaces allowed) by a unit, not an ordinal, not a year or date. */
function countTokens(clause: string, units: readonly string[]): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of clause.matchAll(NUM)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = clause.slice(0, start);
    if (/第\s*$/.test(before)) continue;
    // a digit run glued to letters or other digits is a code, a phone number or part of a date
    if (/[\w.\-/]$/.test(before) && /^\d/.test(m[0])) continue;
    const rest = clause.slice(end);
    const u = /^\s*(%|％|[件项条个次起宗年月日号万余多])/.exec(rest);
    const unit = u?.[1] ?? '';
    if (!units.includes(unit)) continue;
    const value = parseNumberToken(m[0]);
    if (value === null) continue;
    // a single Chinese digit before 个 is usually a phrase (一个, 两个): only counts with a unit character of 件/项/条
    if (/^[一两]$/.test(m[0]) && unit === '个') continue;
    out.push({ start, end, value, unit });
  }
  return out;
}

/** Every claim a pattern finds in the sections, in text order. */
export function findClaims(sections: readonly Section[], p: ClaimPattern): Claim[] {
  const units = p.units ?? DEFAULT_UNITS;
  const window = p.window ?? 20;
  const out: Claim[] = [];
  const keyword = new RegExp(p.keyword.source, p.keyword.flags.includes('g') ? p.keyword.flags : p.keyword.flags + 'g');
  for (const sec of sections) {
    if (p.sections && !p.sections.includes(sec.id)) continue;
    for (const sentence of split(unwrapLines(sec.text), SENTENCE_END)) {
      for (const clause of split(sentence.text, CLAUSE_END)) {
        if (p.require && !p.require.test(clause.text)) continue;
        if (p.exclude && p.exclude.test(clause.text)) continue;
        const tokens = countTokens(clause.text, units);
        if (tokens.length === 0) continue;
        // Each keyword takes the nearest number on its side, never one beyond the neighbouring keyword
        // ("行政复议2件、行政诉讼7件", "予以公开42件、部分公开5件").
        const ks = [...clause.text.matchAll(keyword)];
        const used = new Set<number>();
        ks.forEach((k, i) => {
          const kStart = k.index;
          const kEnd = kStart + k[0].length;
          const limit = p.numberBefore ? (i > 0 ? ks[i - 1]!.index + ks[i - 1]![0].length : 0) : i + 1 < ks.length ? ks[i + 1]!.index : clause.text.length;
          const tok = p.numberBefore
            ? [...tokens].reverse().find((t) => t.end <= kStart && t.start >= limit && kStart - t.end <= window)
            : tokens.find((t) => t.start >= kEnd && t.end <= limit && t.start - kEnd <= window);
          if (!tok || used.has(tok.start)) return;
          const gap = p.numberBefore ? clause.text.slice(tok.end, kStart) : clause.text.slice(kEnd, tok.start);
          if (p.between && p.between.test(gap)) return;
          used.add(tok.start);
          const offset = clause.start; // clause offsets are relative to the sentence
          out.push({
            section: sec.id,
            sentence: sentence.text,
            start: offset + tok.start,
            end: offset + tok.end,
            value: tok.value,
            unit: tok.unit,
            keyword: k[0],
            keywordStart: offset + kStart,
            clause: clause.text,
          });
        });
      }
    }
  }
  return out;
}

export function evidenceOf(c: Claim): Evidence {
  return { section: c.section, sentence: c.sentence, start: c.start, end: c.end, claimed: c.value };
}

/** Sentences (with their section) that match a regular expression: for claims that carry no number (均获维持). */
export function findSentences(sections: readonly Section[], re: RegExp, only?: readonly string[]): { section: string; sentence: string; index: number; match: string }[] {
  const out: { section: string; sentence: string; index: number; match: string }[] = [];
  for (const sec of sections) {
    if (only && !only.includes(sec.id)) continue;
    for (const s of split(unwrapLines(sec.text), SENTENCE_END)) {
      const m = re.exec(s.text);
      if (m) out.push({ section: sec.id, sentence: s.text, index: m.index, match: m[0] });
    }
  }
  return out;
}
