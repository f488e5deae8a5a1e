// A rule is complete only with a doc, messages in both languages, and a failing and a passing case.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../core/rules';
import { casesOf, ruleModules } from './ruleCases';

const RULE_FILE = /^(t[234]|t2v19|val|txt|meta|xy)\..+\.ts$/;
const CJK = /[\u4e00-\u9fff]/;

describe('rule registry', () => {
  it('lists every rule file of core/rules, once, under its file name', () => {
    const files = readdirSync(new URL('../../core/rules/', import.meta.url)).filter((f) => RULE_FILE.test(f));
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...ids].sort());
  });

  it('the tests see every registered rule module, once, and no rule file that is not registered (tests/rules/ruleCases.ts)', () => {
    const seen = ruleModules.map((m) => m.default);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map((r) => r.id).sort()).toEqual(allRules.map((r) => r.id).sort());
    for (const r of allRules) expect(seen, r.id).toContain(r);
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
      // the cases are the file's own `export const cases`, outside the rule object, so bundles leave them out
      expect(rule).not.toHaveProperty('cases');
      const cases = casesOf(rule);
      expect(cases, `${rule.id}: no \`export const cases\` in core/rules/${rule.id}.ts (found through tests/rules/ruleCases.ts)`).toBeDefined();
      expect(cases!.valid.length).toBeGreaterThan(0);
      expect(cases!.invalid.some((c) => c.expect.status === 'fail')).toBe(true);
    });
  }
});
