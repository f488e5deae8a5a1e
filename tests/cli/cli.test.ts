import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Contract } from '../../core/model/schema';
import { CORPUS, run, SAMPLE, spawnCli } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'gidar-cli-'));

function noStack(s: string): void {
  expect(s).not.toMatch(/\n\s+at /);
  expect(s).not.toMatch(/Error:|node:internal/);
}

describe('unusable input: exit 2 with one line', () => {
  it('missing file (in-process and spawned)', async () => {
    const r = await run(['no/such/report.html']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no/such/report.html');
    noStack(r.stderr);

    const s = spawnCli(['no/such/report.html']);
    expect(s.code).toBe(2);
    expect(s.stderr.trimEnd().split('\n')).toEqual(['gidar-check: 无法使用输入：文件不存在：no/such/report.html']);
    noStack(s.stderr);
  });

  it('English message with --lang en', async () => {
    const r = await run(['--lang', 'en', 'missing.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gidar-check: unusable input: no such file: missing.txt\n');
  });

  it('unknown option', async () => {
    const r = await run(['--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--frobnicate');
  });

  it('a PDF', async () => {
    const pdf = join(tmp, 'report.pdf');
    writeFileSync(pdf, '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n');
    const r = await run([pdf]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PDF');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('empty stdin', async () => {
    const r = await run(['-'], new Uint8Array());
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('bytes that are neither UTF-8 nor GBK', async () => {
    const bin = join(tmp, 'noise.txt');
    writeFileSync(
      bin,
      Buffer.from(
        Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)
          .map((b) => (b < 0x80 ? b | 0x80 : b))
          .concat([0xff, 0xff]),
      ),
    );
    const r = await run([bin]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    noStack(r.stderr);
  });
});

describe('text input', () => {
  it('with no argument checks the bundled sample: exit 0 and a Chinese summary', async () => {
    const r = await run([]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('辉县市人民政府');
    expect(r.stdout).toContain('2023 年');
    expect(r.stdout).toContain('2021 版格式');
    expect(r.stdout).toContain('表三 依申请公开');
    expect(r.stdout).toContain('表四 复议诉讼');
  });

  it('the sample passes every identity (spawned, as `npm run check` runs it)', () => {
    const s = spawnCli([]);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('辉县市人民政府');
    expect(s.stdout).toContain('0 项不符');
    expect(s.stdout).toMatch(/结论：各项勾稽关系均成立|结论：未发现算术错误/);
  });

  it('reads the sample from stdin with -', async () => {
    const r = await run(['--json', '-'], readFileSync(SAMPLE));
    expect(r.code).toBe(0);
    const c = Contract.parse(JSON.parse(r.stdout));
    expect(c.source).toBe('-');
    expect(c.reports[0]!.agency).toContain('辉县');
  });

  it('reads a page piped to a spawned CLI with -', () => {
    const s = spawnCli(['-'], readFileSync(join(CORPUS, '2023-shuyang-fagaiju.html')));
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('沭阳县发展和改革局');
    expect(s.stdout).toContain('来源: -');
  });

  it('--json prints the contract with the values printed in the sample', async () => {
    const r = await run(['--json', SAMPLE]);
    expect(r.code).toBe(0);
    const parsed = Contract.safeParse(JSON.parse(r.stdout));
    expect(parsed.success).toBe(true);
    const c = parsed.data!;
    expect(c.version).toBe(1);
    expect(c.source).toBe(SAMPLE);
    expect(c.reports).toHaveLength(1);
    const rep = c.reports[0]!;
    expect([rep.year, rep.format]).toEqual([2023, '2021']);
    const v = (table: string, row: string, col: string) =>
      rep.cells.find((x) => x.table === table && x.row === row && x.col === col)?.value;
    // Read by hand from samples/huixian-2023.txt.
    expect(v('t3', 'newReceived', 'naturalPerson')).toBe(116);
    expect(v('t3', 'newReceived', 'otherOrg')).toBe(5);
    expect(v('t3', 'newReceived', 'total')).toBe(121);
    expect(v('t3', 'granted', 'total')).toBe(88);
    expect(v('t3', 'unable.notHeld', 'naturalPerson')).toBe(26);
    expect(v('t3', 'other.noCorrection', 'total')).toBe(2);
    expect(v('t4', 'cases', 'review.corrected')).toBe(4);
    expect(v('t4', 'cases', 'review.total')).toBe(6);
    expect(v('t2', 'licensing', 'decisions')).toBe(14067);
    expect(v('t2', 'adminFees', 'feeAmountWan')).toBe(20587.3303);
  });

  it('--csv writes a BOM by default, none with --no-bom, and its rows parse back to the cells', async () => {
    const withBom = join(tmp, 'bom.csv');
    const noBom = join(tmp, 'nobom.csv');
    const json = await run(['--json', '--csv', withBom, SAMPLE]);
    expect(json.code).toBe(0);
    expect((await run(['--csv', noBom, '--no-bom', SAMPLE])).code).toBe(0);
    const a = readFileSync(withBom);
    const b = readFileSync(noBom);
    expect([...a.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(b.subarray(0, 6).toString()).toBe('source');
    expect(a.subarray(3).equals(b)).toBe(true);

    const cells = Contract.parse(JSON.parse(json.stdout)).reports[0]!.cells;
    const rows = Papa.parse<Record<string, string>>(b.toString('utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(cells.length);
    expect(
      rows.map((r) => ({ table: r.table, row: r.row, col: r.col, raw: r.raw, value: r.value === '' ? null : Number(r.value) })),
    ).toEqual(cells.map((c) => ({ table: c.table, row: c.row, col: c.col, raw: c.raw, value: c.value })));
    expect(rows.find((r) => r.row === 'granted' && r.col === 'total')).toMatchObject({
      row_label: '（一）予以公开',
      col_label: '总计',
      value: '88',
      agency: expect.stringContaining('辉县'),
    });
  });

  it('--audit writes a Markdown or HTML record with the SHA-256 of the cells read', async () => {
    const md = join(tmp, 'audit.md');
    const html = join(tmp, 'audit.html');
    expect((await run(['--audit', md, SAMPLE])).code).toBe(0);
    expect((await run(['--audit', html, '--lang', 'en', SAMPLE])).code).toBe(0);
    const a = readFileSync(md, 'utf8');
    const h = readFileSync(html, 'utf8');
    const digest = /`([0-9a-f]{64})`/.exec(a)?.[1];
    expect(digest).toBeDefined();
    expect(h).toContain(`<code>${digest}</code>`);
    expect(a).toContain('# 政府信息公开年度报告核对记录');
    expect(a).toContain('辉县市人民政府');
    expect(h).toMatch(/^<!doctype html>/);
    expect(h).toContain('Checks passed');
  });

  it('one agency\'s reports of consecutive years: the later one gets the cross-year findings', async () => {
    // The sample re-titled as the next year's report: its tables are 2023's, number for number.
    const sample = readFileSync(SAMPLE, 'utf8');
    const retitled = (year: number) => {
      const f = join(tmp, `huixian-${year}.txt`);
      writeFileSync(f, sample.replace('辉县市人民政府 2023 年政府信息公开工作年度报告', `辉县市人民政府 ${year} 年政府信息公开工作年度报告`));
      return f;
    };
    const next = retitled(2024);
    const r = await run(['--json', next, SAMPLE]);
    expect(r.code).toBe(0); // cross-year rules are warnings
    const [later, earlier] = (JSON.parse(r.stdout) as unknown[]).map((c) => Contract.parse(c).reports[0]!);
    expect(earlier!.findings.filter((f) => f.rule.startsWith('xy.'))).toEqual([]);
    const xy = (rule: string) => later!.findings.filter((f) => f.rule === rule);
    // 上年结转 (all 0) = last year's 结转下年度继续办理 (all 0), in each of the 7 columns
    expect(xy('xy.carryContinuity').map((f) => f.status)).toEqual(Array(7).fill('pass'));
    // 行政规范性文件: 70 in force + 5 issued − 0 repealed should leave 75 in force, the copy still says 70
    const roll = xy('xy.inForceRoll').find((f) => f.status === 'fail')!;
    expect([roll.left, roll.right, roll.difference]).toEqual([70, 75, -5]);
    // the same 190 numbers of tables 三 (175) and 四 (15) as last year
    expect(xy('xy.duplicateContent').some((f) => f.status === 'fail' && f.left === 190)).toBe(true);

    const summary = await run([SAMPLE, next]);
    expect(summary.stdout).toContain('xy.inForceRoll: 「行政规范性文件」：上年现行有效 70 + 本年制发 5 − 废止 0 = 75，但本年现行有效为 70（差 -5）。');
    // not consecutive: no pair
    const gap = await run(['--json', SAMPLE, retitled(2025)]);
    expect((JSON.parse(gap.stdout) as unknown[]).flatMap((c) => Contract.parse(c).reports[0]!.findings).filter((f) => f.rule.startsWith('xy.'))).toEqual([]);
  });

  it('several inputs: a JSON array, one CSV with one header, and --csv - alone on stdout', async () => {
    const page = join(CORPUS, '2025-pingtan-guanweihui.html');
    const j = await run(['--json', SAMPLE, page]);
    expect(j.code).toBe(0);
    const arr = JSON.parse(j.stdout) as unknown[];
    expect(arr.map((c) => Contract.parse(c).source)).toEqual([SAMPLE, page]);

    const c = await run(['--csv', '-', '--no-bom', SAMPLE, page]);
    expect(c.code).toBe(0);
    expect(c.stdout.startsWith('source,agency,')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(c.stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows.filter((r) => r.source === 'source')).toEqual([]);
    // MANIFEST hand check of Pingtan 2025: 新收 总计 154; sample: 121.
    const total = (src: string) =>
      rows.find((r) => r.source === src && r.table === 't3' && r.row === 'newReceived' && r.col === 'total')?.value;
    expect([total(SAMPLE), total(page)]).toEqual(['121', '154']);

    const both = await run(['--json', '--csv', '-', SAMPLE]);
    expect(both.code).toBe(2);
  });

  it('HTML on stdin and a GBK file declaring <meta charset="gb2312"> read like the UTF-8 page', async () => {
    const page = join(CORPUS, '2023-shuyang-fagaiju.html');
    const utf8 = readFileSync(page, 'utf8');
    const fromFile = Contract.parse(JSON.parse((await run(['--json', page])).stdout)).reports[0]!.cells;
    // MANIFEST hand check: 新收 自然人 26 = 总计 26.
    expect(fromFile.find((x) => x.row === 'newReceived' && x.col === 'total')?.value).toBe(26);
    const piped = await run(['--json', '-'], Buffer.from(utf8));
    expect(Contract.parse(JSON.parse(piped.stdout)).reports[0]!.cells).toEqual(fromFile);
    const gbkFile = join(tmp, 'shuyang-gbk.html');
    writeFileSync(gbkFile, iconv.encode(utf8.replace('<meta charset="utf-8"', '<meta charset="gb2312"'), 'gbk'));
    const gbk = await run(['--json', gbkFile]);
    expect(gbk.stderr).toBe('');
    expect(Contract.parse(JSON.parse(gbk.stdout)).reports[0]!.cells).toEqual(fromFile);
  });

  it('--lang en prints the summary in English', async () => {
    const r = await run(['--lang', 'en', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2021 format');
    expect(r.stdout).toContain('Table 3 (applications)');
  });

  it('--lang en prints the reading notes in English, --lang zh in Chinese', async () => {
    // 2025 Shuyang: the last four t3 rows (lines 153–156) sit under a second header that lists row labels.
    const doc = join(CORPUS, '2025-shuyang-xianzhengfu.md');
    const notes = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('    – '));
    const en = notes((await run(['--lang', 'en', doc])).stdout);
    expect(en).toEqual([
      '    – Table 3: line 153 "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": sits under a header of row labels; not read',
      '    – Table 3: line 154 "3.其他": sits under a header of row labels; not read',
      '    – Table 3: line 155 "（七）总计": sits under a header of row labels; not read',
      '    – Table 3: line 156 "四、结转下年度继续办理": sits under a header of row labels; not read',
      '    – Table 3: 21 of 25 rows read; not read: "(6) other handling — 2. applicant did not pay the fee in time", "(6) other handling — 3. other", "(7) total processed", "carried forward to next year"',
    ]);
    const zh = notes((await run([doc])).stdout);
    expect(zh).toHaveLength(5);
    expect(zh[2]).toBe('    – 表三：文本第155行“（七）总计”：位于由行标签组成的表头之下；未读取');
    expect(zh[4]).toBe('    – 表三：共25行，读取21行；未读取：2.申请人逾期未按收费通知…、3.其他、（七）总计、四、结转下年度继续办理');
    for (const line of en) expect(line).not.toMatch(/表三|未读取|位于/);
  });

  it('a pre-2019 report (Pingtan 2018): nothing checkable, said in the summary\'s language', async () => {
    // The 2018 report prints one statistics table (指标名称/计量单位), not tables 二/三/四.
    const doc = join(CORPUS, '2018-pingtan-guanweihui.txt');
    const zh = await run([doc]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('结论：没有可以检查的表格数据。');
    expect(zh.stdout).toContain('整份报告: 无法可靠读取 — 2019年以前的旧版格式');
    expect(zh.stdout).not.toContain('older (pre-2019)');
    const en = await run(['--lang', 'en', doc]);
    expect(en.stdout).toContain('Result: no table data that could be checked.');
    expect(en.stdout).toContain('whole report: not reliably readable — older (pre-2019) format');
  });

  it('a text with no report: exit 2, one line', async () => {
    const f = join(tmp, 'notice.txt');
    writeFileSync(f, '关于开展2024年度植树活动的通知\n\n各单位：为改善生态环境，定于3月12日组织植树活动，请各单位按时参加。\n');
    const r = await run([f]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('没有找到');
    noStack(r.stderr);
  });

  it('a swapped digit gives exit 1 and points at the cell with the value it should have', async () => {
    // The real sample with one printed number changed: 予以公开 × 自然人 83 → 38. Both its row (总计 88) and its
    // column (（七）总计 116) then fail, and only that cell explains both.
    const text = readFileSync(SAMPLE, 'utf8').replace('予以公开\t83\t', '予以公开\t38\t');
    const f = join(tmp, 'huixian-swap.txt');
    writeFileSync(f, text);
    const r = await run([f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('t3.rowTotal');
    expect(r.stdout).toContain('t3.outcomeSum');
    expect(r.stdout).toContain('88 ≠ 43 = 38 + 0 + 0 + 0 + 0 + 5（差 45）');
    expect(r.stdout).toContain('表三「（一）予以公开 × 自然人」：印 38，应为 83');
    // Failing errors come before anything else.
    const firstFinding = r.stdout.split('\n').find((l) => /^\s+[✗?–] \[/.test(l));
    expect(firstFinding).toMatch(/✗ \[错误·不符\]/);

    const j = await run(['--json', f]);
    expect(j.code).toBe(1);
    const row = Contract.parse(JSON.parse(j.stdout)).reports[0]!.findings.find((x) => x.rule === 't3.rowTotal' && x.status === 'fail')!;
    expect(row.suspects[0]).toMatchObject({ table: 't3', row: 'granted', col: 'naturalPerson', printed: 38, suggested: 83 });
  });

  it('a wrong 行政复议 total gives exit 1 (spawned)', () => {
    const text = readFileSync(SAMPLE, 'utf8').replace('1\t4\t1\t0\t6\t0', '1\t4\t1\t0\t9\t0');
    const f = join(tmp, 'huixian-review.txt');
    writeFileSync(f, text);
    const s = spawnCli([f]);
    expect(s.code).toBe(1);
    expect(s.stderr).toBe('');
    expect(s.stdout).toContain('t4.reviewSum');
    expect(s.stdout).toMatch(/9 ≠ 6 = 1 \+ 4 \+ 1 \+ 0|1 \+ 4 \+ 1 \+ 0 = 6 ≠ 9/);
  });
});

describe('HTML input', () => {
  it('reads the Pingtan 2023 page (hand-checked: no errors)', async () => {
    const page = join(CORPUS, '2023-pingtan-guanweihui.html');
    const r = await run(['--json', page]);
    expect(r.stderr).toBe('');
    const c = Contract.parse(JSON.parse(r.stdout));
    const rep = c.reports[0]!;
    expect(rep.year).toBe(2023);
    const v = (table: string, row: string, col: string) =>
      rep.cells.find((x) => x.table === table && x.row === row && x.col === col)?.value;
    // MANIFEST hand check: 新收 80+1=81, 部分公开 19+1=20; t4 1+1+0+0=2, 4+0+0+1=5, 1+0+1+0=2.
    expect([v('t3', 'newReceived', 'naturalPerson'), v('t3', 'newReceived', 'commercial'), v('t3', 'newReceived', 'total')]).toEqual([
      80, 1, 81,
    ]);
    expect(v('t3', 'partial', 'total')).toBe(20);
    expect([v('t4', 'cases', 'review.total'), v('t4', 'cases', 'litDirect.total'), v('t4', 'cases', 'litAfterReview.total')]).toEqual([
      2, 5, 2,
    ]);
    expect(r.code).toBe(0);

    const s = await run([page]);
    expect(s.stdout).toContain('平潭综合实验区');
    expect(s.stdout).toContain('2023 年');
  });

  it('spawned: the Shuyang 2023 page, summary in Chinese', () => {
    const s = spawnCli([join(CORPUS, '2023-shuyang-fagaiju.html')]);
    expect(s.stderr).toBe('');
    expect([0, 1]).toContain(s.code);
    expect(s.stdout).toContain('沭阳县发展和改革局');
    expect(s.stdout).toContain('表三 依申请公开');
  });
});
