// Shared e2e plumbing: a local server for the fixture pages and Chromium with the built extension loaded.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser as FirefoxBrowser, type Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildDir, unpack, zipPath } from '../../scripts/packages';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures/e2e');
/** the real pages themselves are served from the corpus copy; e2e fixtures hold only pages made for e2e */
export const CORPUS = join(ROOT, 'tests/fixtures/corpus/real');
/** the reader's synthetic pages (image tables, attachments, embedded PDF viewers …), under /html/ */
export const READER_PAGES = join(ROOT, 'tests/fixtures/html');

/**
 * The extension the e2e tests load: what users install, the store package (`npm run zip`:
 * .output/gidar-check-<version>-<browser>.zip) unpacked into .output/unpacked/<browser>/. The build folder itself
 * only when it is newer than the package (a plain `wxt build` while working) or there is no package; `npm run
 * test:e2e` and CI (GIDAR_FORCE_CI=1) always zip first, and CI refuses to test anything but the package.
 */
function extensionDir(browser: 'chrome' | 'firefox'): string {
  const zip = zipPath(browser);
  const built = buildDir(browser);
  const builtAt = existsSync(join(built, 'manifest.json')) ? statSync(join(built, 'manifest.json')).mtimeMs : -1;
  if (!existsSync(zip) || statSync(zip).mtimeMs < builtAt) {
    if (process.env.GIDAR_FORCE_CI === '1') throw new Error(`e2e in CI runs against the package: run \`npm run zip\` (no up-to-date ${zip})`);
    return built;
  }
  // unpacked once per package (the files run one after another: no other test has it loaded meanwhile)
  const dir = join(ROOT, '.output/unpacked', browser);
  const stamp = `${dir}.from`;
  const from = `${zip} ${statSync(zip).mtimeMs}`;
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== from) {
    unpack(zip, dir);
    writeFileSync(stamp, from);
  }
  return dir;
}
/** the Chromium extension loaded by launch() */
export const EXT = extensionDir('chrome');
/** the Firefox extension (tests/e2e/firefox.test.ts) */
export const EXT_FIREFOX = extensionDir('firefox');
export const CHROMIUM = '/usr/lib/chromium/chromium';
/** where the content script runs */
export const GOV = 'http://www.example.gov.cn';
/** where it does not (the toolbar's on-demand check only) */
export const OTHER = 'http://www.example.com';
/** another gov.cn host (tests/e2e/sweep-site.ts): the content script runs there too */
const OTHER_GOV = 'xxgk.example.gov.cn';

/** The file behind a fixture name: an e2e page, else a real corpus page; null when neither (or outside both). */
export function fixturePath(name: string): string | null {
  if (name.startsWith('html/')) {
    const file = join(READER_PAGES, name.slice('html/'.length));
    return file.startsWith(READER_PAGES + '/') && existsSync(file) ? file : null;
  }
  for (const dir of [FIXTURES, CORPUS]) {
    const file = join(dir, name);
    if (file.startsWith(dir + '/') && existsSync(file)) return file;
  }
  return null;
}

export function fixture(name: string): string {
  const file = fixturePath(name);
  if (!file) throw new Error(`no fixture ${name}`);
  return readFileSync(file, 'utf8');
}

export async function startServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '');
    const file = path ? fixturePath(path) : null;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, port: (server.address() as AddressInfo).port };
}

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launch(port: number): Promise<Session> {
  if (!existsSync(join(EXT, 'manifest.json'))) throw new Error('build the extension first (wxt build)');
  const userDataDir = mkdtempSync(join(tmpdir(), 'gidar-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    // Playwright's defaults include --disable-extensions, which would win over --load-extension.
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      `--host-resolver-rules=${[new URL(GOV).host, OTHER_GOV, new URL(OTHER).host].map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  let worker = context.serviceWorkers()[0];
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's firefox-esr (/usr/bin/firefox-esr is a symlink to it) */
export const FIREFOX = '/usr/lib/firefox-esr/firefox-esr';
/** the Firefox build's add-on id (wxt.config.ts gecko id) */
const FIREFOX_EXT_ID = 'gidar-check@example.org';
/** its moz-extension: origin, fixed through the pref Firefox keeps the ids' internal UUIDs in (see launchFirefox) */
export const FIREFOX_EXT_ORIGIN = 'moz-extension://5b0c2a53-6f1e-4c8e-9d3a-2f7b8e1c4a60';

/** Headless firefox-esr driven over WebDriver BiDi; a missing browser is a failure with a reason, never a skip. */
export async function startFirefox(opts: { args?: string[]; prefs: Record<string, unknown> }): Promise<FirefoxBrowser> {
  if (!existsSync(FIREFOX)) throw new Error(`firefox-esr not found at ${FIREFOX}: apt-get install --no-install-recommends firefox-esr`);
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1280, height: 900 },
    args: opts.args ?? [],
    extraPrefsFirefox: opts.prefs,
  });
}

/**
 * Firefox (firefox-mv2 in firefox-esr) with the built extension installed as a temporary add-on, driven over
 * WebDriver BiDi. A missing browser or build is a failure with a reason, never a skip.
 */
export async function launchFirefox(extraPrefs: Record<string, unknown> = {}): Promise<FirefoxBrowser> {
  if (!existsSync(join(EXT_FIREFOX, 'manifest.json'))) throw new Error('no .output/firefox-mv2: build the Firefox extension first (wxt build -b firefox)');
  const browser = await startFirefox({
    // WebDriver BiDi navigates to moz-extension: pages (the popup opened as a page, the results page) only with this
    args: ['--remote-allow-system-access'],
    prefs: {
      // Firefox has no --host-resolver-rules: every name resolves to the local server (its port is in the URL), so
      // the real pages' third-party widgets fail fast instead of reaching the network.
      'network.dns.forceResolve': '127.0.0.1',
      // the add-on's pages at a known address (the popup is opened as a page, as in Chromium)
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXT_ID]: new URL(FIREFOX_EXT_ORIGIN).host }),
      ...extraPrefs,
    },
  });
  try {
    // A temporary add-on, as from about:debugging. Nothing is granted by hand: MV2 content_scripts matches are
    // granted at install (MV3 host permissions in Firefox would not be).
    const id = await browser.installExtension(EXT_FIREFOX);
    if (id !== FIREFOX_EXT_ID) throw new Error(`installed add-on id ${id}, not the manifest's gecko id`);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return browser;
}

/** Errors and warnings that come from the extension (its console prefix or its moz-extension: scripts). */
export function extensionErrors(page: FirefoxPage): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') errors.push(`${m.type()}: ${m.text()} @ ${m.location().url ?? ''}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e)}`));
  return errors;
}
export const ours = (errors: string[]) => errors.filter((e) => /moz-extension:|gidar/i.test(e));

/**
 * Load `url` in `page`. Not page.goto: Firefox's BiDi browsingContext.navigate rejects ("Address rejected") when a
 * subframe shows a network error page before the top page's load, and the real Pingtan page embeds an https weather
 * widget that cannot load here. Navigating from the page and waiting for the top frame's load event is not affected.
 */
export async function visit(page: FirefoxPage, url: string): Promise<void> {
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load', timeout: 30_000 }),
    page.evaluate((u) => {
      location.href = u;
    }, url),
  ]);
  expect(page.url()).toBe(url);
}

/**
 * A local server and Chromium with the built extension for the tests of one file: started before them, closed
 * after. The returned session is usable inside tests and hooks, once started.
 */
export function useSession(): Session {
  let server: Server | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    const started = await startServer();
    server = started.server;
    session = await launch(started.port);
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });
  const get = (): Session => {
    if (!session) throw new Error('the e2e session has not started');
    return session;
  };
  return {
    get context() {
      return get().context;
    },
    get worker() {
      return get().worker;
    },
    get extensionId() {
      return get().extensionId;
    },
    close: () => get().close(),
  };
}

export interface Logged {
  errors: string[];
}

/** Console errors and uncaught exceptions of a page, with their source when known. */
export function collectErrors(page: Page): Logged {
  const logged: Logged = { errors: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') logged.errors.push(`${m.type()}: ${m.text()} @ ${m.location().url}`);
  });
  page.on('pageerror', (e) => logged.errors.push(`pageerror: ${e.message}\n${e.stack ?? ''}`));
  return logged;
}

/** outerHTML of every <table> on the page, in order. */
export async function tablesHtml(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('table')].map((t) => t.outerHTML));
}

export async function waitForOverlay(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const host = document.querySelector('gidar-overlay');
      // complete: the first check draws the tables' marks, then adds the narrative's findings and the panel (aria-busy)
      return !!host?.shadowRoot?.querySelector('.layer:not([aria-busy])');
    },
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * The tab showing `urlPart`, from the background's per-tab records (each frame's summary carries its URL;
 * without the "tabs" permission tabs.query does not reveal URLs).
 */
export async function tabIdOf(worker: Worker, urlPart: string): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const id = await worker.evaluate(async (part) => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const all = await c.storage.session.get(null);
      for (const [key, frames] of Object.entries(all)) {
        if (!key.startsWith('tab:')) continue;
        if ((frames as [number, { url: string }][]).some(([, s]) => s.url.includes(part))) return Number(key.slice(4));
      }
      return null;
    }, urlPart);
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab reported for ${urlPart}`);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Fraction of b covered by a. */
export function coverage(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return (w * h) / (b.width * b.height);
}

/** The `chrome` global inside the extension's service worker (evaluated there, typed loosely here). */
export interface ChromeTab {
  id?: number;
  url?: string;
}
/** Use inside evaluate(): `(globalThis as unknown as { chrome: Chrome }).chrome` (functions are serialised). */
export interface Chrome {
  tabs: { query(q: object): Promise<ChromeTab[]>; sendMessage(id: number, msg: unknown, opts?: object): Promise<unknown> };
  action: { getBadgeText(q: object): Promise<string> };
  storage: {
    local: { get(k?: string | string[] | null): Promise<Record<string, unknown>> };
    session: { get(k?: string | string[] | null): Promise<Record<string, unknown>> };
  };
  runtime: { getURL(p: string): string; sendMessage(msg: unknown): Promise<unknown> };
}

export interface TabStateLike {
  tabId: number;
  badge: string;
  frames: {
    frameId: number;
    summary: { reports: number; tables: string[]; errors: number; fail: number; needsReview: number; annotations: boolean };
  }[];
}

/**
 * The results page's or the popup's exports as text: what it hands to the browser's download (the Blob behind the
 * <a download> link), read as bytes so that a BOM is kept. Call once per page, before the first export. A
 * Playwright (Chromium) or Puppeteer (Firefox) page: both evaluate a function with one argument and click a selector.
 */
export async function popupDownloads(popup: Page | FirefoxPage): Promise<(format: string) => Promise<string>> {
  const page = popup as unknown as { evaluate<R, A>(fn: (a: A) => R, arg?: A): Promise<Awaited<R>>; click(selector: string): Promise<void> };
  await page.evaluate(() => {
    const w = window as unknown as { __blobs: Blob[] };
    w.__blobs = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      w.__blobs.push(b as Blob);
      return create(b);
    };
  });
  const count = () => page.evaluate(() => (window as unknown as { __blobs: Blob[] }).__blobs.length);
  return async (format: string): Promise<string> => {
    const before = await count();
    await page.click(`[data-export="${format}"]`);
    for (let waited = 0; (await count()) <= before; waited += 50) {
      if (waited > 5000) {
        const status = await page.evaluate(() => document.querySelector('.status')?.textContent ?? '');
        throw new Error(`${format}: no download; the page says "${status}"`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const bytes = await page.evaluate(async () => [...new Uint8Array(await (window as unknown as { __blobs: Blob[] }).__blobs.at(-1)!.arrayBuffer())]);
    return Buffer.from(bytes).toString('utf8');
  };
}
