import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Globals core must never touch: it runs in browsers, Node, workers and edge runtimes alike.
const PLATFORM_GLOBALS = ['window', 'document', 'navigator', 'process', 'Buffer', 'require', 'module', '__dirname'].map(
  (name) => ({ name, message: `@faultline/core is platform-neutral: ${name} belongs in browser or node.` }),
);

export default tseslint.config(
  {
    ignores: [
      '**/build/**',
      '**/node_modules/**',
      'docs/**',
      '**/.faultline/**',
      'test-results/**',
      'bench/tmp/**',
      'playwright-report/**',
      // Apps written against Sentry's types; sentryTypes.test.ts compiles them.
      'packages/*/test/sentryTypes/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['packages/*/src/**/*.ts', 'packages/*/src/**/*.tsx'], rules: { 'no-console': 'error' } },
  {
    // Specs assert on received JSON of any shape; Playwright fixtures must destructure `{}`.
    files: ['test-e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' },
  },
  { files: ['packages/core/src/**/*.ts'], rules: { 'no-restricted-globals': ['error', ...PLATFORM_GLOBALS] } },
  {
    // Fixture pages: plain browser scripts using the CDN bundle's global.
    files: ['test-e2e/**/*.js', 'test-e2e/**/*.mjs', 'examples/browser-app/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'location',
          'history',
          'console',
          'fetch',
          'performance',
          'URLSearchParams',
          'setTimeout',
          'Faultline',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['console', 'process', 'URL', 'setTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'fetch'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
  },
);
