// npx tsx bench/findings-dump.ts [--full] > out.txt: every finding (messages read, as an export reads them) for the real
// corpus, the reader's HTML fixtures, the sample, every rule case, each document's consecutive-year pairs and each
// real report with one printed number changed at a time. A speed change to rules or localization must leave this
// output byte-identical: dump before, dump after, compare with `cmp`.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkPair, checkReport, consecutivePairs } from '../core/check';
import { cellKey } from '../core/model/ids';
import type { Cell, Finding, Report } from '../core/model/schema';
import type { AnyRule, RuleCases } from '../core/rules/types';
import { SWEPT_DOCUMENTS, documentsIn, reportsOf } from '../tests/documents';
import { caseReports } from '../tests/rules/fixtures';

const out: string[] = [];
// each entry's findings as JSON, or (the default, 500 MB less) its SHA-256: `--full` to see what differs
const full = process.argv.includes('--full');
const emit = (label: string, findings: Finding[]) => {
  const json = JSON.stringify(findings);
  out.push(`${label}\t${full ? json : createHash('sha256').update(json).digest('hex')}`);
};
const name = (p: string) => p.replace(/^.*\/fixtures\//, '');

// a printed number changed the way typos change it: one more, a digit doubled, a zero turned into a small number
function mutations(c: Cell): number[] {
  const v = c.value!;
  return [...new Set([v + 1, v === 0 ? 8 : Number(String(v) + String(v).slice(-1)), Math.max(0, v - 3)])].filter((x) => x !== v);
}

const docs = [...SWEPT_DOCUMENTS, ...documentsIn('e2e/')];
const all: Report[] = [];
for (const path of docs) {
  reportsOf(path).forEach((report, i) => {
    all.push(report);
    emit(`${name(path)} #${i}`, checkReport(report));
    if (!path.includes('corpus/real/') && !path.includes('samples/')) return;
    for (const [k, cell] of report.cells.entries()) {
      if (cell.kind !== 'number' || cell.table === 't2' || cell.value === null) continue;
      for (const v of mutations(cell)) {
        const cells = report.cells.slice();
        cells[k] = { ...cell, raw: String(v), value: v };
        emit(`${name(path)} #${i} ${cellKey(cell)}=${v}`, checkReport({ ...report, cells }));
      }
    }
  });
}
for (const [previous, current] of consecutivePairs(all)) emit(`pair ${previous.agency} ${previous.year}`, checkPair(previous, current));

const rulesDir = fileURLToPath(new URL('../core/rules/', import.meta.url));
for (const file of readdirSync(rulesDir).filter((f) => f.endsWith('.ts')).sort()) {
  const mod = (await import(rulesDir + file)) as { default?: AnyRule; cases?: RuleCases };
  if (!mod.default || !mod.cases) continue;
  const rule = mod.default;
  for (const [kind, list] of Object.entries(mod.cases)) {
    for (const c of list as RuleCases['valid']) {
      const { previous, current } = caseReports(c);
      emit(`${file} ${kind} ${c.name}`, rule.kind === 'pair' ? checkPair(previous, current) : checkReport(current));
    }
  }
}
process.stdout.write(out.join('\n') + '\n');
