import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReceiver, type RunningReceiver } from '@faultline/cli';
import { expect, test } from '@playwright/test';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'faultline-e2e-dev-'));
const envelope = (value: string) => {
  const id = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return [
    JSON.stringify({ event_id: id, sent_at: new Date().toISOString() }),
    JSON.stringify({ type: 'event' }),
    JSON.stringify({
      event_id: id,
      timestamp: Date.now() / 1000,
      level: 'error',
      exception: { values: [{ type: 'Error', value }] },
    }),
  ].join('\n');
};

/** Another origin on this machine: same host (127.0.0.1), another port, one blank page. */
async function startOtherOrigin(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>another origin</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test.describe('faultline dev seen from another origin', () => {
  let receiver: RunningReceiver;
  let other: { origin: string; server: Server };
  test.beforeEach(async () => {
    receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
    other = await startOtherOrigin();
    await fetch(`${receiver.url}/api/1/envelope/?sentry_key=k`, {
      method: 'POST',
      body: envelope('a captured secret: order 1234 for alice@example.com'),
    });
  });
  test.afterEach(async () => {
    await receiver.close();
    other.server.close();
  });

  test('cannot read what was captured, but can still post an envelope', async ({ page }) => {
    await page.goto(other.origin);
    const issueId = receiver.store.issues()[0]!.id;
    const reads = await page.evaluate(
      async ({ base, paths }) =>
        Promise.all(
          paths.map(async (path) => {
            try {
              const response = await fetch(base + path);
              return `${path} READ ${response.status}: ${await response.text()}`;
            } catch (error) {
              return `${path} blocked (${(error as Error).name})`;
            }
          }),
        ),
      {
        base: receiver.url,
        paths: ['/api/issues', `/api/issues/${issueId}`, '/api/logs', '/api/summary', '/api/stream', '/'],
      },
    );
    expect(reads).toEqual([
      '/api/issues blocked (TypeError)',
      `/api/issues/${issueId} blocked (TypeError)`,
      '/api/logs blocked (TypeError)',
      '/api/summary blocked (TypeError)',
      '/api/stream blocked (TypeError)',
      '/ blocked (TypeError)',
    ]);

    const posted = await page.evaluate(
      async ({ url, bodies }) =>
        Promise.all([
          // What the browser SDK sends: a simple request, no preflight.
          fetch(url, { method: 'POST', body: bodies[0] }).then((r) => r.status),
          // A content type that needs a CORS preflight first.
          fetch(url, {
            method: 'POST',
            body: bodies[1],
            headers: { 'Content-Type': 'application/x-sentry-envelope' },
          }).then((r) => r.status),
        ]),
      {
        url: `${receiver.url}/api/1/envelope/?sentry_key=k`,
        bodies: [envelope('posted from another origin'), envelope('posted after a preflight')],
      },
    );
    expect(posted).toEqual([200, 200]);
    expect(receiver.store.issues().map((issue) => issue.title)).toEqual(
      expect.arrayContaining(['Error: posted from another origin', 'Error: posted after a preflight']),
    );
  });
});

test('another origin cannot follow the live feed nor use up its slots: the page itself still goes live', async ({
  page,
  context,
}) => {
  const receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
  const other = await startOtherOrigin();
  try {
    const attacker = await context.newPage();
    await attacker.goto(other.origin);
    // More requests than the feed has slots (16): EventSources, and no-cors fetches, script and image
    // loads, which a browser sends without asking and whose answers it would otherwise keep reading.
    const states = await attacker.evaluate(async (url) => {
      const sources = Array.from({ length: 20 }, () => new EventSource(url));
      const fetches = Array.from({ length: 20 }, () =>
        fetch(url, { mode: 'no-cors' }).then(
          () => 'answered',
          () => 'failed',
        ),
      );
      for (let i = 0; i < 20; i++) {
        document.body.append(Object.assign(document.createElement('img'), { src: `${url}?img=${i}` }));
        document.body.append(Object.assign(document.createElement('script'), { src: `${url}?script=${i}` }));
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { sources: sources.map((source) => source.readyState), fetches: await Promise.all(fetches) };
    }, `${receiver.url}/api/stream`);
    expect(states.sources.filter((state) => state === 1)).toEqual([]); // none OPEN
    await page.goto(receiver.url);
    await expect(page.locator('#live')).toHaveText('Live');
    await fetch(`${receiver.url}/api/1/envelope/?sentry_key=k`, { method: 'POST', body: envelope('arrives live') });
    await expect(page.locator('#issues tbody tr', { hasText: 'Error: arrives live' })).toBeVisible();
    await attacker.close();
  } finally {
    await receiver.close();
    other.server.close();
  }
});

test('after a restart, the page shows the issues stored before it', async ({ page }) => {
  const dir = tmp();
  const first = await createReceiver({ port: 0, dir, print: false });
  await fetch(`${first.url}/api/1/envelope/?sentry_key=k`, {
    method: 'POST',
    body: envelope('captured before the restart'),
  });
  await first.close();
  const second = await createReceiver({ port: 0, dir, print: false });
  try {
    await page.goto(second.url);
    await expect(page.locator('#issues tbody tr', { hasText: 'Error: captured before the restart' })).toBeVisible();
    await expect(page.locator('#summary')).toContainText('1 issue · 1 event');
  } finally {
    await second.close();
  }
});
