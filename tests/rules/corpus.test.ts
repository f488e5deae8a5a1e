// The real corpus read by the project's readers, then checked. Expectations are the MANIFEST hand checks and
// spec §8/§10: consistent reports give no error-severity failure; the known real problems are found.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../core/check';
import { Finding, type Report } from '../../core/model/schema';
import { readDocument } from '../../core/read/dom';
import { readText } from '../../core/read/text';

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/real/', import.meta.url));

function read(file: string): Report {
  const path = file.startsWith('/') ? file : CORPUS + file;
  const s = readFileSync(path, 'utf8');
  const reports = file.endsWith('.html') ? readDocument(parseHTML(s).document as unknown as Document).map((r) => r.report) : readText(s, { source: file });
  expect(reports.length).toBeGreaterThan(0);
  return reports[0]!;
}

const errors = (fs: Finding[]) => fs.filter((f) => f.status === 'fail' && f.severity === 'error').map((f) => `${f.rule} ${f.scope}: ${f.message.en}`);
const claims = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule && f.evidence).map((f) => `${f.status}:${f.evidence!.claimed}`);

describe('consistent real reports (MANIFEST: no errors) give no error-severity failure', () => {
  const consistent = [
    fileURLToPath(new URL('../fixtures/corpus/seed/huixian-2023.txt', import.meta.url)),
    '2023-pingtan-guanweihui.html',
    '2023-pingtan-guanweihui.txt',
    '2025-pingtan-guanweihui.html',
    '2025-pingtan-guanweihui.txt',
    '2019-pingtan-guanweihui.txt',
    '2021-pingtan-guanweihui.txt',
    '2023-shuyang-fagaiju.html',
    '2024-shanghai-kewei.md',
    '2025-shanghai-shizhengfu-bangongting.md',
    '2025-shuyang-xianzhengfu.md',
    '2018-pingtan-guanweihui.txt',
  ];
  for (const file of consistent) {
    it(file.split('/').pop()!, () => {
      const findings = checkReport(read(file));
      for (const f of findings) Finding.parse(f);
      expect(errors(findings)).toEqual([]);
    });
  }
});

describe('real narrative numbers', () => {
  it('Huixian 2023: 收到121件, 行政复议6件, 行政诉讼0件 all pass', () => {
    const f = checkReport(read(fileURLToPath(new URL('../fixtures/corpus/seed/huixian-2023.txt', import.meta.url))));
    expect(claims(f, 'txt.received')).toEqual(['pass:121']);
    expect(claims(f, 'txt.reviewTotal')).toEqual(['pass:6']);
    expect(claims(f, 'txt.litigationTotal')).toEqual(['pass:0']);
  });

  it('Pingtan 2023 (HTML and text): 现行有效规范性文件 393 vs table 470 is a warning (spec §10); 81 件 received matches', () => {
    for (const file of ['2023-pingtan-guanweihui.html', '2023-pingtan-guanweihui.txt']) {
      const f = checkReport(read(file));
      const inForce = f.filter((x) => x.rule === 'txt.inForceDocs').map((x) => `${x.status}:${x.severity}:${x.left}:${x.right}`);
      // the crawler text runs table 二 together ("行政规范性文件77132470"): if the reader cannot split it, the claim is not checkable
      if (file.endsWith('.html')) expect(inForce).toContain('fail:warning:393:470');
      else expect(inForce.some((x) => x === 'fail:warning:393:470' || x === 'notCheckable:info:393:null')).toBe(true);
      expect(claims(f, 'txt.received')).toContain('pass:81');
      expect(f.filter((x) => x.status === 'fail' && x.rule.startsWith('txt.') && x.rule !== 'txt.inForceDocs').map((x) => x.message.en)).toEqual([]);
    }
  });

  it('Pingtan 2025: narrative 154 / 148 / 6 and 复议36 诉讼9 consistent', () => {
    const f = checkReport(read('2025-pingtan-guanweihui.html'));
    expect(f.filter((x) => x.rule.startsWith('txt.') && x.status === 'fail').map((x) => x.message.en)).toEqual([]);
    const nums = f.filter((x) => x.rule.startsWith('txt.') && x.evidence && x.status === 'pass').map((x) => x.evidence!.claimed);
    for (const n of [36, 9]) expect(nums).toContain(n);
  });
});

describe('Shanghai 2019 read from its HTML: narrative warnings and blank needsReview, not errors', () => {
  const findings = checkReport(read('2019-shanghai-shizhengfu-bangongting.html'));
  it('no error-severity failure; the blank 总计 cells need review', () => {
    expect(errors(findings)).toEqual([]);
    const blank = findings.find((f) => f.rule === 't3.rowTotal' && f.scope === 'granted')!;
    expect(blank.status).toBe('needsReview');
    expect(blank.suspects.map((s) => s.suggested)).toEqual([272]);
  });
  it('258 vs 275, 265 vs 337, parts 716 vs 805, 均获维持 vs 3 pending (零败诉 holds)', () => {
    const groups = findings.filter((f) => f.rule === 'txt.outcomeGroups' && f.status === 'fail').map((f) => `${f.left}:${f.right}`);
    expect(groups.sort()).toEqual(['258:275', '265:337']);
    expect(findings.filter((f) => f.rule === 'txt.outcomePartsSum').map((f) => `${f.status}:${f.left}:${f.right}`)).toEqual(['fail:716:805']);
    expect(findings.filter((f) => f.rule === 'txt.outcomeClaims').map((f) => `${f.status}:${f.scope}:${f.right}`)).toEqual(['fail:upheld:3', 'pass:notLost:0']);
  });
});
