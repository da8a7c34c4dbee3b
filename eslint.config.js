// Lint, including the folder boundaries of ARCHITECTURE.md (house rule 5): the folder a file is in
// decides which runtimes it may import.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const NODE_BUILTINS = {
  regex: '^(node:.*|fs|path|os|crypto|child_process|http|https|net|url|util|stream|worker_threads)(/.*)?$',
  message: 'This folder runs without Node: no Node built-in modules.',
};
const ELECTRON = { regex: '^electron(/.*)?$', message: 'Only electron/main and electron/preload may import electron.' };
const CORE = { regex: '(^|/)electron/core(/|$)|^(\\.\\./)+core(/|$)', message: 'This folder reaches core only through the API client.' };
const MAIN = { regex: '(^|/)electron/(main|preload)(/|$)|^(\\.\\./)+(main|preload)(/|$)', message: 'This folder may not import the Electron shell.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  // Tests stand in for Electron and other hosts with loosely typed doubles.
  { files: ['tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // shared: pure TypeScript, no platform at all.
  { files: ['electron/shared/**'], rules: restrict([NODE_BUILTINS, ELECTRON, CORE, MAIN]) },
  // core: Node only, never Electron, never the shell.
  { files: ['electron/core/**'], rules: restrict([ELECTRON, MAIN]) },
  // renderer: DOM only.
  { files: ['renderer/**'], rules: restrict([NODE_BUILTINS, ELECTRON, CORE, MAIN]) },
);
