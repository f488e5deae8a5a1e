// npm run narrative-eval: precision and recall of the narrative rules' claim extraction on the hand-labelled
// real sentences (tests/fixtures/narrative/sentences.json); every false claim and every missed one is listed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { score, type LabelledSentence, type SentenceClaim } from './claimsOf';

const FILE = fileURLToPath(new URL('../fixtures/narrative/sentences.json', import.meta.url));
const { sentences } = JSON.parse(readFileSync(FILE, 'utf8')) as { sentences: LabelledSentence[] };
const r = score(sentences);
const show = (c: SentenceClaim) => `${c.rule}${c.scope ? `[${c.scope}]` : ''}=${c.value}`;
const cut = (s: string) => (s.length > 90 ? s.slice(0, 90) + '…' : s);

for (const s of r.scored) for (const c of s.falsePositives) console.log(`FALSE  ${show(c)}  “${cut(s.item.sentence)}”  (${s.item.source})`);
for (const s of r.scored) for (const c of s.missed) console.log(`MISSED ${show(c)}  “${cut(s.item.sentence)}”`);
const pct = (x: number) => (x * 100).toFixed(1) + '%';
console.log(`\n${sentences.length} sentences, ${r.tp + r.fn} labelled claims, ${r.tp + r.fp} claims made`);
console.log(`precision ${pct(r.precision)} (${r.tp}/${r.tp + r.fp})   recall ${pct(r.recall)} (${r.tp}/${r.tp + r.fn})   false claims ${r.fp}`);
