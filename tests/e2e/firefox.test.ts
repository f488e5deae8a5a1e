// The Firefox build (.output/firefox-mv2) in Debian's firefox-esr, driven over WebDriver BiDi: the MV2 content
// script runs on gov.cn, loads the annotator and draws the same marks as in Chromium, without touching the tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { coverage, EXT_FIREFOX, extensionErrors, fixture, launchFirefox, ours, startServer, visit, type Box } from './harness';

const ORIGINAL = '2025-pingtan-guanweihui.html';
/** tests/fixtures/e2e/README.md: 表三 （一）予以公开 × 自然人 33 → 38, the only byte changed */
const CHANGED = '2025-pingtan-guanweihui.granted-38.html';

let server: Server | undefined;
let port: number;
let browser: Browser | undefined;
/** Firefox with the extension installed; each test awaits it, so that a missing browser fails every test by name. */
let started: Promise<Browser>;

/** where the content script runs, and where it does not; every host resolves to the local server (see prefs) */
const gov = (name: string) => `http://www.example.gov.cn:${port}/${name}`;
const other = (name: string) => `http://www.example.com:${port}/${name}`;

function built(): string {
  const file = join(EXT_FIREFOX, 'manifest.json');
  if (!existsSync(file)) throw new Error('no .output/firefox-mv2: build the Firefox extension first (wxt build -b firefox)');
  return file;
}

async function start(): Promise<Browser> {
  ({ server, port } = await startServer());
  browser = await launchFirefox();
  return browser;
}

beforeAll(() => {
  started = start();
  started.catch(() => undefined); // reported by the tests that await it
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** outerHTML of every <table> on the page, in order. */
const tablesHtml = (page: Page) => page.evaluate(() => [...document.querySelectorAll('table')].map((t) => t.outerHTML));

/** The page as served, where the content script does not run: its tables, and no overlay. */
async function baseline(name: string): Promise<string[]> {
  const page = await (await started).newPage();
  await visit(page, other(name));
  const tables = await tablesHtml(page);
  expect(tables.length).toBeGreaterThanOrEqual(3);
  expect(await page.evaluate(() => document.querySelectorAll('gidar-overlay').length)).toBe(0);
  await page.close();
  return tables;
}

/** Open on the gov.cn host and wait until the overlay has its panel (or pill) and at least one mark or badge. */
async function openAnnotated(name: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await started).newPage();
  const errors = extensionErrors(page);
  await visit(page, gov(name));
  await page
    .waitForFunction(
      () => {
        const root = document.querySelector('gidar-overlay')?.shadowRoot;
        return !!root?.querySelector('.layer') && !!root.querySelector('.panel, .pill') && !!root.querySelector('.mark, .badge');
      },
      { timeout: 30_000, polling: 100 },
    )
    .catch(async (e: unknown) => {
      const marks = await page.evaluate(() => performance.getEntries().filter((m) => m.name.startsWith('gidar:')).map((m) => m.name));
      throw new Error(`no overlay drawn in Firefox for ${name} (performance marks: ${marks.join(', ') || 'none'}; errors: ${errors.join(' | ') || 'none'}): ${String(e)}`);
    });
  return { page, errors };
}

interface Drawn {
  cls: string;
  table: string | null;
  cell: string | null;
  rule: string | null;
  text: string;
}
/** Every mark and badge in the overlay's open shadow root. */
const drawn = (page: Page): Promise<Drawn[]> =>
  page.evaluate(() =>
    [...(document.querySelector('gidar-overlay')?.shadowRoot?.querySelectorAll('.mark, .badge') ?? [])].map((e) => ({
      cls: e.className,
      table: e.getAttribute('data-table'),
      cell: e.getAttribute('data-cell'),
      rule: e.getAttribute('data-rule'),
      text: e.textContent ?? '',
    })),
  );
const badgeTables = async (page: Page) => (await drawn(page)).filter((d) => d.cls.split(' ').includes('badge')).map((d) => d.table).sort();
const suspects = async (page: Page) => (await drawn(page)).filter((d) => /\bmark\b/.test(d.cls) && d.cls.split(' ').includes('suspect'));

describe('Firefox (firefox-mv2 in firefox-esr)', () => {
  it('the MV2 build asks for no host permission: the content script runs on gov.cn by its matches alone', () => {
    const manifest = JSON.parse(readFileSync(built(), 'utf8')) as {
      manifest_version: number;
      permissions?: string[];
      optional_permissions?: string[];
      content_scripts?: { matches: string[]; all_frames?: boolean }[];
      web_accessible_resources?: unknown;
    };
    expect(manifest.manifest_version).toBe(2);
    // MV2 has no host_permissions key: hosts would be listed in permissions; none are
    expect(manifest.permissions).toEqual(['activeTab', 'scripting', 'storage']);
    // asked for only when the user checks the reports a list page lists on another gov.cn host
    expect(manifest.optional_permissions).toEqual(['*://*.gov.cn/*']);
    expect(manifest.content_scripts).toEqual([expect.objectContaining({ matches: ['*://*.gov.cn/*'], all_frames: true })]);
    // the bootstrap imports the annotator from its moz-extension: URL; the annotator the PDF reader, on request
    expect(manifest.web_accessible_resources).toEqual(['annotator.js', 'pdf-reader.js', 'sweep.js', 'cmaps/*']);
  });

  it(`${ORIGINAL}: tables 二/三/四 each get the consistent badge, no suspect, the tables untouched`, async () => {
    const base = await baseline(ORIGINAL);
    const { page, errors } = await openAnnotated(ORIGINAL);
    // MANIFEST hand check: every identity holds in all three tables.
    await expect.poll(() => badgeTables(page), { timeout: 10_000 }).toEqual(['t2', 't3', 't4']);
    for (const d of (await drawn(page)).filter((x) => x.cls === 'badge')) expect(d.text).toContain('勾稽一致');
    expect(await suspects(page)).toEqual([]);
    expect(await tablesHtml(page)).toEqual(base);
    expect(ours(errors)).toEqual([]);
    await page.close();
  });

  it(`${CHANGED}: the suspect marks sit on 表三 予以公开 × 自然人, the tables untouched`, async () => {
    // the copy differs from the real page by that one printed number only
    const a = fixture(ORIGINAL);
    const b = fixture(CHANGED);
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    expect([a.slice(at - 2, at + 5), b.slice(at - 2, at + 5)]).toEqual(['>33</p>', '>38</p>']);
    expect(a.slice(0, at) + '8' + a.slice(at + 1)).toBe(b);

    const base = await baseline(CHANGED);
    const { page, errors } = await openAnnotated(CHANGED);
    // Row total (33 ≠ 38) and the results column sum both point at the changed cell, and at no other.
    await expect
      .poll(async () => (await suspects(page)).map((d) => `${d.cell} ${d.rule}`).sort(), { timeout: 10_000 })
      .toEqual(['t3:granted:naturalPerson t3.outcomeSum', 't3:granted:naturalPerson t3.rowTotal']);
    expect((await drawn(page)).filter((d) => d.cls.split(' ').includes('related')).map((d) => d.cell)).toContain('t3:granted:total');
    // tables 二 and 四 are untouched by the change: still consistent; 表三 is not
    expect(await badgeTables(page)).toEqual(['t2', 't4']);

    // The mark covers the printed 38 in Firefox's layout too (found by the test, not by the extension).
    await page.evaluate(() => {
      const tr = [...document.querySelectorAll('tr')].find((r) => r.textContent?.replace(/\s+/g, '').includes('（一）予以公开'));
      tr?.scrollIntoView({ block: 'center' });
    });
    const boxes = () =>
      page.evaluate((): [Box | null, Box | null] => {
        const box = (e: Element | null | undefined): Box | null => {
          if (!e) return null;
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        };
        const tr = [...document.querySelectorAll('tr')].find((r) => r.textContent?.replace(/\s+/g, '').includes('（一）予以公开'));
        const td = [...(tr?.querySelectorAll('td') ?? [])].find((c) => c.textContent?.replace(/\s+/g, '') === '38');
        const mark = document.querySelector('gidar-overlay')?.shadowRoot?.querySelector('.mark.suspect[data-cell="t3:granted:naturalPerson"]');
        return [box(mark), box(td)];
      });
    await expect
      .poll(async () => {
        const [mark, cell] = await boxes();
        return mark && cell ? coverage(mark, cell) : 0;
      }, { timeout: 5000 })
      .toBeGreaterThan(0.9);

    expect(await tablesHtml(page)).toEqual(base);
    expect(ours(errors)).toEqual([]);
    await page.close();
  });

  it('pdf-attachment.html: on the click, the PDF attachment is read with pdf.js in the content script and checked', async () => {
    const page = await (await started).newPage();
    const errors = extensionErrors(page);
    await visit(page, gov('pdf-attachment.html'));
    await page.waitForFunction(() => !!document.querySelector('gidar-overlay')?.shadowRoot?.querySelector('[data-action="check-pdf"]'), { timeout: 30_000, polling: 100 });
    await page.evaluate(() => (document.querySelector('gidar-overlay')!.shadowRoot!.querySelector('[data-action="check-pdf"]') as HTMLButtonElement).click());
    await page
      .waitForFunction(() => !!document.querySelector('gidar-overlay')?.shadowRoot?.querySelector('[data-pdf-status="done"], [data-pdf-status="error"]'), { timeout: 30_000, polling: 100 })
      .catch((e: unknown) => {
        throw new Error(`the PDF was not read in Firefox (errors: ${errors.join(' | ') || 'none'}): ${String(e)}`);
      });
    const result = await page.evaluate(() => {
      const root = document.querySelector('gidar-overlay')!.shadowRoot!;
      return {
        status: root.querySelector('[data-pdf-status]')!.getAttribute('data-pdf-status'),
        message: root.querySelector('.pdf-msg')?.textContent ?? '',
        failing: [...(root.querySelector('[role="group"]')?.querySelectorAll('button.item') ?? [])].map((b) => b.getAttribute('data-rule')),
        suggestion: root.querySelector('button.item[data-rule="t4.reviewSum"] .sugg')?.textContent ?? '',
      };
    });
    // MANIFEST hand check: 表四 行政复议 总计 printed 0, should be 11; 复议后起诉 总计 0 against its parts' 5
    expect(result).toEqual({
      status: 'done',
      message: '',
      failing: ['t4.reviewSum', 't4.litAfterReviewSum'],
      suggestion: '表四「行政复议·总计」：印 0，应为 11',
    });
    expect(ours(errors)).toEqual([]);
    await page.close();
  });

  it('pdf-unembedded-font.html: a PDF whose Chinese font needs the shipped cMaps is read in Firefox too', async () => {
    const page = await (await started).newPage();
    const errors = extensionErrors(page);
    await visit(page, gov('pdf-unembedded-font.html'));
    await page.waitForFunction(() => !!document.querySelector('gidar-overlay')?.shadowRoot?.querySelector('[data-action="check-pdf"]'), { timeout: 30_000, polling: 100 });
    await page.evaluate(() => (document.querySelector('gidar-overlay')!.shadowRoot!.querySelector('[data-action="check-pdf"]') as HTMLButtonElement).click());
    await page.waitForFunction(() => !!document.querySelector('gidar-overlay')?.shadowRoot?.querySelector('[data-pdf-status="done"], [data-pdf-status="error"]'), {
      timeout: 30_000,
      polling: 100,
    });
    // read (not "no text layer"): its one report, named by the PDF's title
    expect(await page.evaluate(() => document.querySelector('gidar-overlay')!.shadowRoot!.querySelector('[data-pdf-status]')!.textContent)).toBe(
      '已读取 PDF 附件（1 份报告），结果列在上方。',
    );
    expect(ours(errors)).toEqual([]);
    await page.close();
  });
});

