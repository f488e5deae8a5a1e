import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
    action: { default_title: '__MSG_extName__' },
    // The bootstrap imports the annotator from the extension on report pages only.
    web_accessible_resources: [{ resources: ['annotator.js'], matches: ['*://*.gov.cn/*'] }],
    ...(browser === 'firefox'
      ? // 142: data_collection_permissions (MV2 storage.session/scripting need 115). Nothing is collected or sent anywhere.
        { browser_specific_settings: { gecko: { id: 'gidar-check@example.org', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
