// The store packages `npm run zip` writes: exactly the built files, the sources archive Mozilla's review asks for
// (rebuilt here as SOURCE-BUILD.md says, compared byte for byte), and web-ext lint's verdict on the Firefox package.
// The other e2e files load these packages' contents (harness.ts unpacks them).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDir, listFiles, VERSION, zipEntries, zipPath } from '../../scripts/packages';
import { verifySources } from '../../scripts/verify-sources';
import { userEnv } from '../../scripts/pack-install';
import { EXT, EXT_FIREFOX, ROOT } from './harness';

for (const browser of ['chrome', 'firefox'] as const) {
  describe(`${browser} package`, () => {
    it('holds exactly the built files, byte for byte', () => {
      const entries = zipEntries(zipPath(browser));
      const built = listFiles(buildDir(browser));
      expect([...entries.keys()].sort()).toEqual(built);
      for (const f of built) expect(Buffer.from(entries.get(f)!).equals(readFileSync(join(buildDir(browser), f))), f).toBe(true);
    });

    it("carries package.json's version, the icons, and the toolbar's icon", () => {
      const manifest = JSON.parse(Buffer.from(zipEntries(zipPath(browser)).get('manifest.json')!).toString('utf8')) as {
        version: string;
        icons: Record<string, string>;
        action?: { default_icon?: object };
        browser_action?: { default_icon?: object };
      };
      expect(manifest.version).toBe(VERSION);
      expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
      expect((browser === 'chrome' ? manifest.action : manifest.browser_action)?.default_icon).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png' });
      for (const f of [...Object.values(manifest.icons), 'icon/error/16.png', 'icon/error/32.png', 'icon/error/48.png', 'icon/error/128.png'])
        expect(zipEntries(zipPath(browser)).has(f), f).toBe(true);
    });

    it('is what the e2e tests load', () => {
      expect(browser === 'chrome' ? EXT : EXT_FIREFOX).toBe(join(ROOT, '.output/unpacked', browser));
    });
  });
}

describe('sources archive', () => {
  it('holds what the build reads and the build steps: no tests, no CLI, no dependencies', () => {
    const files = [...zipEntries(zipPath('sources')).keys()];
    const top = [...new Set(files.map((f) => f.split('/')[0]))].sort();
    expect(top).toEqual(['PRIVACY.md', 'SOURCE-BUILD.md', 'core', 'extension', 'package-lock.json', 'package.json', 'tsconfig.json', 'wxt.config.ts']);
    expect(files).toContain('extension/entrypoints/annotator.ts');
    expect(files).toContain('extension/public/icon/error/16.png');
    expect(files.filter((f) => /node_modules|\.test\.ts$/.test(f))).toEqual([]);
  });

  it('rebuilds the Firefox package byte for byte, following SOURCE-BUILD.md in an empty folder (npm ci, wxt build)', () => {
    const { files, diffs } = verifySources();
    expect(diffs).toEqual([]);
    expect(files).toBeGreaterThan(40);
  }, 600_000);
});

interface LintMessage {
  code: string;
  file: string;
  message: string;
}

describe('web-ext lint of the Firefox package', () => {
  it('reports no errors, no notices, and only the warnings SOURCE-BUILD.md explains', () => {
    const out = execFileSync(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '-o', 'json', '--no-input', '-s', EXT_FIREFOX], {
      env: userEnv(),
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const report = JSON.parse(out.slice(out.indexOf('{'))) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([]);
    const explained = readFileSync(join(ROOT, 'SOURCE-BUILD.md'), 'utf8');
    // each warning: a dynamic import() of the extension's own files or pdf.js's, or Preact's dangerouslySetInnerHTML branch
    const kinds = report.warnings.map((w) => `${w.code} ${w.message} ${w.file.replace(/-[\w-]{8}\.js$/, '-*.js')}`);
    for (const k of kinds) expect(k).toMatch(/^UNSAFE_VAR_ASSIGNMENT (Unsafe call to import for argument 0 (content-scripts\/content\.js|annotator\.js|sweep\.js|chunks\/pdf-tab-\*\.js|pdf-reader\.js)|Unsafe assignment to innerHTML (annotator\.js|chunks\/(popup|LangToggle)-\*\.js))$/);
    for (const w of report.warnings) expect(explained, w.file).toContain(`\`${w.file.replace(/-[\w-]{8}\.js$/, '-*.js')}\``);
    expect(existsSync(join(EXT_FIREFOX, 'manifest.json'))).toBe(true);
  });
});
