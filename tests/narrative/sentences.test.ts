// The narrative rules on hand-labelled real sentences (tests/fixtures/narrative/sentences.json): a claim the
// label does not give is a wrong warning waiting to happen, so none is allowed; recall may not fall back.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { score, type LabelledSentence } from './claimsOf';

const { sentences } = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/narrative/sentences.json', import.meta.url)), 'utf8')) as { sentences: LabelledSentence[] };
const result = score(sentences);

describe('claim extraction on labelled real sentences', () => {
  it('the set covers every corpus report with prose and the issue\'s sentences', () => {
    const sources = new Set(sentences.map((s) => s.source));
    expect(sources.size).toBeGreaterThanOrEqual(18);
    expect(sentences.filter((s) => s.claims.length > 0).length).toBeGreaterThanOrEqual(40);
  });

  it('makes no claim a label does not give (precision 100%)', () => {
    const wrong = result.scored.flatMap((s) => s.falsePositives.map((c) => `${c.rule}[${c.scope ?? ''}]=${c.value} in “${s.item.sentence}”`));
    expect(wrong).toEqual([]);
  });

  it('finds at least 95% of the labelled claims', () => {
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
  });
});
