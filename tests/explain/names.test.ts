// One cell name for messages and exports, in the labels of the report's own format.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { reportsOf, SWEPT_DOCUMENTS } from '../documents';
import { checkReport } from '../../core/check';
import { renderMessage } from '../../core/explain/messages';
import { parseCellKey } from '../../core/model/ids';
import type { CellRef, Finding } from '../../core/model/schema';
import { cellName as exportCellName, suspectLines } from '../../core/export/labels';
import { readDocument } from '../../core/read/dom';
import countIntNonNeg from '../../core/rules/val.t2.countIntNonNeg';
import type { FindingDraft } from '../../core/rules/types';

const REAL = fileURLToPath(new URL('../fixtures/corpus/real/', import.meta.url));

// Labels as the spec prints them (report-format.md §3.1 and §3.2, table 二):
// F2021 `t2.row.normativeDocs` — 行政规范性文件, `t2.col.decisions` — 本年处理决定数量;
// F2019 `t2.row.normativeDocs` — 规范性文件, `t2v19.col.decisions` — 处理决定数量.
const DOCS_2021 = '行政规范性文件';
const DOCS_2019 = '规范性文件';
const DECISIONS_2021 = '本年处理决定数量';
const DECISIONS_2019 = '处理决定数量';

const draft = (cells: CellRef[]): FindingDraft => ({
  rule: countIntNonNeg.id,
  severity: 'error',
  status: 'fail',
  cells,
  left: null,
  right: null,
  difference: null,
  suspects: [],
  ambiguous: false,
  params: { raw: '3681.5' },
});

describe('cells are named in the labels of the report format', () => {
  const penalty: CellRef = { table: 't2', row: 'penalty', col: 'decisions' };

  it('a 2019 report gets the 2019 column label, a 2021 report the 2021 one', () => {
    const m19 = renderMessage(draft([penalty]), countIntNonNeg.messages, '2019');
    const m21 = renderMessage(draft([penalty]), countIntNonNeg.messages, '2021');
    expect(m19.zh).toContain(`表二「行政处罚 × ${DECISIONS_2019}」`);
    expect(m19.zh).not.toContain(DECISIONS_2021);
    expect(m21.zh).toContain(`表二「行政处罚 × ${DECISIONS_2021}」`);
    expect(m19.en).toContain('Table 2 "penalty decisions × decisions"');
    expect(m21.en).toContain('Table 2 "penalty decisions × decisions this year"');
  });

  it('without a format, a cell only the 2019 template has makes the finding 2019', () => {
    const m = renderMessage(draft([{ table: 't2', row: 'normativeDocs', col: 'publishedTotal' }]), countIntNonNeg.messages);
    expect(m.zh).toContain(`表二「${DOCS_2019} × 对外公开总数量」`);
    expect(m.zh).not.toContain(DOCS_2021);
    const m21 = renderMessage(draft([{ table: 't2', row: 'normativeDocs', col: 'inForce' }]), countIntNonNeg.messages);
    expect(m21.zh).toContain(`表二「${DOCS_2021} × 现行有效件数」`);
  });

  it('Shanghai 2019 (a 2019-format page): its messages name the 2019 row 规范性文件, never the 2021 label', () => {
    const [report, ...rest] = reportsOf(`${REAL}2019-shanghai-shizhengfu-bangongting.html`);
    expect(rest).toEqual([]);
    expect(report!.format).toBe('2019');
    const zh = checkReport(report!).map((f) => f.message.zh);
    expect(zh.some((m) => m.includes(`表二「${DOCS_2019}」`))).toBe(true);
    expect(zh.filter((m) => m.includes(DOCS_2021))).toEqual([]);
  });
});

/** Every cell a finding (or an expression in its params) can name. */
function namedRefs(f: Finding): CellRef[] {
  const refs: CellRef[] = [
    ...f.cells,
    ...(f.leftCells ?? []),
    ...(f.rightCells ?? []),
    ...(f.blanks ?? []),
    ...f.suspects,
    ...(f.alternatives ?? []).flat(),
  ];
  for (const v of Object.values(f.params ?? {}))
    for (const key of String(v).match(/t[234]:[\w.]+:[\w.]+/g) ?? []) {
      const ref = parseCellKey(key);
      if (ref) refs.push(ref);
    }
  return refs;
}

// Cell names in message text: t2/t3 name a row × a column, t4 a block·outcome.
const ZH_CELL = /表[二三]「[^」]* × [^」]*」|表四「[^」]*·[^」]*」/g;
const EN_CELL = /Table [234] "[^"]*"/g;

describe('messages and exports name a cell identically', () => {
  let compared = 0;
  it.each(SWEPT_DOCUMENTS.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s', (_name, path) => {
    const differ: string[] = [];
    for (const report of reportsOf(path))
      for (const f of checkReport(report)) {
        const refs = namedRefs(f);
        for (const lang of ['zh', 'en'] as const) {
          const names = new Set(refs.map((r) => exportCellName(r, report.format, lang)));
          for (const named of f.message[lang].match(lang === 'zh' ? ZH_CELL : EN_CELL) ?? []) {
            compared++;
            if (!names.has(named)) differ.push(`${f.rule} (${report.format}): ${named} ∉ ${[...names].join(' ')}`);
          }
          // the suspect lines of the CLI, the overlay and the audit record start with the same name
          suspectLines(f, report.format, lang).forEach((line, i) => {
            const name = exportCellName(f.suspects[i]!, report.format, lang);
            if (!line.startsWith(name) || !f.message[lang].includes(name)) differ.push(`${f.rule}: ${line} / ${f.message[lang]}`);
          });
        }
      }
    expect(differ).toEqual([]);
  });

  it('the files above name cells in their messages (the comparison is not vacuous)', () => {
    expect(compared).toBeGreaterThan(100);
  });

  it('the check over names can fail: the old 「row」×「col」 wording is not an export name', () => {
    const old = '表三「（一）予以公开」×「自然人」';
    const ref: CellRef = { table: 't3', row: 'granted', col: 'naturalPerson' };
    expect(exportCellName(ref, '2021', 'zh')).toBe('表三「（一）予以公开 × 自然人」');
    expect(old.match(ZH_CELL)).toBeNull();
    expect('表二「行政处罚 × 本年处理决定数量」'.match(ZH_CELL)).toEqual(['表二「行政处罚 × 本年处理决定数量」']);
    expect(exportCellName({ table: 't2', row: 'penalty', col: 'decisions' }, '2019', 'zh')).not.toBe('表二「行政处罚 × 本年处理决定数量」');
  });
});

describe('checkReport names cells by the report format', () => {
  it('Shanghai 2019 with 行政许可 × 处理决定数量 printed 3681.5: the message says 处理决定数量, as the export does', () => {
    const html = readFileSync(`${REAL}2019-shanghai-shizhengfu-bangongting.html`, 'utf8');
    // the row 行政许可: 上一年项目数量 0 | 本年增/减 0 | 处理决定数量 0 — the last 0 becomes 3681.5
    const row = /(<p>行政许可<\/p>(?:.*?<p align="center">0<\/p>){2}.*?<p align="center">)0(<\/p>)/s;
    expect(row.test(html)).toBe(true);
    const [rr] = readDocument(parseHTML(html.replace(row, '$13681.5$2')).document as unknown as Document);
    const f = checkReport(rr!.report).find((x) => x.rule === countIntNonNeg.id && x.status === 'fail');
    expect(f).toBeDefined();
    expect(f!.message.zh).toContain(DECISIONS_2019);
    expect(f!.message.zh).not.toContain(DECISIONS_2021);
    expect(f!.message.zh).toContain(exportCellName(f!.cells[0]!, '2019', 'zh'));
  });
});
