// The registry: a new rule is one file in this folder plus its line here.
import t3RowTotal from './t3.rowTotal';
import t3Balance from './t3.balance';
import t3OutcomeSum from './t3.outcomeSum';
import t3ForwardBound from './t3.forwardBound';
import t4ReviewSum from './t4.reviewSum';
import t4LitDirectSum from './t4.litDirectSum';
import t4LitAfterReviewSum from './t4.litAfterReviewSum';
import txtNewReceived from './txt.newReceived';
import txtReceived from './txt.received';
import txtCarriedOver from './txt.carriedOver';
import txtProcessed from './txt.processed';
import txtCarriedForward from './txt.carriedForward';
import txtApplicantSplit from './txt.applicantSplit';
import txtOutcomeGroups from './txt.outcomeGroups';
import txtOutcomePercent from './txt.outcomePercent';
import txtOutcomePartsSum from './txt.outcomePartsSum';
import txtReviewTotal from './txt.reviewTotal';
import txtLitigationTotal from './txt.litigationTotal';
import txtZeroClaims from './txt.zeroClaims';
import txtOutcomeClaims from './txt.outcomeClaims';
import txtInForceDocs from './txt.inForceDocs';
import txtIssuedDocs from './txt.issuedDocs';
import txtFeeStatement from './txt.feeStatement';
import t3RowSet from './t3.rowSet';
import t3ColumnOrder from './t3.columnOrder';
import t2InForceLowerBound from './t2.inForceLowerBound';
import t2RegulationsScope from './t2.regulationsScope';
import t2v19PublishedLeTotal from './t2v19.publishedLeTotal';
import valT3IntNonNeg from './val.t3.intNonNeg';
import valT4IntNonNeg from './val.t4.intNonNeg';
import valT2CountIntNonNeg from './val.t2.countIntNonNeg';
import valT2FeeDecimal from './val.t2.feeDecimal';
import valT2FeeUnitSuspect from './val.t2.feeUnitSuspect';
import valBlankCell from './val.blankCell';
import valTextInNumericCell from './val.textInNumericCell';
import metaSections from './meta.sections';
import metaFormatVersionMatchesYear from './meta.formatVersionMatchesYear';
import metaYearConsistency from './meta.yearConsistency';
import metaProblemsNonEmpty from './meta.problemsNonEmpty';
import metaTablesPresent from './meta.tablesPresent';
import metaTimeliness from './meta.timeliness';
import metaAgencyMismatch from './meta.agencyMismatch';
import xyCarryContinuity from './xy.carryContinuity';
import xyInForceRoll from './xy.inForceRoll';
import xyDuplicateContent from './xy.duplicateContent';
import xyJump from './xy.jump';
import type { AnyRule, PairRule, Rule } from './types';

/** Single-report rules, in the order their findings are listed within one importance class. */
export const reportRules: readonly Rule[] = [
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
  metaAgencyMismatch,
];

/** Cross-year rules over (previous, current). */
export const pairRules: readonly PairRule[] = [xyCarryContinuity, xyInForceRoll, xyDuplicateContent, xyJump];

export const allRules: readonly AnyRule[] = [...reportRules, ...pairRules];

const byId = new Map<string, AnyRule>();
for (const r of allRules) if (!byId.has(r.id)) byId.set(r.id, r);

export function ruleById(id: string): AnyRule | undefined {
  return byId.get(id);
}
