// Issue 23, privacy × browser: every browser signal (scope data, breadcrumbs, console, fetch, the page URL
// and referrer, logs, captured and uncaught errors) carries the canaries; every egress must be free of
// them: fetch (the CDN bundle and the ESM build), the beacon at page hide, the IndexedDB journal and what
// the next page load replays from it, and the tunnel (which scrubs again what a page with scrubbing off
// sends). Real Chromium; the receiver runs in another process (packages/test-utils receiverProcess.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import {
  CANARY,
  CANARY_QUERY,
  CANARY_TEXT,
  canaryData,
  describeLeaks,
  findLeaks,
} from '../../packages/test-utils/src/privacyCanaries';
import {
  startReceiverProcess,
  type ReceivedBody,
  type ReceiverProcess,
} from '../../packages/test-utils/src/startReceiverProcess';
import { startPrivacySite, type PrivacySite } from './startPrivacySite';

/** What the privacy page puts on window (app.js); a local type, other scenarios declare their own. */
interface PrivacyWindow {
  __privacy: { dsn: string; options: Record<string, unknown> };
  attack(canaries: unknown): Promise<void>;
  storedText(): Promise<string>;
  Faultline: {
    flush(timeout?: number): Promise<boolean>;
    captureMessage(message: string): string;
    captureException(error: unknown): string;
    logger: { info(message: string, attributes?: Record<string, unknown>): void };
  };
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CANARIES = { canary: CANARY, text: CANARY_TEXT, query: CANARY_QUERY, data: canaryData() };

test.beforeAll(async () => {
  // What an app's bundler makes of the ESM build (esbuild, code splitting on, as apps build).
  await build({
    entryPoints: [path.join(HERE, 'esmEntry.mjs')],
    bundle: true,
    format: 'esm',
    splitting: true,
    outdir: path.join(HERE, 'build'),
    define: { 'process.env.NODE_ENV': '"production"' },
    // The packages as published (their build), not the repo's tsconfig paths to their sources.
    tsconfigRaw: '{}',
    logLevel: 'error',
  });
});

let receiver: ReceiverProcess;
let site: PrivacySite;
test.beforeEach(async () => {
  receiver = await startReceiverProcess();
  await receiver.set({ keepBodies: true });
  site = await startPrivacySite({ dsn: receiver.dsn, lokiUrl: `${receiver.url}/loki/api/v1/push` });
});
test.afterEach(async () => {
  await site.close();
  await receiver.close();
});

/** Opens a privacy page at a URL (and from a referrer) whose query and fragment hold secrets. */
async function open(page: Page, file: string, options: Record<string, unknown> = {}): Promise<void> {
  await page.addInitScript((config) => ((window as unknown as PrivacyWindow).__privacy = config), {
    dsn: receiver.dsn,
    options,
  });
  await page.goto(`${site.origin}/privacy/${file}?${CANARY_QUERY}#access_token=${CANARY.token}`, {
    referer: `${site.origin}/cart?${CANARY_QUERY}`,
  });
}

/** Plants the canaries in every browser signal (app.js `attack`). */
const attack = (page: Page) => page.evaluate((c) => (window as unknown as PrivacyWindow).attack(c), CANARIES);
const flush = (page: Page, ms: number) =>
  page.evaluate((timeout) => (window as unknown as PrivacyWindow).Faultline.flush(timeout), ms);

const text = (bodies: ReceivedBody[]) => bodies.map((b) => b.body).join('\n');
const sentryBodies = async () => (await receiver.bodies()).filter((b) => b.path.startsWith('/api/'));

function expectNoLeak(bytes: string): void {
  expect(findLeaks(bytes), describeLeaks(bytes)).toEqual([]);
}

interface SentItem {
  type: string;
  payload: any;
}
function itemsOf(bodies: ReceivedBody[]): SentItem[] {
  return bodies.flatMap(({ body }) => {
    const lines = body.split('\n');
    const items: SentItem[] = [];
    for (let i = 1; i + 1 < lines.length; i += 2) {
      items.push({ type: JSON.parse(lines[i]!).type, payload: JSON.parse(lines[i + 1]!) });
    }
    return items;
  });
}

/** Waits until the Sentry bodies hold every browser signal, then checks where the secrets were. */
async function expectEveryBrowserSignal(): Promise<ReceivedBody[]> {
  await expect
    .poll(async () => {
      const bodies = await sentryBodies();
      const all = text(bodies);
      // 'privacy logger' is in breadcrumbs of the events too: wait for the log item itself.
      const hasLogItem = itemsOf(bodies).some((i) => i.type === 'log');
      return ['privacy message', 'privacy exception', 'privacy inline', 'privacy logger']
        .filter((s) => !all.includes(s))
        .concat(hasLogItem ? [] : ['a log item']);
    })
    .toEqual([]);
  const bodies = await sentryBodies();
  const items = itemsOf(bodies);
  const events = items.filter((i) => i.type === 'event').map((i) => i.payload);
  const inline = events.find((e) => e.exception?.values.at(-1)?.value.startsWith('privacy inline'));
  expect(inline.request.url).toContain('/privacy/');
  expect(inline.request.url).toContain('token=[Filtered]');
  expect(inline.request.headers.Referer).toContain('/cart?token=[Filtered]');
  expect(inline.user).toEqual({ id: 'u-privacy' });
  expect(inline.extra.form.db).toEqual({ host: 'db-1.internal', port: 5432, password: '[Filtered]' });
  const frames = inline.exception.values.at(-1).stacktrace.frames as { filename: string }[];
  expect(frames.some((f) => f.filename.includes('/privacy/') && f.filename.includes('token=[Filtered]'))).toBe(true);
  const categories = inline.breadcrumbs.map((b: { category: string }) => b.category);
  expect(categories).toEqual(expect.arrayContaining(['auth', 'console', 'fetch']));
  const log = items.filter((i) => i.type === 'log').flatMap((i) => i.payload.items)[0];
  expect(log.attributes.db).toEqual({
    value: '{"host":"db-1.internal","port":5432,"password":"[Filtered]"}',
    type: 'string',
  });
  return bodies;
}

test('fetch, the CDN bundle: every browser signal arrives, with no canary in any byte', async ({ page }) => {
  await open(page, 'index.html');
  await attack(page);
  await flush(page, 5000);
  await expectEveryBrowserSignal();
  expectNoLeak(text(await receiver.bodies()));
});

test('fetch, the ESM build bundled by an app: every browser signal arrives, with no canary', async ({ page }) => {
  await open(page, 'esm.html');
  await page.waitForFunction(() => typeof (window as unknown as PrivacyWindow).attack === 'function');
  await attack(page);
  await flush(page, 5000);
  await expectEveryBrowserSignal();
  expectNoLeak(text(await receiver.bodies()));
});

test('the beacon at page hide carries no canary', async ({ page }) => {
  await open(page, 'index.html');
  // A healthy destination (its last attempt succeeded) whose answers take a while: at page hide, 32
  // requests are on the wire and the rest of a burst is handed to sendBeacon.
  await page.evaluate(() => (window as unknown as PrivacyWindow).Faultline.captureMessage('privacy warm-up'));
  await flush(page, 5000);
  await receiver.set({ latencyMs: 1500 });
  await page.evaluate((c) => {
    const sdk = (window as unknown as PrivacyWindow).Faultline;
    sdk.logger.info('privacy beacon log', c.data);
    for (let i = 0; i < 45; i++) sdk.captureException(new Error(`privacy beacon ${i} ${c.text}`));
    setTimeout(() => (location.href = '/api/left'), 50); // any other page: this one is hidden
  }, CANARIES);
  await page.waitForURL('**/api/left');
  await expect
    .poll(
      async () =>
        (await receiver.bodies()).filter((b) => b.mode === 'no-cors' && b.body.includes('privacy beacon')).length,
      {
        timeout: 15_000,
      },
    )
    .toBeGreaterThan(0);
  await receiver.set({ latencyMs: 0 });
  expectNoLeak(text(await receiver.bodies()));
});

test('the IndexedDB journal during an outage, and what the next page load replays, hold no canary', async ({
  page,
}) => {
  await receiver.set({ script: [{ status: 503 }] });
  await open(page, 'index.html');
  await attack(page);
  await flush(page, 500); // the logs go to the queue (and the journal) now
  // The journal is readable here (the check below finds what is there): records of events and logs are.
  let stored = '';
  await expect
    .poll(async () => {
      stored = await page.evaluate(() => (window as unknown as PrivacyWindow).storedText());
      return ['privacy exception', 'privacy inline', 'privacy logger'].filter((s) => !stored.includes(s));
    })
    .toEqual([]);
  expectNoLeak(stored);

  await receiver.set({ script: [] }); // healthy again
  await page.reload();
  await expectEveryBrowserSignal();
  expectNoLeak(text(await receiver.bodies()));
});

test('the tunnel scrubs again what a page with scrubbing off sends: Sentry and Loki get no canary', async ({
  page,
}) => {
  const posted: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/tunnel')) posted.push(request.postData() ?? '');
  });
  await open(page, 'index.html', { tunnel: '/tunnel', scrub: false });
  await attack(page);
  await flush(page, 5000);
  await expectEveryBrowserSignal();
  const all = await receiver.bodies();
  const loki = all.filter((b) => b.path.startsWith('/loki/'));
  expect(text(loki)).toContain('privacy logger');
  const lines = loki
    .flatMap((b) => JSON.parse(b.body).streams)
    .flatMap((s: { values: [string, string][] }) => s.values.map(([, line]) => JSON.parse(line)));
  // The browser sent the nested attribute as JSON text; Loki gets it nested again, scrubbed.
  expect(lines.find((l: { message: string }) => l.message === 'privacy logger').attributes.sessions).toEqual([
    { id: 's-1', token: '[Filtered]' },
  ]);
  expect(findLeaks(posted.join('\n')).length).toBeGreaterThan(5); // the page did send its secrets
  expectNoLeak(text(all));
});
