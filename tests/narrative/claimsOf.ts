// What the narrative rules claim a sentence says: each txt.* rule that compares a number of the text with the
// tables is run on a report whose only text is that sentence, and every finding with evidence is one claim
// (rule, scope, number). The tables are the Huixian 2023 sample's, so every reading exists; whether the claim
// passes or fails does not matter here, only that it was made.
import { reportRules } from '../../core/rules';
import { buildReport } from '../rules/fixtures';

export interface SentenceClaim {
  rule: string;
  scope?: string;
  value: number;
}

/** Rules whose findings are claims read from one sentence (txt.outcomePartsSum adds up claims of txt.outcomeGroups; txt.feeStatement has no number). */
export const CLAIM_RULES = reportRules.filter((r) => r.id.startsWith('txt.') && r.id !== 'txt.outcomePartsSum' && r.id !== 'txt.feeStatement');

const base = buildReport();

/** The claims the rules read in one sentence of a report of `agency` for `year` (its scope depends on them). */
export function claimsOf(sentence: string, section = 'sec.applications', report: { agency?: string | null; year?: number | null } = {}): SentenceClaim[] {
  const r = { ...base, agency: report.agency ?? null, year: report.year ?? null, sections: [{ id: section, title: '', text: sentence }] };
  const out: SentenceClaim[] = [];
  for (const rule of CLAIM_RULES) {
    for (const f of rule.check(r)) {
      if (!f.evidence) continue;
      out.push({ rule: f.rule, ...(f.scope !== undefined ? { scope: f.scope } : {}), value: f.evidence.claimed });
    }
  }
  return out;
}

export interface LabelledSentence {
  /** where the sentence was read: a corpus file or a public page address */
  source: string;
  agency: string | null;
  year: number | null;
  section: string;
  sentence: string;
  /** the quantities the sentence states that the tables also give, by hand; [] = no claim */
  claims: SentenceClaim[];
  /** why, where the label is not obvious */
  note?: string;
}

const same = (a: SentenceClaim, b: SentenceClaim) => a.rule === b.rule && a.value === b.value && (b.scope === undefined || a.scope === b.scope);

export interface Scored {
  item: LabelledSentence;
  found: SentenceClaim[];
  truePositives: SentenceClaim[];
  falsePositives: SentenceClaim[];
  missed: SentenceClaim[];
}

export function score(items: readonly LabelledSentence[]): { scored: Scored[]; tp: number; fp: number; fn: number; precision: number; recall: number } {
  const scored = items.map((item) => {
    const found = claimsOf(item.sentence, item.section, item);
    const truePositives = found.filter((f) => item.claims.some((l) => same(f, l)));
    const falsePositives = found.filter((f) => !item.claims.some((l) => same(f, l)));
    const missed = item.claims.filter((l) => !found.some((f) => same(f, l)));
    return { item, found, truePositives, falsePositives, missed };
  });
  const tp = scored.reduce((a, s) => a + s.truePositives.length, 0);
  const fp = scored.reduce((a, s) => a + s.falsePositives.length, 0);
  const fn = scored.reduce((a, s) => a + s.missed.length, 0);
  return { scored, tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}
