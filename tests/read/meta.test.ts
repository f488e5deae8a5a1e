import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockText, detectFormat, readMeta, splitSections } from '../../core/read/meta';

const corpus = (f: string) => readFileSync(new URL(`../fixtures/corpus/real/${f}`, import.meta.url), 'utf8');
const seed = () => readFileSync(new URL('../../samples/huixian-2023.txt', import.meta.url), 'utf8');

describe('readMeta', () => {
  it('reads agency, year and format from the sample title line', () => {
    expect(readMeta(seed())).toEqual({
      format: '2021',
      year: 2023,
      agency: '辉县市人民政府',
      title: '辉县市人民政府2023年政府信息公开工作年度报告',
    });
  });

  it('reads a title that puts the year first (Shanghai 2019, F2019 tokens)', () => {
    const { document } = parseHTML(corpus('2019-shanghai-shizhengfu-bangongting.html'));
    const meta = readMeta(blockText(document));
    expect(meta.agency).toBe('上海市人民政府办公厅');
    expect(meta.year).toBe(2019);
    expect(meta.format).toBe('2019');
  });

  it('prefers the page title and drops crawler prefixes', () => {
    const meta = readMeta('标题: 平潭综合实验区2021年度政府信息公开工作年度报告\n', undefined);
    expect(meta.agency).toBe('平潭综合实验区');
    expect(meta.year).toBe(2021);
  });

  it('recognises the pre-2019 statistics table as the older format', () => {
    expect(readMeta(corpus('2018-pingtan-guanweihui.txt')).format).toBe('older');
  });

  it('falls back to the statistics period for the year, and to the year for the format', () => {
    const meta = readMeta('本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。');
    expect(meta.year).toBe(2020);
    expect(meta.format).toBe('2019');
    expect(detectFormat('无表格', null)).toBe('unknown');
  });
});

describe('splitSections', () => {
  it('finds the six headings of the sample in order, and not the table rows 三、本年度办理结果 / 四、结转…', () => {
    const sections = splitSections(seed());
    expect(sections.map((s) => s.id)).toEqual([
      'sec.preamble',
      'sec.overview',
      'sec.proactive',
      'sec.applications',
      'sec.reviewLitigation',
      'sec.problems',
      'sec.other',
    ]);
    const overview = sections.find((s) => s.id === 'sec.overview')!;
    expect(overview.text).toContain('2023 年共收到依申请公开 121 件');
    expect(sections.find((s) => s.id === 'sec.applications')!.text).toContain('四、结转下年度继续办理');
  });

  it('splits crawler text that runs headings inline', () => {
    const ids = splitSections(corpus('2021-pingtan-guanweihui.txt')).map((s) => s.id);
    expect(ids).toContain('sec.proactive');
    expect(ids).toContain('sec.other');
  });
});

describe('blockText', () => {
  it('breaks lines at blocks and tabs between cells, skipping scripts', () => {
    const { document } = parseHTML('<html><body><p>一、总体情况</p><script>var x="二、主动公开";</script><table><tr><td>a</td><td>1</td></tr></table></body></html>');
    expect(blockText(document)).toBe('一、总体情况\na\t1');
  });
});
