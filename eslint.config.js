// ESLint flat config: typescript-eslint's type-aware recommended rules, Prettier owns formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'coverage/**', 'out/**', '**/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.check.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'googleapis',
              message:
                'Import the per-API package (@googleapis/sheets, @googleapis/drive): the monolithic index costs over a second of cold start.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read the environment only in functions/src/config.ts (or pass env in).',
        },
      ],
    },
  },
  {
    files: ['functions/src/config.ts', 'scripts/**', 'test/**', 'bench/**', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['functions/src/domain/**', 'sheets-schema/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@googleapis/*',
                'googleapis',
                'firebase-admin',
                'firebase-admin/*',
                'node:fs',
                'node:http',
                'node:net',
              ],
              message: 'The domain stays free of I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // Layouts build requests and nothing else: the calls are sheets/api's, Firestore is store/'s.
    files: ['functions/src/sheets/layout/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../api/*',
                '../../store/*',
                'firebase-admin',
                'firebase-admin/*',
                'node:fs',
                'node:http',
                'node:net',
              ],
              message: 'sheets/layout builds requests only; calls live in sheets/api.',
            },
            {
              group: ['@googleapis/*'],
              allowTypeImports: true,
              message: 'sheets/layout uses the API types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/sheets-emulator/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@theodoi/functions/*', '@theodoi/cli/*', '@theodoi/test-kit/*', '**/functions/src/**'],
              message:
                'The emulator stands for Google: it knows only Google, Apps Script and the trigger contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['functions/src/**'],
    ignores: ['functions/src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'googleapis',
              message:
                'Import the per-API package (@googleapis/sheets, @googleapis/drive): the monolithic index costs over a second of cold start.',
            },
          ],
          patterns: [
            {
              group: ['@theodoi/cli/*', '@theodoi/test-kit/*', '@theodoi/sheets-emulator/*', '**/scripts/**'],
              message:
                'The deployed functions import only their own code, the templates and the trigger contract.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['scripts/build/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  prettier,
);
