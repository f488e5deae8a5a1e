// The rules' own cases, for the tests only. Each rule file exports `cases` beside its default-exported rule and only
// this file imports them, so the extension bundle, built from core/rules/index.ts, leaves them out.
// tests/rules/meta.test.ts fails when a registered rule is missing here or has no cases.
import type { AnyRule, RuleCases } from '../../core/rules/types';
import * as t3RowTotal from '../../core/rules/t3.rowTotal';
import * as t3Balance from '../../core/rules/t3.balance';
import * as t3OutcomeSum from '../../core/rules/t3.outcomeSum';
import * as t3ForwardBound from '../../core/rules/t3.forwardBound';
import * as t4ReviewSum from '../../core/rules/t4.reviewSum';
import * as t4LitDirectSum from '../../core/rules/t4.litDirectSum';
import * as t4LitAfterReviewSum from '../../core/rules/t4.litAfterReviewSum';
import * as txtNewReceived from '../../core/rules/txt.newReceived';
import * as txtReceived from '../../core/rules/txt.received';
import * as txtCarriedOver from '../../core/rules/txt.carriedOver';
import * as txtProcessed from '../../core/rules/txt.processed';
import * as txtCarriedForward from '../../core/rules/txt.carriedForward';
import * as txtApplicantSplit from '../../core/rules/txt.applicantSplit';
import * as txtOutcomeGroups from '../../core/rules/txt.outcomeGroups';
import * as txtOutcomePercent from '../../core/rules/txt.outcomePercent';
import * as txtOutcomePartsSum from '../../core/rules/txt.outcomePartsSum';
import * as txtReviewTotal from '../../core/rules/txt.reviewTotal';
import * as txtLitigationTotal from '../../core/rules/txt.litigationTotal';
import * as txtZeroClaims from '../../core/rules/txt.zeroClaims';
import * as txtOutcomeClaims from '../../core/rules/txt.outcomeClaims';
import * as txtInForceDocs from '../../core/rules/txt.inForceDocs';
import * as txtIssuedDocs from '../../core/rules/txt.issuedDocs';
import * as txtFeeStatement from '../../core/rules/txt.feeStatement';
import * as t3RowSet from '../../core/rules/t3.rowSet';
import * as t3ColumnOrder from '../../core/rules/t3.columnOrder';
import * as t2InForceLowerBound from '../../core/rules/t2.inForceLowerBound';
import * as t2RegulationsScope from '../../core/rules/t2.regulationsScope';
import * as t2v19PublishedLeTotal from '../../core/rules/t2v19.publishedLeTotal';
import * as valT3IntNonNeg from '../../core/rules/val.t3.intNonNeg';
import * as valT4IntNonNeg from '../../core/rules/val.t4.intNonNeg';
import * as valT2CountIntNonNeg from '../../core/rules/val.t2.countIntNonNeg';
import * as valT2FeeDecimal from '../../core/rules/val.t2.feeDecimal';
import * as valT2FeeUnitSuspect from '../../core/rules/val.t2.feeUnitSuspect';
import * as valBlankCell from '../../core/rules/val.blankCell';
import * as valTextInNumericCell from '../../core/rules/val.textInNumericCell';
import * as metaSections from '../../core/rules/meta.sections';
import * as metaFormatVersionMatchesYear from '../../core/rules/meta.formatVersionMatchesYear';
import * as metaYearConsistency from '../../core/rules/meta.yearConsistency';
import * as metaProblemsNonEmpty from '../../core/rules/meta.problemsNonEmpty';
import * as metaTablesPresent from '../../core/rules/meta.tablesPresent';
import * as metaTimeliness from '../../core/rules/meta.timeliness';
import * as xyCarryContinuity from '../../core/rules/xy.carryContinuity';
import * as xyInForceRoll from '../../core/rules/xy.inForceRoll';
import * as xyDuplicateContent from '../../core/rules/xy.duplicateContent';
import * as xyJump from '../../core/rules/xy.jump';

/** A rule module as the tests see it: the rule and, if the file exports them, its cases. */
export interface RuleModule {
  default: AnyRule;
  cases?: RuleCases;
}

export const ruleModules: readonly RuleModule[] = [
  t3RowTotal,
  t3Balance,
  t3OutcomeSum,
  t3ForwardBound,
  t4ReviewSum,
  t4LitDirectSum,
  t4LitAfterReviewSum,
  t3RowSet,
  t3ColumnOrder,
  t2InForceLowerBound,
  t2RegulationsScope,
  t2v19PublishedLeTotal,
  txtNewReceived,
  txtReceived,
  txtCarriedOver,
  txtProcessed,
  txtCarriedForward,
  txtApplicantSplit,
  txtOutcomeGroups,
  txtOutcomePercent,
  txtOutcomePartsSum,
  txtReviewTotal,
  txtLitigationTotal,
  txtZeroClaims,
  txtOutcomeClaims,
  txtInForceDocs,
  txtIssuedDocs,
  txtFeeStatement,
  valT3IntNonNeg,
  valT4IntNonNeg,
  valT2CountIntNonNeg,
  valT2FeeDecimal,
  valT2FeeUnitSuspect,
  valBlankCell,
  valTextInNumericCell,
  metaSections,
  metaFormatVersionMatchesYear,
  metaYearConsistency,
  metaProblemsNonEmpty,
  metaTablesPresent,
  metaTimeliness,
  xyCarryContinuity,
  xyInForceRoll,
  xyDuplicateContent,
  xyJump,
];

/** The cases of a registered rule, found by the rule object itself (not its id), or undefined. */
export function casesOf(rule: AnyRule): RuleCases | undefined {
  return ruleModules.find((m) => m.default === rule)?.cases;
}
