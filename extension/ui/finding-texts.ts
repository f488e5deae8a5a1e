// A finding's message, arithmetic and suggested corrections in one language: the tooltip and the panel share them.
import type { Cell, Finding, Report } from '../../core/model/schema';
import { arithmetic, suspectLines } from '../../core/export/labels';
import type { CheckedPage, Item } from '../lib/model';
import type { Lang } from './strings';

export interface FindingTexts {
  message: string;
  arith: string | null;
  suspects: string[];
}

// Items are rebuilt with each check, so an item's texts never change: the panel and the tooltip reuse them.
const textsOf = new WeakMap<Item, Partial<Record<Lang, FindingTexts>>>();
const cellsByKey = new WeakMap<Pick<Report, 'cells'>, Map<string, Cell>>();

/**
 * arithmetic() indexes every cell of the report it is given, on each call; it reads only the finding's
 * left and right cells, so it gets those (same cells, same texts) instead of the report's hundreds.
 */
function arithmeticCells(f: Finding, report: Pick<Report, 'cells'>): Pick<Report, 'cells'> {
  let idx = cellsByKey.get(report);
  if (!idx) {
    idx = new Map(report.cells.map((c) => [`${c.table}:${c.row}:${c.col}`, c]));
    cellsByKey.set(report, idx);
  }
  const cells: Cell[] = [];
  for (const r of [...(f.leftCells ?? []), ...(f.rightCells ?? [])]) {
    const c = idx.get(`${r.table}:${r.row}:${r.col}`);
    if (c) cells.push(c);
  }
  return { cells };
}

export function findingTexts(item: Item, page: CheckedPage, lang: Lang): FindingTexts {
  let byLang = textsOf.get(item);
  const hit = byLang?.[lang];
  if (hit) return hit;
  const report = page.reports[item.reportIndex]!.rr.report;
  const f: Finding = item.finding;
  const texts = { message: f.message[lang], arith: arithmetic(f, arithmeticCells(f, report), lang), suspects: suspectLines(f, report.format, lang) };
  if (!byLang) textsOf.set(item, (byLang = {}));
  byLang[lang] = texts;
  return texts;
}
