// Flat config: typescript-eslint's recommended rules with type information, Prettier owns formatting.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'test-output/**'] },
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
    // Plugins may import only sdk/* and their own files (ARCHITECTURE §2).
    files: ['plugins/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/host/**'], message: 'Plugins import only sdk/* and their own files.' }] },
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
