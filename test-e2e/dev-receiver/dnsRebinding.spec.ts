import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReceiver } from '@faultline/cli';
import { expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

// The attacker's name resolves to 127.0.0.1, as after a DNS rebinding: the page is then "same-origin" with
// whatever answers there, and only the Host header (rebind.example:<port>) tells the receiver.
test.use({
  launchOptions: {
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--host-resolver-rules=MAP rebind.example 127.0.0.1'],
  },
});

test('faultline dev refuses a name rebound to 127.0.0.1 with 421, page and API alike', async ({ page }) => {
  const receiver = await createReceiver({
    port: 0,
    dir: mkdtempSync(path.join(tmpdir(), 'faultline-e2e-rebind-')),
    print: false,
  });
  try {
    await fetch(`${receiver.url}/api/1/envelope/?sentry_key=k`, {
      method: 'POST',
      body: [
        '{}',
        '{"type":"event"}',
        JSON.stringify({
          event_id: 'c'.repeat(32),
          level: 'error',
          exception: { values: [{ type: 'Error', value: 'order 1234 for alice@example.com' }] },
        }),
      ].join('\n'),
    });
    expect(receiver.store.summary().events).toBe(1);
    const port = new URL(receiver.url).port;
    for (const path of ['/', '/api/issues', '/api/summary']) {
      const response = await page.goto(`http://rebind.example:${port}${path}`);
      expect(response!.status(), path).toBe(421);
      expect(await response!.text()).not.toContain('alice@example.com');
    }
    // The same browser reaches the receiver under its own name.
    expect((await page.goto(`${receiver.url}/api/summary`))!.status()).toBe(200);
  } finally {
    await receiver.close();
  }
});
