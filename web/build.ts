// `npm run web`: the web page as one folder, .output/web/, that opens from disk or any static host.
//   index.html       the page (its styles inline)
//   gidar-web.js     core, the page and the extension's overlay (Preact), one classic script
//   pdf-reader.js    the extension's PDF reader chunk (pdf.js), a classic script loaded on the first PDF
//   cmaps/NAME.js    pdf.js's Chinese (Adobe-GB1) cMaps, one classic script each, loaded when a PDF's font needs one
// Classic scripts, not modules: a page opened from file:// may not load modules, nor fetch() anything.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.output/web');
const CMAPS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
/** the same cMaps the extension ships (wxt.config.ts): a PDF with a non-embedded Chinese font has no text without them */
const GB_CMAPS = readdirSync(CMAPS).filter((f) => /GB/.test(f) && f.endsWith('.bcmap'));

/**
 * As the extension's build does (wxt.config.ts): pdf.js's legacy build carries core-js, whose global-object lookup
 * ends in `Function('return this')()`. Never reached (globalThis exists), but the page's CSP has no 'unsafe-eval' and
 * no bundle holds a Function constructor call.
 */
const noFunctionConstructor: Plugin = {
  name: 'gidar:no-function-constructor',
  setup(b) {
    b.onLoad({ filter: /pdfjs-dist[\\/].*\.mjs$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      return { contents: code.replaceAll("Function('return this')()", 'globalThis'), loader: 'js' };
    });
  },
};

const common: BuildOptions = {
  bundle: true,
  format: 'iife',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  // browsers of office PCs lag (360, QQ on older Chromium): Chromium 87 (2020) and Firefox 91 ESR are the oldest built for
  target: ['chrome87', 'firefox91', 'safari15'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'cmaps'), { recursive: true });

await build({
  ...common,
  entryPoints: [join(ROOT, 'web/main.tsx')],
  outfile: join(OUT, 'gidar-web.js'),
  define: { __GIDAR_CMAPS__: JSON.stringify(GB_CMAPS) },
});
await build({ ...common, entryPoints: [join(ROOT, 'web/pdf-entry.ts')], outfile: join(OUT, 'pdf-reader.js'), plugins: [noFunctionConstructor] });
for (const f of GB_CMAPS) {
  const b64 = readFileSync(join(CMAPS, f)).toString('base64');
  writeFileSync(join(OUT, 'cmaps', f.replace(/\.bcmap$/, '.js')), `(globalThis.__gidarCMaps=globalThis.__gidarCMaps||{})[${JSON.stringify(f)}]=${JSON.stringify(b64)};\n`);
}
copyFileSync(join(ROOT, 'web/index.html'), join(OUT, 'index.html'));

const size = (f: string): string => {
  const bytes = readFileSync(f);
  return `${(bytes.length / 1024).toFixed(0)} KB (gzip ${(gzipSync(bytes).length / 1024).toFixed(0)} KB)`;
};
const cmapBytes = readdirSync(join(OUT, 'cmaps')).reduce((n, f) => n + statSync(join(OUT, 'cmaps', f)).size, 0);
console.log(`.output/web/
  index.html     ${size(join(OUT, 'index.html'))}
  gidar-web.js   ${size(join(OUT, 'gidar-web.js'))}
  pdf-reader.js  ${size(join(OUT, 'pdf-reader.js'))}   (loaded on the first PDF)
  cmaps/         ${GB_CMAPS.length} files, ${(cmapBytes / 1024).toFixed(0)} KB   (each loaded when a PDF needs it)`);
