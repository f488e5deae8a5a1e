// Reading tables from text whose cells ran together (crawler page.txt, copied text): "予以公开7000007".
// Rows are found by their labels in template order; the digits between one label and the next are cut into cells
// only where exactly one cut satisfies the row's identity (text-split.ts), or — for t3 — where the column
// identities leave exactly one choice (text-solve.ts). Anything else stays unread, with a note.
import type { TableId } from '../model/schema';
import { T3_GROUP_IDS, T3_GROUP_ROWS, t3GroupMembers, t3Leaves, type LabelDef, type T3Group, type TemplateFormat } from '../model/templates';
import { toHalfWidth, parseNumberCell } from './numbers';
import { labelKey, keyWithMap } from './text-labels';
import { stripNumbering } from './labels';
import { splitRun, uniqueSplit, type SplitPart } from './text-split';
import { resolveT3 } from './text-solve';
import { readNote } from './notes';
import { emptyPart, makeCell, signedCol, t2Rows, t3Rows, T3_COL_IDS, T4_COL_IDS, type Pos, type TextPart } from './text-common';

const DIGIT = /[0-9０-９]/;
// whitespace and closing quotes left between a label and its digits (危及“三安全一稳定”0000000)
const GAP = '[\\s\\u00a0\\u3000\\u200b-\\u200d\\u2060\\ufeff”’」』"\']*';
const SP = '\\s\\u00a0\\u3000\\u200b-\\u200d\\u2060\\ufeff';

interface Found {
  def: LabelDef;
  /** key offsets of the label */
  start: number;
  end: number;
}

/** Where a label is printed in the key text, from `from` and before `limit`. Full label first, then its core, then variants. */
function findLabel(key: string, def: LabelDef, from: number, limit: number): { start: number; end: number } | null {
  const full = labelKey(def.label);
  const core = stripNumbering(full);
  const tries: string[] = [full];
  if (core !== full && core.length >= 4) tries.push(core);
  for (const v of def.variants ?? []) {
    const k = labelKey(v);
    if (k.length >= 4) tries.push(k);
  }
  for (const t of tries) {
    const at = key.indexOf(t, from);
    if (at >= 0 && at + t.length <= limit) {
      let start = at;
      // the label's own numbering ("2.") printed right after the previous row's digits
      const num = /^(\d+)[.、]/.exec(full);
      if (t !== full && num) {
        const before = key.slice(Math.max(from, at - 4), at);
        const m = /(\d+)[.、]$/.exec(before);
        if (m && m[1]!.endsWith(num[1]!)) start = at - num[1]!.length - 1;
      }
      return { start, end: at + t.length };
    }
  }
  return null;
}

function firstOf(key: string, words: string[], from: number): number {
  let best = -1;
  for (const w of words) {
    const at = key.indexOf(labelKey(w), from);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** The leading block of digits and whitespace of a segment; null when there is none or digits follow other text. */
function leadingDigits(seg: string): { run: string; offset: number } | 'mixed' | null {
  const m = new RegExp(`^${GAP}([0-9０-９][0-9０-９${SP}]*)`).exec(seg);
  if (!m) return DIGIT.test(seg) ? 'mixed' : null;
  const run = m[1]!.replace(new RegExp(`[${SP}]+$`), '');
  const offset = m[0].length - m[1]!.length;
  if (DIGIT.test(seg.slice(offset + run.length))) return 'mixed';
  return { run: toHalfWidth(run), offset };
}

export function readFlat(text: string, fmt: TemplateFormat, pos: Pos): TextPart {
  const out = emptyPart();
  const { key, map } = keyWithMap(text);
  const orig = (k: number) => (k < map.length ? map[k]! : text.length);
  const origAfter = (k: number) => (k > 0 ? map[k - 1]! + 1 : 0);

  const t2Start = key.indexOf(labelKey('第二十条第（一）项'));
  const t2End =
    t2Start >= 0 ? firstOf(key, ['收到和处理政府信息公开申请', '勾稽关系', '申请人情况', '本年新收政府信息公开申请'], t2Start) : -1;
  // Without table 二 to anchor on, only words printed in table 三 itself start it (the overview may name the
  // section 收到和处理政府信息公开申请情况 and mention 行政复议 long before the table).
  const t3Start = t2End >= 0 ? t2End : firstOf(key, ['勾稽关系', '申请人情况', '本年新收政府信息公开申请'], 0);
  const t3Limit = t3Start >= 0 ? key.indexOf('行政复议', t3Start) : -1;

  // ── t2 ──
  if (t2Start >= 0) {
    out.located.add('t2');
    readFlatT2(text, key, orig, origAfter, t2Start, t2End >= 0 ? t2End : key.length, fmt, pos, out);
  }

  // ── t3 ──
  let t4From = -1;
  if (t3Start >= 0) {
    const limit = t3Limit >= 0 ? t3Limit : key.length;
    out.located.add('t3');
    t4From = readFlatT3(text, key, orig, origAfter, t3Start, limit, fmt, pos, out);
  }

  // ── t4 ──
  const t4Start = key.indexOf('行政复议', Math.max(0, t4From, t3Start));
  if (t3Start >= 0 && t4Start >= 0) {
    let t4End = firstOf(key, ['五、', '存在的主要问题'], t4Start);
    if (t4End < 0) t4End = key.length;
    out.located.add('t4');
    readFlatT4(text, orig(t4Start), orig(t4End), pos, out);
  }
  return out;
}

function readFlatT2(
  text: string,
  key: string,
  orig: (k: number) => number,
  origAfter: (k: number) => number,
  from: number,
  limit: number,
  fmt: TemplateFormat,
  pos: Pos,
  out: TextPart,
): void {
  const rows = t2Rows(fmt);
  const found: (Found & { cols: readonly LabelDef[] })[] = [];
  let cursor = from;
  for (const r of rows) {
    const f = findLabel(key, r.def, cursor, limit);
    if (!f) {
      out.notes.push(readNote('labelNotFound', { table: 't2', label: r.def.label }));
      continue;
    }
    found.push({ def: r.def, cols: r.cols, ...f });
    cursor = f.end;
  }
  found.forEach((f, i) => {
    const segStart = origAfter(f.end);
    const segEnd = orig(i + 1 < found.length ? found[i + 1]!.start : limit);
    const seg = text.slice(segStart, segEnd);
    const k = f.cols.length;
    if (k === 1) {
      const col = f.cols[0]!;
      const m = new RegExp(`^(${GAP})([-−－]?[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万元|元)?)`).exec(seg);
      if (!m || DIGIT.test(seg.slice(m[0].length))) {
        out.notes.push(readNote(m ? 'moreNumbersThanColumn' : 'noNumbers', { table: 't2', label: f.def.label }));
        return;
      }
      const p = parseNumberCell(m[2]!, { allowDecimal: true, allowSign: signedCol(col.id) });
      if (p.kind !== 'number') {
        out.notes.push(readNote('notANumber', { table: 't2', label: f.def.label, raw: m[2] }));
        return;
      }
      out.cells.push(makeCell('t2', f.def.id, col.id, p.raw, p.value, p.kind, segStart + m[1]!.length, pos, p.unit));
      return;
    }
    const d = leadingDigits(seg);
    if (d === null || d === 'mixed') {
      out.notes.push(readNote(d === 'mixed' ? 'numbersMixedWithText' : 'noNumbers', { table: 't2', label: f.def.label }));
      return;
    }
    const u = uniqueSplit(d.run, [k], { sumLast: false });
    if (!('parts' in u)) {
      out.notes.push(
        readNote(u.reason === 'several' ? 'splitSeveral' : 'splitNone', { table: 't2', label: f.def.label, run: d.run, parts: k }),
      );
      return;
    }
    u.parts.forEach((p, j) => {
      out.cells.push(makeCell('t2', f.def.id, f.cols[j]!.id, p.raw, p.value, 'number', segStart + d.offset + p.start, pos));
    });
  });
}

/** Reads t3; returns the key offset where the table ends (after the last row found). */
function readFlatT3(
  text: string,
  key: string,
  orig: (k: number) => number,
  origAfter: (k: number) => number,
  from: number,
  limit: number,
  fmt: TemplateFormat,
  pos: Pos,
  out: TextPart,
): number {
  const found: Found[] = [];
  const notFound: LabelDef[] = [];
  let cursor = from;
  for (const def of t3Rows(fmt)) {
    const f = findLabel(key, def, cursor, limit);
    if (!f) {
      notFound.push(def);
      continue;
    }
    found.push({ def, ...f });
    cursor = f.end;
  }
  // A group none of whose sub-rows is printed may be printed as one row (（六）其他处理 in a 2021 report): its
  // heading, between the rows before and after the group, is the group's total (spec §0).
  const collapsed = new Set<T3Group>();
  for (const g of T3_GROUP_IDS) {
    const members = t3GroupMembers(fmt, g);
    if (members.length === 0 || !members.every((id) => notFound.some((d) => d.id === id))) continue;
    const def = T3_GROUP_ROWS.find((d) => d.group === g)!;
    // place in the template: a group row stands where its first sub-row would
    const rows = t3Rows(fmt);
    const place = (d: LabelDef) => (d.id.startsWith('grp.') ? rows.findIndex((r) => r.group === d.group) : rows.indexOf(d));
    const at = place(def);
    const before = [...found].reverse().find((f) => place(f.def) < at);
    const after = found.find((f) => place(f.def) > at);
    const f = findLabel(key, def, before ? before.end : from, after ? after.start : limit);
    if (!f) continue;
    found.splice(before ? found.indexOf(before) + 1 : 0, 0, { def, ...f });
    collapsed.add(g);
    out.notes.push(readNote('groupCollapsed', { table: 't3', row: def.id, label: text.slice(orig(f.start), origAfter(f.end)), count: members.length }));
  }
  for (const def of notFound)
    if (!collapsed.has(def.group as T3Group)) out.notes.push(readNote('labelNotFound', { table: 't3', label: def.label }));
  const cands = new Map<string, number[][]>();
  const partsOf = new Map<string, { base: number; sols: SplitPart[][] }>();
  found.forEach((f, i) => {
    const segStart = origAfter(f.end);
    const segEnd = orig(i + 1 < found.length ? found[i + 1]!.start : limit);
    const d = leadingDigits(text.slice(segStart, segEnd));
    if (d === null || d === 'mixed') {
      out.notes.push(readNote(d === 'mixed' ? 'numbersMixedWithText' : 'noNumbers', { table: 't3', label: f.def.label }));
      cands.set(f.def.id, []);
      return;
    }
    const r = splitRun(d.run, [7], { sumLast: true });
    if (!r.complete) {
      out.notes.push(readNote('splitTooMany', { table: 't3', label: f.def.label, run: d.run }));
      cands.set(f.def.id, []);
      return;
    }
    if (r.solutions.length === 0) out.notes.push(readNote('splitNoTotal', { table: 't3', label: f.def.label, run: d.run }));
    cands.set(
      f.def.id,
      r.solutions.map((s) => s.map((p) => p.value)),
    );
    partsOf.set(f.def.id, { base: segStart + d.offset, sols: r.solutions });
  });
  const choice = resolveT3(cands, t3Leaves(fmt, collapsed));
  for (const f of found) {
    const c = choice.get(f.def.id);
    const info = partsOf.get(f.def.id);
    if (!info || !c) continue;
    if (c.index === null) {
      if (info.sols.length > 1)
        out.notes.push(
          readNote('splitWays', {
            table: 't3',
            label: f.def.label,
            count: info.sols.length,
            options:
              info.sols
                .slice(0, 3)
                .map((s) => s.map((p) => p.value).join(','))
                .join(' / ') + (info.sols.length > 3 ? ' …' : ''),
          }),
        );
      continue;
    }
    if (c.byIdentity) out.notes.push(readNote('splitByIdentity', { table: 't3', label: f.def.label }));
    info.sols[c.index]!.forEach((p, j) => {
      out.cells.push(makeCell('t3', f.def.id, T3_COL_IDS[j]!, p.raw, p.value, 'number', info.base + p.start, pos));
    });
  }
  return found.length ? found[found.length - 1]!.end : from;
}

function readFlatT4(text: string, start: number, end: number, pos: Pos, out: TextPart): void {
  const region = text.slice(start, end);
  const runs: { run: string; offset: number }[] = [];
  const re = new RegExp(`[0-9０-９][0-9０-９${SP}]*`, 'g');
  for (let m = re.exec(region); m; m = re.exec(region)) {
    runs.push({ run: toHalfWidth(m[0].replace(new RegExp(`[${SP}]+$`), '')), offset: start + m.index });
  }
  const table: TableId = 't4';
  if (runs.length !== 1) {
    out.notes.push(
      runs.length === 0 ? readNote('noNumbersUnderHeader', { table }) : readNote('separateRunsUnderHeader', { table, count: runs.length }),
    );
    return;
  }
  const { run, offset } = runs[0]!;
  const u = uniqueSplit(run, [5, 5, 5], { sumLast: true });
  if (!('parts' in u)) {
    const code = u.reason === 'several' ? 'blocksSplitSeveral' : u.reason === 'none' ? 'blocksSplitNone' : 'blocksSplitTooMany';
    out.notes.push(readNote(code, { table, run }));
    return;
  }
  u.parts.forEach((p, j) => {
    out.cells.push(makeCell(table, 'cases', T4_COL_IDS[j]!, p.raw, p.value, 'number', offset + p.start, pos));
  });
}
