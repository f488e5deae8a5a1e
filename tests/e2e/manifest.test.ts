// The built manifest and bundles: minimal permissions, no eval, a small bootstrap.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXT, ROOT } from './harness';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; all_frames?: boolean; js: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  version: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string>; default_popup?: string };
}

const manifest = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8')) as Manifest;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('manifest (chrome-mv3)', () => {
  it('asks only for activeTab, scripting and storage, and no host permissions at install', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['activeTab', 'scripting', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    // requested only when the user asks to check listed reports on another gov.cn host (lib/sweep.ts)
    expect(manifest.optional_host_permissions).toEqual(['*://*.gov.cn/*']);
  });

  it('runs the bootstrap on gov.cn pages only, in all frames, and exposes only the annotator, the PDF reader and the sweep to them', () => {
    expect(manifest.content_scripts).toEqual([expect.objectContaining({ matches: ['*://*.gov.cn/*'], all_frames: true, js: ['content-scripts/content.js'] })]);
    // only under the per-session dynamic id: a page cannot probe chrome-extension://<id>/annotator.js
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['annotator.js', 'pdf-reader.js', 'sweep.js', 'cmaps/*'], matches: ['*://*.gov.cn/*'], use_dynamic_url: true }]);
  });

  it("carries package.json's version and the icons at 16, 32, 48 and 128 px (the toolbar's too), with the error variant beside them", () => {
    expect(manifest.version).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    const sizes = ['16', '32', '48', '128'];
    expect(manifest.icons).toEqual(Object.fromEntries(sizes.map((s) => [s, `icon/${s}.png`])));
    expect(manifest.action?.default_icon).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png' });
    for (const s of sizes)
      for (const file of [`icon/${s}.png`, `icon/error/${s}.png`]) {
        const png = readFileSync(join(EXT, file));
        // a PNG of that size (IHDR width and height)
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([Number(s), Number(s)]);
      }
  });
});

describe('bundles', () => {
  const js = files(EXT).filter((f) => f.endsWith('.js'));

  it('contain no eval and no new Function (zod runs jitless)', () => {
    expect(js.length).toBeGreaterThan(3);
    for (const f of js) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/new Function\s*\(/);
      // nor the constructor called without new (core-js's global lookup in pdf.js's legacy build is rewritten)
      expect(text, f).not.toMatch(/(^|[^\w$.])Function\s*\(\s*[`'"]/);
      expect(text, f).not.toMatch(/(^|[^\w$.])eval\s*\(/);
    }
  });

  it('keep the bootstrap content script under 10 KB gzipped, without core or Preact', () => {
    const boot = readFileSync(join(EXT, 'content-scripts/content.js'));
    expect(gzipSync(boot, { level: 9 }).length).toBeLessThan(10 * 1024);
    expect(boot.toString('utf8')).not.toContain('dangerouslySetInnerHTML');
    expect(boot.length).toBeLessThan(readFileSync(join(EXT, 'annotator.js')).length / 10);
  });

  it('compile the annotator eagerly off the main thread (V8 compile hint), and nothing else: the bootstrap runs on every gov.cn page', () => {
    // the hint counts only as the file's first line; minification must not have dropped it
    expect(readFileSync(join(EXT, 'annotator.js'), 'utf8').split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
    for (const f of js.filter((f) => !f.endsWith('/annotator.js'))) expect(readFileSync(f, 'utf8'), f).not.toContain('allFunctionsCalledOnLoad');
  });

  it('keep pdf.js in a chunk of its own, loaded only to check a PDF: not in the bootstrap or the annotator', () => {
    const reader = readFileSync(join(EXT, 'pdf-reader.js'), 'utf8');
    expect(reader).toContain('WorkerMessageHandler');
    for (const f of ['content-scripts/content.js', 'annotator.js']) {
      const text = readFileSync(join(EXT, f), 'utf8');
      expect(text, f).not.toContain('WorkerMessageHandler');
      expect(text, f).not.toContain('getTextContent');
    }
    // The annotator stays well under what pdf.js would add (557 KB gzipped): ~66 KB before the PDF path, 77 KB with
    // the localizer's simplex, the narrative's scope data and the text tie-break (stop 9).
    expect(gzipSync(readFileSync(join(EXT, 'annotator.js')), { level: 9 }).length).toBeLessThan(84 * 1024);
  });

  it('render page text only as text: no HTML sinks in the extension sources', () => {
    const sources = files(join(ROOT, 'extension')).filter((f) => /\.(ts|tsx)$/.test(f));
    expect(sources.length).toBeGreaterThan(5);
    for (const f of sources) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/);
    }
  });
});
