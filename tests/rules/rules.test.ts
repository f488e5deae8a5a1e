// Every registered rule against its own cases (the cases live beside the rule, as data).
import { describe, it } from 'vitest';
import { allRules } from '../../core/rules';
import { assertCase } from './ruleTester';

for (const rule of allRules) {
  describe(rule.id, () => {
    for (const c of rule.cases.valid) it(`valid: ${c.name}`, () => assertCase(rule, c, true));
    for (const c of rule.cases.invalid) it(`invalid: ${c.name}`, () => assertCase(rule, c, false));
  });
}
