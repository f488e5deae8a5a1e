// Hongze 2023 and the 2024 PDF with 上年结转 printed 3 (tests/cli/pdf-edit.ts) as the extension's sweep keeps them
// (each source checked alone), and what `npm run check -- --json 2023 2024` gives for the same files.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfPages } from '../../cli/pdf';
import { checkReport } from '../../core/check';
import type { Finding } from '../../core/model/schema';
import { readPdf } from '../../core/read/pdf';
import type { SweptSource } from '../../core/sweep/summary';
import { run } from '../cli/helpers';
import { hongze2023CarriedForward3, hongze2024CarriedOver3 } from '../cli/pdf-edit';

export const CORPUS = join(import.meta.dirname, '../fixtures/corpus/real');
export const LIST = 'http://www.example.gov.cn/ndbg/index.html';

/** A PDF's reports as a swept source: `page` the report page that linked it (the PDF itself when linked directly). */
export async function pdfSource(bytes: Uint8Array, pdf: string, page = pdf): Promise<SweptSource> {
  const reports = readPdf(await pdfPages(new Uint8Array(bytes), pdf), { source: pdf }).filter((r) => r.cells.length > 0);
  return {
    source: page,
    foundOn: LIST,
    fetch: 'ok',
    reports: reports.map((report) => ({ report, findings: checkReport(report), readFrom: pdf })),
  };
}

/** `cf3`: a second 2023 report, with 结转下年度 printed 3 (its address sorts before the real one's). */
export async function hongzeYears(): Promise<{
  y2023: SweptSource;
  y2024: SweptSource;
  cf3: SweptSource;
  /** npm run check -- 2023 2024 */
  cli: { y2023: Finding[]; y2024: Finding[] };
  /** npm run check -- 2023-carried-forward-3 2023 2024 */
  cliWithCf3: { cf3: Finding[]; y2023: Finding[]; y2024: Finding[] };
}> {
  const dir = mkdtempSync(join(tmpdir(), 'hongze-years-'));
  try {
    const files = { cf3: join(dir, '2023-cf3.pdf'), y2023: join(dir, '2023.pdf'), y2024: join(dir, '2024.pdf') };
    const real2023 = readFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf'));
    copyFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf'), files.y2023);
    writeFileSync(files.cf3, hongze2023CarriedForward3(real2023));
    writeFileSync(files.y2024, hongze2024CarriedOver3(readFileSync(join(CORPUS, '2024-huaian-hongzequ.pdf'))));
    const check = async (paths: string[]) =>
      (JSON.parse((await run(['--json', ...paths])).stdout) as { reports: { findings: Finding[] }[] }[]).map((c) => c.reports[0]!.findings);
    const [y2023, y2024] = await check([files.y2023, files.y2024]);
    const [c3, c2023, c2024] = await check([files.cf3, files.y2023, files.y2024]);
    const gov = 'http://www.example.gov.cn/';
    return {
      y2023: await pdfSource(readFileSync(files.y2023), `${gov}2023-huaian-hongzequ.pdf`),
      y2024: await pdfSource(readFileSync(files.y2024), `${gov}2024-huaian-hongzequ.pdf`),
      cf3: await pdfSource(readFileSync(files.cf3), `${gov}2023-huaian-hongzequ.carried-forward-3.pdf`),
      cli: { y2023: y2023!, y2024: y2024! },
      cliWithCf3: { cf3: c3!, y2023: c2023!, y2024: c2024! },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
