// The narrative as a tie-breaker between equally small corrections (issue 13 §2), on the two reports the issue
// describes and on cases where the text cannot decide.
import { describe, expect, it } from 'vitest';
import { checkPair, checkReport } from '../../core/check';
import { joinYearFindings } from '../../core/years';
import { localize } from '../../core/explain/localize';
import { applyTextSupport, narrativeClaims, previousYearClaims, textSupported } from '../../core/explain/textSupport';
import { renderMessage } from '../../core/explain/messages';
import { suspectLines } from '../../core/export/labels';
import { cellKey } from '../../core/model/ids';
import { ruleById } from '../../core/rules';
import type { Report, Suspect } from '../../core/model/schema';
import { buildReport, HUIXIAN_T3 } from '../rules/fixtures';

const zeros = Object.fromEntries(Object.keys(HUIXIAN_T3).map((r) => [r, [0, 0, 0, 0, 0, 0, 0]]));
const t4 = (review: number[]) => [...review, ...Array(10).fill(0)];
const key = (sol: readonly Suspect[]) => sol.map((s) => `${cellKey(s)}=${s.suggested}`).sort().join(' ');

function decide(report: Report, system: string) {
  const loc = localize(report).find((l) => l.system === system)!;
  const support = textSupported(loc.solutions, narrativeClaims(checkReport(report)));
  return { loc, support, chosen: support ? key(loc.solutions[support.alternative]!) : null };
}

// 表四 行政复议: 结果维持 1, 总计 0
const reviewReport = (text: string) => buildReport({ t3: zeros, t4: t4([1, 0, 0, 0, 0]), sections: [{ id: 'sec.reviewLitigation', title: '', text }] });
// 表三: 新收 3 (自然人 3, 总计 3), nothing processed, nothing carried forward
const receivedReport = (text: string) =>
  buildReport({ t3: { ...zeros, newReceived: [3, 0, 0, 0, 0, 0, 3] }, t4: t4([0, 0, 0, 0, 0]), sections: [{ id: 'sec.applications', title: '', text }] });

describe('textSupported', () => {
  it('维持 1, 总计 0, text "行政复议1起，结果为维持": the text supports 总计 0→1', () => {
    const { loc, chosen, support } = decide(reviewReport('因依申请公开引发行政复议1起，结果为维持。'), 'review');
    expect(loc.status).toBe('ambiguous');
    expect(loc.solutions.map(key).sort()).toEqual(['t4:cases:review.total=1', 't4:cases:review.upheld=0']);
    expect(chosen).toBe('t4:cases:review.total=1');
    expect(support!.rule).toBe('txt.reviewTotal');
    expect(support!.evidence.sentence).toBe('因依申请公开引发行政复议1起，结果为维持');
  });

  it('新收 3 with nothing processed, text "共收到政府信息公开申请0条": the text supports 新收 3→0', () => {
    const { loc, chosen } = decide(receivedReport('共收到政府信息公开申请0条。'), 't3');
    expect(loc.status).toBe('ambiguous');
    expect(loc.solutions.length).toBeGreaterThan(1);
    expect(chosen).toBe('t3:newReceived:naturalPerson=0 t3:newReceived:total=0');
  });

  it('the text agrees with none of the corrections: nothing decided', () => {
    expect(decide(reviewReport('因依申请公开引发行政复议2起。'), 'review').support).toBeNull();
  });

  it('the text says nothing about the cells in question: nothing decided', () => {
    expect(decide(reviewReport('本年度收到政府信息公开申请0件。'), 'review').support).toBeNull();
    expect(decide(reviewReport(''), 'review').support).toBeNull();
  });

  it('two statements, each for another correction: nothing decided', () => {
    // 行政复议 1 起 backs 总计 0→1; 均获维持 with 0 not upheld holds either way; 未发生行政复议 backs 维持 1→0
    expect(decide(reviewReport('因依申请公开引发行政复议1起。本年度未发生行政复议。'), 'review').support).toBeNull();
  });

  it('a claim the narrative scope leaves out does not decide (last year\'s number)', () => {
    expect(decide(reviewReport('上年度发生行政复议1起。'), 'review').support).toBeNull();
  });
});

describe('applyTextSupport', () => {
  it('the failing identity names the text-supported correction as its suspect and keeps the others as alternatives', () => {
    const findings = applyTextSupport(checkReport(reviewReport('因依申请公开引发行政复议1起，结果为维持。')));
    const f = findings.find((x) => x.rule === 't4.reviewSum' && x.status === 'fail')!;
    expect(f.ambiguous).toBe(true);
    expect(f.alternatives!.length).toBe(2);
    expect(f.suspects.map((s) => `${cellKey(s)}=${s.suggested}`)).toEqual(['t4:cases:review.total=1']);
    expect(f.textSupport!.rule).toBe('txt.reviewTotal');
    expect(key(f.alternatives![f.textSupport!.alternative]!)).toBe('t4:cases:review.total=1');
  });

  it('nothing changes when the text cannot decide', () => {
    const before = checkReport(reviewReport('因依申请公开引发行政复议2起。'));
    const after = applyTextSupport(before);
    expect(after.find((x) => x.rule === 't4.reviewSum' && x.status === 'fail')!.textSupport).toBeUndefined();
    expect(after).toEqual(before);
  });
});

describe('last year\'s report as the statement', () => {
  // 新收 5, 上年结转 2, 办结 5, 结转下年度 0: 5 + 2 ≠ 5 + 0 in 自然人 and 总计; several two-cell corrections
  const current = buildReport({
    year: 2024,
    t3: { ...zeros, newReceived: [5, 0, 0, 0, 0, 0, 5], carriedOver: [2, 0, 0, 0, 0, 0, 2], granted: [5, 0, 0, 0, 0, 0, 5], totalProcessed: [5, 0, 0, 0, 0, 0, 5] },
    t4: t4([0, 0, 0, 0, 0]),
    sections: [],
  });
  const previous = buildReport({ year: 2023, t3: zeros, t4: t4([0, 0, 0, 0, 0]), sections: [] });

  it('last year carried forward 0: this year\'s 上年结转 2→0 is the supported correction', () => {
    const loc = localize(current).find((l) => l.system === 't3')!;
    expect(loc.status).toBe('ambiguous');
    const findings = applyTextSupport(checkReport(current), previousYearClaims(checkPair(previous, current)));
    const f = findings.find((x) => x.rule === 't3.balance' && x.scope === 'total' && x.status === 'fail')!;
    expect(f.textSupport?.rule).toBe('xy.carryContinuity');
    expect(f.textSupport?.evidence.section).toBe('previousYear');
    expect(f.suspects.map((s) => `${cellKey(s)}=${s.suggested}`)).toEqual(['t3:carriedOver:total=0']);
  });

  it('without last year\'s report nothing is decided', () => {
    const f = applyTextSupport(checkReport(current)).find((x) => x.rule === 't3.balance' && x.scope === 'total' && x.status === 'fail')!;
    expect(f.textSupport).toBeUndefined();
  });
});

describe('the message of a text-supported suspect', () => {
  it('quotes the sentence, names the supported correction and keeps the other as possible (zh, en)', () => {
    const f = applyTextSupport(checkReport(reviewReport('因依申请公开引发行政复议1起，结果为维持。'))).find((x) => x.rule === 't4.reviewSum' && x.status === 'fail')!;
    const m = renderMessage(f, ruleById('t4.reviewSum')!.messages, '2021');
    expect(m.zh).toContain('正文原句“因依申请公开引发行政复议1起，结果为维持”称 1，只与其中一种一致');
    expect(m.zh).toMatch(/最可能的改法：表四「行政复议·总计」印作 0，应为 1。其他可能：表四「行政复议·结果维持」印作 1，应为 0/);
    expect(m.en).toContain('says 1, which agrees with only one. Most likely correction:');
    expect(m.en).toContain('Also possible:');
    expect(suspectLines(f, '2021', 'zh')).toEqual(['表四「行政复议·总计」：印 0，应为 1（正文支持此改法）']);
  });
});

describe('joinYearFindings', () => {
  const t3 = { ...zeros, newReceived: [5, 0, 0, 0, 0, 0, 5], carriedOver: [2, 0, 0, 0, 0, 0, 2], granted: [5, 0, 0, 0, 0, 0, 5], totalProcessed: [5, 0, 0, 0, 0, 0, 5] };
  const current = (text: string) => buildReport({ year: 2024, t3, t4: t4([0, 0, 0, 0, 0]), sections: text ? [{ id: 'sec.applications', title: '', text }] : [] });
  const previous = buildReport({ year: 2023, t3: zeros, t4: t4([0, 0, 0, 0, 0]), sections: [] });
  const balance = (fs: ReturnType<typeof checkReport>) => fs.find((x) => x.rule === 't3.balance' && x.scope === 'total' && x.status === 'fail')!;

  it('last year\'s 结转下年度 decides, and the message says so', () => {
    const r = current('');
    const f = balance(joinYearFindings(checkReport(r), checkPair(previous, r), r.format));
    expect(f.suspects.map((s) => `${cellKey(s)}=${s.suggested}`)).toEqual(['t3:carriedOver:total=0']);
    expect(f.message.zh).toContain('上年报告的结转下年度继续办理为 0，只与其中一种一致');
    expect(f.message.en).toContain('last year\'s report carried forward 0');
  });

  it('the text and last year\'s report back different corrections: undecided again', () => {
    const r = current('本年新收政府信息公开申请3件。');
    const alone = balance(applyTextSupport(checkReport(r)));
    expect(alone.textSupport?.rule).toBe('txt.newReceived');
    const joined = balance(joinYearFindings(applyTextSupport(checkReport(r)), checkPair(previous, r), r.format));
    expect(joined.textSupport).toBeUndefined();
    expect(joined.ambiguous).toBe(true);
  });
});
