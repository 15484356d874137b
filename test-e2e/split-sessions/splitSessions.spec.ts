// Release health on the split ESM build (issue 27 after issue 26): the entry only records when the page
// loaded and when it navigated; the pipeline chunk, when it arrives, starts those sessions with their own
// times and counts each capture to the session that was current when it was made. esbuild with code
// splitting, real Chromium, the fixture server's receiver; session items read with @sentry/core's parser.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { buildSplitApp, hideThenShow, missingPipeline } from '../support/splitBuild';
import { bySession, sessionsOf, states, type SessionItem } from '../support/sessionItems';
import type { FixtureServer } from '../support/startFixtureServer';
import { expect, test } from '../support/test';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PIPELINE = /\/split-sessions\/build\/faultline-pipeline-[\w-]+\.js$/;

test.beforeAll(() => buildSplitApp(HERE, ['app.mjs']));

declare global {
  interface Window {
    marks: number[];
    navigate(step: string): void;
  }
}

/** The pipeline chunk held back until `release()` is called (each request answered then). */
async function holdPipeline(context: BrowserContext) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const requested: string[] = [];
  await context.route(PIPELINE, async (route) => {
    requested.push(route.request().url());
    await released;
    await route.continue();
  });
  return { requested, release };
}

const startedAt = (item: SessionItem): number => Date.parse(item.payload.started);
const at = (item: SessionItem): number => Date.parse(item.payload.timestamp);
/** Time for anything that should not come (a duplicate, an update per error) to show up. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 700)));
const waitForSessions = (server: FixtureServer, count: number) =>
  server.waitFor(() => sessionsOf(server).length >= count, 15_000);

test('two pushStates in the first line, then an error, all before the pipeline chunk arrives: three sessions, the error counted to the third, each once', async ({
  page,
  context,
  server,
}) => {
  const chunk = await holdPipeline(context);
  await page.goto(`${server.origin}/split-sessions/?navigations=2&throw=thrown+after+two+navigations`);
  // The error asked for the chunk, which is held: nothing can have been sent yet.
  await expect.poll(() => chunk.requested.length).toBe(1);
  await settle(page);
  expect(server.envelopes).toHaveLength(0);
  const [loaded, , push1, , push2] = await page.evaluate(() => window.marks);
  const releasedAt = Date.now();
  chunk.release();

  await waitForSessions(server, 5);
  await server.waitFor(() => server.events().length >= 1);
  await settle(page);
  const items = sessionsOf(server);
  expect(states(items)).toEqual(['init exited/0', 'init ok/0', 'exited/0', 'init ok/0', 'crashed/1']);
  const lives = bySession(items);
  expect(lives.map((life) => states(life).join(' '))).toEqual([
    'init exited/0', // the page load's, ended by the first pushState
    'init ok/0 exited/0', // the first navigation's, ended by the second
    'init ok/0 crashed/1', // the second navigation's: the error is its
  ]);
  const [first, second, third] = lives as [SessionItem[], SessionItem[], SessionItem[]];
  // Each started at its own moment (recorded by the entry), not when the chunk arrived.
  expect(startedAt(first[0]!)).toBeGreaterThanOrEqual(loaded! - 1);
  expect(startedAt(first[0]!)).toBeLessThanOrEqual(push1!);
  expect(startedAt(second[0]!)).toBeGreaterThanOrEqual(push1!);
  expect(startedAt(third[0]!)).toBeGreaterThanOrEqual(push2!);
  expect(startedAt(third[0]!)).toBeLessThan(releasedAt);
  // A navigation ends the session before it at the navigation's time.
  expect(at(first[0]!)).toBe(startedAt(second[0]!));
  expect(at(second[1]!)).toBe(startedAt(third[0]!));
  // The crash's update rides in the crash event's envelope; the event is delivered once.
  const crashed = third[1]!;
  expect(crashed.types).toEqual(['event', 'session']);
  expect(server.events()).toHaveLength(1);
  expect(server.events()[0].exception.values.at(-1)).toMatchObject({
    value: 'thrown after two navigations',
    mechanism: { handled: false },
  });
  expect(first[0]!.payload).toMatchObject({ attrs: { release: 'e2e@1.0.0', environment: 'e2e' } });
  expect(crashed.payload.did).toBe('shopper-7');
});

test('after the pipeline arrived, a navigation starts its session at once: one update per state change', async ({
  page,
  server,
}) => {
  await page.goto(`${server.origin}/split-sessions/`);
  await waitForSessions(server, 1); // the page load's, sent once the page is idle
  await page.evaluate(() => window.navigate('later'));
  await waitForSessions(server, 3);
  await page.evaluate(() => setTimeout(() => Promise.reject(new Error('rejected later'))));
  await waitForSessions(server, 4);
  await settle(page);
  expect(states(sessionsOf(server))).toEqual(['init ok/0', 'exited/0', 'init ok/0', 'crashed/1']);
  expect(bySession(sessionsOf(server))).toHaveLength(2);
});

test('the page left before the pipeline chunk arrives: its error goes by beacon as it leaves; the next page load sends its sessions with their own times, the error counted to the session it was thrown in, each once', async ({
  page,
  context,
  server,
}) => {
  let hang = true;
  await context.route(PIPELINE, async (route) => {
    if (!hang) await route.continue(); // else never answered: the chunk cannot arrive on this page
  });
  const requested: string[] = [];
  page.on('request', (request) => PIPELINE.test(request.url()) && requested.push(request.url()));
  await page.goto(`${server.origin}/split-sessions/?navigations=1&throw=thrown+on+the+page+left`);
  await expect.poll(() => requested.length).toBe(1);
  const [loaded, , push1] = await page.evaluate(() => window.marks);
  const leftAt = Date.now();
  hang = false;
  await page.goto(`${server.origin}/split-sessions/?page=next`);
  await waitForSessions(server, 3); // the load's (ended), the navigation's (crashed at its start), the next page's
  await server.waitFor(() => server.events().length >= 1);
  await settle(page);

  const lives = bySession(sessionsOf(server));
  expect(lives).toHaveLength(3);
  const left = lives.filter((life) => startedAt(life[0]!) < leftAt);
  const next = lives.filter((life) => startedAt(life[0]!) >= leftAt);
  expect(left.map((life) => states(life).join(' '))).toEqual(['init exited/0', 'init crashed/1']);
  expect(next.map((life) => states(life).join(' '))).toEqual(['init ok/0']);
  const [loadSession, navigationSession] = left as [SessionItem[], SessionItem[]];
  expect(startedAt(loadSession[0]!)).toBeGreaterThanOrEqual(loaded! - 1);
  expect(startedAt(loadSession[0]!)).toBeLessThanOrEqual(push1!);
  expect(startedAt(navigationSession[0]!)).toBeGreaterThanOrEqual(push1!);
  expect(at(loadSession[0]!)).toBe(startedAt(navigationSession[0]!));
  // The error went once, by beacon as the page left (the destination never seen failing); its session,
  // kept, counts the crash when the next page sends it.
  expect(server.events()).toHaveLength(1);
  expect(server.events()[0].exception.values.at(-1).value).toBe('thrown on the page left');
  const eventEnvelope = server.envelopes.findIndex((envelope) => envelope.items.some(([h]) => h.type === 'event'));
  expect(eventEnvelope).toBeLessThan(Math.min(...navigationSession.map((item) => item.envelope)));
  expect(navigationSession[0]!.types).toEqual(['session', 'session']); // with the load session's end

  // Delivered, so deleted: a third load sends only its own session.
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  const before = sessionsOf(server).length;
  await page.goto(`${server.origin}/split-sessions/?page=third`);
  await waitForSessions(server, before + 1);
  await settle(page);
  expect(states(sessionsOf(server).slice(before))).toEqual(['init ok/0']);
  expect(server.events()).toHaveLength(1);
});

test('hidden and shown again before the pipeline arrives: the page keeps its own session, which counts later errors and is ended by a navigation', async ({
  page,
  server,
}) => {
  const chunk = await missingPipeline(page, PIPELINE);
  await page.goto(`${server.origin}/split-sessions/`);
  // The first idle moment asked for the chunk, which is missing.
  await expect
    .poll(() => chunk.warnings.join('\n'), { timeout: 10_000 })
    .toContain('Could not load the rest of the SDK');
  chunk.deploy();
  // The tab switch keeps what waits — the page's session start — in localStorage; showing the tab again
  // loads the chunk, whose pipeline takes it back: it is this page's live session, not a past page's.
  await hideThenShow(page);
  await waitForSessions(server, 1);
  await page.evaluate(() => window.handle('handled after the tab came back'));
  await waitForSessions(server, 2);
  await page.evaluate(() => window.navigate('after'));
  await waitForSessions(server, 4);
  await settle(page);
  expect(states(sessionsOf(server))).toEqual(['init ok/0', 'ok/1', 'exited/1', 'init ok/0']);
  expect(bySession(sessionsOf(server)).map((life) => life.length)).toEqual([3, 1]);
  expect(server.events()).toHaveLength(1);
});

for (const [sessions, what] of [
  ['off', 'autoSessionTracking: false'],
  ['removed', 'the session integration removed'],
] as const) {
  test(`${what}: no session at all, before or after the pipeline arrives; the error is delivered`, async ({
    page,
    server,
  }) => {
    await page.goto(`${server.origin}/split-sessions/?sessions=${sessions}&navigations=2&throw=no+sessions`);
    await server.waitFor(() => server.events().length >= 1);
    await page.evaluate(() => window.navigate('later'));
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2500))); // past the idle send
    expect(sessionsOf(server)).toEqual([]);
    expect(server.events()).toHaveLength(1);
  });
}

test("lifecycle: 'page': one session for the page load, whatever it navigates", async ({ page, server }) => {
  await page.goto(`${server.origin}/split-sessions/?sessions=page&navigations=2&throw=one+page+session`);
  await waitForSessions(server, 1);
  await page.evaluate(() => window.navigate('later'));
  await settle(page);
  expect(states(sessionsOf(server))).toEqual(['init crashed/1']);
});
