import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    // The core runs without Electron or a DOM: shells depend on it, never the reverse.
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The core must not import Electron.' },
            {
              group: ['**/electron/**', '**/web/**', '**/cli/**', '**/service/**'],
              message: 'The core must not import a shell.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract is the common layer: the core and the renderer both import it, it imports neither, nor a
    // shell, so what it declares is all the renderer bundle carries of the main side.
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'node:*'],
              message: 'The contract runs in the renderer too.',
            },
            {
              group: [
                '**/core',
                '**/core/**',
                '**/service/**',
                '**/electron/**',
                '**/web/**',
                '**/cli/**',
                '**/src-renderer/**',
              ],
              message: 'The contract imports neither the core nor a shell nor the renderer: they import it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer reaches the core only through the contract and its client.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', 'fs', 'path'],
              message: 'The renderer has no Node or Electron: use the API client.',
            },
            {
              group: [
                '**/src-main/core/**',
                '**/src-main/service/**',
                '**/src-main/electron/**',
                '**/src-main/web/**',
              ],
              message: 'The renderer talks to the core only through src-main/contract and lib/api.',
            },
          ],
        },
      ],
    },
  },
);
