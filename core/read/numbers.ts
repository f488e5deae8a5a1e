// Reading one printed cell into a value (spec §2, §9 V3–V7). Blanks and placeholders keep a null value.
import type { CellKind } from '../model/schema';

export interface ParsedNumber {
  raw: string;
  value: number | null;
  kind: CellKind;
  unit?: string;
}

export interface NumberOptions {
  /** a leading minus is part of the value (F2019 itemsDelta); elsewhere it makes the cell text */
  allowSign?: boolean;
  /** decimals are allowed (fees, procurement amounts); elsewhere a decimal is still read, and rules judge it */
  allowDecimal?: boolean;
}

// NBSP, full-width space, zero-width characters, BOM, ordinary whitespace.
const SPACES = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g;
const BARE_DIGITS = /^\d{1,15}$/;
const PLACEHOLDERS = new Set(['-', '—', '–', '－', '/', '／', '无', '空', 'N/A', 'NA', 'n/a', '——', '--', '─', '\\', '×', '*']);
const UNITS = ['万元', '元', '件', '项', '条', '个', '次', '人次'];

/** Collapse whitespace for display: runs become one space, ends trimmed. */
export function displayText(s: string): string {
  return s.replace(SPACES, ' ').trim();
}

/** Full-width digits and signs to ASCII (V7); other characters unchanged. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0b\uff0d\uff0e\uff0c]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[−﹣]/g, '-');
}

export function parseNumberCell(text: string, opts: NumberOptions = {}): ParsedNumber {
  // most cells print bare digits: the answer the steps below give them
  if (BARE_DIGITS.test(text)) return { raw: text, value: Number(text), kind: 'number' };
  const raw = displayText(text);
  const compact = toHalfWidth(raw.replace(SPACES, ''));
  if (compact === '') return { raw, value: null, kind: 'blank' };
  if (PLACEHOLDERS.has(compact) || /^[-—–/]+$/.test(compact)) return { raw, value: null, kind: 'placeholder' };

  let body = compact;
  let unit: string | undefined;
  for (const u of UNITS) {
    if (body.endsWith(u) && body.length > u.length) {
      unit = u;
      body = body.slice(0, -u.length);
      break;
    }
  }
  // Thousands separators: only in proper groups of three, so "1,2" stays text.
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) body = body.replace(/,/g, '');
  const m = /^([-+]?)(\d+(?:\.\d+)?)$/.exec(body);
  if (!m) return { raw, value: null, kind: 'text', ...(unit ? { unit } : {}) };
  const sign = m[1];
  // a printed sign (+ or -) is a number only where the format has signed values
  if (sign && !opts.allowSign) return { raw, value: null, kind: 'text', ...(unit ? { unit } : {}) };
  const value = Number(m[2]) * (sign === '-' ? -1 : 1);
  return { raw, value: Object.is(value, -0) ? 0 : value, kind: 'number', ...(unit ? { unit } : {}) };
}
