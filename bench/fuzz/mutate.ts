// Malformed variants of a page or text as a list of edits (fast-check arbitraries, so a failing case shrinks to
// fewer and smaller edits). Positions are fractions (0‥1e6) of the current text or of the number of matching
// tags, so an edit means something on any source and shrinks toward the start.
import fc from 'fast-check';
import type { SourceKind } from './sources';

export type Edit =
  | { op: 'deleteTag'; at: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicate'; from: number; length: number; to: number }
  | { op: 'span'; at: number; attr: 'rowspan' | 'colspan'; value: string }
  | { op: 'digits'; at: number; value: string }
  | { op: 'nest'; at: number; depth: number; copy: boolean }
  | { op: 'unclose'; at: number }
  | { op: 'stray'; at: number; tag: string }
  | { op: 'noise'; at: number; chars: string }
  | { op: 'deleteLine'; at: number }
  | { op: 'splitLine'; at: number };

const SCALE = 1_000_000;
const position = fc.nat({ max: SCALE - 1 });

/** Browsers cap colspan at 1000 and rowspan at 65534; pages print far worse. */
const SPANS = ['0', '-1', '-99999', '1000', '1001', '65534', '65535', '99999', '2147483648', '1e9', '9'.repeat(40), 'abc', '', ' 3 ', '1.5', '2px', '０３', 'NaN', 'Infinity'];

/** What a digit run can turn into: misprints, other scripts' digits, huge, signed, decimal, words. */
export const GARBAGE_NUMBERS = [
  '', '0', '00', '-7', '+3', '1e9', '1e308', '9'.repeat(25), '0.000001', '1.5', '1,234', '1，234', '１２３', '٣٤', '३', '²', '½',
  '一百二十', '壹佰', '12abc', 'NaN', 'Infinity', '0x1F', '1/2', '50%', '３0', '1 2 3', '12.34.56', '—', '/', '无', '−5',
];

/** Characters pages and extractors leave behind. */
export const NOISE = [
  '\0', '\ufffd', '\ufeff', '\u200b', '\u200e', '\u202e', '\ud800', '\udfff', '\u0301', '\u3000', '\u00a0', '\r', '\t', '\n',
  '|', '、', '，', '。', '（', '）', '：', '％', '元', '—', '-', '/', '<', '>', '&', '&nbsp;', '&#0;', '&#xD800;', '&#1114112;',
  '&amp;', '"', "'", '0', '7', '９', '𠀀', '😀', 'é', '\\', '\u2028', '\u0085',
];

/** Tags that open or close structure in the wrong place, or swallow the rest of the page. */
const STRAY_TAGS = [
  '<tr>', '</tr>', '<td>', '</td>', '<th>', '<table>', '</table>', '<tbody>', '</tbody>', '<thead>', '<tfoot>', '<caption>',
  '<colgroup><col span="1000">', '<br>', '<p>', '</p>', '<div>', '</div>', '<script>', '<style>', '<!--', '-->', '<![CDATA[',
  '<template>', '<svg>', '<math>', '<select>', '<textarea>', '<iframe>', '<noscript>', '<plaintext>', '<html>', '<body>',
  '<table border=1><tr><td rowspan=65534 colspan=1000>9</td>', '<td colspan="1000">1</td>', '<tr><td rowspan="0">',
];

const digitString = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 30 });

export function editArbitrary(kind: SourceKind): fc.Arbitrary<Edit> {
  const common: fc.WeightedArbitrary<Edit>[] = [
    { weight: 3, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
    {
      weight: 4,
      arbitrary: fc.record({ op: fc.constant('duplicate' as const), from: position, length: fc.nat({ max: SCALE / 5 }), to: position }),
    },
    {
      weight: 8,
      arbitrary: fc.record({ op: fc.constant('digits' as const), at: position, value: fc.oneof(fc.constantFrom(...GARBAGE_NUMBERS), digitString) }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        op: fc.constant('noise' as const),
        at: position,
        chars: fc.string({ unit: fc.constantFrom(...NOISE), minLength: 1, maxLength: 12 }),
      }),
    },
  ];
  const html: fc.WeightedArbitrary<Edit>[] = [
    { weight: 6, arbitrary: fc.record({ op: fc.constant('deleteTag' as const), at: position }) },
    {
      weight: 5,
      arbitrary: fc.record({
        op: fc.constant('span' as const),
        at: position,
        attr: fc.constantFrom('rowspan' as const, 'colspan' as const),
        value: fc.oneof(fc.constantFrom(...SPANS), fc.nat({ max: 70000 }).map(String)),
      }),
    },
    {
      weight: 3,
      // now and then thousands deep: what made linkedom quadratic and the reader's tree walks run out of stack
      arbitrary: fc.record({
        op: fc.constant('nest' as const),
        at: position,
        depth: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 500, max: 5000 }) }),
        copy: fc.boolean(),
      }),
    },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('unclose' as const), at: position }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('stray' as const), at: position, tag: fc.constantFrom(...STRAY_TAGS) }) },
  ];
  const text: fc.WeightedArbitrary<Edit>[] = [
    { weight: 5, arbitrary: fc.record({ op: fc.constant('deleteLine' as const), at: position }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('splitLine' as const), at: position }) },
  ];
  return fc.oneof(...common, ...(kind === 'html' ? html : text));
}

function pick(at: number, n: number): number {
  return Math.floor((at / SCALE) * n);
}

/** The index-th match of `re` (global) in `s`, or null. */
function nth(s: string, re: RegExp, at: number): RegExpExecArray | null {
  const all = [...s.matchAll(re)];
  return all.length ? (all[pick(at, all.length)] as RegExpExecArray) : null;
}

const SMALL_TABLE = '<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>';

export function applyEdit(s: string, e: Edit): string {
  switch (e.op) {
    case 'truncate':
      return s.slice(0, pick(e.at, s.length));
    case 'duplicate': {
      const from = pick(e.from, s.length);
      const region = s.slice(from, from + pick(e.length, s.length));
      const to = pick(e.to, s.length);
      return s.slice(0, to) + region + s.slice(to);
    }
    case 'digits': {
      const m = nth(s, /\d+/g, e.at);
      return m ? s.slice(0, m.index) + e.value + s.slice(m.index + m[0].length) : s;
    }
    case 'noise': {
      const at = pick(e.at, s.length + 1);
      return s.slice(0, at) + e.chars + s.slice(at);
    }
    case 'deleteTag': {
      const m = nth(s, /<[^>]*>/g, e.at);
      return m ? s.slice(0, m.index) + s.slice(m.index + m[0].length) : s;
    }
    case 'span': {
      const m = nth(s, /<t[dh]\b[^>]*>/gi, e.at);
      if (!m) return s;
      const re = new RegExp(`\\s${e.attr}\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]*)`, 'i');
      const tag = re.test(m[0])
        ? m[0].replace(re, ` ${e.attr}="${e.value}"`)
        : m[0].replace(/^<(t[dh])/i, `<$1 ${e.attr}="${e.value}"`);
      return s.slice(0, m.index) + tag + s.slice(m.index + m[0].length);
    }
    case 'nest': {
      const m = nth(s, /<t[dh]\b[^>]*>/gi, e.at);
      if (!m) return s;
      // A copy of the page's first table inside a cell, or tables nested `depth` deep (left unclosed, as pages do).
      const first = /<table\b[\s\S]*?<\/table>/i.exec(s)?.[0] ?? SMALL_TABLE;
      const inner = e.copy ? first : '<table><tr><td>'.repeat(e.depth) + SMALL_TABLE;
      const at = m.index + m[0].length;
      return s.slice(0, at) + inner + s.slice(at);
    }
    case 'unclose': {
      const m = nth(s, /<\/(?:td|th|tr|table|tbody|thead|p|span|div)\s*>/gi, e.at);
      return m ? s.slice(0, m.index) + s.slice(m.index + m[0].length) : s;
    }
    case 'stray': {
      const at = pick(e.at, s.length + 1);
      return s.slice(0, at) + e.tag + s.slice(at);
    }
    case 'deleteLine':
    case 'splitLine': {
      const lines = s.split('\n');
      const i = pick(e.at, lines.length);
      if (e.op === 'deleteLine') lines.splice(i, 1);
      else {
        const l = lines[i]!;
        const at = Math.floor(l.length / 2);
        lines.splice(i, 1, l.slice(0, at), l.slice(at));
      }
      return lines.join('\n');
    }
  }
}

export function applyEdits(s: string, edits: readonly Edit[]): string {
  return edits.reduce(applyEdit, s);
}

/** Largest page `repeatBody` makes: the size buckets reach megabytes without a few pages taking the run's time. */
export const MAX_REPEATED_BYTES = 2_000_000;

/** The page's body (or the whole text) repeated until the page is `times` as long, at most MAX_REPEATED_BYTES. */
export function repeatBody(s: string, times: number): string {
  if (times <= 1 || s.length === 0) return s;
  const body = /<body[^>]*>/i.exec(s);
  const start = body ? body.index + body[0].length : 0;
  const close = s.toLowerCase().lastIndexOf('</body>');
  const end = close >= start ? close : s.length;
  const part = s.slice(start, end);
  const n = Math.max(0, Math.min(times - 1, Math.floor((MAX_REPEATED_BYTES - s.length) / Math.max(1, part.length))));
  return s.slice(0, end) + part.repeat(n) + s.slice(end);
}
