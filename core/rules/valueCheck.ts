// Per-cell hygiene rules (val.*): one finding per offending cell, or one pass for the table.
import type { Cell, Report, Severity, TableId } from '../model/schema';
import { cellKey } from '../model/ids';
import { draft } from './draft';
import type { FindingDraft, Rule, RuleMessages } from './types';

export function cellRule(def: {
  id: string;
  severity: Severity;
  tables: TableId[];
  doc: string;
  /** cells the rule looks at */
  applies: (c: Cell, report: Report) => boolean;
  /** null when the cell is fine, else a short reason code */
  problem: (c: Cell) => string | null;
  messages: RuleMessages;
}): Rule {
  return {
    kind: 'report',
    id: def.id,
    severity: def.severity,
    reads: def.tables,
    doc: def.doc,
    messages: def.messages,
    check(report) {
      const cells = report.cells.filter((c) => def.tables.includes(c.table) && def.applies(c, report));
      if (cells.length === 0) return [];
      const out: FindingDraft[] = [];
      for (const c of cells) {
        const why = def.problem(c);
        if (why === null) continue;
        const ref = { table: c.table, row: c.row, col: c.col };
        out.push(draft(def.id, def.severity, 'fail', { cells: [ref], left: c.value, scope: cellKey(ref), params: { raw: c.raw, why, unit: c.unit ?? '' } }));
      }
      return out.length > 0 ? out : [draft(def.id, def.severity, 'pass', { scope: def.tables.join('+'), params: { count: cells.length } })];
    },
  };
}

export const isNegativeText = (c: Cell) => c.kind === 'text' && /^[-−－–]\s*\d/.test(c.raw.trim());
