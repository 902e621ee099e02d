import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.cache/**', '**/node_modules/**', '**/dist/**', 'data/**', '**/*.d.ts', 'apps/web/.next/**', 'apps/web/.next-dev/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', AbortSignal: 'readonly', fetch: 'readonly', Buffer: 'readonly' } },
  },
  {
    files: ['bench/**', 'scripts/**', 'apps/platform/src/cli.ts', 'apps/platform/src/main.ts', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // The HTTP layer is an adapter: it calls use cases, never the other way round. Only a
    // service's composition (service.ts) and its http/ folder import http/.
    files: ['services/*/src/**/*.ts'],
    ignores: ['services/*/src/http/**', 'services/*/src/service.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)http/', message: 'Use cases, stores, consumers and jobs do not import the HTTP layer: move the type or schema beside the use case (http/ may re-export it).' }] },
      ],
    },
  },
  {
    // A page's notFound() and forbidden() go through pageNotFound() and pageForbidden(), which
    // tell the web server to send the page whole (Next answers a page's own notFound() and
    // forbidden() with an empty error document).
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    ignores: ['apps/web/src/lib/runtime.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'next/navigation', importNames: ['notFound'], message: 'Call pageNotFound() from @/lib/runtime.' },
            { name: 'next/navigation', importNames: ['forbidden'], message: 'Call pageForbidden() from @/lib/runtime.' },
          ],
        },
      ],
    },
  },
  {
    // node:test's describe/it return promises that the runner itself awaits.
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
);
