import { defineConfig } from '@playwright/test';

// Playwright cannot download its own browser here: it drives Debian's Chromium.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
        '--disable-quic',
      ],
    },
  },
});
