// Reading notes name rows, columns and blocks by their labels (English in en, Chinese in zh), never by spec ids.
import { describe, expect, it } from 'vitest';
import { documentsIn, reportsOf, SAMPLE } from '../documents';
import type { ReadNote, Report } from '../../core/model/schema';
import { NOTES, readNote, type NoteCode } from '../../core/read/notes';
import { RAW_ID, RAW_ID_ZH } from '../explain/raw-ids';

const notesOf = (r: Report): ReadNote[] => [...r.readNotes, ...r.notCheckable.flatMap((n) => (n.note ? [n.note] : []))];

function leaks(notes: readonly ReadNote[]): string[] {
  return notes.flatMap((n) => [...(RAW_ID.test(n.en) ? [n.en] : []), ...(RAW_ID_ZH.test(n.zh) ? [n.zh] : [])]);
}

describe('reading notes print no raw ids', () => {
  // the real pages and the synthetic pages the reader tests read
  const files = [...documentsIn('corpus/real/', 'html/', 'e2e/'), SAMPLE];
  const seen = new Set<string>();

  it.each(files.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s', (_name, path) => {
    const notes = reportsOf(path).flatMap(notesOf);
    for (const n of notes) seen.add(n.code);
    expect(leaks(notes)).toEqual([]);
  });

  it('the pages above give the notes that used to print ids', () => {
    // merged-cells.html, missing-row.html, remarks-column.html, single-other-row.html (see tests/read/dom-synthetic)
    for (const code of ['rowFewCells', 'dataRowByHeader', 'rowNotFound', 'rowsExtraCellsByHeader', 'transposed'])
      expect(seen).toContain(code);
  });

  it('the check can fail: the old wording is caught', () => {
    expect('Table 3: row denied.lawForbidden has only 2 value cells; not read: commercial, research, publicInterest').toMatch(RAW_ID);
    expect('Table 4: not read: litAfterReview.upheld, litAfterReview.total').toMatch(RAW_ID);
    expect('表三：未找到“3.其他”行（other.misc）').toMatch(RAW_ID_ZH);
    expect('表三：17行（newReceived, carriedOver, partial, …）').toMatch(RAW_ID_ZH);
  });

  it('notes given ids as the reader gives them name each row, column and block by its label', () => {
    const cases: [NoteCode, Parameters<typeof readNote>[1], string, string][] = [
      ['rowRepeated', { table: 't2', row: 'normativeDocs', label: '行政规范性文件' }, '"normative documents"', '“行政规范性文件”'],
      ['rowRepeatedDiffering', { table: 't3', row: 'other.misc', label: '3.其他' }, '"(6) other handling — 3. other"', '“3.其他”'],
      [
        'printedCellsOneValue',
        { table: 't2', row: 'adminFees', label: '行政事业性收费', count: 2 },
        '"administrative fees"',
        '“行政事业性收费”',
      ],
      [
        'cellsMappedByHeader',
        { table: 't2', row: 'otherServices', label: '其他对外管理服务事项', count: 2, cols: 3 },
        '"other public management services"',
        '其他对外管理服务事项',
      ],
      [
        'cellCountMismatch',
        { table: 't2', row: 'centralProcurement', label: '政府集中采购', count: 1, cols: 2 },
        '"centralised government procurement"',
        '政府集中采购',
      ],
      [
        'rowsColumnsReordered',
        { table: 't3', count: 2, rows: 'newReceived, denied.stateSecret' },
        '"(3) denied — 1. state secret"',
        '1.属于国家秘密',
      ],
      [
        'rowsExtraCellsLast',
        { table: 't3', count: 4, rows: 'carriedOver, unable.notHeld, totalProcessed, …' },
        '"(7) total processed", …',
        '（七）总计、…',
      ],
      [
        'rowFewCells',
        { table: 't3', row: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', count: 6, cols: 'legalService' },
        '"legal service providers"',
        '法律服务机构',
      ],
      [
        'blockFewCells',
        { table: 't4', block: 'litDirect', label: '未经复议直接起诉', count: 3 },
        '"litigation without prior review"',
        '“未经复议直接起诉”',
      ],
      ['blockNotFound', { table: 't4', label: '复议后起诉' }, '"litigation after review"', '“复议后起诉”'],
      ['dataRowByHeader', { table: 't4', count: 14, cols: 'review.pending' }, '"administrative review: pending"', '行政复议·尚未审结'],
      ['splitByIdentity', { table: 't3', label: '（一）予以公开' }, '"(1) granted"', '（一）予以公开'],
      ['splitSeveral', { table: 't2', label: '规范性文件', run: '898989', parts: 3 }, '"normative documents"', '规范性文件'],
    ];
    for (const [code, params, en, zh] of cases) {
      const n = readNote(code, params);
      expect(leaks([n]), code).toEqual([]);
      expect(n.en, code).toContain(en);
      expect(n.zh, code).toContain(zh);
      expect(`${n.zh} ${n.en}`, code).not.toContain('?');
    }
  });

  it('a template prints an id-holding param ({row} {rows} {cols} {block}) only where the reader gives a number or labels', () => {
    // unlabelledRowSkipped: {row} is a grid row number; lineValue…/cells…: {cols} is a column count;
    // blocksUnread: {rows} is a count
    const allowed: Record<string, string[]> = {
      unlabelledRowSkipped: ['row'],
      cellsMappedByHeader: ['cols'],
      cellCountMismatch: ['cols'],
      lineValueCount: ['cols'],
      lineValuesWithText: ['cols'],
      blocksUnread: ['rows'],
    };
    const printed: string[] = [];
    for (const [code, t] of Object.entries(NOTES))
      for (const m of `${t.zh} ${t.en}`.matchAll(/\{(row|rows|cols|block)\}/g))
        if (!allowed[code]?.includes(m[1]!)) printed.push(`${code}: {${m[1]}}`);
    expect(printed).toEqual([]);
  });
});
