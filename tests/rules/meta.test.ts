// A rule is complete only with a doc, messages in both languages, and a failing and a passing case.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../core/rules';

const RULE_FILE = /^(t[234]|t2v19|val|txt|meta|xy)\..+\.ts$/;
const CJK = /[\u4e00-\u9fff]/;

describe('rule registry', () => {
  it('lists every rule file of core/rules, once, under its file name', () => {
    const files = readdirSync(new URL('../../core/rules/', import.meta.url)).filter((f) => RULE_FILE.test(f));
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...ids].sort());
  });

  for (const rule of allRules) {
    it(`${rule.id} has a doc, messages in zh and en, and a failing and a passing case`, () => {
      expect(rule.doc.length).toBeGreaterThan(20);
      expect(rule.reads.length).toBeGreaterThan(0);
      for (const status of ['fail', 'pass'] as const) {
        expect(rule.messages[status].zh).toMatch(CJK);
        expect(rule.messages[status].en.length).toBeGreaterThan(3);
        expect(rule.messages[status].en).not.toMatch(CJK);
      }
      for (const t of [rule.messages.needsReview, rule.messages.notCheckable]) {
        if (t) {
          expect(t.zh).toMatch(CJK);
          expect(t.en.length).toBeGreaterThan(3);
        }
      }
      expect(rule.cases.valid.length).toBeGreaterThan(0);
      expect(rule.cases.invalid.some((c) => c.expect.status === 'fail')).toBe(true);
    });
  }
});
