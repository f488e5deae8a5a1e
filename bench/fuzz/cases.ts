// A fuzz case: a source (whole page, report region or table, text), edits that break it, and now and then a
// repetition that makes it large. Also the reduction of a failing page to a small one that fails the same way.
import fc from 'fast-check';
import type { PdfPage } from '../../core/read/pdf';
import { applyEdits, editArbitrary, repeatBody, type Edit } from './mutate';
import { pdfEditArbitrary, pdfInput, type PdfEdit, type PdfSource } from './pdf';
import type { Source, SourceKind, Sources } from './sources';

export interface PageCase {
  source: Source;
  edits: Edit[];
  /** the page's body repeated this many times (1: as is) */
  scale: number;
}

export interface PdfCase {
  pdf: PdfSource;
  edits: PdfEdit[];
}

export type FuzzCase = PageCase | PdfCase;

/** What the pipeline reads: a page or text, or a PDF's text layer. */
export type Input = { kind: SourceKind; text: string } | { kind: 'pdf'; pages: PdfPage[] };

export function caseName(c: FuzzCase): string {
  return 'pdf' in c ? c.pdf.name : c.source.name;
}

export interface CaseOptions {
  /** 0: never make pages large (the unit test's quick run) */
  largeWeight?: number;
}

export function caseArbitrary(sources: Sources, opts: CaseOptions = {}): fc.Arbitrary<FuzzCase> {
  const source = fc.oneof(
    // whole pages are 100 KB and more, mostly site chrome, and regions 25–85 KB: fewer of them
    { weight: 1, arbitrary: fc.constantFrom(...sources.pages) },
    { weight: 2, arbitrary: fc.constantFrom(...sources.regions) },
    { weight: 10, arbitrary: fc.constantFrom(...sources.tables) },
    { weight: 6, arbitrary: fc.constantFrom(...sources.texts) },
  );
  const largeWeight = opts.largeWeight ?? 1;
  const scale =
    largeWeight > 0
      ? fc.oneof({ weight: 200, arbitrary: fc.constant(1) }, { weight: largeWeight, arbitrary: fc.integer({ min: 2, max: 60 }) })
      : fc.constant(1);
  const pages: fc.Arbitrary<FuzzCase> = source.chain((s) =>
    fc.record({ source: fc.constant(s), edits: fc.array(editArbitrary(s.kind), { minLength: 1, maxLength: 8 }), scale }),
  );
  if (sources.pdfs.length === 0) return pages;
  const pdfs: fc.Arbitrary<FuzzCase> = fc.record({
    pdf: fc.constantFrom(...sources.pdfs),
    edits: fc.array(pdfEditArbitrary, { minLength: 1, maxLength: 10 }),
  });
  return fc.oneof({ weight: 19, arbitrary: pages }, { weight: 3, arbitrary: pdfs });
}

export function buildInput(c: FuzzCase): Input {
  if ('pdf' in c) return { kind: 'pdf', pages: pdfInput(c.pdf, c.edits) };
  return { kind: c.source.kind, text: repeatBody(applyEdits(c.source.text, c.edits), c.scale) };
}

/** How a failure is told apart from another: the error's class and message, numbers left in. */
export function failureKey(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : `thrown: ${String(e)}`;
}

/**
 * The smallest page found that still fails with the same key: first whole tags and text runs (HTML) or lines
 * (text) are dropped, then, once small, single characters — fast-check shrinks a subarray of the tokens,
 * starting from all of them.
 */
export function reducePage(kind: SourceKind, page: string, fails: (page: string) => boolean): string {
  const pass = (tokens: string[]): string[] => {
    const r = fc.check(
      fc.property(fc.subarray(tokens), (sub) => !fails(sub.join(''))),
      { examples: [[tokens]], numRuns: 1, endOnFailure: false },
    );
    return r.failed ? (r.counterexample![0] as string[]) : tokens;
  };
  const coarse = kind === 'html' ? page.split(/(<[^>]*>)/).filter((t) => t !== '') : page.split(/(?<=\n)/);
  let out = pass(coarse).join('');
  if (out.length <= 4000) out = pass([...out]).join('');
  return out;
}
