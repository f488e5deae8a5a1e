// A check in two passes (checkInTwoPasses), as the extension's first draw runs it: the first pass without the rules
// that read the narrative, every other rule's findings as in the whole check; completed, exactly the whole check. On
// every real HTML page of the corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { checkInTwoPasses, checkReport } from '../core/check';
import { readDocument } from '../core/read/dom';
import { reportRules } from '../core/rules';

const DIR = new URL('./fixtures/corpus/real/', import.meta.url);
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html'));
const readsText = (rule: { reads: readonly string[] }): boolean => rule.reads.includes('text');
const textRules = new Set(reportRules.filter(readsText).map((r) => r.id));

describe('a check in two passes, the rules that read the narrative in the second', () => {
  it('leaves out some rules and keeps others', () => {
    expect(textRules.size).toBeGreaterThan(5);
    expect(textRules.has('txt.newReceived')).toBe(true);
    expect(textRules.has('t3.balance')).toBe(false);
  });

  for (const file of pages) {
    it(`${file}: the first pass finds what the whole check finds for every rule it runs; completed, all of it`, () => {
      const doc = parseHTML(readFileSync(new URL(file, DIR), 'utf8')).document as unknown as Document;
      const report = readDocument(doc)[0]!.report;
      const whole = checkReport(report);
      const passes = checkInTwoPasses(report, (rule) => !readsText(rule));
      const quick = passes.findings;
      expect(whole.some((f) => textRules.has(f.rule))).toBe(true);
      expect(quick.some((f) => textRules.has(f.rule))).toBe(false);
      // the report's text only breaks ties between equally small corrections (textSupport): statuses, cells and
      // differences are the tables' own
      const key = (f: (typeof whole)[number]) => ({ rule: f.rule, status: f.status, cells: f.cells, difference: f.difference });
      expect(quick.map(key)).toEqual(whole.filter((f) => !textRules.has(f.rule)).map(key));
      // the second pass runs only the rules left, and its findings are the whole check's, messages and order included
      expect(passes.complete()).toEqual(whole);
    });

    it(`${file}: each rule runs once over the two passes`, () => {
      const doc = parseHTML(readFileSync(new URL(file, DIR), 'utf8')).document as unknown as Document;
      const report = readDocument(doc)[0]!.report;
      const table = reportRules.find((r) => r.id === 't3.balance')!;
      const text = reportRules.find((r) => r.id === 'txt.newReceived')!;
      const spies = [vi.spyOn(table, 'check'), vi.spyOn(text, 'check')];
      try {
        const passes = checkInTwoPasses(report, (rule) => !readsText(rule));
        expect(spies.map((s) => s.mock.calls.length)).toEqual([1, 0]);
        passes.complete();
        expect(spies.map((s) => s.mock.calls.length)).toEqual([1, 1]);
      } finally {
        for (const s of spies) s.mockRestore();
      }
    });
  }
});
