// checkReport's quick pass (CheckOptions.without), as the extension's first draw runs it: the rules that read the
// narrative left out, every other rule's findings as in the whole check, on every real HTML page of the corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../core/check';
import { readDocument } from '../core/read/dom';
import { reportRules } from '../core/rules';

const DIR = new URL('./fixtures/corpus/real/', import.meta.url);
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html'));
const readsText = (rule: { reads: readonly string[] }): boolean => rule.reads.includes('text');
const textRules = new Set(reportRules.filter(readsText).map((r) => r.id));

describe('checkReport without the rules that read the narrative', () => {
  it('leaves out some rules and keeps others', () => {
    expect(textRules.size).toBeGreaterThan(5);
    expect(textRules.has('txt.newReceived')).toBe(true);
    expect(textRules.has('t3.balance')).toBe(false);
  });

  for (const file of pages) {
    it(`${file}: the same findings for every rule it runs`, () => {
      const doc = parseHTML(readFileSync(new URL(file, DIR), 'utf8')).document as unknown as Document;
      const report = readDocument(doc)[0]!.report;
      const whole = checkReport(report);
      const quick = checkReport(report, { without: readsText });
      expect(whole.some((f) => textRules.has(f.rule))).toBe(true);
      expect(quick.some((f) => textRules.has(f.rule))).toBe(false);
      // the report's text only breaks ties between equally small corrections (textSupport): statuses, cells and
      // differences are the tables' own
      const key = (f: (typeof whole)[number]) => ({ rule: f.rule, status: f.status, cells: f.cells, difference: f.difference });
      expect(quick.map(key)).toEqual(whole.filter((f) => !textRules.has(f.rule)).map(key));
    });
  }
});
