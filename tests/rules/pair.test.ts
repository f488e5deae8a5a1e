// Cross-year rules on real number pairs (spec §7.6 worked examples).
import { describe, expect, it } from 'vitest';
import { checkPair, consecutivePairs } from '../../core/check';
import { Finding } from '../../core/model/schema';
import { buildReport, HUIXIAN_T2, HUIXIAN_T3, withCells } from './fixtures';

describe('xy rules', () => {
  it('Pingtan 2021→2022: 665 + 88 − 55 = 698 holds; carried forward 1 → carried over 1 holds', () => {
    const prev = withCells(buildReport({ year: 2021 }), { 't2:normativeDocs:inForce': 665, 't3:carriedForward:naturalPerson': 1, 't3:carriedForward:total': 1 });
    const cur = withCells(buildReport({ year: 2022 }), { 't2:normativeDocs:issued': 88, 't2:normativeDocs:repealed': 55, 't2:normativeDocs:inForce': 698, 't3:carriedOver:naturalPerson': 1, 't3:carriedOver:total': 1 });
    const f = checkPair(prev, cur);
    for (const x of f) Finding.parse(x);
    const roll = f.find((x) => x.rule === 'xy.inForceRoll' && x.scope === 'normativeDocs')!;
    expect([roll.status, roll.left, roll.right]).toEqual(['pass', 698, 698]);
    expect(f.filter((x) => x.rule === 'xy.carryContinuity').every((x) => x.status === 'pass')).toBe(true);
  });

  it('Pingtan 2022→2023: 698 + 77 − 132 = 643 ≠ 470 is a warning', () => {
    const prev = withCells(buildReport({ year: 2022 }), { 't2:normativeDocs:inForce': 698 });
    const cur = withCells(buildReport({ year: 2023 }), { 't2:normativeDocs:issued': 77, 't2:normativeDocs:repealed': 132, 't2:normativeDocs:inForce': 470 });
    const roll = checkPair(prev, cur).find((x) => x.rule === 'xy.inForceRoll' && x.scope === 'normativeDocs')!;
    expect([roll.status, roll.severity, roll.left, roll.right, roll.difference]).toEqual(['fail', 'warning', 470, 643, -173]);
    expect(roll.message.zh).toContain('698');
  });

  it('skips the in-force roll across the 2019/2021 format boundary', () => {
    const prev = buildReport({ year: 2020, format: '2019', t2: { normativeDocs: { newlyMade: 7, newlyPublished: 7, publishedTotal: 166 } } });
    const f = checkPair(prev, buildReport({ year: 2021 })).filter((x) => x.rule === 'xy.inForceRoll');
    expect(f.map((x) => x.status)).toEqual(['notCheckable', 'notCheckable']);
  });

  it('the same report twice is duplicate content', () => {
    const f = checkPair(buildReport({ year: 2022 }), buildReport({ year: 2023 })).filter((x) => x.rule === 'xy.duplicateContent');
    expect(f.map((x) => `${x.scope}:${x.status}`).sort()).toEqual(['narrative:fail', 'tables:fail']);
  });

  it('a 5× jump in a value ≥ 30 is info', () => {
    const prev = buildReport({ year: 2022, t2: { ...HUIXIAN_T2, licensing: { decisions: 1000 } }, t3: HUIXIAN_T3 });
    const f = checkPair(prev, buildReport()).filter((x) => x.rule === 'xy.jump' && x.status === 'fail');
    expect(f.map((x) => `${x.scope}:${x.left}:${x.right}`)).toEqual(['t2:licensing:decisions:14067:1000']);
    expect(f[0]!.severity).toBe('info');
  });

  it('reports of different agencies or non-consecutive years are not compared', () => {
    const other = { ...buildReport({ year: 2022 }), agency: '淮安市洪泽区人民政府' };
    const f = checkPair(other, buildReport());
    expect(f.length).toBe(4);
    expect(f.every((x) => x.status === 'notCheckable')).toBe(true);
    expect(f[0]!.message.zh).toContain('机关不同');
    const gap = checkPair(buildReport({ year: 2021 }), buildReport());
    expect(gap.every((x) => x.status === 'notCheckable')).toBe(true);
    expect(gap[0]!.message.en).toContain('not for consecutive years');
  });
});

describe('consecutivePairs', () => {
  const at = (year: number | null, agency: string | null) => ({ ...buildReport({ year: year ?? 2023 }), year, agency });

  it('pairs one agency\'s reports of consecutive years, whatever the input order', () => {
    const [y22, y23, y24] = [at(2022, '平潭综合实验区管委会'), at(2023, '平潭综合实验区管委会'), at(2024, '平潭综合实验区（管委会）')];
    // brackets and spaces in the agency name do not make another agency
    expect(consecutivePairs([y24, y22, y23])).toEqual([
      [y23, y24],
      [y22, y23],
    ]);
  });

  it('pairs a county-level agency printed with and without its province and city', () => {
    const [y23, y24, y25] = [at(2023, '洪泽区人民政府'), at(2024, '淮安市洪泽区人民政府'), at(2025, '江苏省淮安市洪泽区人民政府')];
    expect(consecutivePairs([y23, y24, y25])).toEqual([
      [y23, y24],
      [y24, y25],
    ]);
    // the city's own government, or another city's bureau of the same name, is another agency
    expect(consecutivePairs([at(2023, '淮安市人民政府'), at(2024, '淮安市洪泽区人民政府')])).toEqual([]);
    expect(consecutivePairs([at(2023, '苏州市市场监督管理局'), at(2024, '无锡市市场监督管理局')])).toEqual([]);
    expect(consecutivePairs([at(2023, '江苏省人民政府'), at(2024, '浙江省人民政府')])).toEqual([]);
  });

  it('compares a report with one report of the year before, even when that year is given twice', () => {
    const [page23, text23, y24] = [at(2023, '甲局'), at(2023, '甲局'), at(2024, '甲局')];
    expect(consecutivePairs([page23, text23, y24])).toEqual([[page23, y24]]);
  });

  it('never pairs other agencies, unknown agencies or years, the same year, or a gap', () => {
    expect(consecutivePairs([at(2022, '甲局'), at(2023, '乙局')])).toEqual([]);
    expect(consecutivePairs([at(2022, null), at(2023, null)])).toEqual([]);
    expect(consecutivePairs([at(null, '甲局'), at(2023, '甲局')])).toEqual([]);
    expect(consecutivePairs([at(2023, '甲局'), at(2023, '甲局')])).toEqual([]);
    expect(consecutivePairs([at(2021, '甲局'), at(2023, '甲局')])).toEqual([]);
  });
});
