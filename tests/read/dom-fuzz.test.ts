// Property test: the baseline fixture survives the markup noise of real pages (spec §9 V1–V3, V14):
// spaces of every kind inside labels, labels split over <p>/<span>, Word's <o:p> and <font> runs around
// numbers, <th> for header cells, borderless tables, layout tables around the report, a metadata table
// first, table 三 split over two <table>s at any row, Word's empty cell right of each data row. Whatever the noise, every value must be read exactly.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { T3_2021, T3_COLS, templateCells } from '../../core/model/templates';
import { readDocument } from '../../core/read/dom';

const BASE = readFileSync(new URL('../fixtures/html/baseline-2021.html', import.meta.url), 'utf8');
const SPACES = [' ', '\u00a0', '\u3000', '\u00a0 \u00a0', '\u200b', '\n  '];

interface Noise {
  seed: number[];
  labelSpaces: boolean;
  splitLabels: boolean;
  wordRuns: boolean;
  th: boolean;
  borderless: boolean;
  layoutDepth: number;
  metaTable: boolean;
  /** split table 三 into two <table>s before this data row (0: no split) */
  splitT3At: number;
  phantomCells: boolean;
}

/** Deterministic choices from the seed array. */
function picker(seed: number[]) {
  let i = 0;
  return (n: number) => (n <= 1 ? 0 : seed[i++ % seed.length]! % n);
}

function noisy(html: string, n: Noise): string {
  const pick = picker(n.seed.length ? n.seed : [0]);
  let out = html.replace(/<p>([^<]*)<\/p>/g, (_, text: string) => {
    const isNumber = /^[\d.]+$/.test(text);
    if (isNumber) return n.wordRuns ? `<p><span style="font-family:仿宋"><font face="仿宋_GB2312">${text}</font></span><o:p></o:p></p>` : `<p>${text}</p>`;
    let t = text;
    if (n.labelSpaces && t.length > 2) {
      const at = 1 + pick(t.length - 1);
      t = t.slice(0, at) + SPACES[pick(SPACES.length)] + t.slice(at);
    }
    if (n.splitLabels && t.length > 3) {
      const at = 1 + pick(t.length - 2);
      t = pick(2) ? `${t.slice(0, at)}</p><p>${t.slice(at)}` : `<span>${t.slice(0, at)}</span><span>${t.slice(at)}</span>`;
    }
    return `<p>${t}</p>`;
  });
  if (n.th) out = out.replace(/<td([^>]*)><p>(申请人情况|自然人|法人或其他组织|总计|行政复议|行政诉讼|结果)/g, '<th$1><p>$2');
  if (n.th) out = out.replace(/<th([^>]*)>([\s\S]*?)<\/td>/g, "<th$1>$2</th>");
  // structural noise on table 三: a page-break split, Word's empty cell at the end of data rows
  const t3Start = out.indexOf('<table', out.indexOf('三、收到和处理'));
  const t3End = out.indexOf('</table>', t3Start) + '</table>'.length;
  let t3 = out.slice(t3Start, t3End);
  if (n.phantomCells) t3 = t3.replace(/(<td><p>\d+<\/p><\/td>)<\/tr>/g, '$1<td><p>&nbsp;</p></td></tr>');
  if (n.splitT3At > 0) {
    let seen = 0;
    // header rows are the first three <tr>
    t3 = t3.replace(/<\/tr><tr>/g, (m) => (++seen === 2 + n.splitT3At ? '</tr></tbody></table><p>&nbsp;</p><table border="1"><tbody><tr>' : m));
  }
  out = out.slice(0, t3Start) + t3 + out.slice(t3End);
  if (n.borderless) out = out.replace(/border="1"/g, 'border="0" style="border:none"');
  const start = out.indexOf('<div class="article">');
  const end = out.indexOf('<div class="footer">');
  let body = out.slice(start, end);
  for (let d = 0; d < n.layoutDepth; d++) body = `<table width="100%"><tr><td>${d === 0 ? '' : '<p>导航</p>'}</td></tr><tr><td>${body}</td></tr></table>`;
  if (n.metaTable) body = '<table class="table_content"><tr><td>名称</td><td>测试县2023年政府信息公开工作年度报告</td></tr><tr><td>发布机构</td><td>测试县</td></tr></table>' + body;
  return out.slice(0, start) + body + out.slice(end);
}

describe('reading survives markup noise (property)', () => {
  it('reads every value of the baseline under random noise', () => {
    const noise = fc.record({
      seed: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 }),
      labelSpaces: fc.boolean(),
      splitLabels: fc.boolean(),
      wordRuns: fc.boolean(),
      th: fc.boolean(),
      borderless: fc.boolean(),
      layoutDepth: fc.integer({ min: 0, max: 3 }),
      metaTable: fc.boolean(),
      splitT3At: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 24 })),
      phantomCells: fc.boolean(),
    });
    const want3 = T3_2021.rows.flatMap((d, i) => T3_COLS.map((c, j) => `${d.id}:${c.id}=${(i + 1) * 10 + j}`)).sort();
    const want4 = templateCells('t4', '2021').map((k, i) => `${k.col}=${101 + i}`);
    fc.assert(
      fc.property(noise, (n) => {
        const doc = parseHTML(noisy(BASE, n)).document as unknown as Document;
        const { report } = readDocument(doc)[0]!;
        const got3 = report.cells.filter((c) => c.table === 't3').map((c) => `${c.row}:${c.col}=${c.value}`).sort();
        expect(got3).toEqual(want3);
        const got4 = templateCells('t4', '2021').map((k) => `${k.col}=${report.cells.find((c) => c.table === 't4' && c.col === k.col)?.value}`);
        expect(got4).toEqual(want4);
        expect(report.cells.filter((c) => c.table === 't2')).toHaveLength(10);
        expect(report.extras).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
