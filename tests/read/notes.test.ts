import { describe, expect, it } from 'vitest';
import { ReadNote } from '../../core/model/schema';
import { NOTES, readNote, renderNote, type NoteCode } from '../../core/read/notes';

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
// terms printed in Chinese on purpose inside the English sentences (names from the report itself)
const PRINTED_TERMS = ['二/三/四', '全真版', '（六）其他处理'];

function paramNames(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

describe('the read-note catalogue', () => {
  const codes = Object.keys(NOTES) as NoteCode[];

  it('has one entry per code', () => {
    expect(codes.length).toBeGreaterThan(50);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(codes)('%s renders non-empty zh and en with every placeholder filled', (code) => {
    const t = NOTES[code];
    const params: Record<string, string | number> = {};
    for (const name of [...paramNames(t.zh), ...paramNames(t.en)]) params[name] = name.length;
    for (const table of [undefined, 't3'] as const) {
      const n = readNote(code, { ...params, table });
      expect(ReadNote.safeParse(n).success).toBe(true);
      for (const text of [n.zh, n.en]) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/[{}[\]]|\?/);
      }
      expect(n.zh).toMatch(CJK);
      let en = n.en;
      for (const term of PRINTED_TERMS) en = en.replace(term, '');
      expect(en).not.toMatch(CJK);
    }
  });

  it('drops an optional part whose params are not given, and keeps it when they are', () => {
    expect(readNote('rowFewCells', { table: 't3', row: 'denied.lawForbidden', label: '2.其他法律行政法规禁止公开', count: 2 }).en).toBe(
      'Table 3: row "(3) denied — 2. prohibited by other laws or regulations" has only 2 value cells',
    );
    const n = readNote('rowFewCells', {
      table: 't3',
      row: 'denied.lawForbidden',
      label: '2.其他法律行政法规禁止公开',
      count: 2,
      cols: 'commercial, total',
    });
    expect(n.en).toBe('Table 3: row "(3) denied — 2. prohibited by other laws or regulations" has only 2 value cells; not read: "commercial enterprises", "total"');
    expect(n.zh).toBe('表三：“2.其他法律行政法规禁止公开”行只有2个数值单元格；未读取的列：商业企业、总计');
    // the ids stay in the data
    expect(n.params).toEqual({ row: 'denied.lawForbidden', label: '2.其他法律行政法规禁止公开', count: 2, cols: 'commercial, total' });
  });

  it('keeps the data: code, table and params, without the undefined ones', () => {
    expect(readNote('lineValueCount', { table: 't3', line: 130, label: '（七）总计', count: 6, blank: undefined, cols: 7 })).toEqual({
      code: 'lineValueCount',
      table: 't3',
      params: { line: 130, label: '（七）总计', count: 6, cols: 7 },
      zh: '表三：文本第130行“（七）总计”：6个数值对应7列；未读取',
      en: 'Table 3: line 130 "（七）总计": 6 values for 7 columns; not read',
    });
    expect(readNote('cellsRunTogether')).toEqual({
      code: 'cellsRunTogether',
      zh: '文本中各单元格的数字连在一起：只读取数字仅有一种拆分方式的行',
      en: 'cells run together in the text: rows read only where the digits split one way',
    });
  });

  it('a missing param shows as ? rather than a raw placeholder or a crash', () => {
    expect(renderNote('row {row} ({label}) not found', { row: 'coercion' })).toBe('row coercion (?) not found');
  });
});
