import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../../../scripts/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('npm run demo', () => {
  it('delivers the service’s and the browser’s errors and logs to faultline dev, scrubbed, on one trace', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['examples/demo.mjs'], {
      cwd: ROOT,
      env: { ...process.env, DEMO_EXIT: '1', DEMO_PORT: '0' },
      timeout: 60_000,
    });
    const summary = JSON.parse(/^SUMMARY (.*)$/m.exec(stdout)![1]!) as {
      issues: number;
      events: number;
      logs: number;
      browserRan: boolean;
      leakedSecrets: string[];
      sharedTraceId: string | null;
      issueTitles: string[];
    };
    expect(summary.leakedSecrets).toEqual([]);
    expect(summary.issueTitles).toContain('Error: Payment failed for card [Filtered] (cart c-77)');
    expect(summary.logs).toBeGreaterThanOrEqual(5);
    expect(stdout).toContain('✔ the password, the card number and the email were scrubbed everywhere');
    if (existsSync(chromiumPath)) {
      expect(summary.browserRan).toBe(true);
      expect(summary.issueTitles).toContain('Error: Checkout failed with HTTP 500');
      expect(summary.sharedTraceId).toMatch(/^[0-9a-f]{32}$/);
      expect(summary.events).toBe(3);
    }
  }, 90_000);
});
