// The web page (npm run web → .output/web/) in Chromium, opened from disk (file://) and from a static HTTP server:
// each kind of file dropped on it, HTML and plain text pasted, the marks hit-tested on the cells they name, and the CSV
// download compared byte for byte with the command line's `--csv -` for the same document.
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, normalize } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CORPUS, READER_PAGES, ROOT, startFirefox } from './harness';
import { minimalPdf } from '../cli/minimal-pdf';
import { hongze2024CarriedOver3 } from '../cli/pdf-edit';

const WEB = join(ROOT, '.output/web');
const SAMPLE = join(ROOT, 'samples/huixian-2023.txt');

let browser: Browser;
let server: Server;
let httpBase = '';
let tmp = '';

beforeAll(async () => {
  if (!existsSync(join(WEB, 'index.html'))) throw new Error('build the web page first (npm run web)');
  tmp = mkdtempSync(join(tmpdir(), 'gidar-web-'));
  // a plain static server for the folder, as any static host would serve it
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '') || 'index.html';
    const file = join(WEB, path);
    if (!file.startsWith(WEB + '/') || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  httpBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

type Mode = 'file' | 'http';
const base = (mode: Mode): string => (mode === 'file' ? pathToFileURL(WEB).href + '/' : httpBase);

interface Opened {
  page: Page;
  /** console errors and uncaught exceptions */
  errors: string[];
  /** every request the page made that is not one of the folder's own files */
  foreign: string[];
  close(): Promise<void>;
}

async function open(mode: Mode): Promise<Opened> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    // Chromium names each inline handler of a dropped page that the CSP refused while the page was parsed (inert):
    // that is the CSP at work, not an error of the web page
    if (m.type() === 'error' && !/Executing inline event handler violates the following Content Security Policy/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(base(mode)) && !r.url().startsWith('blob:')) foreign.push(r.url());
  });
  await page.goto(base(mode) + 'index.html');
  await page.locator('#file').waitFor({ state: 'attached' });
  return { page, errors, foreign, close: () => context.close() };
}

/** A file dropped on the page, as the browser delivers a drag from the file manager. */
async function drop(page: Page, path: string, name = basename(path)): Promise<void> {
  const b64 = readFileSync(path).toString('base64');
  await page.evaluate(
    ({ b64, name }) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      const target = document.querySelector('.drop')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { b64, name },
  );
}

/** A paste on the page with these clipboard flavours. */
async function paste(page: Page, data: { html?: string; text?: string }): Promise<void> {
  await page.evaluate((data) => {
    const dt = new DataTransfer();
    if (data.html !== undefined) dt.setData('text/html', data.html);
    if (data.text !== undefined) dt.setData('text/plain', data.text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

/** Waits for the report (or the one-line error) and for the overlay's layer over it. */
async function loaded(page: Page, source: string): Promise<void> {
  await page.waitForFunction((source) => document.querySelector('.report-summary')?.textContent?.includes(source) || !!document.querySelector('.error'), source, { timeout: 60_000 });
  const err = await page.evaluate(() => document.querySelector('.error')?.textContent ?? null);
  if (err) throw new Error(`the page says: ${err}`);
  await page.waitForFunction(() => !!document.querySelector('gidar-overlay')?.shadowRoot?.querySelector('.layer'), undefined, { timeout: 10_000 });
}

interface MarkHit {
  cell: string;
  rule: string;
  kind: string;
  /** text of the table cell under the mark's centre, or null when no cell is there */
  text: string | null;
}

const squash = (t: string): string => t.replace(/[\s\u00a0\u3000]+/g, '');

/** Every mark, and the drawn cell the browser's hit testing finds under its centre (the whole report in view). */
async function hitMarks(page: Page): Promise<MarkHit[]> {
  const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  await page.setViewportSize({ width: Math.max(1280, size.width), height: Math.min(size.height + 50, 16_000) });
  return page.evaluate(async () => {
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 150))));
    const root = document.querySelector('gidar-overlay')!.shadowRoot!;
    return [...root.querySelectorAll<HTMLElement>('.mark[data-cell]')].map((mark) => {
      const r = mark.getBoundingClientRect();
      const under = document.elementsFromPoint(r.x + r.width / 2, r.y + r.height / 2).find((e) => e.tagName === 'TD' || e.tagName === 'TH');
      const kind = ['suspect', 'candidate', 'review', 'related', 'blank'].find((k) => mark.classList.contains(k)) ?? '';
      return { cell: mark.dataset.cell!, rule: mark.dataset.rule!, kind, text: under ? (under.textContent ?? '') : null };
    });
  });
}

/** The CSV the page downloads (bytes as UTF-8, BOM kept). */
async function downloadCsv(page: Page): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="csv"]').click()]);
  return { name: dl.suggestedFilename(), text: readFileSync((await dl.path())!, 'utf8') };
}

interface CliRead {
  /** what `--csv -` prints (written to a file here, with the JSON on stdout: one run for both) */
  csv: string;
  /** cell id → printed text, from the JSON contract */
  cells: Map<string, string>;
}

/** `tsx cli/main.ts --json --csv FILE NAME` run beside the file, so that the CSV's source column names it as the page does. */
function cli(path: string): CliRead {
  const csvFile = join(tmp, `cli-${basename(path)}.csv`);
  const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'cli/main.ts'), '--json', '--csv', csvFile, basename(path)], {
    cwd: dirname(path),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`CLI exit ${r.status}: ${r.stderr}`);
  const contract = JSON.parse(r.stdout) as { reports: { cells: { table: string; row: string; col: string; raw: string }[] }[] };
  return {
    csv: readFileSync(csvFile, 'utf8'),
    cells: new Map(contract.reports.flatMap((rep) => rep.cells.map((c) => [`${c.table}:${c.row}:${c.col}`, squash(c.raw)] as const))),
  };
}

function expectOnTheirCells(hits: MarkHit[], cells: Map<string, string>): void {
  const wrong = hits.filter((h) => h.text === null || !cells.has(h.cell) || squash(h.text) !== cells.get(h.cell));
  expect(wrong, JSON.stringify(wrong.slice(0, 5).map((w) => ({ ...w, core: cells.get(w.cell) })))).toEqual([]);
}

/** A copy of a document in the temporary folder with one printed number changed (a misprint planted on purpose). */
function planted(path: string, from: string, to: string): string {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  const out = join(tmp, basename(path, extname(path)) + '-planted' + extname(path));
  writeFileSync(out, text.replace(from, to));
  return out;
}

const files = {
  /** a real saved page: blank cells where 0 should be printed (val.blankCell marks), and a narrative that disagrees */
  html: join(CORPUS, '2019-shanghai-shizhengfu-bangongting.html'),
  /** a real PDF with two misprinted 表四 totals (MANIFEST: 行政复议 总计 0 should be 11, 复议后起诉 总计 0 should be 5) */
  pdf: join(CORPUS, '2023-huaian-hongzequ.pdf'),
  md: join(CORPUS, '2025-shanghai-shizhengfu-bangongting.md'),
};

describe('the built folder', () => {
  it('classic scripts only (a page from file:// loads no module), none with a Function constructor or eval; the page loads one', () => {
    const scripts = readdirSync(WEB, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(scripts).toEqual(expect.arrayContaining(['gidar-web.js', 'pdf-reader.js', 'cmaps/UniGB-UCS2-H.js']));
    for (const f of scripts) {
      const js = readFileSync(join(WEB, f), 'utf8');
      expect(js, f).not.toMatch(/^\s*(?:import\s*[{*\w]|export\s)/m);
      expect(js, f).not.toMatch(/(?<![\w.$])(?:eval|Function)\(/);
    }
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script src="gidar-web.js">']);
    expect(html).toMatch(/Content-Security-Policy" content="[^"]*connect-src 'none'/);
  });
});

for (const mode of ['file', 'http'] as const) {
  describe(`the web page over ${mode}:`, () => {
    it('a dropped saved page: its report drawn as text, marks on the cells core read, CSV as the CLI writes it', async () => {
      const o = await open(mode);
      try {
        await drop(o.page, files.html);
        await loaded(o.page, basename(files.html));
        // none of the page's own markup came along: no script, no inline handler, no style, no image
        const leaked = await o.page.evaluate(() => {
          const doc = document.querySelector('.doc')!;
          return [...doc.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n !== 'colspan' && n !== 'rowspan' && n !== 'class');
        });
        expect(leaked).toEqual([]);
        expect(await o.page.locator('.doc script, .doc style, .doc img, .doc iframe').count()).toBe(0);
        const hits = await hitMarks(o.page);
        expect(hits.filter((h) => h.rule === 'val.blankCell').length).toBeGreaterThan(5);
        const want = cli(files.html);
        expectOnTheirCells(hits, want.cells);
        const csv = await downloadCsv(o.page);
        expect(csv.name).toBe('gidar-2019-shanghai-shizhengfu-bangongting.csv');
        expect(csv.text).toBe(want.csv);
        expect(o.errors).toEqual([]);
        expect(o.foreign).toEqual([]);
      } finally {
        await o.close();
      }
    });

    it(`a dropped PDF${mode === 'http' ? ' with the network gone' : ''}: read with the PDF reader chunk, the two misprinted totals marked in the drawn 表四`, async () => {
      const o = await open(mode);
      try {
        const scripts = (): Promise<string[]> => o.page.evaluate(() => [...document.scripts].map((s) => s.src.split('/').pop()!));
        if (mode === 'file') {
          // from disk the PDF reader and the cMaps load on the first PDF, only the cMaps its fonts need
          expect(await scripts()).toEqual(['gidar-web.js']);
        } else {
          // over http they are loaded once the page is idle, so that the page works offline once loaded
          const cMaps = readdirSync(join(WEB, 'cmaps')).length;
          await o.page.waitForFunction((n) => Object.keys(globalThis.__gidarCMaps ?? {}).length === n && !!globalThis.__gidarPdfReader, cMaps);
          await o.page.context().setOffline(true);
        }
        await drop(o.page, files.pdf);
        await loaded(o.page, basename(files.pdf));
        if (mode === 'file') {
          const loadedScripts = await scripts();
          expect(loadedScripts).toContain('pdf-reader.js');
          expect(loadedScripts.length).toBeLessThan(10);
        }
        const hits = await hitMarks(o.page);
        // 行政复议 总计: the one suspect; 复议后起诉 总计: one of two equally simple corrections (总计, or 结果维持 5 → 0)
        const kindOf = (cell: string): string | undefined => hits.find((h) => h.cell === cell && h.kind !== 'related')?.kind;
        expect(kindOf('t4:cases:review.total')).toBe('suspect');
        expect(kindOf('t4:cases:litAfterReview.total')).toBe('candidate');
        expect(kindOf('t4:cases:litAfterReview.upheld')).toBe('candidate');
        expect(hits.find((h) => h.cell === 't4:cases:review.total')!.text).toBe('0');
        const want = cli(files.pdf);
        expectOnTheirCells(hits, want.cells);
        expect((await downloadCsv(o.page)).text).toBe(want.csv);
        expect(o.errors).toEqual([]);
        expect(o.foreign).toEqual([]);
      } finally {
        await o.close();
      }
    });
  });
}

describe('the web page from disk: the other inputs', () => {
  it('the sample text, chosen with the file input, with one swapped digit planted: the suspect marked where it is drawn', async () => {
    const o = await open('file');
    try {
      // 予以公开 × 自然人 printed 83 in the sample (README's example of a swapped digit)
      const swapped = planted(SAMPLE, '(一) 予以公开\t83', '(一) 予以公开\t38');
      await o.page.setInputFiles('#file', swapped);
      await loaded(o.page, basename(swapped));
      // the README's screenshot: the page, the drawn tables, the suspect's tooltip and the panel
      await o.page.setViewportSize({ width: 1280, height: 1280 });
      await o.page.locator('gidar-overlay .marker[data-cell="t3:granted:naturalPerson"]').first().hover();
      await o.page.locator('gidar-overlay .tooltip').waitFor();
      await o.page.screenshot({ path: join(ROOT, 'docs/screenshots/web-page.png') });
      const hits = await hitMarks(o.page);
      const suspect = hits.find((h) => h.kind === 'suspect' && h.cell === 't3:granted:naturalPerson');
      expect(suspect?.text).toBe('38');
      const want = cli(swapped);
      expectOnTheirCells(hits, want.cells);
      expect((await downloadCsv(o.page)).text).toBe(want.csv);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('a dropped Markdown report: its tables drawn, CSV as the CLI writes it', async () => {
    const o = await open('file');
    try {
      await drop(o.page, files.md);
      await loaded(o.page, basename(files.md));
      expect(await o.page.locator('.doc table.t3 td').count()).toBeGreaterThan(50);
      const want = cli(files.md);
      expectOnTheirCells(await hitMarks(o.page), want.cells);
      expect((await downloadCsv(o.page)).text).toBe(want.csv);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('a table copied from a page (the clipboard’s HTML flavour) is read as that HTML; plain text as text', async () => {
    const o = await open('file');
    try {
      // table 三 of a real page, as a browser puts a copied table on the clipboard
      const { document } = parseHTML(readFileSync(join(CORPUS, '2023-pingtan-guanweihui.html'), 'utf8'));
      const t3 = [...document.querySelectorAll('table')].find((t) => t.textContent?.includes('申请人情况'))!;
      const html = `<html><body><!--StartFragment-->${t3.outerHTML.replace('>80<', '>88<')}<!--EndFragment--></body></html>`;
      const clip = join(tmp, 'clipboard');
      writeFileSync(clip, html);
      await paste(o.page, { html, text: t3.textContent ?? '' });
      await loaded(o.page, '剪贴板');
      const hits = await hitMarks(o.page);
      expect(hits.some((h) => h.kind === 'suspect' && h.text === '88')).toBe(true);
      const want = cli(clip);
      expectOnTheirCells(hits, want.cells);
      expect((await downloadCsv(o.page)).text).toBe(want.csv);

      const text = readFileSync(SAMPLE, 'utf8');
      writeFileSync(clip, text);
      await paste(o.page, { text });
      await o.page.waitForFunction(() => document.querySelector('.report-summary')?.textContent?.includes('辉县市'));
      expect(await o.page.locator('.doc table.t3').count()).toBe(1);
      expect((await downloadCsv(o.page)).text).toBe(cli(clip).csv);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('a messy saved page (split and merged cells): every mark on the cell core read for its id', async () => {
    const o = await open('file');
    try {
      const path = join(READER_PAGES, 'merged-cells.html');
      await drop(o.page, path);
      await loaded(o.page, 'merged-cells.html');
      const hits = await hitMarks(o.page);
      expect(hits.length).toBeGreaterThan(5);
      expectOnTheirCells(hits, cli(path).cells);
    } finally {
      await o.close();
    }
  });

  it.each([
    // MANIFEST: 2023 carried 0 forward, 2024 carried 0 over — continuity holds
    { later: '2024-huaian-hongzequ.pdf', continuity: 'pass', suspects: [] },
    // 2024 with 上年结转 printed 3 (tests/cli/pdf-edit.ts): only 2023's 结转下年度 0 names 上年结转 3→0 among three equal corrections
    { later: '2024-huaian-hongzequ.carried-over-3.pdf', continuity: 'fail', suspects: ['carriedOver:naturalPerson', 'carriedOver:total'] },
  ])('one agency’s two years read one after the other ($later): the later joined with the earlier, its JSON as the CLI’s for both files', async ({ later, continuity, suspects }) => {
    const o = await open('file');
    try {
      copyFileSync(join(CORPUS, '2023-huaian-hongzequ.pdf'), join(tmp, '2023-huaian-hongzequ.pdf'));
      const original = readFileSync(join(CORPUS, '2024-huaian-hongzequ.pdf'));
      writeFileSync(join(tmp, later), later === '2024-huaian-hongzequ.pdf' ? original : hongze2024CarriedOver3(original));
      const [y2023, y2024] = ['2023-huaian-hongzequ.pdf', later].map((f) => join(tmp, f));
      await drop(o.page, y2023!);
      await loaded(o.page, basename(y2023!));
      await drop(o.page, y2024!);
      await loaded(o.page, basename(y2024!));
      const [dl] = await Promise.all([o.page.waitForEvent('download'), o.page.locator('[data-export="json"]').click()]);
      type Web = { reports: { findings: { rule: string; status: string; suspects: { row: string; col: string }[] }[] }[] };
      const web = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as Web;
      const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'cli/main.ts'), '--json', basename(y2023!), basename(y2024!)], { cwd: tmp, encoding: 'utf8', timeout: 60_000 });
      const cliContracts = JSON.parse(r.stdout) as unknown[];
      expect(web).toEqual(cliContracts[1]);
      const findings = web.reports[0]!.findings;
      expect(findings.find((f) => f.rule === 'xy.carryContinuity')?.status).toBe(continuity);
      expect(findings.filter((f) => f.rule === 't3.balance' && f.status === 'fail').flatMap((f) => f.suspects.map((s) => `${s.row}:${s.col}`))).toEqual(suspects);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('a scanned PDF (no text layer), an encrypted one: one line each, the page still usable', async () => {
    const o = await open('file');
    try {
      const scanned = join(tmp, 'scanned.pdf');
      writeFileSync(scanned, minimalPdf());
      await drop(o.page, scanned);
      await o.page.locator('.error').waitFor();
      expect(await o.page.locator('.error').textContent()).toBe('无法读取：此 PDF 没有文字层（扫描图像），无法读取表格，请先做文字识别（OCR）。（scanned.pdf）');
      const locked = join(tmp, 'locked.pdf');
      writeFileSync(locked, minimalPdf({ encrypt: true }));
      await drop(o.page, locked);
      await o.page.waitForFunction(() => document.querySelector('.error')?.textContent?.includes('locked.pdf'));
      expect(await o.page.locator('.error').textContent()).toContain('PDF 已加密');
      // and the next file is read as usual
      await drop(o.page, SAMPLE);
      await loaded(o.page, basename(SAMPLE));
      expect(await o.page.locator('.error').count()).toBe(0);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('keyboard only: Tab to the file button, Enter chooses, Tab to the CSV export and into the panel; axe finds no WCAG A/AA violation', async () => {
    const o = await open('file');
    try {
      const active = (): Promise<string> =>
        o.page.evaluate(() => {
          let a: Element | null = document.activeElement;
          while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
          return a ? `${a.closest('gidar-overlay') || a.getRootNode() !== document ? 'overlay:' : ''}${a.id || a.getAttribute('data-export') || a.className || a.tagName}` : '';
        });
      const tabTo = async (want: RegExp): Promise<void> => {
        for (let i = 0; i < 40 && !want.test(await active()); i++) await o.page.keyboard.press('Tab');
        expect(await active()).toMatch(want);
      };
      // (waited for from the start: Playwright intercepts the chooser only once it has set that up in the browser)
      const chooser = o.page.waitForEvent('filechooser');
      await tabTo(/^file$/);
      await o.page.keyboard.press('Enter');
      await (await chooser).setFiles(files.html);
      await loaded(o.page, basename(files.html));
      await tabTo(/^csv$/);
      const [dl] = await Promise.all([o.page.waitForEvent('download'), o.page.keyboard.press('Enter')]);
      expect(dl.suggestedFilename()).toMatch(/\.csv$/);
      await tabTo(/^overlay:/);

      await o.page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
      const result = (await o.page.evaluate(() =>
        (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<unknown> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] }),
      )) as { violations: { id: string; impact?: string; nodes: { target: unknown[] }[] }[]; passes: { id: string; nodes: unknown[] }[] };
      expect(result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`)).toEqual([]);
      expect(result.passes.find((r) => r.id === 'button-name')?.nodes.length).toBeGreaterThan(10);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('Chinese by default, English on the toggle (page and panel, either button); a Word file is refused in one line', async () => {
    const o = await open('file');
    try {
      expect(await o.page.locator('h1').textContent()).toContain('政府信息公开年报核查');
      await drop(o.page, files.html);
      await loaded(o.page, basename(files.html));
      const panelTitle = o.page.locator('gidar-overlay .panel h2');
      expect(await panelTitle.textContent()).toBe('政府信息公开年报核查');
      await o.page.getByRole('button', { name: '切换到英文' }).first().click();
      expect(await o.page.locator('h1').textContent()).toContain('Disclosure report check');
      expect(await panelTitle.textContent()).toBe('Disclosure report check');
      expect(await o.page.evaluate(() => document.documentElement.lang)).toBe('en');
      // the panel's own button switches the page back
      await o.page.locator('gidar-overlay .panel header button[lang="zh-CN"]').click();
      expect(await o.page.locator('h1').textContent()).toContain('政府信息公开年报核查');
      expect(await o.page.locator('.counts').textContent()).toMatch(/项不符/);
      await o.page.locator('header.bar button.lang').click();
      const docx = join(tmp, 'report.docx');
      writeFileSync(docx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
      await drop(o.page, docx);
      await o.page.locator('.error').waitFor();
      expect(await o.page.locator('.error').textContent()).toMatch(/Word\/Excel\/WPS.*report\.docx/);
      // the report shown before stays, marks and all
      expect(await o.page.locator('.report-summary').textContent()).toContain(basename(files.html));
      expect(await o.page.locator('gidar-overlay .mark').count()).toBeGreaterThan(5);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });
});

describe('the web page in Firefox (firefox-esr over WebDriver BiDi), from disk', () => {
  it('a dropped PDF and a dropped saved page: marks on the cells core read, the CSV it downloads equal to the CLI’s', async () => {
    const downloads = mkdtempSync(join(tmp, 'firefox-downloads-'));
    const firefox = await startFirefox({
      // downloads go straight to this folder, without asking
      prefs: { 'browser.download.folderList': 2, 'browser.download.dir': downloads, 'browser.download.useDownloadDir': true, 'browser.download.always_ask_before_handling_new_types': false },
    });
    try {
      const page = await firefox.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(join(WEB, 'index.html')).href);
      await page.waitForSelector('#file');
      for (const path of [files.pdf, files.html]) {
        const b64 = readFileSync(path).toString('base64');
        await page.evaluate(
          (b64, name) => {
            const bin = atob(b64);
            const bytes = new Uint8Array(bin.length);
            for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], name));
            document.querySelector('.drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
          },
          b64,
          basename(path),
        );
        await page.waitForFunction((name) => document.querySelector('.report-summary')?.textContent?.includes(name) || !!document.querySelector('.error'), { timeout: 60_000 }, basename(path));
        expect(await page.evaluate(() => document.querySelector('.error')?.textContent ?? null)).toBeNull();
        await page.waitForFunction(() => (document.querySelector('gidar-overlay')?.shadowRoot?.querySelectorAll('.mark[data-cell]').length ?? 0) > 0);
        const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
        await page.setViewport({ width: Math.max(1280, size.width), height: Math.min(size.height + 50, 16_000) });
        const hits: MarkHit[] = await page.evaluate(async () => {
          await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 150))));
          return [...document.querySelector('gidar-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('.mark[data-cell]')].map((mark) => {
            const r = mark.getBoundingClientRect();
            const under = document.elementsFromPoint(r.x + r.width / 2, r.y + r.height / 2).find((e) => e.tagName === 'TD' || e.tagName === 'TH');
            return { cell: mark.dataset.cell!, rule: mark.dataset.rule!, kind: mark.classList.contains('suspect') ? 'suspect' : '', text: under ? (under.textContent ?? '') : null };
          });
        });
        const want = cli(path);
        expect(hits.length).toBeGreaterThan(1);
        expectOnTheirCells(hits, want.cells);
        await page.setViewport({ width: 1280, height: 900 });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.click('[data-export="csv"]');
        const csv = join(downloads, `gidar-${basename(path, extname(path))}.csv`);
        // Firefox writes NAME.part and creates NAME empty beside it until the download is complete
        const done = (): boolean => existsSync(csv) && !existsSync(`${csv}.part`) && statSync(csv).size > 0;
        for (let i = 0; i < 100 && !done(); i++) await new Promise((ok) => setTimeout(ok, 100));
        expect(readFileSync(csv, 'utf8')).toBe(want.csv);
      }
      expect(errors).toEqual([]);
    } finally {
      await firefox.close();
    }
  });
});
