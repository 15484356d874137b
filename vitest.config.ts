import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const coreVersion = (JSON.parse(readFileSync(`${root}packages/core/package.json`, 'utf8')) as { version: string })
  .version;

// Unit tests run against the TypeScript sources: each `@faultline/<name>` import resolves to its src/index.ts.
const faultlineSources = { find: /^@faultline\/([a-z-]+)$/, replacement: `${root}packages/$1/src/index.ts` };
const REACT_TESTS = 'packages/react/test/**/*.test.ts';
// Tests that need a real browser's APIs (IndexedDB, Web Locks) run in Debian's Chromium.
const BROWSER_TESTS = 'packages/*/test/**/*.browser.test.ts';

export default defineConfig({
  define: { __FAULTLINE_VERSION__: JSON.stringify(coreVersion) },
  resolve: { alias: [faultlineSources] },
  test: {
    testTimeout: 20_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['packages/*/test/**/*.test.ts'], exclude: [REACT_TESTS, BROWSER_TESTS] },
      },
      {
        extends: true,
        test: {
          name: 'chromium',
          include: [BROWSER_TESTS],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      { extends: true, test: { name: 'react19', include: [REACT_TESTS], environment: 'jsdom' } },
      {
        // The same React tests against React 18, which the test-react18 workspace holds.
        extends: true,
        resolve: {
          alias: [
            faultlineSources,
            { find: /^react$/, replacement: `${root}test-react18/node_modules/react/index.js` },
            { find: /^react\/(.*)$/, replacement: `${root}test-react18/node_modules/react/$1` },
            { find: /^react-dom$/, replacement: `${root}test-react18/node_modules/react-dom/index.js` },
            { find: /^react-dom\/(.*)$/, replacement: `${root}test-react18/node_modules/react-dom/$1` },
            // Its ESM build, so that its own react imports go through the aliases above.
            {
              find: /^@testing-library\/react$/,
              replacement: `${root}node_modules/@testing-library/react/dist/@testing-library/react.esm.js`,
            },
          ],
        },
        test: {
          name: 'react18',
          include: [REACT_TESTS],
          environment: 'jsdom',
          // Testing Library must resolve react through the aliases above, not from node_modules.
          server: { deps: { inline: [/@testing-library\/react/] } },
        },
      },
    ],
  },
});
