// Hand-read values of the bundled sample (samples/huixian-2023.txt), as a Report built without the reader,
// so the exporters are tested on real numbers independently of reading.
import type { Cell, Finding, Report, TableId } from '../../core/model/schema';
import { T4_BLOCKS, T4_OUTCOMES } from '../../core/model/templates';

let line = 0;
function cell(table: TableId, row: string, col: string, raw: string, kind: Cell['kind'] = 'number'): Cell {
  line += 1;
  const value = kind === 'number' ? Number(raw.replace(/[^\d.-]/g, '')) : null;
  return { table, row, col, raw, value, kind, source: { type: 'text', line, column: 1 } };
}

// 四、 table of the sample: 1 4 1 0 6 | 0 0 0 0 0 | 0 0 0 0 0
const T4_PRINTED = ['1', '4', '1', '0', '6', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'];
const t4Cols = T4_BLOCKS.flatMap((b) => T4_OUTCOMES.map((o) => `${b.id}.${o.id}`));

export function huixianReport(): Report {
  line = 0;
  const cells: Cell[] = [
    cell('t2', 'regulations', 'issued', '0'),
    cell('t2', 'normativeDocs', 'issued', '5'),
    cell('t2', 'normativeDocs', 'inForce', '70'),
    cell('t2', 'licensing', 'decisions', '14067'),
    cell('t2', 'penalty', 'decisions', '3681'),
    cell('t2', 'adminFees', 'feeAmountWan', '20587.3303'),
    cell('t3', 'newReceived', 'naturalPerson', '116'),
    cell('t3', 'newReceived', 'otherOrg', '5'),
    cell('t3', 'newReceived', 'total', '121'),
    cell('t3', 'granted', 'naturalPerson', '83'),
    cell('t3', 'granted', 'otherOrg', '5'),
    cell('t3', 'granted', 'total', '88'),
    cell('t3', 'unable.notHeld', 'total', '26'),
    cell('t3', 'totalProcessed', 'total', '121'),
    ...t4Cols.map((col, i) => cell('t4', 'cases', col, T4_PRINTED[i]!)),
  ];
  return {
    format: '2021',
    year: 2023,
    agency: '辉县市人民政府',
    title: '辉县市人民政府 2023 年政府信息公开工作年度报告',
    tablesFound: ['t2', 't3', 't4'],
    cells,
    extras: [],
    sections: [],
    notCheckable: [],
    readNotes: [],
  };
}

/** A failing t4.reviewSum as the rules would report it if the review total were printed 7 instead of 6. */
export function reviewSumFinding(printedTotal: number): Finding {
  const ref = (col: string) => ({ table: 't4' as const, row: 'cases', col });
  return {
    rule: 't4.reviewSum',
    severity: 'error',
    status: printedTotal === 6 ? 'pass' : 'fail',
    cells: ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => ref(`review.${o}`)),
    left: 6,
    right: printedTotal,
    difference: 6 - printedTotal,
    leftCells: ['upheld', 'corrected', 'other', 'pending'].map((o) => ref(`review.${o}`)),
    rightCells: [ref('review.total')],
    suspects:
      printedTotal === 6 ? [] : [{ table: 't4', row: 'cases', col: 'review.total', printed: printedTotal, suggested: 6, typo: 'mistype' }],
    ambiguous: false,
    message: { zh: '行政复议各结果之和应等于总计', en: 'Review outcomes should add up to the review total' },
  };
}
