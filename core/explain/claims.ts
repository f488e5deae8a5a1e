// Numbers the narrative claims: "<keyword> … N 件" inside one clause (never across ，。；, nor past the next keyword),
// Arabic or Chinese numerals,
// never years (2023年), dates, phone numbers, 12345热线, ordinals (第N) or percentages unless asked for.
import type { Evidence, Section } from '../model/schema';
import { outOfScope, type ClaimContext, type ClaimSubject } from './claimScope';
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
  /** what the number counts: claims whose sentence is about something else are left out (claimScope.ts) */
  subject?: ClaimSubject;
  /** the text between number and keyword must match this (a number before its keyword: "1 件涉及…的行政复议") */
  gap?: RegExp;
}

// Sentence and clause ends, as sets of UTF-16 code units: split() looks at every character of the narrative
// (by code, so that no one-character string is made per Chinese character).
const codes = (chars: string): ReadonlySet<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const SENTENCE_END = codes('。；;！？!?\n');
const CLAUSE_END = codes('，,；;。！？!?\n');
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

function split(text: string, sep: ReadonlySet<number>, base = 0): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || sep.has(text.charCodeAt(i))) {
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

/** Number tokens of a clause with the unit after them ('' if none); not ordinals, not glued to codes or dates. */
function numberTokens(clause: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of clause.matchAll(NUM)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = clause.slice(Math.max(0, start - 3), start);
    if (/第\s*$/.test(before)) continue;
    // a digit run glued to letters or other digits is a code, a phone number or part of a date
    if (/[\w.\-/]$/.test(before) && /^\d/.test(m[0])) continue;
    const u = /^\s*(%|％|[件项条个次起宗年月日号万余多])/.exec(clause.slice(end, end + 4));
    const unit = u?.[1] ?? '';
    if (unit === '') continue;
    const value = parseNumberToken(m[0]);
    if (value === null) continue;
    // a single Chinese digit before 个 is a phrase (一个, 三个工作日, “三个一”), not a count
    if (unit === '个' && /^[零〇一二两三四五六七八九十]$/.test(m[0])) continue;
    out.push({ start, end, value, unit });
  }
  return out;
}

interface ParsedClause extends Span {
  tokens: NumberToken[];
}
interface ParsedSentence extends Span {
  clauses: ParsedClause[];
}

interface ParsedText {
  /** the text with its hard line wraps undone: every sentence and clause is a piece of it */
  text: string;
  sentences: ParsedSentence[];
}

// Twenty-odd patterns read the same sections: split and tokenise each text once.
const parsedCache = new Map<string, ParsedText>();

function parseText(text: string): ParsedText {
  const hit = parsedCache.get(text);
  if (hit) return hit;
  const unwrapped = unwrapLines(text);
  const sentences = split(unwrapped, SENTENCE_END).map((sentence) => ({
    ...sentence,
    clauses: split(sentence.text, CLAUSE_END).map((clause) => ({ ...clause, tokens: numberTokens(clause.text) })),
  }));
  const parsed = { text: unwrapped, sentences };
  if (parsedCache.size > 64) parsedCache.clear();
  parsedCache.set(text, parsed);
  return parsed;
}

/**
 * Can a keyword absent from a whole text be skipped for its pieces? Yes when the expression has no assertion (^ $
 * \b \B lookaround): then what matches a piece matches the whole. Most sections and sentences lack most keywords:
 * one search of the whole spares a test of each of its clauses.
 */
const prefilters = new WeakMap<RegExp, boolean>();

function wholeTextPrefilters(re: RegExp): boolean {
  let ok = prefilters.get(re);
  if (ok === undefined) {
    // escapes (but \b \B) and character classes ([^，。]) assert nothing: left out, in one pass from the left, before
    // looking for ^ $ \b \B (?= (?! (?<= (?<!
    const bare = re.source.replace(/\\[^bB]|\[(?:\\.|[^\]\\])*\]/g, '');
    ok = !/[$^]|\\[bB]|\(\?<?[=!]/.test(bare);
    prefilters.set(re, ok);
  }
  return ok;
}

// The global copy of each pattern's keyword, made once; allMatches runs it from 0 and leaves it at 0.
const globalKeywords = new WeakMap<RegExp, RegExp>();

function globalKeyword(re: RegExp): RegExp {
  let g = globalKeywords.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    globalKeywords.set(re, g);
  }
  return g;
}

/**
 * Every match of a global expression in `text`, as matchAll lists them, without the copy of the expression matchAll
 * makes on each call (a narrative has hundreds of clauses and sentences to search).
 */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  // exec leaves lastIndex at 0 when it finds no more
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, /[uv]/.test(re.flags));
  }
  return out;
}

/** Past an empty match: one code unit, or one code point in unicode mode (the spec's AdvanceStringIndex). */
function nextIndex(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

// A copy without the g flag (if a pattern had it): test() on it keeps no state between clauses.
const plainKeywords = new WeakMap<RegExp, RegExp>();

function plainKeyword(re: RegExp): RegExp {
  if (!re.global && !re.sticky) return re;
  let p = plainKeywords.get(re);
  if (!p) {
    p = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
    plainKeywords.set(re, p);
  }
  return p;
}

/** Every claim a pattern finds in the sections, in text order. */
export function findClaims(sections: readonly Section[], p: ClaimPattern, ctx: ClaimContext = {}): Claim[] {
  const units = p.units ?? DEFAULT_UNITS;
  const window = p.window ?? 20;
  const out: Claim[] = [];
  const keyword = globalKeyword(p.keyword);
  const anyKeyword = plainKeyword(p.keyword);
  const prefilter = wholeTextPrefilters(anyKeyword);
  for (const sec of sections) {
    if (p.sections && !p.sections.includes(sec.id)) continue;
    const parsed = parseText(sec.text);
    if (prefilter && !anyKeyword.test(parsed.text)) continue;
    for (const sentence of parsed.sentences) {
      if (prefilter && !anyKeyword.test(sentence.text)) continue;
      for (const clause of sentence.clauses) {
        // most clauses have none of a pattern's keywords: one test, before anything is allocated
        if (clause.tokens.length === 0 || !anyKeyword.test(clause.text)) continue;
        const tokens = clause.tokens.filter((t) => units.includes(t.unit));
        if (tokens.length === 0) continue;
        if (p.require && !p.require.test(clause.text)) continue;
        if (p.exclude && p.exclude.test(clause.text)) continue;
        // Each keyword takes the nearest number on its side, never one beyond the neighbouring keyword
        // ("行政复议2件、行政诉讼7件", "予以公开42件、部分公开5件").
        const ks = allMatches(keyword, clause.text);
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
          if (p.gap && !p.gap.test(gap)) return;
          const offset = clause.start; // clause offsets are relative to the sentence
          const site = { sentence: sentence.text, clause: clause.text, keywordStart: offset + kStart, keywordEnd: offset + kEnd, numberStart: offset + tok.start, numberEnd: offset + tok.end };
          if (p.subject && outOfScope(p.subject, site, ctx)) return;
          used.add(tok.start);
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

/** Every match of a regular expression in the sentences (with their section): for claims that carry no number (均获维持). */
export function findSentences(sections: readonly Section[], re: RegExp, only?: readonly string[]): { section: string; sentence: string; index: number; match: string }[] {
  const out: { section: string; sentence: string; index: number; match: string }[] = [];
  const g = globalKeyword(re);
  const any = plainKeyword(re);
  const prefilter = wholeTextPrefilters(re);
  for (const sec of sections) {
    if (only && !only.includes(sec.id)) continue;
    const parsed = parseText(sec.text);
    if (prefilter && !any.test(parsed.text)) continue;
    for (const s of parsed.sentences) {
      for (const m of allMatches(g, s.text)) out.push({ section: sec.id, sentence: s.text, index: m.index, match: m[0] });
    }
  }
  return out;
}
