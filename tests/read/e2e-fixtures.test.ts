// The e2e pages "with one number changed" must differ from the real page in exactly that one cell,
// otherwise the e2e assertions about marks and suggestions would test something else.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cellKey } from '../../core/model/ids';
import { readDocument } from '../../core/read/dom';

const read = (path: string) =>
  readDocument(parseHTML(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')).document as unknown as Document)[0]!.report;

describe.each([
  ['2025-pingtan-guanweihui', 'granted-38', 't3:granted:naturalPerson', 33, 38],
  ['2023-pingtan-guanweihui', 'partial-91', 't3:partial:naturalPerson', 19, 91],
])('%s.%s', (original, variant, key, was, now) => {
  it(`changes only ${key}: ${was} → ${now}`, () => {
    const before = new Map(read(`corpus/real/${original}.html`).cells.map((c) => [cellKey(c), c.value]));
    const after = read(`e2e/${original}.${variant}.html`).cells;
    expect(after.length).toBe(before.size);
    const changed = after.filter((c) => before.get(cellKey(c)) !== c.value).map((c) => [cellKey(c), before.get(cellKey(c)), c.value]);
    expect(changed).toEqual([[key, was, now]]);
  });
});

describe('2026-pingtan-guanweihui.next-year (the 2025 page re-dated)', () => {
  it('has the 2025 tables cell for cell, and reads as the same agency one year on', () => {
    const last = read('corpus/real/2025-pingtan-guanweihui.html');
    const next = read('e2e/2026-pingtan-guanweihui.next-year.html');
    expect(next.cells.map((c) => [cellKey(c), c.value])).toEqual(last.cells.map((c) => [cellKey(c), c.value]));
    expect([last.year, next.year]).toEqual([2025, 2026]);
    expect(next.agency).toBe(last.agency);
  });
});
