import { describe, expect, it } from 'vitest';
import { readTerms } from '../../core/model/terms';

describe('params read back into terms', () => {
  it('rows summed within one column, with the value found', () => {
    expect(readTerms('newReceived+carriedOver.naturalPerson=116, newReceived.naturalPerson=116')).toEqual([
      { terms: [{ kind: 'rows', rows: ['newReceived', 'carriedOver'], col: 'naturalPerson' }], value: '116', sep: ', ' },
      { terms: [{ kind: 'cell', ref: { table: 't3', row: 'newReceived', col: 'naturalPerson' } }], value: '116', sep: '' },
    ]);
  });

  it('t4 block cells added up, t2 cells, dotted t3 rows, groups, sections, columns and cell keys', () => {
    expect(readTerms('litDirect.total+litAfterReview.total')[0]!.terms).toEqual([
      { kind: 'cell', ref: { table: 't4', row: 'cases', col: 'litDirect.total' } },
      { kind: 'cell', ref: { table: 't4', row: 'cases', col: 'litAfterReview.total' } },
    ]);
    expect(readTerms('normativeDocs.inForce')[0]!.terms).toEqual([{ kind: 'cell', ref: { table: 't2', row: 'normativeDocs', col: 'inForce' } }]);
    expect(readTerms('denied.stateSecret denied.stateSecret.naturalPerson').map((i) => i.terms[0])).toEqual([
      { kind: 'row', row: 'denied.stateSecret' },
      { kind: 'cell', ref: { table: 't3', row: 'denied.stateSecret', col: 'naturalPerson' } },
    ]);
    expect(readTerms('grantedOrPartial, sec.overview, legalOrOrg, t3:granted:total, —').map((i) => i.terms[0])).toEqual([
      { kind: 'group', group: 'grantedOrPartial' },
      { kind: 'section', id: 'sec.overview' },
      { kind: 'column', table: 't3', col: 'legalOrOrg' },
      { kind: 'cell', ref: { table: 't3', row: 'granted', col: 'total' } },
      { kind: 'word', text: '—' },
    ]);
  });
});
