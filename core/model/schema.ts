// The report model and the public JSON contract (spec §0, issue 2 item 8, issue 3 item 6).
// zod/mini keeps the content-script bundle small; jitless avoids `new Function` under CSP.
import * as z from 'zod/mini';

z.config({ jitless: true });

export const TableId = z.enum(['t2', 't3', 't4']);
export type TableId = z.infer<typeof TableId>;

export const FormatVersion = z.enum(['2021', '2019', 'older', 'unknown']);
export type FormatVersion = z.infer<typeof FormatVersion>;

/** number: a printed number (0 included); blank: nothing printed; placeholder: —, -, /, 无 …; text: anything else. */
export const CellKind = z.enum(['number', 'blank', 'placeholder', 'text']);
export type CellKind = z.infer<typeof CellKind>;

/** Where a cell came from: a DOM table cell (path is a CSS-like locator), a position in a text or on a PDF page. */
export const SourceRef = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('dom'),
    /** index of the <table> element among the document's tables, in document order */
    tableIndex: z.number(),
    /** logical grid position inside that <table> (after rowspan/colspan expansion) */
    gridRow: z.number(),
    gridCol: z.number(),
  }),
  z.object({
    type: z.literal('text'),
    /** 1-based line and column of the first character of the cell's text */
    line: z.number(),
    column: z.number(),
  }),
  z.object({
    type: z.literal('pdf'),
    /** 1-based page of a PDF's text layer */
    page: z.number(),
    /** top-left of the cell's text in points (1/72 inch) from the page's top-left corner; for a blank cell, its column */
    x: z.number(),
    y: z.number(),
  }),
]);
export type SourceRef = z.infer<typeof SourceRef>;

export const Cell = z.object({
  table: TableId,
  /** spec §0 short row id; a 表三 group printed as one row is its group total `grp.denied` | `grp.unable` | `grp.notProcessed` | `grp.other` */
  row: z.string(),
  col: z.string(),
  /** the text as displayed, whitespace collapsed */
  raw: z.string(),
  value: z.nullable(z.number()),
  kind: CellKind,
  unit: z.optional(z.string()),
  source: SourceRef,
});
export type Cell = z.infer<typeof Cell>;

/** A row that was in the table but is not part of the template (e.g. 其他主动公开文件, 小计). */
export const ExtraRow = z.object({
  table: TableId,
  label: z.string(),
  raw: z.array(z.string()),
  source: SourceRef,
});
export type ExtraRow = z.infer<typeof ExtraRow>;

/**
 * A note about how the page was read: a code from core/read/notes.ts with its params (data first), and the
 * sentence rendered from them in both languages.
 */
export const ReadNote = z.object({
  code: z.string(),
  table: z.optional(TableId),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  zh: z.string(),
  en: z.string(),
});
export type ReadNote = z.infer<typeof ReadNote>;

export const NotCheckable = z.object({
  table: z.union([TableId, z.literal('report')]),
  reason: z.enum(['image', 'attachment', 'embeddedPdf', 'missing', 'unreadable']),
  link: z.optional(z.string()),
  /** English, kept for the contract's readers; `note` says the same in both languages */
  detail: z.optional(z.string()),
  note: z.optional(ReadNote),
});
export type NotCheckable = z.infer<typeof NotCheckable>;

export const CellRef = z.object({ table: TableId, row: z.string(), col: z.string() });
export type CellRef = z.infer<typeof CellRef>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const FindingStatus = z.enum(['fail', 'needsReview', 'pass', 'notCheckable']);
export type FindingStatus = z.infer<typeof FindingStatus>;

export const Suspect = z.object({
  table: TableId,
  row: z.string(),
  col: z.string(),
  printed: z.nullable(z.number()),
  suggested: z.number(),
  /** the suggestion is one keystroke away from the printed number: 'swap' | 'drop' | 'double' | 'mistype' */
  typo: z.nullable(z.enum(['swap', 'drop', 'double', 'mistype', 'insert'])),
  /**
   * Present when blank cells leave the value open: every value from `min` to `max` (null: no upper limit) fits
   * the table, the rest held by blanks; `suggested` is the one nearest the printed number.
   */
  bounds: z.optional(z.object({ min: z.number(), max: z.nullable(z.number()) })),
});
export type Suspect = z.infer<typeof Suspect>;

export const Evidence = z.object({
  section: z.optional(z.string()),
  sentence: z.string(),
  /** offset of the number inside the sentence, in UTF-16 code units */
  start: z.number(),
  end: z.number(),
  claimed: z.number(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Among equally small corrections (`alternatives`), the one a statement of the report's own text agrees with. */
export const TextSupport = z.object({
  /** index into `alternatives` */
  alternative: z.number(),
  /** the narrative rule whose claim agrees (txt.reviewTotal …) */
  rule: z.string(),
  evidence: Evidence,
});
export type TextSupport = z.infer<typeof TextSupport>;

export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  status: FindingStatus,
  cells: z.array(CellRef),
  left: z.nullable(z.number()),
  right: z.nullable(z.number()),
  difference: z.nullable(z.number()),
  tolerance: z.optional(z.number()),
  /** cells on each side of the identity, when the rule is an identity */
  leftCells: z.optional(z.array(CellRef)),
  rightCells: z.optional(z.array(CellRef)),
  blanks: z.optional(z.array(CellRef)),
  suspects: z.array(Suspect),
  /** several cells explain the failure equally by the arithmetic alone (see `alternatives`; `textSupport` may still name one) */
  ambiguous: z.boolean(),
  /** the equally small corrections, each a set of cells with suggested values */
  alternatives: z.optional(z.array(z.array(Suspect))),
  /** set when the text decides between the alternatives: `suspects` are then that alternative's cells */
  textSupport: z.optional(TextSupport),
  message: z.object({ zh: z.string(), en: z.string() }),
  evidence: z.optional(Evidence),
  /** what the rule instance ranges over: a t3 row or column id, a t4 block, a t2 row, a narrative keyword … */
  scope: z.optional(z.string()),
  /** further data the message is rendered from (which reading matched, the year pair, …) */
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type Finding = z.infer<typeof Finding>;

export const ReportMeta = z.object({
  format: FormatVersion,
  year: z.nullable(z.number()),
  agency: z.nullable(z.string()),
  title: z.nullable(z.string()),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

/** One narrative section of the report (一、总体情况 …), as plain text for the narrative rules. */
export const Section = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
});
export type Section = z.infer<typeof Section>;

export const Report = z.object({
  ...ReportMeta.shape,
  /** which tables were found as readable tables */
  tablesFound: z.array(TableId),
  cells: z.array(Cell),
  extras: z.array(ExtraRow),
  sections: z.array(Section),
  notCheckable: z.array(NotCheckable),
  /** one-line notes about how the page was read (a missing row, a transposed table …) */
  readNotes: z.array(ReadNote),
  /**
   * Tables whose value columns were each placed by a printed header label naming that column, in the template's
   * order (not by position): their column mapping needs no plausibility check (t3.columnOrder).
   */
  columnsByHeader: z.optional(z.array(TableId)),
});
export type Report = z.infer<typeof Report>;

/** The public JSON contract, version 1. */
export const ContractReport = z.object({
  /** only where this report was read from somewhere else than the contract's source (a page's PDF attachment) */
  source: z.optional(z.string()),
  format: FormatVersion,
  year: z.nullable(z.number()),
  agency: z.nullable(z.string()),
  cells: z.array(
    z.object({
      table: TableId,
      row: z.string(),
      col: z.string(),
      raw: z.string(),
      value: z.nullable(z.number()),
      kind: CellKind,
    }),
  ),
  findings: z.array(Finding),
  notCheckable: z.array(NotCheckable),
});
export const Contract = z.object({
  version: z.literal(1),
  source: z.string(),
  reports: z.array(ContractReport),
});
export type Contract = z.infer<typeof Contract>;
