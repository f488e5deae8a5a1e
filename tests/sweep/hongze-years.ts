// Hongze 2023 and the 2024 PDF with 上年结转 printed 3 (tests/cli/pdf-edit.ts) as the extension's sweep keeps them
// (each source checked alone), and what `npm run check -- --json 2023 2024` gives for the same two files.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfPages } from '../../cli/pdf';
import { checkReport } from '../../core/check';
import type { Finding } from '../../core/model/schema';
import { readPdf } from '../../core/read/pdf';
import type { SweptSource } from '../../core/sweep/summary';
import { run } from '../cli/helpers';
import { hongze2024CarriedOver3 } from '../cli/pdf-edit';

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

export async function hongzeYears(): Promise<{ y2023: SweptSource; y2024: SweptSource; cli: { y2023: Finding[]; y2024: Finding[] } }> {
  const dir = mkdtempSync(join(tmpdir(), 'hongze-years-'));
  try {
    const files = { y2023: join(dir, '2023.pdf'), y2024: join(dir, '2024.pdf') };
    copyFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf'), files.y2023);
    writeFileSync(files.y2024, hongze2024CarriedOver3(readFileSync(join(CORPUS, '2024-huaian-hongzequ.pdf'))));
    const contracts = JSON.parse((await run(['--json', files.y2023, files.y2024])).stdout) as { reports: { findings: Finding[] }[] }[];
    return {
      y2023: await pdfSource(readFileSync(files.y2023), 'http://www.example.gov.cn/2023-huaian-hongzequ.pdf'),
      y2024: await pdfSource(readFileSync(files.y2024), 'http://www.example.gov.cn/2024-huaian-hongzequ.pdf'),
      cli: { y2023: contracts[0]!.reports[0]!.findings, y2024: contracts[1]!.reports[0]!.findings },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
