// The test site of "check the reports listed on this page" (tests/e2e/sweep.test.ts in Chromium,
// tests/e2e/firefox-sweep.test.ts in Firefox, tests/e2e/sweep-years.test.ts): a gov.cn host with two list pages and
// four real reports (three HTML pages and the Hongze 2023 page whose tables are only in its PDF attachment, with two
// misprinted 表四 totals, MANIFEST hand check), a third list page of Hongze 2024 (changed) and 2023, and a second
// gov.cn host with one more report; served by one local server that tells the hosts apart by the Host header, and the
// sweep command run on the same pages.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { sweepMain } from '../../cli/sweep/main';
import { hongze2024CarriedOver3 } from '../cli/pdf-edit';
import { type Chrome, collectErrors, CORPUS, fixture, type Logged, type Session } from './harness';

export const GOV_HOST = 'www.example.gov.cn';
/** another gov.cn host: its reports need the optional host permission the results page asks for */
export const OTHER_GOV_HOST = 'xxgk.example.gov.cn';

/** the four reports on the list's own host */
export const LIST = '/zwgk/ndbg/index.html';
/** the same four and the one on OTHER_GOV_HOST */
export const LIST_WIDE = '/zwgk/bmndbg/index.html';
export const REPORTS: [string, string][] = [
  ['/zwgk/ndbg/2023-pingtan.html', '平潭综合实验区2023年度政府信息公开工作年度报告'],
  ['/zwgk/ndbg/2019-shanghai.html', '上海市人民政府办公厅2019年政府信息公开工作年度报告'],
  ['/zwgk/ndbg/2023-hongze.html', '淮安市洪泽区人民政府2023年政府信息公开工作年度报告'],
  ['/zwgk/ndbg/2023-shuyang.html', '沭阳县发展和改革局2023年政府信息公开工作年度报告'],
];
export const HONGZE_PDF = '/2023-huaian-hongzequ.pdf';

/**
 * Issue 10, years in the sweep: a list of one agency's two consecutive reports, the later year listed first. Hongze
 * 2024 is the real PDF with 表三 二、上年结转 printed 3 instead of 0 in 自然人 and 总计 (tests/cli/pdf-edit.ts), behind
 * a report page like the 2023 one; Hongze 2023 is REPORTS[2] with its real PDF.
 */
export const LIST_YEARS = '/zwgk/ndbg/hongze.html';
export const HONGZE_2024: [string, string] = ['/zwgk/ndbg/2024-hongze.html', '淮安市洪泽区人民政府2024年政府信息公开工作年度报告'];
export const HONGZE_2024_PDF = '/2024-huaian-hongzequ.pdf';
/**
 * On OTHER_GOV_HOST: the 2025 Pingtan page with one printed number changed (tests/fixtures/e2e/README.md: 表三
 * （一）予以公开 × 自然人 33 → 38), so that its row total and its results column no longer add up: two errors.
 */
export const OTHER_REPORT: [string, string] = ['/xxgk/2025-pingtan.html', '平潭综合实验区2025年度政府信息公开工作年度报告'];

const HTML = 'text/html; charset=utf-8';
const listPage = (
  links: [string, string][],
): string => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="${LIST}">政府信息公开年报</a> <a href="/news/1.html">我区召开2023年度政府信息公开工作推进会</a></div>
<ul class="list">${links.map(([href, t]) => `<li><a href="${href}" target="_blank">${t}</a><span>2024-03-01</span></li>`).join('\n')}</ul>
</body></html>`;

export interface SiteRequest {
  host: string;
  path: string;
  /** when it arrived (ms) */
  at: number;
}

/**
 * The site on a local server. `portInUrls`: the addresses carry the server's port (Firefox, whose every host name
 * resolves to 127.0.0.1 but keeps the URL's port); without it, Chromium's --host-resolver-rules map the names to the
 * server's port.
 */
export class SweepSite {
  server!: Server;
  port = 0;
  /** every request the server answered, in order, favicons left out */
  readonly requests: SiteRequest[] = [];
  /** report pages and attachments wait this long before the answer (the list pages never) */
  slowMs = 0;
  private files = new Map<string, { body: Buffer | string; type: string }>();

  constructor(private readonly portInUrls: boolean) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      // the sweep command's requests come to 127.0.0.1 with the host they were for in x-test-host (see cliSweep)
      const host = String(req.headers['x-test-host'] ?? req.headers.host ?? '').replace(/:\d+$/, '');
      if (path !== '/favicon.ico') this.requests.push({ host, path, at: Date.now() });
      const f = this.files.get(`${host}${path}`);
      const answer = (): void => {
        if (!f) {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('not found');
          return;
        }
        res.writeHead(200, { 'content-type': f.type, 'cache-control': 'no-store' });
        res.end(f.body);
      };
      if (this.slowMs && path !== LIST && path !== LIST_WIDE && path !== LIST_YEARS) setTimeout(answer, this.slowMs);
      else answer();
    });
    await new Promise<void>((ok) => this.server.listen(0, '127.0.0.1', ok));
    this.port = (this.server.address() as AddressInfo).port;
    const gov = (path: string, body: Buffer | string, type = HTML) => this.files.set(`${GOV_HOST}${path}`, { body, type });
    gov(LIST, listPage(REPORTS));
    gov(LIST_WIDE, listPage([...REPORTS, [this.url(OTHER_GOV_HOST, OTHER_REPORT[0]), OTHER_REPORT[1]]]));
    gov(REPORTS[0]![0], readFileSync(join(CORPUS, '2023-pingtan-guanweihui.html')));
    gov(REPORTS[1]![0], readFileSync(join(CORPUS, '2019-shanghai-shizhengfu-bangongting.html')));
    gov(REPORTS[2]![0], fixture('pdf-attachment.html'));
    gov(HONGZE_PDF, readFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf')), 'application/pdf');
    gov(REPORTS[3]![0], readFileSync(join(CORPUS, '2023-shuyang-fagaiju.html')));
    gov(LIST_YEARS, listPage([HONGZE_2024, REPORTS[2]!]));
    // the 2023 attachment page re-dated: its title and its link name 2024
    gov(HONGZE_2024[0], fixture('pdf-attachment.html').replaceAll('2024-01-31', '2025-01-20').replaceAll('2023', '2024'));
    gov(HONGZE_2024_PDF, hongze2024CarriedOver3(readFileSync(join(CORPUS, '2024-huaian-hongzequ.pdf'))), 'application/pdf');
    this.files.set(`${OTHER_GOV_HOST}${OTHER_REPORT[0]}`, { body: fixture('2025-pingtan-guanweihui.granted-38.html'), type: HTML });
  }

  close(): void {
    this.server?.close();
  }

  /** the address of `path` on `host` as the browser sees it */
  url(host: string, path: string): string {
    return `http://${host}${this.portInUrls ? `:${this.port}` : ''}${path}`;
  }

  /** the requests after the first `from`, as host + path, sorted */
  since(from: number): string[] {
    return this.requests
      .slice(from)
      .map((r) => `${r.host}${r.path}`)
      .sort();
  }

  /**
   * The sweep command on a list page of this site (`follow`: --follow-hosts, as the extension follows other gov.cn
   * hosts): its summary CSV and cells CSV. Node has no --host-resolver-rules: the gov.cn addresses go to this server,
   * the host they were for in a header.
   */
  async cliSweep(list: string, follow = false): Promise<{ summary: string; cells: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'gidar-sweep-e2e-'));
    try {
      return await this.cliSweepInto(dir, list, follow);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  private async cliSweepInto(dir: string, list: string, follow: boolean): Promise<{ summary: string; cells: string }> {
    const io = {
      stdout: () => {},
      stderr: () => {},
      isTTY: false,
      fetch: ((input: string | URL | Request, init?: RequestInit) => {
        const url = new URL(String(input instanceof Request ? input.url : input));
        const headers = new Headers(init?.headers);
        headers.set('x-test-host', url.hostname);
        url.host = `127.0.0.1:${this.port}`;
        return fetch(url, { ...init, headers });
      }) as typeof fetch,
    };
    const code = await sweepMain(
      [
        this.url(GOV_HOST, list),
        ...(follow ? ['--follow-hosts'] : []),
        '--db',
        join(dir, 'sweep.db'),
        '--csv',
        join(dir, 'summary.csv'),
        '--cells-csv',
        join(dir, 'cells.csv'),
        '--no-progress',
      ],
      io,
    );
    expect(code).toBe(1); // a report has failing errors
    return { summary: readFileSync(join(dir, 'summary.csv'), 'utf8'), cells: readFileSync(join(dir, 'cells.csv'), 'utf8') };
  }
}

/** The failing errors of one source in the results page's JSON export, by rule id. */
export function failingRules(json: string, source: string): string[] {
  const parsed = JSON.parse(json) as {
    sources: { source: string; contract: { reports: { findings: { rule: string; status: string; severity: string }[] }[] } | null }[];
  };
  const s = parsed.sources.find((x) => x.source === source);
  if (!s) throw new Error(`no source ${source} in the JSON export`);
  return (s.contract?.reports ?? [])
    .flatMap((r) => r.findings)
    .filter((f) => f.status === 'fail' && f.severity === 'error')
    .map((f) => f.rule)
    .sort();
}

/**
 * In an extension context (Chromium's service worker, a Firefox extension page), handed whole to evaluate(): the newest
 * tab whose content script answers the popup's question with links, or null.
 */
export async function newestListTab(): Promise<number | null> {
  const g = globalThis as unknown as { browser?: Chrome; chrome: Chrome };
  // Firefox's promise-returning API is `browser`; Chromium's service worker has `chrome` only
  const api = g.browser ?? g.chrome;
  let newest: number | null = null;
  for (const tab of await api.tabs.query({})) {
    const got = (await api.tabs.sendMessage(tab.id!, { type: 'gidar:sweepCount' }, { frameId: 0 }).catch(() => null)) as {
      links?: unknown[];
    } | null;
    if (got?.links?.length) newest = Math.max(newest ?? -1, tab.id!);
  }
  return newest;
}

/** The tab showing the list page: `ask` (newestListTab in an extension context) until a tab answers. */
export async function listTabId(ask: () => Promise<number | null>): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const id = await ask();
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no tab with a list page');
}

/** In Chromium: the list page at `url` opened and the popup on it, showing its sweep button. */
export async function openPopup(session: Session, url: string): Promise<{ list: Page; popup: Page; button: Locator; logged: Logged }> {
  const list = await session.context.newPage();
  const logged = collectErrors(list);
  await list.goto(url);
  const tabId = await listTabId(() => session.worker.evaluate(newestListTab));
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  const button = popup.locator('[data-action="sweep"]');
  await button.waitFor({ timeout: 10_000 });
  return { list, popup, button, logged };
}

/** The sweep button clicked: the results page that opens. */
export async function clickSweep(session: Session, button: Locator): Promise<Page> {
  const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/results.html') });
  await button.click();
  const results = await opened;
  await results.waitForLoadState();
  return results;
}
