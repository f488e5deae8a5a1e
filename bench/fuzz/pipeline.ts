// One malformed input through what `npm run check` runs on it, in this process: the CLI's cut of long tables,
// linkedom, the reader, every rule and the error localization, the cross-year rules, and the outputs (the JSON
// contract, validated against its schema, the CSV and both summaries). Any exception is a bug; so is a contract
// the schema refuses.
import { parseHTML } from 'linkedom';
import * as z from 'zod/mini';
import type { Finding, Report } from '../../core/model/schema';
import { Contract } from '../../core/model/schema';
import { consecutivePairs, sortFindings } from '../../core/check';
import { isReport } from '../../core/read/types';
import { toContract } from '../../core/export/json';
import { toCsv } from '../../core/export/csv';
import { loadEngine } from '../../cli/engine';
import { renderSummary } from '../../cli/summary';
import { countTags, cutLongTables, MAX_TAGS } from '../../cli/shrink';
import type { SourceKind } from './sources';

const engine = await loadEngine();

export interface Outcome {
  /** reports read (0: no report found, which the CLI reports as unusable input) */
  reports: number;
  findings: number;
  /** the CLI would refuse the page as too large to parse */
  refused: boolean;
}

export function readAndCheck(kind: SourceKind, text: string, source = 'fuzz'): Outcome {
  let reports: Report[];
  if (kind === 'html') {
    // The CLI drops NULs before reading (cli/input.ts); the fuzzer feeds the reader NULs too, as a page script could.
    const { html } = cutLongTables(text);
    if (countTags(html) > MAX_TAGS) return { reports: 0, findings: 0, refused: true };
    const { document } = parseHTML(html);
    reports = engine.readDocument(document as unknown as Document).map((r) => r.report);
  } else {
    reports = engine.readText(text, { source });
  }
  reports = reports.filter(isReport);
  const checked: { report: Report; findings: Finding[] }[] = reports.map((report) => ({ report, findings: engine.checkReport(report) }));
  const byReport = new Map(checked.map((c) => [c.report, c]));
  for (const [previous, current] of consecutivePairs(reports)) {
    const entry = byReport.get(current)!;
    entry.findings = sortFindings([...entry.findings, ...engine.checkPair(previous, current)]);
  }
  const contract = toContract(source, checked);
  const valid = z.safeParse(Contract, JSON.parse(JSON.stringify(contract)));
  if (!valid.success) throw new Error(`contract does not validate: ${z.prettifyError(valid.error).split('\n').slice(0, 3).join(' ')}`);
  toCsv(source, reports);
  renderSummary(checked.map((c) => ({ source, ...c })), 'zh', true);
  renderSummary(checked.map((c) => ({ source, ...c })), 'en', true);
  return { reports: reports.length, findings: checked.reduce((a, c) => a + c.findings.length, 0), refused: false };
}
