// One malformed input through what `npm run check` runs on it, in this process: the CLI's cut of long tables,
// linkedom, the reader, every rule and the error localization, the cross-year rules, and the outputs (the JSON
// contract, validated against its schema for one input in four, the CSV and the summary). Any exception is a bug;
// so is a contract the schema refuses.
import { parseHTML } from 'linkedom';
import * as z from 'zod/mini';
import type { Finding, Report } from '../../core/model/schema';
import { Contract } from '../../core/model/schema';
import { joinYears } from '../../core/years';
import { isReport } from '../../core/read/types';
import { toContract } from '../../core/export/json';
import { toCsv } from '../../core/export/csv';
import { loadEngine } from '../../cli/engine';
import { renderSummary } from '../../cli/summary';
import { countTags, cutLongTables, MAX_TAGS } from '../../cli/shrink';
import type { Input } from './cases';

const engine = await loadEngine();

export interface Outcome {
  /** reports read (0: no report found, which the CLI reports as unusable input) */
  reports: number;
  findings: number;
  /** the CLI would refuse the page as too large to parse */
  refused: boolean;
}

export function readAndCheck(input: Input, source = 'fuzz'): Outcome {
  let reports: Report[];
  if (input.kind === 'html') {
    // The CLI drops NULs before reading (cli/input.ts); the fuzzer feeds the reader NULs too, as a page script could.
    const { html } = cutLongTables(input.text);
    if (countTags(html) > MAX_TAGS) return { reports: 0, findings: 0, refused: true };
    const { document } = parseHTML(html);
    reports = engine.readDocument(document as unknown as Document).map((r) => r.report);
  } else if (input.kind === 'pdf') {
    reports = engine.readPdf(input.pages, { source });
  } else {
    reports = engine.readText(input.text, { source });
  }
  // The reader turns an exception inside it into a note (the page stays usable in the extension): here that
  // is an exception like any other.
  for (const r of reports)
    for (const n of r.readNotes) if (n.code === 'pageUnreadable') throw new Error(`reader: ${String(n.params?.error ?? n.en)}`);
  reports = reports.filter(isReport);
  const checked: { report: Report; findings: Finding[] }[] = joinYears(
    reports.map((report) => ({ report, findings: engine.checkReport(report) })),
    engine.checkPair,
  );
  const contract = toContract(source, checked);
  // Validating costs as much as reading a table (zod without JIT, as the content script needs it): one contract in
  // four, chosen by its length, so a replay validates the same ones.
  const json = JSON.stringify(contract);
  if (json.length % 4 === 0) {
    const valid = z.safeParse(Contract, JSON.parse(json));
    if (!valid.success) throw new Error(`contract does not validate: ${z.prettifyError(valid.error).split('\n').slice(0, 3).join(' ')}`);
  }
  toCsv(source, reports);
  // one language: both render the same findings through the same code (the messages of both are in the contract)
  renderSummary(checked.map((c) => ({ source, ...c })), 'zh', true);
  return { reports: reports.length, findings: checked.reduce((a, c) => a + c.findings.length, 0), refused: false };
}
