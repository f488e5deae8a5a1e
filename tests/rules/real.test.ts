// Real reports, built from the numbers of the corpus MANIFEST hand checks and spec §10 (expected values are
// those hand checks, not program output). Narrative text is the documents' own.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../core/check';
import { cellKey } from '../../core/model/ids';
import { Finding } from '../../core/model/schema';
import { buildReport, huixianSections, type Printed } from './fixtures';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { readDocument } from '../../core/read/dom';

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/real/', import.meta.url));
const _ = '';
const errors = (fs: Finding[]) => fs.filter((f) => f.status === 'fail' && f.severity === 'error');

describe('Huixian 2023 (seed sample): all identities hold, narrative 121 / 6 / 0 matches', () => {
  const findings = checkReport(buildReport({ sections: huixianSections() }));
  it('validates and has no error-severity failure', () => {
    for (const f of findings) Finding.parse(f);
    expect(errors(findings)).toEqual([]);
    expect(findings.filter((f) => f.status === 'needsReview')).toEqual([]);
  });
  it('passes every t3/t4 identity: 25 row totals, 7 balances, 7 outcome sums, 3 block sums', () => {
    const passes = (rule: string) => findings.filter((f) => f.rule === rule && f.status === 'pass').length;
    expect([passes('t3.rowTotal'), passes('t3.balance'), passes('t3.outcomeSum'), passes('t4.reviewSum'), passes('t4.litDirectSum'), passes('t4.litAfterReviewSum')]).toEqual([25, 7, 7, 1, 1, 1]);
  });
  it('reads the narrative numbers 121, 6, 0 and finds them consistent', () => {
    const txt = findings.filter((f) => f.rule.startsWith('txt.') && f.evidence);
    expect(txt.map((f) => `${f.rule}:${f.evidence!.claimed}:${f.status}`).sort()).toEqual(['txt.litigationTotal:0:pass', 'txt.received:121:pass', 'txt.reviewTotal:6:pass']);
    const received = txt.find((f) => f.rule === 'txt.received')!;
    expect(received.evidence!.sentence.slice(received.evidence!.start, received.evidence!.end)).toBe('121');
  });
  it('finds orders: passes last', () => {
    const firstPass = findings.findIndex((f) => f.status === 'pass');
    expect(findings.slice(firstPass).every((f) => f.status === 'pass')).toBe(true);
  });
});

// Shanghai Municipal Government Office 2019 (F2019), values as printed (blank = ''), from the corpus HTML.
const SH_T3: Record<string, Printed[]> = {
  newReceived: [821, 35, _, _, 2, 1, 859],
  carriedOver: [18, _, _, _, _, _, 18],
  granted: [258, 12, _, _, 1, 1, _],
  partial: [3, _, _, _, _, _, _],
  'denied.stateSecret': [14, _, _, _, _, _, _],
  'denied.lawForbidden': [_, _, _, _, _, _, _],
  'denied.threeSafetyOneStability': [_, _, _, _, _, _, _],
  'denied.thirdParty': [_, _, _, _, _, _, _],
  'denied.internalAffairs': [5, _, _, _, _, _, _],
  'denied.processInfo': [3, 1, _, _, _, _, _],
  'denied.enforcementFile': [_, _, _, _, _, _, _],
  'denied.adminQuery': [10, 2, _, _, _, _, _],
  'unable.notHeld': [252, 12, _, _, 1, _, _],
  'unable.needsCreation': [44, 3, _, _, _, _, _],
  'unable.unclear': [25, _, _, _, _, _, _],
  'notProcessed.complaint': [148, 1, _, _, _, _, _],
  'notProcessed.repeated': [5, 4, _, _, _, _, _],
  'notProcessed.publication': [_, _, _, _, _, _, _],
  'notProcessed.massRepeated': [_, _, _, _, _, _, _],
  'notProcessed.confirmReissue': [_, _, _, _, _, _, _],
  other: [_, _, _, _, _, _, _],
  totalProcessed: [767, 35, _, _, 2, 1, 805],
  carriedForward: [72, _, _, _, _, _, 72],
};
const SH_T4: Printed[] = [5, _, _, 2, 7, 8, _, _, 1, 9, _, _, _, _, _];
const SH_T2 = {
  regulations: { newlyMade: 13, newlyPublished: 13, publishedTotal: 524 },
  normativeDocs: { newlyMade: 60, newlyPublished: 60, publishedTotal: 368 },
  licensing: { itemsLastYear: 0, itemsDelta: 0, decisions: 0 },
  otherServices: { itemsLastYear: 0, itemsDelta: 0, decisions: 0 },
  penalty: { itemsLastYear: 0, itemsDelta: 0, decisions: 0 },
  coercion: { itemsLastYear: 0, itemsDelta: 0, decisions: 0 },
  adminFees: { itemsLastYear: 0, itemsDelta: 0 },
  centralProcurement: { procurementCount: 6, procurementAmount: '251000元' },
};

describe('Shanghai 2019: blanks need review, the narrative disagrees with the table, no arithmetic error', () => {
  const page = parseHTML(readFileSync(`${CORPUS}2019-shanghai-shizhengfu-bangongting.html`, 'utf8')).document as unknown as Document;
  // the numbers are typed from the hand check; the narrative is the page's own, as the reader splits it
  const sections = readDocument(page)[0]!.report.sections.filter((s) => s.id !== 'sec.preamble');
  const report = buildReport({ format: '2019', year: 2019, agency: '上海市人民政府办公厅', t3: SH_T3, t4: SH_T4, t2: SH_T2, sections });
  const findings = checkReport(report);

  it('splits six sections', () => {
    expect(sections.map((s) => s.id)).toEqual(['sec.overview', 'sec.proactive', 'sec.applications', 'sec.reviewLitigation', 'sec.problems', 'sec.other']);
  });
  it('has no error-severity failure and validates', () => {
    for (const f of findings) Finding.parse(f);
    expect(errors(findings).map((f) => f.message.en)).toEqual([]);
  });
  it('table 四 has 9 blank cells in its one data row (2 in review, 2 in direct litigation, all 5 after review), named as that row', () => {
    const f = findings.find((x) => x.rule === 'val.blankCell' && x.scope === 'cases')!;
    expect(f.blanks).toHaveLength(9);
    expect(f.message.zh).toMatch(/^表四的数据行有 9 个空白或占位单元格/);
    expect(f.message.en).toMatch(/^In the data row of table 4, 9 cell\(s\) are blank/);
    const granted = findings.find((x) => x.rule === 'val.blankCell' && x.scope === 'granted')!;
    expect(granted.message.zh).toMatch(/^「（一）予以公开」行有 3 个/);
    expect(granted.message.en).toMatch(/^In row "\(1\) granted", 3 cell/);
  });
  it('blank 总计 of 予以公开: needsReview, to be filled with 272 (258 + 12 + 1 + 1)', () => {
    const f = findings.find((x) => x.rule === 't3.rowTotal' && x.scope === 'granted')!;
    expect(f.status).toBe('needsReview');
    expect(f.blanks!.map(cellKey)).toContain('t3:granted:total');
    expect(f.suspects.map((s) => `${cellKey(s)}=${s.suggested}`)).toEqual(['t3:granted:total=272']);
  });
  it('the printed identities add up: balance passes or only has blanks in every column; review 5+2=7, litigation 8+1=9', () => {
    expect(findings.filter((f) => f.rule === 't3.balance' && f.scope === 'total')[0]!.status).toBe('pass');
    expect(findings.filter((f) => f.rule === 't3.balance').every((f) => f.status === 'pass' || (f.status === 'needsReview' && f.difference === 0))).toBe(true);
    const review = findings.find((f) => f.rule === 't4.reviewSum')!;
    expect([review.status, review.difference]).toEqual(['needsReview', 0]);
    const direct = findings.find((f) => f.rule === 't4.litDirectSum')!;
    expect([direct.status, direct.difference]).toEqual(['needsReview', 0]);
  });
  it('narrative: 予以公开及部分公开 258 vs 275 and 无法提供 265 vs 337 are warnings', () => {
    const groups = findings.filter((f) => f.rule === 'txt.outcomeGroups');
    const byScope = Object.fromEntries(groups.map((f) => [f.scope, `${f.status}:${f.left}:${f.right}`]));
    expect(byScope.grantedOrPartial).toBe('fail:258:275');
    expect(byScope.unable).toBe('fail:265:337');
    expect(byScope.denied).toBe('pass:35:35');
    expect(byScope.notProcessed).toBe('pass:158:158');
    expect(groups.filter((f) => f.status === 'fail').every((f) => f.severity === 'warning')).toBe(true);
    const g = groups.find((f) => f.scope === 'grantedOrPartial')!;
    expect(g.evidence!.sentence.slice(g.evidence!.start, g.evidence!.end)).toBe('258');
  });
  it('narrative: 受理 859, 答复 805, 上年度结转 18, 顺延 72, 复议 7, 诉讼 9 all match', () => {
    const got = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => `${f.status}:${f.left}`);
    expect(got('txt.received')).toContain('pass:859');
    expect(got('txt.processed')).toContain('pass:805');
    expect(got('txt.carriedOver')).toContain('pass:18');
    expect(got('txt.carriedForward')).toContain('pass:72');
    expect(got('txt.reviewTotal')).toContain('pass:7');
    expect(got('txt.litigationTotal')).toContain('pass:9');
  });
  it('narrative: the outcome parts 716 do not add to 805; 均获维持 while 3 cases are pending', () => {
    const parts = findings.find((f) => f.rule === 'txt.outcomePartsSum')!;
    expect([parts.status, parts.left, parts.right]).toEqual(['fail', 716, 805]);
    const claims = findings.find((f) => f.rule === 'txt.outcomeClaims')!;
    expect([claims.status, claims.right]).toEqual(['fail', 3]);
  });
  it('percentages: 33.9 % and 32.9 % disagree with the table, 4.34 % and 19.6 % agree', () => {
    const pct = findings.filter((f) => f.rule === 'txt.outcomePercent').map((f) => `${f.status}:${f.left}`).sort();
    expect(pct).toEqual(['fail:32.9', 'fail:33.9', 'pass:19.6', 'pass:4.34']);
  });
  it('no narrative number is taken from a year, a percentage rate, a phone number or 12345', () => {
    const claimed = findings.filter((f) => f.evidence).map((f) => f.evidence!.claimed);
    for (const bad of [2019, 2020, 12.3, 12345, 90.2]) expect(claimed).not.toContain(bad);
  });
});

describe('Pingtan 2020 (spec §10): the error shows only in t3.outcomeSum', () => {
  const z = [0, 0, 0, 0, 0, 0, 0];
  const rows: Record<string, number[]> = {
    newReceived: [20, 0, 0, 0, 0, 1, 21], carriedOver: z, granted: [6, 0, 0, 0, 0, 1, 7], partial: [6, 0, 0, 0, 0, 0, 6],
    'denied.stateSecret': z, 'denied.lawForbidden': z, 'denied.threeSafetyOneStability': z, 'denied.thirdParty': z, 'denied.internalAffairs': z,
    'denied.processInfo': z, 'denied.enforcementFile': z, 'denied.adminQuery': z, 'unable.notHeld': [4, 0, 0, 0, 0, 0, 4], 'unable.needsCreation': z,
    'unable.unclear': [3, 0, 0, 0, 0, 0, 3], 'notProcessed.complaint': z, 'notProcessed.repeated': [3, 0, 0, 0, 0, 0, 3], 'notProcessed.publication': z,
    'notProcessed.massRepeated': z, 'notProcessed.confirmReissue': z, other: [4, 0, 0, 0, 0, 0, 4], totalProcessed: [20, 0, 0, 0, 0, 1, 21], carriedForward: z,
  };
  const findings = checkReport(buildReport({ format: '2019', year: 2020, t3: rows, t4: Array(15).fill(0), sections: [] }));
  it('outcome leaves 27 vs （七）总计 21 (总计), 26 vs 20 (自然人): errors; balance 21 + 0 = 21 + 0 passes', () => {
    expect(errors(findings).map((f) => `${f.rule}|${f.scope}|${f.right}|${f.left}`).sort()).toEqual(['t3.outcomeSum|naturalPerson|26|20', 't3.outcomeSum|total|27|21']);
    expect(findings.filter((f) => f.rule === 't3.balance').map((f) => f.status)).toEqual(Array(7).fill('pass'));
  });
});

describe("Huai'an Hongze 2023 t4 (MANIFEST): 复议 10,1,0,0 total 0; 复议后起诉 5,0,0,0 total 0", () => {
  const findings = checkReport(buildReport({ t4: [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0], sections: [] }));
  it('review: error, 总计 should be 11', () => {
    const f = findings.find((x) => x.rule === 't4.reviewSum')!;
    expect([f.status, f.severity, f.left, f.right]).toEqual(['fail', 'error', 0, 11]);
    expect(f.suspects.map((s) => `${s.col}:${s.printed}→${s.suggested}`)).toEqual(['review.total:0→11']);
    expect(f.ambiguous).toBe(false);
  });
  it('after review: error, 总计 → 5 listed first, but not asserted (维持 → 0 fits too)', () => {
    const f = findings.find((x) => x.rule === 't4.litAfterReviewSum')!;
    expect([f.status, f.severity, f.left, f.right, f.ambiguous]).toEqual(['fail', 'error', 0, 5, true]);
    expect(f.alternatives!.map((a) => a.map((s) => `${s.col}→${s.suggested}`).join())).toEqual(['litAfterReview.total→5', 'litAfterReview.upheld→0']);
  });
  it('errors come first', () => {
    expect(findings.slice(0, 2).map((f) => f.rule).sort()).toEqual(['t4.litAfterReviewSum', 't4.reviewSum']);
  });
});
