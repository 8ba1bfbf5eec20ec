// Flat config: typescript-eslint's recommended rules with type information, Prettier owns formatting.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaries from './scripts/eslint-import-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'test-output/**', '.angular/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    // The Angular side runs in the browser.
    files: ['host/ui/**/*.ts', 'sdk/ui/**/*.ts', 'plugins/*/ui/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Resolved import paths: no plugin → other plugin, plugin → host, sdk → host, host → plugin.
    // Specs may use the test support (tests/) like any other file.
    files: ['plugins/**/*.ts', 'sdk/**/*.ts', 'host/**/*.ts'],
    plugins: { boundaries },
    rules: { 'boundaries/imports': 'error' },
  },
  {
    // Plugins may import only sdk/* and their own files (docs/plugin-development.md).
    files: ['plugins/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/host/**'], message: 'Plugins import only sdk/* and their own files.' }] },
      ],
    },
  },
  {
    // sdk/ is what plugins build on: it must not depend on the host.
    files: ['sdk/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/host/**'], message: 'sdk/ must not import host code.' }] },
      ],
    },
  },
  {
    // The host never reaches into a plugin's internals: it reads plugin.json and imports the entry dynamically.
    files: ['host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/plugins/**'], message: 'The host loads plugins through their manifest only.' },
          ],
        },
      ],
    },
  },
  prettier,
);
