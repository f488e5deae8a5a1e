import { claimMessages, narrativeRule } from './narrative';
import { OUTCOME_PATTERN, outcomeReadings, outcomeScope } from './outcomeText';
import type { RuleCases } from './types';

// Spec §7.5: "予以公开(及部分公开) N件; 不予公开 N件; 无法提供 N件; 不予处理 N件; 其他处理 N件" against the groups' totals.
export default narrativeRule({
  id: 'txt.outcomeGroups',
  reads: ['text', 't3'],
  subject: 'applications',
  doc: 'Outcome counts in the narrative (予以公开(及部分公开), 不予公开, 无法提供, 不予处理, 其他处理 N件) equal the group\'s 总计 in table 三; a blank 总计 is replaced by the row\'s printed parts (spec §7.5; Shanghai 2019: 258 vs 275, 265 vs 337).',
  patterns: [OUTCOME_PATTERN],
  scope: outcomeScope,
  readings: (report, lookup, claim) => outcomeReadings(report, lookup, outcomeScope(claim)),
  messages: claimMessages({ zh: '「{keyword}」', en: '"{keyword}" (outcome {scope}) is' }),
});

export const cases: RuleCases = {
  valid: [
    // claimScope informationItems: counts of information items by disclosure attribute (issue 13)
    { name: 'not a claim: 不予公开信息数48条 counts information items', sections: { 'sec.overview': '2023年制作、获取政府信息总数509条，其中主动公开政府信息107条，依申请公开信息数354条，不予公开信息数48条。' }, expect: { status: 'pass', count: 0 } },

    {
      name: 'Huixian numbers',
      sections: { 'sec.applications': '予以公开88件，部分公开2件，不予公开2件，无法提供26件，不予处理1件，其他处理2件。' },
      expect: { status: 'pass', count: 6 },
    },
    {
      name: '（六）其他处理 printed as one row: the text is compared with its group total',
      remove: ['t3:other.noCorrection:*', 't3:other.unpaidFee:*', 't3:other.misc:*'],
      cells: { 't3:grp.other:naturalPerson': '2', 't3:grp.other:total': '2' },
      sections: { 'sec.applications': '其他处理2件。' },
      expect: { status: 'pass', count: 1, cells: ['t3:grp.other:total'] },
    },
  ],
  invalid: [
    {
      name: '（六）其他处理 printed as one row whose total the text contradicts',
      remove: ['t3:other.noCorrection:*', 't3:other.unpaidFee:*', 't3:other.misc:*'],
      cells: { 't3:grp.other:naturalPerson': '2', 't3:grp.other:total': '2' },
      sections: { 'sec.applications': '其他处理5件。' },
      expect: { status: 'fail', scope: 'other', claimed: 5, right: 2 },
    },
    {
      name: '予以公开及部分公开 miscounted',
      sections: { 'sec.applications': '予以公开及部分公开80件，占66.1%；无法提供26件。' },
      expect: { status: 'fail', scope: 'grantedOrPartial', claimed: 80, right: 90 },
    },
    {
      name: '无法提供 counts only 本机关不掌握',
      cells: { 't3:unable.unclear:naturalPerson': '4', 't3:unable.unclear:total': '4', 't3:totalProcessed:naturalPerson': '120', 't3:totalProcessed:total': '125', 't3:newReceived:naturalPerson': '120', 't3:newReceived:total': '125' },
      sections: { 'sec.applications': '因本机关不掌握等原因无法提供26件。' },
      expect: { status: 'fail', scope: 'unable', claimed: 26, right: 30 },
    },
  ],
};
