// The narrative's outcome groups (予以公开 …, 不予公开 …) and their table values, shared by three txt rules.
import type { Claim, ClaimPattern } from '../explain/claims';
import type { Report } from '../model/schema';
import type { CellLookup } from './identity';
import { sumValues, t3GroupValue, t3Value, type Reading } from './narrative';

export const OUTCOME_PATTERN: ClaimPattern = {
  // longest alternatives first: 予以公开及部分公开 before 予以公开 and 部分公开
  keyword: /予以公开(?:及|和|与|或|并|以及)部分公开|全部或部分公开|予以公开|同意公开|全部公开|部分公开|不予公开|无法提供|不予处理|其他处理/,
  window: 16,
  exclude: /复议|诉讼|主动公开/,
  subject: 'applications',
};

/** clauses that state an outcome or the carried-forward count are not the processed total */
export const PROCESSED_EXCLUDE = /复议|诉讼|顺延|结转下|转下|下一?年度|予以公开|同意公开|部分公开|不予公开|无法提供|不予处理|其他处理/;

export type OutcomeScope = 'grantedOrPartial' | 'granted' | 'partial' | 'denied' | 'unable' | 'notProcessed' | 'other';

export function outcomeScope(c: Claim): OutcomeScope {
  const k = c.keyword;
  if (k.includes('部分公开') && k.length > 4) return 'grantedOrPartial';
  if (k === '部分公开') return 'partial';
  if (k === '不予公开') return 'denied';
  if (k === '无法提供') return 'unable';
  if (k === '不予处理') return 'notProcessed';
  if (k === '其他处理') return 'other';
  return 'granted';
}

/** Readings of an outcome group in a column (total by default). 予以公开 alone may or may not include 部分公开. */
export function outcomeReadings(report: Report, lookup: CellLookup, scope: OutcomeScope, col = 'total'): Reading[] {
  const granted = t3Value(lookup, 'granted', col);
  const partial = t3Value(lookup, 'partial', col);
  switch (scope) {
    case 'grantedOrPartial':
      return [{ name: 'granted+partial', value: sumValues([granted, partial]) }];
    case 'granted':
      return [
        { name: 'granted', value: granted },
        { name: 'granted+partial', value: sumValues([granted, partial]) },
      ];
    case 'partial':
      return [{ name: 'partial', value: partial }];
    default:
      return [{ name: scope, value: t3GroupValue(report, lookup, scope, col) }];
  }
}
