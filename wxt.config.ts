import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The extension's sources live in extension/; the core it bundles lives in core/.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['activeTab', 'scripting', 'storage'],
    action: {},
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
