// PDF input: the three corpus PDFs with a text layer through the CLI (file, stdin, URL), exit codes and output.
// Bad PDFs (scanned, cut off, encrypted) are in bad-input.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Contract } from '../../core/model/schema';
import { CORPUS, run, spawnCli, useServer } from './helpers';

const HZ23 = join(CORPUS, '2023-huaian-hongzequ.pdf');
const HZ24 = join(CORPUS, '2024-huaian-hongzequ.pdf');
const SZ24 = join(CORPUS, '2024-huaian-shizhengfu.pdf');

describe('PDF reports with a text layer', () => {
  it("Hongze 2023 and 2024 are one agency's consecutive years, though 2024 adds the city (淮安市) to its name", async () => {
    const r = await run(['--json', HZ23, HZ24]);
    const [y23, y24] = (JSON.parse(r.stdout) as unknown[]).map((c) => Contract.parse(c).reports[0]!);
    expect([y23!.agency, y24!.agency]).toEqual(['洪泽区人民政府', '淮安市洪泽区人民政府']);
    const xy = (rule: string) => y24!.findings.filter((f) => f.rule === rule);
    // 上年结转 (0 in every column of 2024) = 2023's 结转下年度继续办理 (0)
    expect(xy('xy.carryContinuity').map((f) => [f.status, f.left, f.right])).toEqual(Array(7).fill(['pass', 0, 0]));
    // 行政规范性文件: 5 in force in 2023, + 3 issued − 0 repealed in 2024 = 8 in force
    expect(xy('xy.inForceRoll').find((f) => f.cells.some((c) => c.row === 'normativeDocs'))).toMatchObject({
      status: 'pass',
      left: 8,
      right: 8,
    });
    // 行政许可 decisions: 550 printed in 2023, 9487 in 2024
    expect(xy('xy.jump').map((f) => [f.cells[0]!.row, f.left, f.right])).toEqual([['licensing', 9487, 550]]);
  });

  it('Hongze 2023: exit 1, the two misprinted 表四 totals reported with the cell to correct', async () => {
    const r = await run([HZ23]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('洪泽区人民政府 · 2023 年 · 2021 版格式');
    expect(r.stdout).toContain('读到的表格: 表二 主动公开、表三 依申请公开、表四 复议诉讼');
    expect(r.stdout).toContain('发现 2 处算术错误');
    expect(r.stdout).toMatch(/✗ \[错误·不符\] t4\.reviewSum: .*总计 0 ≠ .*11/);
    expect(r.stdout).toContain('可疑: 表四「行政复议·总计」：印 0，应为 11');
    expect(r.stdout).toMatch(/✗ \[错误·不符\] t4\.litAfterReviewSum: .*总计 0 ≠ .*5/);
    expect(r.stdout).toContain('表四「复议后起诉·总计」印作 0，应为 5');
  });

  it('Hongze 2023 --json: 186 cells (表三 with （六） printed as one row, its group total grp.other), the two failing identities', async () => {
    const r = await run(['--json', HZ23]);
    expect(r.code).toBe(1);
    const c = Contract.parse(JSON.parse(r.stdout));
    expect(c.source).toBe(HZ23);
    const rep = c.reports[0]!;
    expect([rep.agency, rep.year, rep.format]).toEqual(['洪泽区人民政府', 2023, '2021']);
    expect(rep.cells).toHaveLength(3 + 3 + 1 + 1 + 1 + 1 + 23 * 7 + 15);
    expect(rep.cells.filter((x) => x.row === 'grp.other').map((x) => x.col)).toEqual(['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']);
    const fails = rep.findings.filter((f) => f.severity === 'error' && f.status === 'fail');
    expect(fails.map((f) => f.rule).sort()).toEqual(['t4.litAfterReviewSum', 't4.reviewSum']);
    expect(fails.find((f) => f.rule === 't4.reviewSum')!.suspects).toEqual([
      expect.objectContaining({ table: 't4', row: 'cases', col: 'review.total', printed: 0, suggested: 11 }),
    ]);
  });

  it('Hongze 2024 and the city government 2024: exit 0, every table read', async () => {
    for (const [path, agency, cells] of [
      [HZ24, '淮安市洪泽区人民政府', 186],
      [SZ24, '淮安市人民政府', 200],
    ] as const) {
      const r = await run(['--json', path]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const rep = Contract.parse(JSON.parse(r.stdout)).reports[0]!;
      expect(rep.agency).toBe(agency);
      expect(rep.cells).toHaveLength(cells);
      expect(rep.findings.filter((f) => f.severity === 'error' && f.status !== 'pass' && f.status !== 'notCheckable')).toEqual([]);
    }
    const s = await run([SZ24]);
    expect(s.stdout).toContain('各项勾稽关系均成立');
  });

  it('several PDFs: the CSV has every cell of each, named by its file; the exit code is the worst', async () => {
    const r = await run(['--csv', '-', HZ23, HZ24]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\r\n');
    expect(lines.filter((l) => l.startsWith(HZ23)).length).toBe(186);
    expect(lines.filter((l) => l.startsWith(HZ24)).length).toBe(186);
    // the group total's row is named by the heading the report prints
    expect(lines.filter((l) => l.startsWith(HZ23) && l.includes(',grp.other,（六）其他处理,naturalPerson,自然人,0,0'))).toHaveLength(1);
  });

  it('from stdin, recognised by its bytes', async () => {
    const r = await run(['-'], readFileSync(SZ24));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('淮安市人民政府 · 2024 年');
  });

  it('as a separate process, as users run it', () => {
    const r = spawnCli(['--lang', 'en', HZ24]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('淮安市洪泽区人民政府');
  });
});

describe('a PDF whose Chinese font is not embedded', () => {
  it("is read through pdf.js's Chinese cMaps (without them it seems to have no text)", async () => {
    const r = await run(['--json', join(CORPUS, '..', '..', 'e2e', 'unembedded-font.pdf')]);
    expect(r.stderr).not.toMatch(/OCR|文字层/);
    const rep = Contract.parse(JSON.parse(r.stdout)).reports[0]!;
    expect([rep.agency, rep.year]).toEqual(['淮安市洪泽区人民政府', 2023]);
  });
});

describe('PDF by URL', () => {
  const server = useServer((req, res) => {
    if (req.url === '/nianbao.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(readFileSync(HZ23));
    // a PDF served with a generic type: recognised by its bytes
    if (req.url === '/download?id=7')
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(SZ24));
    res.writeHead(404).end();
  });

  it('application/pdf and a PDF under another type are both read', async () => {
    const a = await run(['--json', `${server.base()}/nianbao.pdf`]);
    expect(a.code).toBe(1);
    expect(Contract.parse(JSON.parse(a.stdout)).reports[0]!.agency).toBe('洪泽区人民政府');
    const b = await run([`${server.base()}/download?id=7`]);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('淮安市人民政府');
  });
});
