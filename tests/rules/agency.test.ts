// meta.agencyMismatch on the real corpus: the signatures and publishers it finds agree with the titles (no wrong
// warning); and the readers of the signature on real endings.
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../core/check';
import { readBodyTitleAgency, readPublisher, readSignature, sameAgency } from '../../core/read/meta';
import { documentsIn, reportsOf } from '../documents';

describe('meta.agencyMismatch on the corpus', () => {
  const found = documentsIn('corpus/real/').flatMap((f) => reportsOf(f).flatMap((r) => checkReport(r).filter((x) => x.rule === 'meta.agencyMismatch').map((x) => ({ file: f.split('/').pop()!, x }))));

  it('finds the signatures and publishers that are there, and none disagrees with its title', () => {
    const seen = found.map(({ file, x }) => `${file}: ${x.status} ${x.scope} ${x.params?.other}`).sort();
    expect(seen).toEqual([
      '2023-pingtan-guanweihui.txt: pass publisher 平潭综合实验区管委会办公室',
      '2023-shuyang-fagaiju.html: pass signature 沭阳县发展和改革局',
      '2025-pingtan-guanweihui.txt: pass publisher 平潭综合实验区管委会办公室',
      '2025-shuyang-xianzhengfu.md: pass signature 沐阳县人民政府',
    ]);
  });
});

describe('readSignature / readPublisher / sameAgency', () => {
  it('reads the 落款 before the date at the end, or under the title, never a footer line', () => {
    expect(readSignature('收取信息处理费共计380元。\n\n沐阳县人民政府\n2026年1月23日')).toBe('沐阳县人民政府');
    expect(readSignature('沐阳县人民政府\n(2026年1月23日)\n依据《条例》编制本报告。')).toBe('沐阳县人民政府');
    expect(readSignature('无。\n主办单位：某县人民政府办公室\n2024年1月1日')).toBeNull();
    expect(readSignature('本年度没有产生信息公开处理费。')).toBeNull();
    expect(readPublisher('标题: …\n发布机构: \n栏目: 政府信息公开年报')).toBeNull();
    expect(readBodyTitleAgency('# 沐阳县人民政府 2025 年 政府信息公开工作年度报告\n\n沐阳县人民政府')).toBe('沐阳县人民政府');
    expect(readBodyTitleAgency('2019年上海市人民政府办公厅政府信息公开工作年度报告\n发布日期：2020-01-31')).toBe('上海市人民政府办公厅');
    // a title inside a sentence or a page header is not the printed title
    expect(readBodyTitleAgency('现向社会公布沭阳县发展和改革局2023年度政府信息公开年度报告。')).toBeNull();
  });

  it('takes abbreviations, the government\'s office and a name without its city as the same agency', () => {
    expect(sameAgency('沭阳县发展和改革局', '县发改局')).toBe(true);
    expect(sameAgency('上海市科委', '上海市科学技术委员会')).toBe(true);
    expect(sameAgency('淮安市洪泽区人民政府', '洪泽区人民政府办公室')).toBe(true);
    expect(sameAgency('某区投资促进局', '某区国有资产管理局')).toBe(false);
    expect(sameAgency('某县财政局', '某县审计局')).toBe(false);
  });
});
