// English messages name cells, rows and columns in words: no raw id of the JSON contract leaks into the text.
import { describe, expect, it } from 'vitest';
import { reportsOf, SWEPT_DOCUMENTS } from '../documents';
import { checkReport } from '../../core/check';
import { T3_GROUPS, T3_GROUPS_EN } from '../../core/model/templates';
import { defs, RAW_ID, RAW_ID_ZH } from './raw-ids';

describe('English names', () => {
  it('every template id has a non-empty English label', () => {
    expect(defs.length).toBeGreaterThan(60);
    const missing = defs.filter((d) => !d.en?.trim()).map((d) => d.id);
    expect(missing).toEqual([]);
    expect(Object.keys(T3_GROUPS_EN).sort()).toEqual(Object.keys(T3_GROUPS).sort());
    expect(Object.values(T3_GROUPS_EN).every((s) => s.trim() !== '')).toBe(true);
  });

  it('the raw-id pattern catches the ids messages used to print', () => {
    for (const old of [
      't4[litAfterReview.total] printed 115',
      't3[granted][naturalPerson]',
      't3 granted × naturalPerson',
      'Column naturalPerson:',
      'missing (t4:cases:review.total)',
      '(outcome grantedOrPartial)',
      'Row other.misc has',
    ])
      expect(old).toMatch(RAW_ID);
    for (const words of [
      'Table 3 "(1) granted × natural persons"',
      'Table 4 "litigation after review: total"',
      't3 column "other organisations": total 5',
    ])
      expect(words).not.toMatch(RAW_ID);
  });

  it.each(SWEPT_DOCUMENTS.map((f) => [f.split('/').slice(-2).join('/'), f]))(
    'no raw id in any English or Chinese message: %s',
    (_name, path) => {
      const reports = reportsOf(path);
      const leaks: string[] = [];
      let messages = 0;
      for (const r of reports)
        for (const f of checkReport(r)) {
          messages++;
          if (RAW_ID.test(f.message.en)) leaks.push(`${f.rule}: ${f.message.en}`);
          // the Chinese messages name everything by its printed label too
          if (RAW_ID_ZH.test(f.message.zh)) leaks.push(`${f.rule}: ${f.message.zh}`);
        }
      expect(leaks).toEqual([]);
      // a document read into no report would pass vacuously
      if (!path.endsWith('attachment-only.html')) expect(messages).toBeGreaterThan(0);
    },
  );
});
