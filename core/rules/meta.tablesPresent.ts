import type { TableId } from '../model/schema';
import { NOT_CHECKABLE_REASONS, TABLE_NAMES } from '../export/labels';
import { draft } from './draft';
import type { Rule, RuleCases } from './types';

// Spec §7.7: tables 二/三/四 were found as readable tables (not images, attachments or embedded PDFs).
const rule: Rule = {
  kind: 'report',
  id: 'meta.tablesPresent',
  severity: 'warning',
  reads: ['meta'],
  doc: 'Tables 二, 三 and 四 were all found as readable tables, not as images, attachments or an embedded PDF; otherwise their rules cannot run (spec §7.7).',
  messages: {
    fail: { zh: '未读到表格：{missingZh}（{reasonsZh}），这些表格的勾稽关系无法检查。', en: 'Tables not read: {missingEn} ({reasonsEn}); their identities cannot be checked.' },
    pass: { zh: '表二、表三、表四均已读到。', en: 'Tables 2, 3 and 4 were all read.' },
  },
  check(report) {
    if (report.format === 'older') return [];
    const missing = (['t2', 't3', 't4'] as TableId[]).filter((t) => !report.tablesFound.includes(t));
    const reasons = missing.map((t) => report.notCheckable.find((n) => n.table === t || n.table === 'report')?.reason ?? 'missing');
    // one reason for all (a report in an attachment) is said once
    const said = [...new Set(reasons)];
    const list = (names: string[], sep: string) => names.join(sep) || '—';
    return [
      draft(rule.id, 'warning', missing.length === 0 ? 'pass' : 'fail', {
        params: {
          missing: missing.join(', ') || '—',
          reasons: reasons.join(', ') || '—',
          missingZh: list(missing.map((t) => TABLE_NAMES[t].zh), '、'),
          missingEn: list(missing.map((t) => TABLE_NAMES[t].en), ', '),
          reasonsZh: list(said.map((r) => NOT_CHECKABLE_REASONS[r].zh), '；'),
          reasonsEn: list(said.map((r) => NOT_CHECKABLE_REASONS[r].en), '; '),
        },
      }),
    ];
  },
};
export default rule;

export const cases: RuleCases = {
  valid: [{ name: 'Huixian', expect: { status: 'pass' } }],
  invalid: [{ name: 't3 is an image', meta: { tablesFound: ['t2', 't4'] }, expect: { status: 'fail' } }],
};
