// Patterns of the spec §0 ids (and cell keys) that must not leak into text meant for people.
import {
  T2_2019,
  T2_2021,
  T3_2019,
  T3_2021,
  T4,
  T4_BLOCKS,
  T4_OUTCOMES,
  type LabelDef,
} from '../../core/model/templates';

export const defs: LabelDef[] = [
  ...[T2_2021, T2_2019].flatMap((t) => [...t.rows, ...t.cols, ...(t.subTables ?? []).flatMap((s) => [...s.rows, ...s.cols])]),
  ...[T3_2021, T3_2019, T4].flatMap((t) => [...t.rows, ...t.cols]),
  ...T4_BLOCKS,
  ...T4_OUTCOMES,
];

// Ids that are not English words: camelCase or dotted (naturalPerson, denied.stateSecret, litAfterReview.total).
// Lowercase one-word ids (granted, total, penalty) are English words too and cannot be told apart in text.
const wordlessIds = [...new Set([...defs.map((d) => d.id), ...T4_BLOCKS.map((b) => b.id)].filter((id) => /[A-Z.]/.test(id)))];
const escape = (s: string) => s.replace(/[.]/g, '\\.');
export const RAW_ID = new RegExp(
  [
    't[234]\\[', // t3[granted][naturalPerson]
    't[234]:\\w', // cell keys t3:granted:total
    '\\bt[234] \\w+ × ', // t3 granted × naturalPerson
    '\\bsec\\.\\w', // section ids
    '\\b[a-z]+[A-Z]\\w*', // any camelCase word (grantedOrPartial, legalOrOrg): English text has none
    `\\b(?:${wordlessIds.map(escape).join('|')})\\b`,
  ].join('|'),
);

/** ids in Chinese text: camelCase words, cell keys and `t3[…]`, section ids, dotted `row.col` ids */
export const RAW_ID_ZH = new RegExp(['t[234][\\[:]', '\\bsec\\.\\w', '[a-z]+[A-Z]\\w*', `(?<![\\w.])(?:${wordlessIds.map(escape).join('|')})(?![\\w.])`].join('|'));

