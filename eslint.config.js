import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', '.tools/', 'coverage/', 'tests/fixtures/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // The core runs in the content script and in Node: no Node built-ins, no extension APIs.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'http', 'https', 'url', 'buffer', 'crypto', 'linkedom', 'wxt', 'wxt/*', '#imports'], message: 'core/ must run in the browser and in Node.' }] },
      ],
      'no-restricted-globals': ['error', 'browser', 'chrome', 'process', 'Buffer', 'require'],
    },
  },
);
