// The rules' own cases, for the tests only. Each rule file exports `cases` beside its default-exported rule and only
// this file imports them, so the extension bundle, built from core/rules/index.ts, leaves them out.
// tests/rules/meta.test.ts fails when a registered rule has no cases, or a rule file is not registered.
import type { AnyRule, RuleCases } from '../../core/rules/types';

/** A rule module as the tests see it: the rule and, if the file exports them, its cases. */
export interface RuleModule {
  default: AnyRule;
  cases?: RuleCases;
}

// Every module of core/rules that default-exports a rule (helpers such as sumRule.ts export none), so a new rule
// file is listed once, in the registry; the meta-test matches the two.
export const ruleModules: readonly RuleModule[] = Object.values(
  import.meta.glob<Partial<RuleModule>>('../../core/rules/*.ts', { eager: true }),
).filter((m): m is RuleModule => typeof m.default === 'object' && m.default !== null && 'id' in m.default);

/** The cases of a registered rule, found by the rule object itself (not its id), or undefined. */
export function casesOf(rule: AnyRule): RuleCases | undefined {
  return ruleModules.find((m) => m.default === rule)?.cases;
}
