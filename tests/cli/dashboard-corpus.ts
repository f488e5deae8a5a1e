// Dashboard inputs built the way a sweep builds them: the real corpus documents read and checked by core, plus
// rows for pages that could not be read and, for the screenshots and the size check, more agencies and years made
// from the real reports' findings.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Finding, Report } from '../../core/model/schema';
import { checkReport } from '../../core/check';
import { isReport } from '../../core/read/types';
import { type DashboardReport } from '../../cli/sweep/dashboard';
import { countFindings, firstError, received } from '../../core/sweep/summary';
import { documentsIn, reportsOf } from '../documents';
import { CORPUS } from './helpers';

interface ManifestEntry {
  file: string;
  original_url: string | null;
}
const MANIFEST = JSON.parse(readFileSync(join(CORPUS, 'MANIFEST.json'), 'utf8')) as { documents: ManifestEntry[] };

export function toDashboardReport(source: string, report: Report, findings: Finding[], pageUrl?: string): DashboardReport {
  return {
    source,
    ...(pageUrl ? { pageUrl } : {}),
    fetch: 'ok',
    agency: report.agency,
    year: report.year,
    format: report.format,
    counts: countFindings(findings),
    firstError: firstError(findings),
    findings,
    received: received(report),
  };
}

/** Every report of every real corpus document (HTML, text, Markdown, PDF), named by its corpus path. */
export function corpusDashboardReports(): DashboardReport[] {
  return documentsIn('corpus/real/').flatMap((path) => {
    const file = basename(path);
    const url = MANIFEST.documents.find((d) => d.file === file)?.original_url ?? undefined;
    return reportsOf(path)
      .filter(isReport)
      .map((r) => toDashboardReport(`tests/fixtures/corpus/real/${file}`, r, checkReport(r), url ?? undefined));
  });
}

/** Rows of pages that could not be read, as a sweep records them. */
export const FAILED_ROWS: DashboardReport[] = [
  failed('https://www.example.gov.cn/zfxxgk/nb/2024.htm', 'HTTP 404 Not Found'),
  failed('https://www.example.gov.cn/zfxxgk/nb/2023.pdf', '扫描版 PDF，没有文字层'),
];

export function failed(source: string, reason: string): DashboardReport {
  return {
    source,
    pageUrl: source,
    fetch: reason,
    agency: null,
    year: null,
    format: null,
    counts: { errors: 0, warnings: 0, needsReview: 0, passed: 0, notCheckable: 0 },
    firstError: null,
    findings: [],
    received: null,
  };
}

/** A small deterministic generator (mulberry32), so generated sets are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['平潭', '福清', '长乐', '闽侯', '连江', '罗源', '永泰', '闽清', '晋江', '石狮', '南安', '惠安', '安溪', '永春', '德化', '泉港', '洛江', '丰泽', '鲤城', '同安', '翔安', '海沧', '集美', '湖里', '思明'];
const BODIES = ['人民政府', '发展和改革局', '教育局', '公安局', '民政局', '财政局', '人力资源和社会保障局', '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '农业农村局', '卫生健康委员会', '市场监督管理局'];

/**
 * `agencies` × `years` reports made from the real ones: each takes a real report's findings (so messages,
 * suspects and counts are real) under a generated agency name and year, with a received count drawn per agency.
 */
export function generatedReports(base: readonly DashboardReport[], agencies: number, years: readonly number[], seed = 1): DashboardReport[] {
  const rnd = random(seed);
  const usable = base.filter((r) => r.fetch === 'ok' && r.format !== 'older');
  const out: DashboardReport[] = [];
  for (let a = 0; a < agencies; a++) {
    const agency = `${PLACES[a % PLACES.length]}${a >= PLACES.length ? `${Math.floor(a / PLACES.length) + 1}区` : ''}${BODIES[Math.floor(rnd() * BODIES.length)]}`;
    const scale = Math.floor(5 + rnd() ** 3 * 3000);
    for (const year of years) {
      if (rnd() < 0.08) {
        out.push(failed(`https://www.example.gov.cn/${a}/${year}.htm`, rnd() < 0.5 ? 'HTTP 503 Service Unavailable' : '网络超时（30 秒）'));
        continue;
      }
      const from = usable[Math.floor(rnd() * usable.length)]!;
      out.push({
        ...from,
        source: `https://www.example.gov.cn/${a}/${year}.htm`,
        pageUrl: `https://www.example.gov.cn/${a}/${year}.htm`,
        agency,
        year,
        received: Math.round(scale * (0.7 + rnd() * 0.6)),
      });
    }
  }
  return out;
}

/** Page text that would run or inject if it were not escaped: in an agency, a source, messages and a rule. */
export const EVIL = `平潭</script><script>alert(1)</script>"'><img src=x onerror=alert(2)>`;

/** A real report under hostile names and messages, and a failure with a hostile reason. */
export function hostileReports(base: DashboardReport): DashboardReport[] {
  return [
    {
      ...base,
      source: `report"><a href="javascript:alert(3)">x</a>.html`,
      pageUrl: 'javascript:alert(4)',
      agency: EVIL,
      firstError: EVIL,
      findings: base.findings.map((f) => ({
        ...f,
        rule: `${f.rule}</code><b>`,
        message: { zh: `${EVIL}${f.message.zh}`, en: `</script>${f.message.en}` },
      })),
    },
    failed('file:///etc/passwd', `</script><script>alert(5)</script>`),
  ];
}
