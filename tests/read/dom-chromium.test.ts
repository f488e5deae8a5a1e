// The DOM reader in a real browser DOM (Chromium: implied <tbody>, live textContent, its own parser)
// must read exactly what it reads from linkedom. Skipped where Chromium is not installed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../core/read/dom';

const CHROMIUM = '/usr/lib/chromium/chromium';
const REAL = fileURLToPath(new URL('../fixtures/corpus/real/', import.meta.url));
const SYNTH = fileURLToPath(new URL('../fixtures/html/', import.meta.url));
const PAGES = [
  ...readdirSync(REAL).filter((f) => f.endsWith('.html')).map((f) => REAL + f),
  ...['split-table.html', 'nested-layout.html', 'repeated-group-row.html', 'transposed-t4.html', 'format-2019.html', 'remarks-column.html'].map((f) => SYNTH + f),
];

interface Summary {
  format: string;
  found: string[];
  cells: string[];
  extras: string[];
  elements: number;
}

function summarise(doc: Document): Summary {
  const [r] = readDocument(doc);
  const rep = r!.report;
  return {
    format: rep.format,
    found: rep.tablesFound,
    cells: rep.cells.map((c) => `${c.table}:${c.row}:${c.col}=${c.raw}|${c.value}|${c.kind}`),
    extras: rep.extras.map((x) => `${x.table}:${x.label}`),
    elements: r!.elements.size,
  };
}

describe.skipIf(!existsSync(CHROMIUM))('DOM reader in Chromium', () => {
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  let bundle = '';

  beforeAll(async () => {
    // the reader bundled as the content script would carry it
    const out = await build({
      stdin: {
        // the same summary as summarise() below, built into the page
        contents: `import { readDocument } from './core/read/dom';
          (globalThis as any).__summary = (doc: Document) => {
            const [r] = readDocument(doc);
            const rep = r!.report;
            return {
              format: rep.format,
              found: rep.tablesFound,
              cells: rep.cells.map((c) => \`\${c.table}:\${c.row}:\${c.col}=\${c.raw}|\${c.value}|\${c.kind}\`),
              extras: rep.extras.map((x) => \`\${x.table}:\${x.label}\`),
              elements: r!.elements.size,
            };
          };`,
        resolveDir: fileURLToPath(new URL('../../', import.meta.url)),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    bundle = out.outputFiles[0]!.text;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('reads every page exactly as from linkedom', async () => {
    const page = await browser.newPage();
    // serve each page from one fake origin; everything else (site scripts, images) is not loaded
    let html = '';
    await page.route('**/*', (route) =>
      route.request().url().startsWith('http://report.test/') ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
    );
    for (const file of PAGES) {
      html = readFileSync(file, 'utf8');
      await page.goto('http://report.test/page.html', { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: bundle });
      const inBrowser = (await page.evaluate('globalThis.__summary(document)')) as Summary;
      const inNode = summarise(parseHTML(html).document as unknown as Document);
      expect(inBrowser, file).toEqual(inNode);
      expect(inBrowser.found, file).toEqual(['t2', 't3', 't4']);
    }
    await page.close();
  }, 60_000);
});
