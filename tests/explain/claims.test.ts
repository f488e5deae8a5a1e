import { describe, expect, it } from 'vitest';
import { findClaims, findSentences, unwrapLines } from '../../core/explain/claims';
import type { Section } from '../../core/model/schema';

const sec = (text: string): Section[] => [{ id: 'sec.overview', title: '一、总体情况', text }];
const values = (text: string, keyword: RegExp, extra = {}) => findClaims(sec(text), { keyword, ...extra }).map((c) => c.value);

describe('findClaims', () => {
  it('reads Arabic and Chinese numerals with 件/项/条, and gives the number\'s offset in its sentence', () => {
    const [c] = findClaims(sec('概述。2023 年共收到依申请公开 121 件，产生行政复议 6 件。'), { keyword: /收到/ });
    expect(c!.value).toBe(121);
    expect(c!.sentence.slice(c!.start, c!.end)).toBe('121');
    expect(values('共收到申请一百二十一件。', /收到/)).toEqual([121]);
  });

  it('a keyword with an assertion is looked for in each clause, though the whole text has no match (clauses are searched alone)', () => {
    // ^ holds at the clause's start, never in the sentence; (?<!，) holds in the clause, where no ， precedes it
    expect(values('今年，收到申请5件。', /^收到/)).toEqual([5]);
    expect(values('今年，收到申请5件。', /(?<!，)收到/)).toEqual([5]);
    expect(values('今年，收到申请5件。', /收到/)).toEqual([5]);
    expect(values('今年，受理申请5件。', /收到/)).toEqual([]);
  });

  it('never jumps across a clause (，。；)', () => {
    expect(values('行政复议方面无新情况，行政诉讼57件。', /行政复议/)).toEqual([]);
    expect(values('行政复议情况良好；诉讼57件。', /行政复议/)).toEqual([]);
  });

  it('stops at the next keyword: each keyword takes its own number', () => {
    expect(values('予以公开42件、部分公开5件。', /予以公开|部分公开/)).toEqual([42, 5]);
    expect(values('行政复议2件、行政诉讼7件。', /行政诉讼/)).toEqual([7]);
  });

  it('ignores years, dates, percentages, phone numbers, 12345热线 and ordinals', () => {
    expect(values('收到2023年度的申请。', /收到/)).toEqual([]);
    expect(values('收到申请较去年回落12.3%。', /收到/)).toEqual([]);
    expect(values('收到申请请拨打0591-23165370。', /收到/)).toEqual([]);
    expect(values('收到12345热线转办申请。', /收到/)).toEqual([]);
    expect(values('收到第3件申请。', /收到/)).toEqual([]);
    expect(values('收到2023年1月1日以来的申请15件。', /收到/, { window: 30 })).toEqual([15]);
  });

  it('ignores phrases with a single Chinese digit and 个 (“三个一”工作机制)', () => {
    expect(values('坚持第一时间登记受理、第一时间转送承办单位和第一时间回复申请的“三个一”工作机制。', /受理/, { window: 40 })).toEqual([]);
  });

  it('ignores approximate numbers (70 余条)', () => {
    expect(values('发布涉企政策信息 70 余条。', /发布/)).toEqual([]);
  });

  it('reads a number before its keyword when asked (另有72件申请…顺延到下年度)', () => {
    expect(values('另有72件申请按照《条例》顺延到下年度答复。', /顺延到下年度/, { numberBefore: true })).toEqual([72]);
  });

  it('a keyword too far from the number does not claim it', () => {
    expect(values('收到了来自各方面的各种各样的关于很多事项的意见和建议共计3件。', /收到/, { window: 10 })).toEqual([]);
  });
});

describe('unwrapLines', () => {
  it('joins hard-wrapped lines, keeps headings and sentence ends', () => {
    expect(unwrapLines('全年收到政府信息公开申请 34 件，上年结转政府信息公开\n申请 2 件。\n五、政府信息管理\n市科委及时发布')).toBe('全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件。\n五、政府信息管理\n市科委及时发布');
  });
});

describe('findSentences', () => {
  it('lists the matches of each sentence as String.prototype.matchAll does, empty matches and astral characters included', () => {
    const text = '甲𠀀乙予以公开；予以公开予以公开。';
    for (const re of [/予以公开/, /予?/u, /予?/]) {
      const want = ['甲𠀀乙予以公开', '予以公开予以公开'].flatMap((s) => [...s.matchAll(new RegExp(re.source, re.flags + 'g'))].map((m) => `${s}@${m.index}:${m[0]}`));
      expect(findSentences(sec(text), re).map((m) => `${m.sentence}@${m.index}:${m.match}`)).toEqual(want);
    }
  });
});
