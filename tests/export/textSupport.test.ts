// The text-supported correction in the exports (issue 13 §2), on the Pingtan 2025 page with 表四 行政复议·总计
// printed 37: the JSON contract carries textSupport and stays version 1; the audit record names the correction
// the text supports and quotes the sentence.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../core/check';
import { auditMarkdown, buildAuditRecord } from '../../core/export/audit';
import { toContract } from '../../core/export/json';
import { Contract } from '../../core/model/schema';
import { readDocument } from '../../core/read/dom';

const FILE = fileURLToPath(new URL('../fixtures/e2e/2025-pingtan-guanweihui.review-37.html', import.meta.url));
const report = readDocument(parseHTML(readFileSync(FILE, 'utf8')).document as unknown as Document)[0]!.report;
const findings = checkReport(report);
const reviewSum = findings.find((f) => f.rule === 't4.reviewSum' && f.status === 'fail')!;

describe('text-supported suspect in the exports', () => {
  it('the finding: total 37→36 as the suspect, five alternatives kept, the sentence as evidence', () => {
    expect(reviewSum.ambiguous).toBe(true);
    expect(reviewSum.alternatives!.length).toBe(5);
    expect(reviewSum.suspects.map((s) => `${s.row}:${s.col}:${s.printed}→${s.suggested}`)).toEqual(['cases:review.total:37→36']);
    expect(reviewSum.textSupport).toMatchObject({ rule: 'txt.reviewTotal', evidence: { claimed: 36, sentence: '全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起' } });
    expect(reviewSum.alternatives![reviewSum.textSupport!.alternative]).toEqual(reviewSum.suspects);
  });

  it('the JSON contract carries textSupport and is still version 1', () => {
    const contract = Contract.parse(JSON.parse(JSON.stringify(toContract('review-37.html', [{ report, findings }]))));
    expect(contract.version).toBe(1);
    expect(contract.reports[0]!.findings.find((f) => f.rule === 't4.reviewSum')!.textSupport?.evidence.claimed).toBe(36);
  });

  it('the audit record names the supported correction and quotes the sentence', async () => {
    const rec = await buildAuditRecord({ url: 'http://www.example.gov.cn/review-37.html', title: null, checkedAt: new Date(0), report, findings });
    const md = auditMarkdown(rec, 'zh');
    expect(md).toContain('表四「行政复议·总计」：印 37，应为 36，疑为打错一位（正文支持此改法）');
    expect(md).toContain('行政复议36起');
    expect(auditMarkdown(rec, 'en')).toContain("(the report's text supports this correction)");
  });
});
