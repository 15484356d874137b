import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const coreVersion = (JSON.parse(readFileSync(`${root}packages/core/package.json`, 'utf8')) as { version: string })
  .version;

// Unit tests run against the TypeScript sources: each `@faultline/<name>` import resolves to its src/index.ts.
export default defineConfig({
  define: { __FAULTLINE_VERSION__: JSON.stringify(coreVersion) },
  resolve: {
    alias: [{ find: /^@faultline\/([a-z-]+)$/, replacement: `${root}packages/$1/src/index.ts` }],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'packages/*/test/**/*.test.tsx'],
    testTimeout: 20_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    pool: 'forks',
  },
});
