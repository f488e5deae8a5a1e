// Every registered rule against its own cases (the cases live beside the rule, as data; meta.test.ts checks each has some).
import { describe, it } from 'vitest';
import { allRules } from '../../core/rules';
import { casesOf } from './ruleCases';
import { assertCase } from './ruleTester';

for (const rule of allRules) {
  const cases = casesOf(rule) ?? { valid: [], invalid: [] };
  describe(rule.id, () => {
    for (const c of cases.valid) it(`valid: ${c.name}`, () => assertCase(rule, c, true));
    for (const c of cases.invalid) it(`invalid: ${c.name}`, () => assertCase(rule, c, false));
  });
}
