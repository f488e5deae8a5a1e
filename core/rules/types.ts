// What a rule is: data-first metadata plus a pure check over the report model.
import type { Finding, FindingStatus, NotCheckable, Report, ReportMeta, Severity, TableId } from '../model/schema';

/** A finding before its message is rendered (messages are rendered from this data, see explain/messages.ts). */
export type FindingDraft = Omit<Finding, 'message'>;

export interface MessageText {
  zh: string;
  en: string;
}

/**
 * Message templates per status. Placeholders in braces are filled from the finding's data:
 * {scope} {left} {right} {difference} {leftCells} {rightCells} {cells} {blanks} {claimed} {tolerance}
 * and every key of `params`.
 */
export interface RuleMessages {
  fail: MessageText;
  pass: MessageText;
  needsReview?: MessageText;
  notCheckable?: MessageText;
}

/**
 * A test case, as data (ESLint RuleTester style): a change to the consistent base report
 * (the Huixian 2023 sample numbers; tests/rules/fixtures.ts builds it) and what the rule must report.
 */
export interface RuleCase {
  name: string;
  /** `table:row:col` → the text printed in that cell (parsed like a reader would) */
  cells?: Record<string, string>;
  /** `table:row:col` or `table:row:*` → the cell(s) were not read */
  remove?: string[];
  /** section id → its text (replaces the base sections when given) */
  sections?: Record<string, string>;
  meta?: Partial<ReportMeta> & { tablesFound?: TableId[]; notCheckable?: NotCheckable[]; columnsByHeader?: TableId[] };
  extras?: { table: TableId; label: string }[];
  /** for pair rules: the changes to the previous year's report (the base report with year − 1) */
  previous?: Omit<RuleCase, 'name' | 'expect' | 'previous'>;
  expect: CaseExpectation;
}

export interface CaseExpectation {
  /** some finding of the rule has this status (for valid cases: every finding is pass, unless given) */
  status: FindingStatus;
  scope?: string;
  left?: number | null;
  right?: number | null;
  difference?: number | null;
  /** `table:row:col` keys the finding's cells must include */
  cells?: string[];
  blanks?: string[];
  /** claimed number of the narrative evidence */
  claimed?: number;
  suspects?: { cell: string; suggested: number }[];
  /** number of findings of this rule with this status (0: the rule does not apply to the case) */
  count?: number;
}

/**
 * A rule's cases: each rule file exports them as `cases`, beside (not inside) its default-exported rule, so that
 * bundles built from the registry leave them out; tests/rules/ruleCases.ts collects them.
 */
export interface RuleCases {
  valid: RuleCase[];
  invalid: RuleCase[];
}

interface RuleBase {
  id: string;
  severity: Severity;
  /** what the rule reads: tables, narrative sections ('text') or report metadata ('meta') */
  reads: readonly (TableId | 'text' | 'meta')[];
  /** one short paragraph: what is checked and why (spec section) */
  doc: string;
  messages: RuleMessages;
}

export interface Rule extends RuleBase {
  kind: 'report';
  check(report: Report): FindingDraft[];
}

/** A cross-year rule over two reports of the same agency. */
export interface PairRule extends RuleBase {
  kind: 'pair';
  check(previous: Report, current: Report): FindingDraft[];
}

export type AnyRule = Rule | PairRule;
