import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * pdf.js's predefined CMaps for Chinese (Adobe-GB1) fonts, ~290 KB: a PDF whose Chinese font is not embedded with a
 * ToUnicode map (encoded UniGB-UCS2-H, GBK-EUC-H …) has no readable text without them. Other scripts' are not shipped.
 */
const CMAPS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
const GB_CMAPS = readdirSync(CMAPS).filter((f) => /GB/.test(f) && f.endsWith('.bcmap'));

/**
 * pdf.js's legacy build carries core-js, whose global-object lookup ends in `Function('return this')()`: never
 * reached (globalThis exists everywhere the extension runs), but no bundle may hold a Function constructor call.
 */
function noFunctionConstructor(): Plugin {
  return {
    name: 'gidar:no-function-constructor',
    transform(code, id) {
      if (!id.includes('pdfjs-dist') || !code.includes("Function('return this')()")) return null;
      return { code: code.replaceAll("Function('return this')()", 'globalThis'), map: null };
    },
  };
}

/**
 * V8's explicit compile hint for the annotator: compile every function while the file streams in on a background
 * thread, instead of each one on the page's main thread the first time it runs (the first check on a report page runs
 * about 70% of the file's code). Its first tasks' thread time falls by about a third; the background compile grows
 * (bench/extension.ts). Chromium 136+; a plain comment elsewhere. Added after minification, which would drop it.
 */
function eagerCompile(file: string): Plugin {
  return {
    name: 'gidar:eager-compile',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunk = bundle[file];
      if (chunk?.type === 'chunk') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
    },
  };
}

// The extension's sources live in extension/; the core it bundles lives in core/.
// Permissions stay minimal: the gov.cn content script needs none; other sites are checked on demand
// through activeTab + scripting. tests/e2e/manifest.test.ts pins this list.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  publicDir: 'extension/public',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['activeTab', 'scripting', 'storage'],
    // "Check the reports listed on this page" fetches same-origin reports from the page; reports on another gov.cn
    // host only after the user grants that host on the results page (permissions.request), never at install.
    [browser === 'firefox' ? 'optional_permissions' : 'optional_host_permissions']: ['*://*.gov.cn/*'],
    // icon/<size>.png are found by WXT for `icons`; the toolbar gets the same. The background swaps in
    // icon/error/<size>.png on a tab whose report has failing errors (scripts/icons.ts draws both). Firefox's MV2
    // build takes browser_action as given (WXT does not carry an `action` over once the popup has set one).
    [browser === 'firefox' ? 'browser_action' : 'action']: { default_title: '__MSG_extName__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // The bootstrap imports the annotator from the extension on report pages only; the annotator imports the PDF
    // reader (pdf.js) when the user asks it to check a PDF attachment. Other sites get both injected (activeTab).
    // Chrome: reachable only under the per-session dynamic id runtime.getURL() gives, so that a page cannot probe
    // chrome-extension://<id>/annotator.js to learn the extension is installed. (Firefox MV2 has no such key: its
    // moz-extension:// origin is a random id per installation already.)
    web_accessible_resources: [
      { resources: ['annotator.js', 'pdf-reader.js', 'sweep.js', 'cmaps/*'], matches: ['*://*.gov.cn/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    ...(browser === 'firefox'
      ? // 142: data_collection_permissions (MV2 storage.session/scripting need 115). Nothing is collected or sent anywhere.
        { browser_specific_settings: { gecko: { id: 'gidar-check@example.org', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  // `npm run zip`: .output/gidar-check-<version>-chrome.zip, -firefox.zip and -sources.zip (what addons.mozilla.org
  // asks for to review a bundled add-on). The sources are what the build reads, nothing else; SOURCE-BUILD.md (in
  // the archive) gives the steps that rebuild the Firefox package from them, scripts/verify-sources.ts checks them.
  zip: {
    includeSources: ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'SOURCE-BUILD.md', 'PRIVACY.md', 'extension/**', 'core/**'],
  },
  hooks: {
    'build:publicAssets'(_wxt, files) {
      for (const f of GB_CMAPS) files.push({ absoluteSrc: join(CMAPS, f), relativeDest: `cmaps/${f}` });
    },
  },
  vite: () => ({
    plugins: [preact(), noFunctionConstructor(), eagerCompile('annotator.js')],
  }),
});
