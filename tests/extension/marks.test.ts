// Which cells the overlay marks for a finding, and how (extension/lib/model.ts): real corpus pages read and checked as
// the CLI does, with one printed number changed. Expected kinds are worked out by hand from the printed numbers.
// (tests/e2e/marks.test.ts checks the same rules in the browser, on the cells themselves.)
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../core/check';
import type { Finding } from '../../core/model/schema';
import { cellKey } from '../../core/model/ids';
import { readDocument } from '../../core/read/dom';
import { buildItems, buildMarks, findingMarks, type CheckedPage } from '../../extension/lib/model';

const CORPUS = new URL('../fixtures/corpus/real/', import.meta.url);

/** The page read and checked with `cell` changed from `printed` (as read by hand) to `changed`. */
function checkedWith(file: string, cell: string, printed: string, changed: string): CheckedPage {
  const { document } = parseHTML(readFileSync(new URL(file, CORPUS), 'utf8'));
  const el = readDocument(document as unknown as Document)[0]!.elements.get(cell)!;
  expect(el.textContent?.trim()).toBe(printed);
  el.textContent = changed;
  const [rr] = readDocument(document as unknown as Document);
  return { reports: [{ rr: rr!, findings: checkReport(rr!.report) }] };
}

const errorsOf = (page: CheckedPage): Finding[] => page.reports[0]!.findings.filter((f) => f.status === 'fail' && f.severity === 'error');
const kinds = (f: Finding): Record<string, string> => Object.fromEntries(findingMarks(f).map((m) => [cellKey(m.ref), m.kind]));

describe('a failing error marks every cell of its identity', () => {
  it('one suggested correction: the suspect, the rest outlined softly (Pingtan 2023 新收 × 自然人 80 → 83)', () => {
    const page = checkedWith('2023-pingtan-guanweihui.html', 't3:newReceived:naturalPerson', '80', '83');
    const errors = errorsOf(page);
    // 83 + 1 ≠ 81 in its row, and its column's balance held with 80 (MANIFEST hand check): 80 mends both
    expect(errors.map((f) => f.rule).sort()).toEqual(['t3.balance', 't3.rowTotal']);
    for (const f of errors) {
      const k = kinds(f);
      expect(k['t3:newReceived:naturalPerson']).toBe('suspect');
      expect(Object.keys(k).sort()).toEqual(f.cells.map(cellKey).sort());
      expect(Object.entries(k).filter(([, v]) => v !== 'related').map(([c]) => c)).toEqual(['t3:newReceived:naturalPerson']);
    }
  });

  it('two equally simple corrections: both stand out, the zeros that cannot go lower do not (Pingtan 2025 行政复议 维持 25 → 52)', () => {
    const [f] = errorsOf(checkedWith('2025-pingtan-guanweihui.html', 't4:cases:review.upheld', '25', '52'));
    // 52 + 3 + 8 + 0 ≠ 36: 维持 back to 25, or 总计 63; 纠正, 其他, 尚未审结 would have to go below zero.
    // The page's text says 行政复议36起, which only 维持 → 25 agrees with: that one is the suspect (issue 13).
    expect(f?.rule).toBe('t4.reviewSum');
    expect(f?.textSupport?.rule).toBe('txt.reviewTotal');
    expect(kinds(f!)).toEqual({
      't4:cases:review.upheld': 'suspect',
      't4:cases:review.total': 'candidate',
      't4:cases:review.corrected': 'related',
      't4:cases:review.other': 'related',
      't4:cases:review.pending': 'related',
    });
  });

  it('blanks keep their hatching, the printed cells are outlined (Shanghai 2019 本机关不掌握 × 自然人 252 → 255)', () => {
    const page = checkedWith('2019-shanghai-shizhengfu-bangongting.html', 't3:unable.notHeld:naturalPerson', '252', '255');
    const errors = errorsOf(page);
    expect(errors.map((f) => `${f.rule} ${f.scope}`)).toEqual(['t3.outcomeSum naturalPerson']);
    const f = errors[0]!;
    const k = kinds(f);
    // the 2019 format's 19 outcome rows and (七)总计; the page prints 12 of them in the 自然人 column:
    // 258, 3, 14, 5, 3, 10, 252, 44, 25, 148, 5 and 767
    expect(Object.keys(k)).toHaveLength(20);
    const report = page.reports[0]!.rr.report;
    for (const [cell, kind] of Object.entries(k)) {
      const c = report.cells.find((x) => cellKey(x) === cell)!;
      expect(kind === 'blank', cell).toBe(c.kind === 'blank');
    }
    expect(Object.values(k).filter((v) => v !== 'blank')).toHaveLength(12);
    expect(k['t3:unable.notHeld:naturalPerson']).not.toBe('blank');
  });
});

describe('markers', () => {
  it('every error has one, on an outlined cell; blank-only reviews have none (Shanghai 2019, 252 → 255)', () => {
    const page = checkedWith('2019-shanghai-shizhengfu-bangongting.html', 't3:unable.notHeld:naturalPerson', '252', '255');
    const items = buildItems(page);
    const marks = buildMarks(page, items);
    const error = items.find((it) => it.finding.status === 'fail' && it.finding.severity === 'error')!;
    const markers = marks.filter((m) => m.itemId === error.id && m.marker);
    expect(markers).toHaveLength(1);
    expect(markers[0]!.kind).not.toBe('blank');
    expect(markers[0]!.tone).toBe('error');
    // val.blankCell (blank cells that should hold a number): hatched, numbered in the panel, no marker on the page
    const blankOnly = items.filter((it) => it.n > 0 && it.finding.rule === 'val.blankCell');
    expect(blankOnly.length).toBeGreaterThan(0);
    for (const it of blankOnly) {
      const own = marks.filter((m) => m.itemId === it.id);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((m) => m.kind === 'blank' && !m.marker)).toBe(true);
    }
  });

  it('a narrative finding without a suspect marks no cell (its sentence is not a cell)', () => {
    const page = checkedWith('2019-shanghai-shizhengfu-bangongting.html', 't3:unable.notHeld:naturalPerson', '252', '255');
    // MANIFEST: the text says 无法提供265件 where the table's 无法提供 rows add up to more
    const narrative = page.reports[0]!.findings.filter((f) => f.evidence && f.suspects.length === 0 && f.status === 'fail');
    expect(narrative.length).toBeGreaterThan(0);
    for (const f of narrative) expect(findingMarks(f)).toEqual([]);
  });
});
