// A finding with the fields most non-identity rules leave empty.
import type { FindingStatus, Severity } from '../model/schema';
import type { FindingDraft } from './types';

export function draft(rule: string, severity: Severity, status: FindingStatus, extra: Partial<FindingDraft> = {}): FindingDraft {
  return {
    rule,
    severity: status === 'pass' || status === 'notCheckable' ? 'info' : severity,
    status,
    cells: [],
    left: null,
    right: null,
    difference: null,
    suspects: [],
    ambiguous: false,
    ...extra,
  };
}
