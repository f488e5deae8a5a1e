import type { Cell, CellRef } from '../model/schema';
import { draft } from './draft';
import { evaluateIdentity, lookupIn } from './identity';
import { SUM_REVIEW } from './sumRule';
import type { FindingDraft, PairRule, RuleCases } from './types';

// Spec §7.6: in force this year = in force last year + issued − repealed (2021 format both years; 清理 campaigns break it).
const rule: PairRule = {
  kind: 'pair',
  id: 'xy.inForceRoll',
  severity: 'warning',
  reads: ['t2'],
  doc: 'For 规章 and 行政规范性文件: this year\'s 现行有效 = last year\'s 现行有效 + this year\'s 制发 − 废止. Only when both reports use the 2021 format (the 2019 对外公开总数量 is a different count: xy.formatBoundary); clean-up campaigns legitimately break it, hence a warning (spec §7.6; Pingtan 2022→23: 698 + 77 − 132 = 643 ≠ 470).',
  messages: {
    fail: {
      zh: '「{scope}」：上年现行有效 {previousInForce} + 本年制发 {issued} − 废止 {repealed} = {right}，但本年现行有效为 {left}（差 {difference}）。',
      en: '{scope}: last year in force {previousInForce} + issued {issued} − repealed {repealed} = {right}, but in force this year is {left} (difference {difference}).',
    },
    pass: { zh: '「{scope}」：现行有效件数与上年衔接（{left}）。', en: '{scope}: in-force count rolls over from last year ({left}).' },
    notCheckable: { zh: '「{scope}」：{reasonZh}，不检查现行有效件数的衔接。', en: '{scope}: {reasonEn}; the in-force roll-over is not checked.' },
    needsReview: SUM_REVIEW.needsReview,
  },
  check(previous, current) {
    const out: FindingDraft[] = [];
    for (const row of ['regulations', 'normativeDocs']) {
      if (previous.format !== '2021' || current.format !== '2021') {
        out.push(draft(rule.id, 'warning', 'notCheckable', { scope: row, params: { reasonZh: '两份报告并非都采用2021版格式', reasonEn: 'the two reports are not both in the 2021 format' } }));
        continue;
      }
      const refs = {
        inForce: { table: 't2', row, col: 'inForce' } as CellRef,
        repealed: { table: 't2', row, col: 'repealed' } as CellRef,
        prevInForce: { table: 't2', row, col: 'inForce' } as CellRef,
        issued: { table: 't2', row, col: 'issued' } as CellRef,
      };
      const prev = lookupIn(previous);
      const cur = lookupIn(current);
      // the same address in two reports: tell them apart by object identity
      const lookup = (ref: CellRef): Cell | undefined => (ref === refs.prevInForce ? prev(ref) : cur(ref));
      const f = evaluateIdentity({ rule: rule.id, severity: 'warning', scope: row, left: [refs.inForce, refs.repealed], right: [refs.prevInForce, refs.issued], relation: 'eq' }, lookup);
      if (f.status === 'notCheckable') {
        if (f.params?.reason === 'missing') continue; // the row is not in one of the tables
        out.push({ ...f, params: { ...f.params, reasonZh: '所需单元格不是数字', reasonEn: 'a needed cell is not a number' } });
        continue;
      }
      const v = (ref: CellRef) => lookup(ref)?.value ?? 0;
      // report the identity in its natural form: in force = previous + issued − repealed
      const left = v(refs.inForce);
      const right = v(refs.prevInForce) + v(refs.issued) - v(refs.repealed);
      out.push({
        ...f,
        left,
        right,
        difference: left - right,
        cells: [refs.inForce, refs.issued, refs.repealed],
        leftCells: [refs.inForce],
        // previous + issued − repealed mixes two reports and a minus: the message spells it out, not a sum of cells
        rightCells: [],
        params: { ...f.params, previousInForce: v(refs.prevInForce), issued: v(refs.issued), repealed: v(refs.repealed), previousYear: previous.year ?? '?' },
      });
    }
    return out;
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [{ name: 'Huixian: 70 + 5 − 0 = 75 in force', cells: { 't2:normativeDocs:inForce': '75' }, expect: { status: 'pass', scope: 'normativeDocs', left: 75 } }],
  invalid: [
    {
      name: 'Pingtan 2022→2023: 698 + 77 − 132 = 643 ≠ 470',
      previous: { cells: { 't2:normativeDocs:inForce': '698' } },
      cells: { 't2:normativeDocs:issued': '77', 't2:normativeDocs:repealed': '132', 't2:normativeDocs:inForce': '470' },
      expect: { status: 'fail', scope: 'normativeDocs', left: 470, right: 643, difference: -173 },
    },
    { name: 'previous report in the 2019 format', previous: { meta: { format: '2019' } }, expect: { status: 'notCheckable', count: 2 } },
  ],
};
