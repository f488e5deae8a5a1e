import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { T2_2021, T3_2019, T3_2021, T3_COLS, T4_OUTCOMES } from '../../core/model/templates';
import { editDistance, matchLabel, normLabel, stripNumbering } from '../../core/read/labels';

const rowId = (printed: string, rows = T3_2021.rows) => matchLabel(printed, rows)?.def.id ?? null;

describe('normLabel', () => {
  it('removes every kind of space and unifies brackets and quotes (V2, V3)', () => {
    expect(normLabel('三、本年度办 理结果')).toBe('三、本年度办理结果');
    expect(normLabel('社会公益\u00a0\u3000组织\u200b')).toBe('社会公益组织');
    expect(normLabel('3.危及“三安全一稳定”')).toBe(normLabel('3.危及"三安全一稳定"'));
    expect(normLabel('3.危及“三安全一稳定”')).toBe('3.危及三安全一稳定');
    expect(normLabel('（七）总计')).toBe('(七)总计');
    expect(normLabel('１．属于国家秘密')).toBe('1.属于国家秘密');
  });
});

describe('stripNumbering', () => {
  it('drops the numbering prefixes of the template', () => {
    expect(stripNumbering(normLabel('（三）不予公开'))).toBe('不予公开');
    expect(stripNumbering(normLabel('1.属于国家秘密'))).toBe('属于国家秘密');
    expect(stripNumbering(normLabel('一、本年新收政府信息公开申请数量'))).toBe('本年新收政府信息公开申请数量');
    expect(stripNumbering('规章')).toBe('规章');
  });
});

describe('editDistance', () => {
  it('counts edits and stops above the cap', () => {
    expect(editDistance('行政复议', '行政法复议')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'a', 2)).toBe(3);
  });

  it('is the Levenshtein distance up to the cap and above the cap beyond it, for any pair, long ones and calls in any order included', () => {
    // the reference: the whole table, nothing reused between calls
    const levenshtein = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      return d[a.length]![b.length]!;
    };
    // few letters, so that near and equal strings come up; up to 150 long, past the rows first allocated
    const text = fc.string({ unit: fc.constantFrom('公', '开', '予', '以', 'a', 'b'), maxLength: 150 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 4 }), (pairs) => {
        for (const [a, b, cap] of pairs) {
          const exact = levenshtein(a, b);
          const got = editDistance(a, b, cap);
          if (exact <= cap) expect(got).toBe(exact);
          else expect(got).toBeGreaterThan(cap);
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe('matchLabel', () => {
  it('matches the template labels exactly', () => {
    expect(rowId('一、本年新收政府信息公开申请数量')).toBe('newReceived');
    expect(rowId('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('partial');
    expect(rowId('3.其他')).toBe('other.misc');
    expect(rowId('（七）总计')).toBe('totalProcessed');
    expect(rowId('（六）其他处理', T3_2019.rows)).toBe('other');
  });

  it('matches variants, synonyms and stray spaces (V10, V17)', () => {
    expect(rowId('合计')).toBe('totalProcessed');
    expect(rowId('四、结转下一年度继续办理')).toBe('carriedForward');
    expect(rowId('2.其他法律行政止公开')).toBe('denied.lawForbidden');
    expect(rowId('4.保护第三方 合法权益')).toBe('denied.thirdParty');
    expect(rowId('3.危及"三安全一稳定"')).toBe('denied.threeSafetyOneStability');
    expect(rowId('2.没有现成信息需要另行制做')).toBe('unable.needsCreation');
    expect(matchLabel('规章（设区的市、自治州人民政府应提供相关数据）', T2_2021.rows)?.def.id).toBe('regulations');
    expect(matchLabel('规范性文件', T2_2021.rows)?.def.id).toBe('normativeDocs');
  });

  it('matches column headers split over lines', () => {
    expect(matchLabel('社会公益 组织', T3_COLS)?.def.id).toBe('publicInterest');
    expect(matchLabel('商业 企业', T3_COLS)?.def.id).toBe('commercial');
    expect(matchLabel('其他', T3_COLS)?.def.id).toBe('otherOrg');
    expect(matchLabel('合计', T3_COLS)?.def.id).toBe('total');
    expect(matchLabel('尚未 审结', T4_OUTCOMES)?.def.id).toBe('pending');
  });

  it('does not confuse short labels two edits apart', () => {
    // 不予公开 is a group heading, two edits from 予以公开
    expect(rowId('（三）不予公开')).toBeNull();
    expect(matchLabel('法人或其他组织', T3_COLS)).toBeNull();
    expect(rowId('')).toBeNull();
  });
});
