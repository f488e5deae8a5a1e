// Building a rule from a list of identities: every sum rule is this plus its own identities, texts and cases.
import type { Report, TableId } from '../model/schema';
import { evaluateAll, hasTable, type IdentitySpec } from './identity';
import type { Rule, RuleMessages } from './types';

export function identityRule(def: {
  id: string;
  table: TableId;
  doc: string;
  specs: (report: Report) => readonly IdentitySpec[];
  messages: RuleMessages;
}): Rule {
  return {
    kind: 'report',
    id: def.id,
    severity: 'error',
    reads: [def.table],
    doc: def.doc,
    messages: def.messages,
    check(report) {
      if (!hasTable(report, def.table as 't3')) return [];
      return evaluateAll(def.specs(report), report);
    },
  };
}

/** needsReview / notCheckable wording shared by the sum rules. */
export const SUM_REVIEW = {
  needsReview: {
    zh: '「{scope}」含空白格（{blanks}）：按 0 计左边 {left}、右边 {right}，差 {difference}；空白格不应代替数字 0，请核对。',
    en: '{scope}: blank cells ({blanks}); with blanks as 0 the left side is {left}, the right side {right} (difference {difference}). Blanks should not stand in for 0; please review.',
  },
  notCheckable: {
    zh: '「{scope}」无法检查：所需单元格未读到或不是数字（{missingCount} 格）。',
    en: '{scope}: not checkable, {missingCount} needed cell(s) not read or not a number.',
  },
};
