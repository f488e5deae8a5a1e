import { T3_PARTS } from '../model/templates';
import type { Claim } from '../explain/claims';
import { claimMessages, narrativeRule, sumValues, t3Value, type TableValue } from './narrative';
import type { CellLookup } from './identity';
import type { RuleCases } from './types';

// Spec §7.5: "涉及自然人X件、商业企业Y件" against the applicant columns of 新收 (or 新收 + 上年结转).
const COLUMN: [RegExp, string][] = [
  [/^自然人/, 'naturalPerson'],
  [/^(?:商业)?企业/, 'commercial'],
  [/^科研机构/, 'research'],
  [/^社会公益组织|^公益组织/, 'publicInterest'],
  [/^法律服务机构/, 'legalService'],
  [/^法人(?:或|和|及)其他组织/, 'legalOrOrg'],
];

function columnOf(c: Claim): string {
  return COLUMN.find(([re]) => re.test(c.keyword))?.[1] ?? 'naturalPerson';
}

function columnValue(lookup: CellLookup, row: string, col: string): TableValue | null {
  if (col === 'legalOrOrg') return sumValues(T3_PARTS.filter((p) => p !== 'naturalPerson').map((p) => t3Value(lookup, row, p)));
  return t3Value(lookup, row, col);
}

export default narrativeRule({
  id: 'txt.applicantSplit',
  reads: ['text', 't3'],
  subject: 'applications',
  doc: 'Numbers of applications by applicant type in the narrative (自然人 X件, 商业企业 Y件, 法人或其他组织 Z件) equal the 新收 row of that column, or 新收 + 上年结转 (spec §7.5).',
  patterns: [{ keyword: /自然人|商业企业|科研机构|社会公益组织|法律服务机构|法人(?:或|和|及)其他组织/, window: 8, exclude: /复议|诉讼/ }],
  scope: columnOf,
  readings: (_r, lookup, claim) => {
    const col = columnOf(claim);
    const fresh = columnValue(lookup, 'newReceived', col);
    return [
      { name: `newReceived.${col}`, value: fresh },
      { name: `newReceived+carriedOver.${col}`, value: sumValues([fresh, columnValue(lookup, 'carriedOver', col)]) },
    ];
  },
  messages: claimMessages({ zh: '「{scope}」申请', en: 'applications from {scope}' }),
});

export const cases: RuleCases = {
  valid: [
    // claimScope allApplicants (issue 13): 公民、法人和其他组织 is every applicant
    { name: 'not a claim: 收到公民、法人和其他组织政府信息公开申请', sections: { 'sec.overview': '收到公民、法人和其他组织政府信息公开申请28件，28件公开申请均在法定时限内办理。' }, expect: { status: 'pass', count: 0 } },
    { name: 'not a claim: 自然人、法人或者其他组织 together', sections: { 'sec.overview': '全年共受理自然人、法人或者其他组织提出的政府信息公开申请12件。' }, expect: { status: 'pass', count: 0 } },
{ name: 'Huixian: 自然人116件、其他组织…', sections: { 'sec.applications': '其中自然人申请116件、法人或其他组织申请5件。' }, expect: { status: 'pass', count: 2 } }],
  invalid: [{ name: '自然人 miscounted', sections: { 'sec.applications': '其中自然人申请106件。' }, expect: { status: 'fail', scope: 'naturalPerson', claimed: 106, right: 116 } }],
};
