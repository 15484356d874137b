import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../playwright-report/results.json' }]],
  outputDir: '../playwright-report/artifacts',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
});
