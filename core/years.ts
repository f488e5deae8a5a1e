// A report's findings joined with the cross-year findings of its agency's previous report (CLI with several years,
// the extension's history): last year's 结转下年度 may then decide between equally small corrections of this
// year's tables (issue 13 §2), as a sentence of the text does.
import { sortFindings } from './check';
import { applyTextSupport, previousYearClaims } from './explain/textSupport';
import { finalize } from './explain/messages';
import type { Finding, FormatVersion } from './model/schema';
import { ruleById } from './rules';

export function joinYearFindings(findings: Finding[], pair: Finding[], format?: FormatVersion): Finding[] {
  const decided = applyTextSupport(findings, previousYearClaims(pair)).map((f, i) => {
    if (f === findings[i]) return f;
    const rule = ruleById(f.rule);
    return rule ? finalize(f, rule.messages, format) : f;
  });
  return sortFindings([...decided, ...pair]);
}
