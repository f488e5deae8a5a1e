// ESLint-RuleTester-style runner: every rule's own valid/invalid cases, asserting the finding's data.
import { expect } from 'vitest';
import { checkPair, checkReport } from '../../core/check';
import { cellKey } from '../../core/model/ids';
import { Finding } from '../../core/model/schema';
import type { AnyRule, CaseExpectation, RuleCase } from '../../core/rules/types';
import { caseReports } from './fixtures';

export function findingsFor(rule: AnyRule, c: RuleCase): Finding[] {
  const { previous, current } = caseReports(c);
  const all = rule.kind === 'pair' ? checkPair(previous, current) : checkReport(current);
  for (const f of all) Finding.parse(f);
  return all.filter((f) => f.rule === rule.id);
}

function matches(f: Finding, e: CaseExpectation): boolean {
  if (f.status !== e.status) return false;
  if (e.scope !== undefined && f.scope !== e.scope) return false;
  if (e.left !== undefined && f.left !== e.left) return false;
  if (e.right !== undefined && f.right !== e.right) return false;
  if (e.difference !== undefined && f.difference !== e.difference) return false;
  if (e.claimed !== undefined && f.evidence?.claimed !== e.claimed) return false;
  const keys = new Set(f.cells.map(cellKey));
  if (e.cells && !e.cells.every((k) => keys.has(k))) return false;
  if (e.blanks) {
    const b = (f.blanks ?? []).map(cellKey).sort();
    if (JSON.stringify(b) !== JSON.stringify([...e.blanks].sort())) return false;
  }
  if (e.suspects) {
    const got = f.suspects.map((s) => `${cellKey(s)}=${s.suggested}`).sort();
    const want = e.suspects.map((s) => `${s.cell}=${s.suggested}`).sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) return false;
  }
  return true;
}

export function assertCase(rule: AnyRule, c: RuleCase, valid: boolean): void {
  const found = findingsFor(rule, c);
  const summary = found.map((f) => `${f.status} ${f.scope ?? ''} L=${f.left} R=${f.right} D=${f.difference} ${f.message.en}`).join('\n');
  const hits = found.filter((f) => matches(f, c.expect));
  // count: 0 says the rule has nothing to say here (it does not apply)
  if (c.expect.count !== 0) expect(hits.length, `${rule.id} / ${c.name}: no finding matches ${JSON.stringify(c.expect)}; got:\n${summary}`).toBeGreaterThan(0);
  if (c.expect.count !== undefined) {
    expect(found.filter((f) => f.status === c.expect.status).length, `${rule.id} / ${c.name}: count`).toBe(c.expect.count);
  }
  if (valid) {
    const bad = found.filter((f) => f.status === 'fail' || f.status === 'needsReview');
    expect(bad.map((f) => f.message.en), `${rule.id} / ${c.name}: valid case reported a problem`).toEqual([]);
  }
  for (const f of found) {
    expect(f.message.zh.length, 'zh message').toBeGreaterThan(0);
    expect(f.message.en.length, 'en message').toBeGreaterThan(0);
    expect(f.message.en, 'unfilled placeholder').not.toMatch(/\{\w+\}/);
    expect(f.message.zh, 'unfilled placeholder').not.toMatch(/\{\w+\}/);
  }
}
