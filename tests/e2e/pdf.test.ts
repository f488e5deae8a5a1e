// Reports published only as a PDF attachment (or shown in an embedded PDF viewer): on the user's click the extension
// downloads the PDF, reads its text layer with pdf.js (a chunk loaded only then) and checks it as the CLI does.
// Real PDFs (tests/fixtures/corpus/real, MANIFEST hand checks): Hongze 2023 has two misprinted 表四 totals
// (行政复议 总计 0, should be 11; 复议后起诉 总计 0 against parts 5); Hongze 2024 and Huai'an city 2024 have no error.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Report } from '../../core/model/schema';
import { toCsv } from '../../core/export/csv';
import { cellsDigestInput } from '../../core/export/audit';
import { checkReport } from '../../core/check';
import { loadEngine } from '../../cli/engine';
import { pdfPages } from '../../cli/pdf';
import { type Chrome, collectErrors, CORPUS, fixture, GOV, OTHER, popupDownloads, ROOT, tabIdOf, useSession } from './harness';

const s = useSession();
const SHOTS = join(ROOT, 'docs/screenshots');

/** The reports the CLI reads from the same PDF, named by the same address. */
async function cliReports(file: string, source: string): Promise<Report[]> {
  const engine = await loadEngine();
  const pages = await pdfPages(new Uint8Array(readFileSync(join(CORPUS, file))), source);
  return engine.readPdf(pages, { source }).filter((r) => r.cells.length > 0);
}

function badge(page: Page): Promise<string> {
  return tabIdOf(s.worker, page.url()).then((tabId) =>
    s.worker.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }), tabId),
  );
}

/** A frame's export, asked the way the popup asks (gidar:export to the tab's frames). */
async function exportFrom(page: Page, format: 'csv' | 'json'): Promise<string> {
  const tabId = await tabIdOf(s.worker, page.url());
  return s.worker.evaluate(
    async ([id, format]) => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const res = (await c.tabs.sendMessage(id as number, { type: 'gidar:export', format }, { frameId: 0 })) as {
        text?: string;
        error?: string;
      };
      return res.text ?? `no export: ${res.error}`;
    },
    [tabId, format] as const,
  );
}

/** Everything of the page except the overlay host (which sits after <body>). */
function pageDom(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.documentElement.childNodes]
      .filter((n) => n.nodeName !== 'GIDAR-OVERLAY')
      .map((n) => (n as Element).outerHTML ?? n.textContent)
      .join(''),
  );
}

const panelOf = (page: Page) => page.locator('gidar-overlay .panel');

describe('a report whose tables are only in a PDF attachment', () => {
  it("downloads nothing until asked; on the click, lists the PDF's findings, counts its errors on the badge, exports it as the CLI", async () => {
    const page = await s.context.newPage();
    const log = collectErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${GOV}/pdf-attachment.html`, { waitUntil: 'load' });
    const panel = panelOf(page);
    await panel.waitFor({ timeout: 15_000 });
    const button = panel.locator('[data-action="check-pdf"]');
    expect(await button.textContent()).toBe('检查 PDF 附件');
    await expect.poll(() => badge(page)).toBe('–');
    await page.waitForTimeout(500);
    // nothing of the PDF is fetched or loaded before the click
    expect(requests.filter((u) => u.endsWith('.pdf') || u.includes('pdf-reader'))).toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByName('gidar:pdf-start').length)).toBe(0);
    const before = await pageDom(page);

    await button.click();
    await panel.locator('[data-pdf-status="done"]').waitFor({ timeout: 30_000 });
    expect(requests).toContain(`${GOV}/2023-huaian-hongzequ.pdf`);

    // fail group first: the two misprinted 表四 totals (errors); 表三's （六）其他处理, printed as one row, is read as
    // its group total and every row is there
    const failing = panel.locator('[role="group"]').first().locator('button.item');
    expect(await failing.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).toEqual(['t4.reviewSum', 't4.litAfterReviewSum']);
    const reviewSum = failing.first();
    expect(await reviewSum.locator('.sugg').first().textContent()).toBe('表四「行政复议·总计」：印 0，应为 11');
    expect(await reviewSum.locator('.arith').textContent()).toContain('0 ≠ 11 = 10 + 1 + 0 + 0');
    // its cells are in the PDF: the row names the page (表四 is on page 4 of the PDF) and opens the PDF there
    const pdfPage = panel.locator('li', { has: page.locator('button.item[data-rule="t4.reviewSum"]') }).locator('a.pdf-page');
    expect(await pdfPage.textContent()).toBe('PDF 第 4 页');
    expect(await pdfPage.getAttribute('href')).toBe(`${GOV}/2023-huaian-hongzequ.pdf#page=4`);
    // jumping to a finding whose cells are not on the page selects it and breaks nothing
    await reviewSum.click();
    expect(await reviewSum.getAttribute('aria-current')).toBe('true');
    expect(await page.locator('gidar-overlay .mark').count()).toBe(0);
    // the tables were read from the PDF: the page no longer says they are missing
    expect(await panel.locator('button.item[data-rule="meta.tablesPresent"]').count()).toBe(0);
    await expect.poll(() => badge(page)).toBe('2');
    await page.screenshot({ path: join(SHOTS, 'pdf-attachment.png') });

    // exports from the popup: the CSV is the CLI's CSV of the PDF, named by the PDF's address
    const pdfUrl = `${GOV}/2023-huaian-hongzequ.pdf`;
    const cli = await cliReports('2023-huaian-hongzequ.pdf', pdfUrl);
    expect(cli).toHaveLength(1);
    const tabId = await tabIdOf(s.worker, 'pdf-attachment.html');
    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('[data-export="csv"]').waitFor();
    expect(await popup.locator('[data-count="fail"] b').textContent()).toBe('2');
    expect(await popup.locator('[data-action="check-pdf"]').count()).toBe(0); // already checked
    const download = await popupDownloads(popup);
    const csv = await download('csv');
    expect(csv).toBe(toCsv(pdfUrl, cli));
    expect(csv).toContain(`${pdfUrl},洪泽区人民政府,2023,2021,t4,cases,,review.total,行政复议·总计,0,0`);

    const contract = JSON.parse(await download('json'));
    expect(contract.source).toBe(`${GOV}/pdf-attachment.html`);
    const fromPdf = contract.reports.find((r: { source?: string }) => r.source === pdfUrl);
    expect(fromPdf.cells).toHaveLength(cli[0]!.cells.length);
    const finding = fromPdf.findings.find((f: { rule: string }) => f.rule === 't4.reviewSum');
    expect(finding.status).toBe('fail');
    expect(finding.suspects[0]).toMatchObject({ table: 't4', row: 'cases', col: 'review.total', printed: 0, suggested: 11 });
    // the same findings as the CLI's check of the same PDF (rule and status, in order)
    const cliFindings = checkReport(cli[0]!).map((f) => `${f.rule}:${f.status}`);
    expect(
      fromPdf.findings
        .filter((f: { rule: string }) => !f.rule.startsWith('xy.'))
        .map((f: { rule: string; status: string }) => `${f.rule}:${f.status}`),
    ).toEqual(cliFindings);

    const md = await download('audit-md');
    expect(md).toContain(pdfUrl);
    expect(md).toContain(createHash('sha256').update(cellsDigestInput(cli[0]!)).digest('hex'));
    await popup.close();

    // the page itself is untouched, and nothing went wrong
    expect(await pageDom(page)).toBe(before);
    expect(log.errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
    await page.close();
  });

  it('a PDF on another site: one line says it cannot be downloaded; nothing breaks, the badge stays –', async () => {
    const page = await s.context.newPage();
    const log = collectErrors(page);
    await page.goto(`${GOV}/pdf-attachment-elsewhere.html`, { waitUntil: 'load' });
    const panel = panelOf(page);
    await panel.waitFor({ timeout: 15_000 });
    await panel.locator('[data-action="check-pdf"]').click();
    const status = panel.locator('[data-pdf-status="error"] .pdf-msg');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toBe(
      'PDF 附件无法下载：它在另一个网站上（浏览器不允许本扩展读取），或网络拒绝了请求。请下载后用命令行工具检查。',
    );
    // in English too
    await panel.locator('header button[lang="en"]').click();
    expect(await status.textContent()).toMatch(/^The PDF attachment cannot be downloaded: it is on another site/);
    await panel.locator('header button[lang="zh-CN"]').click();
    // the button stays for another try; the page's report is as before
    expect(await panel.locator('[data-action="check-pdf"]').isEnabled()).toBe(true);
    expect(await panel.locator('button.item[data-rule="meta.tablesPresent"]').count()).toBe(1);
    await expect.poll(() => badge(page)).toBe('–');
    // only the browser's own line about the refused request (CORS), nothing from the extension
    expect(log.errors.filter((e) => !e.includes('favicon.ico') && !/CORS|net::ERR_FAILED/.test(e))).toEqual([]);
    await page.close();
  });
});

// The three real PDFs, each linked from a page as an attachment or shown in an embedded viewer: the extension reads
// the same cells as the CLI (CSV equal) and finds the same failures. Page and PDF are both served by routes here.
const PDFS: { file: string; embed: 'link' | 'viewer'; fail: string[]; badge: string[] }[] = [
  { file: '2023-huaian-hongzequ.pdf', embed: 'viewer', fail: ['t4.reviewSum', 't4.litAfterReviewSum'], badge: ['2'] },
  // MANIFEST: no error (warnings or reviews may remain: '0', or '✓'); 表三's （六）其他处理 printed as one row, as in
  // 2023, is read as its group total
  { file: '2024-huaian-hongzequ.pdf', embed: 'link', fail: [], badge: ['0', '✓'] },
  { file: '2024-huaian-shizhengfu.pdf', embed: 'viewer', fail: [], badge: ['0', '✓'] },
];

describe('the real PDFs: the extension reads the same cells as the CLI', () => {
  for (const { file, embed, fail, badge: badges } of PDFS) {
    it(`${file} (${embed === 'link' ? 'attachment' : 'embedded viewer'})`, async () => {
      const page = await s.context.newPage();
      const log = collectErrors(page);
      const name = `pdf-${file.replace('.pdf', '')}.html`;
      const html =
        embed === 'link'
          ? fixture('pdf-attachment.html').replace('/2023-huaian-hongzequ.pdf', `/files/${file}`)
          : fixture('pdf-attachment.html').replace(
              /<p>附件：.*<\/p>/,
              `<div class="viewer"><iframe src="/pdfjs/web/viewer.html?file=/files/${file}" width="100%" height="300"></iframe></div>`,
            );
      await page.route(`${GOV}/${name}`, (r) =>
        r.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html }),
      );
      await page.route(`${GOV}/pdfjs/web/viewer.html*`, (r) =>
        r.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><title>viewer</title>' }),
      );
      await page.route(`${GOV}/files/${file}`, (r) =>
        r.fulfill({ status: 200, headers: { 'content-type': 'application/pdf' }, body: readFileSync(join(CORPUS, file)) }),
      );
      await page.goto(`${GOV}/${name}`, { waitUntil: 'load' });
      const panel = panelOf(page);
      await panel.waitFor({ timeout: 15_000 });
      if (embed === 'link') {
        // from the toolbar popup this time: its button asks the page's checker, whose panel shows the result
        const tabId = await tabIdOf(s.worker, name);
        const popup = await s.context.newPage();
        await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
        await popup.locator('[data-action="check-pdf"]').click();
        await panel.locator('[data-pdf-status="done"]').waitFor({ timeout: 30_000 });
        await popup.close();
      } else {
        await panel.locator('[data-action="check-pdf"]').click();
        await panel.locator('[data-pdf-status="done"]').waitFor({ timeout: 30_000 });
      }

      const pdfUrl = `${GOV}/files/${file}`;
      const cli = await cliReports(file, pdfUrl);
      expect(await exportFrom(page, 'csv')).toBe(toCsv(pdfUrl, cli));
      // the panel's failures: the PDF's (the page's own report adds only narrative ones: it has no section 六)
      const failing = await panel
        .locator('[role="group"]')
        .first()
        .locator('button.item')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
      expect(failing.filter((r) => !r!.startsWith('xy.') && !r!.startsWith('txt.'))).toEqual(fail);
      // the PDF report's findings are the CLI's (cross-year ones aside: they depend on what this browser checked before)
      const contract = JSON.parse(await exportFrom(page, 'json'));
      const fromPdf = contract.reports.find((r: { source?: string }) => r.source === pdfUrl);
      const status = (f: { rule: string; status: string }) => `${f.rule}:${f.status}`;
      expect(fromPdf.findings.filter((f: { rule: string }) => !f.rule.startsWith('xy.')).map(status)).toEqual(
        checkReport(cli[0]!).map(status),
      );
      await expect.poll(() => badge(page)).toSatisfy((b: string) => badges.includes(b));
      expect(log.errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
      await page.close();
    });
  }
});

/** A PDF with one empty page and no text: what a scanned report looks like to a text reader. */
const NO_TEXT_PDF = [
  '%PDF-1.4',
  '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
  '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
  '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj',
  'trailer <</Root 1 0 R>>',
  '%%EOF',
].join('\n');

// Each way a PDF attachment can fail gives one line in the panel (zh), the button stays for another try.
const FAILURES: { name: string; status: number; type: string; body: string | Buffer; line: string }[] = [
  { name: 'missing', status: 404, type: 'text/html; charset=utf-8', body: '<h1>404</h1>', line: 'PDF 附件下载失败（HTTP 404）。' },
  {
    name: 'html',
    status: 200,
    type: 'application/pdf',
    body: '<!DOCTYPE html><title>登录</title><p>请先登录</p>',
    line: '链接的文件不是 PDF，无法检查。',
  },
  {
    name: 'scanned',
    status: 200,
    type: 'application/pdf',
    body: NO_TEXT_PDF,
    line: '此 PDF 没有文字层（扫描图像），无法读取表格，请先做文字识别（OCR）。',
  },
  {
    name: 'damaged',
    status: 200,
    type: 'application/pdf',
    body: '%PDF-1.4\nthis is not a pdf at all\n',
    line: 'PDF 文件损坏或不完整，无法读取。',
  },
];

describe('a PDF attachment that cannot be read', () => {
  for (const f of FAILURES) {
    it(`${f.name}: one line in the panel, no error logged, the badge stays –`, async () => {
      const page = await s.context.newPage();
      const log = collectErrors(page);
      const name = `pdf-fail-${f.name}.html`;
      await page.route(`${GOV}/${name}`, (r) =>
        r.fulfill({
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: fixture('pdf-attachment.html').replace('/2023-huaian-hongzequ.pdf', `/files/${f.name}.pdf`),
        }),
      );
      await page.route(`${GOV}/files/${f.name}.pdf`, (r) =>
        r.fulfill({ status: f.status, headers: { 'content-type': f.type }, body: f.body }),
      );
      await page.goto(`${GOV}/${name}`, { waitUntil: 'load' });
      const panel = panelOf(page);
      await panel.waitFor({ timeout: 15_000 });
      await panel.locator('[data-action="check-pdf"]').click();
      const status = panel.locator('[data-pdf-status="error"] .pdf-msg');
      await status.waitFor({ timeout: 30_000 });
      expect(await status.textContent()).toBe(f.line);
      expect(await panel.locator('[data-action="check-pdf"]').isEnabled()).toBe(true);
      await expect.poll(() => badge(page)).toBe('–');
      // the 404 itself is the browser's line about the resource, not the extension's
      expect(log.errors.filter((e) => !e.includes('favicon.ico') && !(f.status === 404 && e.includes('404')))).toEqual([]);
      await page.close();
    });
  }

  it("a page with a strict Content-Security-Policy: the PDF is still read (the page's policy binds the page, not the extension)", async () => {
    const page = await s.context.newPage();
    const log = collectErrors(page);
    await page.route(`${GOV}/pdf-csp.html`, (r) =>
      r.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'self'" },
        body: fixture('pdf-attachment.html').replace('/2023-huaian-hongzequ.pdf', '/files/hz2023.pdf'),
      }),
    );
    await page.route(`${GOV}/files/hz2023.pdf`, (r) =>
      r.fulfill({
        status: 200,
        headers: { 'content-type': 'application/pdf' },
        body: readFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf')),
      }),
    );
    await page.goto(`${GOV}/pdf-csp.html`, { waitUntil: 'load' });
    const panel = panelOf(page);
    await panel.waitFor({ timeout: 15_000 });
    await panel.locator('[data-action="check-pdf"]').click();
    await panel.locator('[data-pdf-status="done"]').waitFor({ timeout: 30_000 });
    expect(await panel.locator('[role="group"]').first().locator('button.item').first().getAttribute('data-rule')).toBe('t4.reviewSum');
    await expect.poll(() => badge(page)).toBe('2');
    expect(log.errors.filter((e) => /chrome-extension:|gidar/i.test(e))).toEqual([]);
    await page.close();
  });
});

describe('a PDF whose Chinese font is not embedded', () => {
  // tests/fixtures/e2e/unembedded-font.pdf: STSong-Light, not embedded, encoded UniGB-UCS2-H, no ToUnicode map, as
  // some office systems print them; pdf.js reads its text only with the predefined cMaps, which the extension ships
  it('is read with the shipped cMaps: its title, agency and year come through', async () => {
    const page = await s.context.newPage();
    const log = collectErrors(page);
    await page.goto(`${GOV}/pdf-unembedded-font.html`, { waitUntil: 'load' });
    const panel = panelOf(page);
    await panel.waitFor({ timeout: 15_000 });
    await panel.locator('[data-action="check-pdf"]').click();
    // without the cMaps its text would be empty: "no text layer"
    await panel.locator('[data-pdf-status="done"]').waitFor({ timeout: 30_000 });
    const contract = JSON.parse(await exportFrom(page, 'json'));
    const fromPdf = contract.reports.find((r: { source?: string }) => r.source === `${GOV}/unembedded-font.pdf`);
    expect([fromPdf.agency, fromPdf.year]).toEqual(['淮安市洪泽区人民政府', 2023]);
    expect(log.errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
    await page.close();
  });
});

// A report PDF opened in the tab itself (the browser's PDF viewer: no content script runs there). The popup offers
// "检查此 PDF"; on the click it downloads the tab's address itself, reads it with the PDF reader chunk and shows the
// findings and exports. Outside gov.cn, so that no content script answers for any of these tabs.
describe('a PDF open in the tab, checked from the toolbar popup', () => {
  /** The id of the tab a new page gets (without the "tabs" permission the background sees no URLs: by difference). */
  async function newTab(): Promise<{ page: Page; tabId: number }> {
    const ids = () => s.worker.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({})).map((t) => t.id!));
    const before = new Set(await ids());
    const page = await s.context.newPage();
    for (let i = 0; i < 50; i++) {
      const added = (await ids()).filter((id) => !before.has(id));
      if (added.length === 1) return { page, tabId: added[0]! };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no new tab');
  }

  /**
   * Serve `path` on the other site, readable by the extension: the toolbar click's activeTab grant lets the popup
   * fetch the tab's origin; automation cannot click the toolbar, so CORS headers (the extension's origin, with
   * credentials, as the popup sends the tab's cookies) stand in for the grant here.
   */
  async function serve(path: string, type: string, body: string | Buffer): Promise<string[]> {
    const methods: string[] = [];
    await s.context.route(`${OTHER}${path}`, (r) => {
      methods.push(r.request().method());
      const origin = r.request().headers()['origin'];
      return r.fulfill({
        status: 200,
        headers: {
          'content-type': type,
          ...(origin ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' } : {}),
        },
        body,
      });
    });
    return methods;
  }

  /** The popup for a tab; `?url=` stands in for the tab's address, which only the activeTab grant would reveal. */
  async function popupFor(tabId: number, url: string): Promise<Page> {
    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}&url=${encodeURIComponent(url)}`);
    return popup;
  }

  /** whether the PDF reader chunk (pdf.js) has run in the popup: it leaves its entry point */
  const loaded = (popup: Page) => popup.evaluate(() => '__gidarPdfReader' in globalThis);

  it('offers "检查此 PDF"; on the click lists its two errors and exports the CLI\'s CSV, naming the PDF', async () => {
    const pdfUrl = `${OTHER}/files/2023-huaian-hongzequ.pdf`;
    await serve('/files/2023-huaian-hongzequ.pdf', 'application/pdf', readFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf')));
    const { page, tabId } = await newTab();
    // headless Chromium may hand a PDF to its download manager instead of a viewer: the tab is what it is
    await page.goto(pdfUrl).catch(() => undefined);
    const popup = await popupFor(tabId, pdfUrl);
    const log = collectErrors(popup);
    const button = popup.locator('[data-action="check-pdf-tab"]');
    await button.waitFor({ timeout: 10_000 });
    expect(await button.textContent()).toBe('检查此 PDF');
    // opening the popup loads neither pdf.js nor the checker
    expect(await loaded(popup)).toBe(false);

    await button.click();
    await popup.locator('[data-export="csv"]').waitFor({ timeout: 30_000 });
    expect(await popup.locator('[data-count="errors"]').textContent()).toBe('2 处错误');
    expect(await popup.locator('[data-count="fail"] b').textContent()).toBe('2');
    const rules = await popup.locator('ol.findings li').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules.slice(0, 2)).toEqual(['t4.reviewSum', 't4.litAfterReviewSum']);
    expect(rules).not.toContain('t3.rowSet');
    expect(await popup.locator('ol.findings li[data-rule="t4.reviewSum"] .sugg').first().textContent()).toBe('表四「行政复议·总计」：印 0，应为 11');
    expect(await loaded(popup)).toBe(true);
    await popup.setViewportSize({ width: 360, height: 560 });
    await popup.screenshot({ path: join(SHOTS, 'popup-pdf.png') });

    const cli = await cliReports('2023-huaian-hongzequ.pdf', pdfUrl);
    const download = await popupDownloads(popup);
    expect(await download('csv')).toBe(toCsv(pdfUrl, cli));
    const contract = JSON.parse(await download('json'));
    expect(contract.source).toBe(pdfUrl);
    expect(contract.reports[0].findings.filter((f: { rule: string }) => !f.rule.startsWith('xy.')).map((f: { rule: string; status: string }) => `${f.rule}:${f.status}`)).toEqual(
      checkReport(cli[0]!).map((f) => `${f.rule}:${f.status}`),
    );
    const md = await download('audit-md');
    expect(md).toContain(pdfUrl);
    expect(md).toContain(createHash('sha256').update(cellsDigestInput(cli[0]!)).digest('hex'));
    expect(await download('audit-html')).toContain('t4.reviewSum');
    // in English too
    await popup.locator('h1 button[lang="en"]').click();
    expect(await popup.locator('[data-count="errors"]').textContent()).toBe('2 errors');
    await popup.locator('h1 button[lang="zh-CN"]').click(); // the language is stored: back to the default
    expect(log.errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('a page that is not a PDF: no button (its address is asked, HEAD, and answers HTML)', async () => {
    const url = `${OTHER}/report-page`;
    const methods = await serve('/report-page', 'text/html; charset=utf-8', '<!DOCTYPE html><title>公开</title><p>政府信息公开</p>');
    const { page, tabId } = await newTab();
    await page.goto(url);
    const popup = await popupFor(tabId, url);
    await popup.locator('[data-action="check"]').waitFor();
    await expect.poll(() => methods.includes('HEAD')).toBe(true);
    await popup.waitForTimeout(300);
    expect(await popup.locator('[data-action="check-pdf-tab"]').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('an address ending in .pdf that returns HTML: one line says it is not a PDF', async () => {
    const url = `${OTHER}/files/login.pdf`;
    await serve('/files/login.pdf', 'text/html; charset=utf-8', '<!DOCTYPE html><title>登录</title><p>请先登录</p>');
    const { page, tabId } = await newTab();
    await page.goto(url);
    const popup = await popupFor(tabId, url);
    await popup.locator('[data-action="check-pdf-tab"]').click();
    const status = popup.locator('.status[data-pdf-error="notPdf"]');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toBe('此网址返回的不是 PDF，无法检查。');
    await popup.locator('h1 button[lang="en"]').click();
    expect(await status.textContent()).toBe('This address does not return a PDF; it cannot be checked.');
    await popup.locator('h1 button[lang="zh-CN"]').click();
    expect(await popup.locator('[data-action="check-pdf-tab"]').isEnabled()).toBe(true);
    await popup.close();
    await page.close();
  });
});
