// Issue 23, privacy × Node: every signal (event fields, request data, breadcrumbs, logs from the logger and
// every bridge, Loki lines and metadata, client reports) carries the canaries; every egress (undici to the
// receiver, the journal's bytes on disk, what a later process replays) must be free of them. The app is
// `init({ dsn, loki })` of the build in its own process; the receiver runs in another one.
import { parseEnvelope, type Event } from '@faultline/core';
import { describeLeaks, findLeaks, startReceiverProcess, type ReceiverProcess } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { privateHome, removeHome } from '../reliability/startApp';
import { byDestination, diskText, runPrivacyApp } from './runPrivacyApp';

const EVENTS = [
  'privacy message',
  'privacy exception',
  'privacy hand-built',
  'privacy request',
  'privacy pino in-process error',
  'privacy winston error',
  'privacy pino worker error',
];
const LOGS = ['privacy logger', 'privacy pino in-process', 'privacy winston', 'privacy console', 'privacy pino worker'];

interface LokiLine {
  message: string;
  attributes: Record<string, unknown>;
}

function read(bodies: { sentry: string[]; loki: string[] }) {
  const items = bodies.sentry.flatMap((body) => parseEnvelope(body)[1]);
  const events = items.filter(([h]) => h.type === 'event').map(([, p]) => p as Event);
  const logs = items
    .filter(([h]) => h.type === 'log')
    .flatMap(([, p]) => (p as { items: { body: string; attributes: Record<string, { value: unknown }> }[] }).items);
  const streams = bodies.loki.flatMap(
    (body) => (JSON.parse(body) as { streams: { values: [string, string, Record<string, string>][] }[] }).streams,
  );
  const lines = streams.flatMap((s) =>
    s.values.map(([, line, metadata]) => ({ ...(JSON.parse(line) as LokiLine), metadata })),
  );
  const label = (event: Event) => event.exception?.values.at(-1)?.value ?? event.message ?? '';
  return { items, events, logs, lines, labels: events.map(label) };
}

/** Every signal arrived (so the absence of the canaries means something), with the secrets' places redacted. */
function expectEverySignal(received: ReturnType<typeof read>): void {
  for (const prefix of EVENTS)
    expect(
      received.labels.some((l) => l.startsWith(prefix)),
      prefix,
    ).toBe(true);
  for (const body of LOGS) {
    expect(
      received.logs.some((l) => l.body.startsWith(body)),
      `${body} (Sentry)`,
    ).toBe(true);
    expect(
      received.lines.some((l) => l.message.startsWith(body)),
      `${body} (Loki)`,
    ).toBe(true);
  }
  expect(received.items.some(([h]) => h.type === 'client_report')).toBe(true);
  const request = received.events.find((e) => e.exception?.values.at(-1)?.value?.startsWith('privacy request'));
  expect(request?.request?.headers).toMatchObject({ authorization: '[Filtered]', cookie: '[Filtered]' });
  expect(request?.breadcrumbs?.some((b) => b.category === 'http')).toBe(true);
  // The Loki line keeps a nested attribute nested, scrubbed.
  const line = received.lines.find((l) => l.message === 'privacy logger');
  expect(line?.attributes.db).toEqual({ host: 'db-1.internal', port: 5432, password: '[Filtered]' });
  expect(line?.attributes.sessions).toEqual([{ id: 's-1', token: '[Filtered]' }]);
  expect(line?.metadata.trace_id).toMatch(/^[0-9a-f]{32}$/);
}

function expectNoLeak(text: string): void {
  expect(findLeaks(text), describeLeaks(text)).toEqual([]);
}

describe('privacy on Node: every signal, every egress', () => {
  let receiver: ReceiverProcess | undefined;
  let home: string | undefined;
  afterEach(async () => {
    await receiver?.close();
    if (home) removeHome(home);
    receiver = home = undefined;
  });

  it('undici: nothing the receiver gets from Sentry envelopes or Loki pushes holds a canary', async () => {
    receiver = await startReceiverProcess();
    await receiver.set({ keepBodies: true });
    home = privateHome();
    const run = await runPrivacyApp({
      mode: 'attack',
      dsn: receiver.dsn,
      lokiUrl: `${receiver.url}/loki/api/v1/push`,
      home,
    });
    expect(run, run.stderr).toMatchObject({ code: 0, flushed: true });
    const bodies = byDestination(await receiver.bodies());
    expectEverySignal(read(bodies));
    expectNoLeak([...bodies.sentry, ...bodies.loki].join('\n'));
  }, 60_000);

  it('journal: the bytes on disk during an outage, and what the next process replays, hold no canary', async () => {
    receiver = await startReceiverProcess();
    await receiver.refuse();
    home = privateHome();
    const lokiUrl = `${receiver.url}/loki/api/v1/push`;
    const first = await runPrivacyApp({ mode: 'attack', dsn: receiver.dsn, lokiUrl, home, flushMs: 2000 });
    expect(first, first.stderr).toMatchObject({ code: 0, flushed: false });
    const disk = diskText(home);
    // The journal is readable here (the check below finds what is there): both destinations' records are.
    expect(disk).toContain('privacy request');
    expect(disk).toContain('privacy pino in-process');
    expect(disk).toContain('\\"message\\":\\"privacy logger\\"');
    expectNoLeak(disk);

    await receiver.set({ keepBodies: true });
    await receiver.reopen();
    const second = await runPrivacyApp({ mode: 'replay', dsn: receiver.dsn, lokiUrl, home });
    expect(second, second.stderr).toMatchObject({ code: 0, flushed: true });
    const bodies = byDestination(await receiver.bodies());
    expectEverySignal(read(bodies));
    expectNoLeak([...bodies.sentry, ...bodies.loki].join('\n'));
  }, 90_000);
});
