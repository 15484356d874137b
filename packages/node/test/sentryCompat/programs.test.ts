/* eslint-disable @typescript-eslint/no-explicit-any -- received payloads of any shape */
// Sentry-documented programs (Express, Fastify, Koa, a cron job), each with only the import changed and
// run as its own process in the default set-up (file journal, undici), delivering over loopback to a
// receiver in this process. `npm run build` first: the programs import the built @faultline/node.
import { parseEnvelope } from '@faultline/core';
import { startReceiver, type Receiver } from '@faultline/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runProgram, type Program } from './runProgram';

let receiver: Receiver;
let dsn: string;
const running: Program[] = [];

/** Every item of `type` the receiver accepted, oldest first. */
function items(type: string): Record<string, any>[] {
  return receiver
    .accepted()
    .flatMap((request) => parseEnvelope(request.body)[1])
    .filter(([header]) => header.type === type)
    .map(([, payload]) => payload as Record<string, any>);
}

async function until<T>(read: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not received in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function start(name: string): Promise<Program> {
  const program = await runProgram(name, dsn);
  running.push(program);
  expect(program.port, `${name} did not start:\n${program.stderr()}`).toBeDefined();
  return program;
}

beforeAll(async () => {
  receiver = await startReceiver();
  dsn = `http://public@127.0.0.1:${receiver.port}/1`;
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((program) => program.stop()));
  receiver.requests.splice(0); // each program is judged by what it sent
});
afterAll(() => receiver.close());

describe('the Express guide', () => {
  it('answers the fallback handler with the event id in res.sentry, and that event arrives', async () => {
    const app = await start('express-app.mjs');
    const response = await fetch(`http://127.0.0.1:${app.port}/debug-sentry`);
    expect(response.status).toBe(500);
    const eventId = (await response.text()).trim();
    expect(eventId).toMatch(/^[0-9a-f]{32}$/);
    const event = await until(() => items('event').find((e) => e.event_id === eventId), 'the route error');
    expect(event.exception.values.at(-1)).toMatchObject({
      type: 'Error',
      value: 'My first Sentry error!',
      mechanism: { type: 'express', handled: false },
    });
    expect(event.request).toMatchObject({ method: 'GET', url: `http://127.0.0.1:${app.port}/debug-sentry` });
  });

  it('sends to SENTRY_DSN and says once that it read it', async () => {
    const app = await start('express-app.mjs');
    await fetch(`http://127.0.0.1:${app.port}/debug-sentry`);
    await until(
      () => items('event').find((e) => e.exception?.values.at(-1).value === 'My first Sentry error!'),
      'an event',
    );
    expect(app.stdout().match(/\[faultline\] Using SENTRY_DSN/g)).toHaveLength(1);
  });

  it('runs a startSpan callback and puts its trace and span id on the event captured inside', async () => {
    const app = await start('express-app.mjs');
    const response = await fetch(`http://127.0.0.1:${app.port}/span`, {
      headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    });
    const span = (await response.json()) as {
      traceId: string;
      spanId: string;
      active: boolean;
      traceData: Record<string, string>;
    };
    expect(span.traceId).toBe('0af7651916cd43dd8448eb211c80319c'); // the incoming request's trace
    expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(span.active).toBe(true);
    expect(span.traceData['sentry-trace']).toMatch(/^0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-1$/);
    const event = await until(() => items('event').find((e) => e.message === 'inside a span'), 'the message');
    expect(event.contexts.trace).toMatchObject({ trace_id: span.traceId, span_id: span.spanId });
  });
});

describe('the Fastify guide', () => {
  it('captures a route error once through setupFastifyErrorHandler', async () => {
    const app = await start('fastify-app.mjs');
    const response = await fetch(`http://127.0.0.1:${app.port}/debug-sentry`);
    expect(response.status).toBe(500);
    const event = await until(
      () => items('event').find((e) => e.exception?.values.at(-1).value === 'My first Sentry error!'),
      'the route error',
    );
    expect(event.exception.values.at(-1).mechanism).toMatchObject({ type: 'fastify', handled: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(items('event').filter((e) => e.event_id === event.event_id)).toHaveLength(1);
  });

  it('renders the trace meta tags of the request, and sends a parameterized message as logentry', async () => {
    const app = await start('fastify-app.mjs');
    const html = await (await fetch(`http://127.0.0.1:${app.port}/page`)).text();
    const eventId = /data-event="([0-9a-f]{32})"/.exec(html)?.[1];
    const sentryTrace = /<meta name="sentry-trace" content="([0-9a-f]{32})-([0-9a-f]{16})"\/>/.exec(html);
    expect(sentryTrace).not.toBeNull();
    expect(html).toMatch(/<meta name="baggage" content="[^"]*sentry-trace_id=[0-9a-f]{32}[^"]*"\/>/);
    const event = await until(() => items('event').find((e) => e.event_id === eventId), 'the message');
    expect(event.logentry).toEqual({ message: 'Rendered page %s for %s', params: ['checkout', 'u-42'] });
    expect(event.message).toBe('Rendered page checkout for u-42');
    expect(event.contexts.trace).toMatchObject({ trace_id: sentryTrace![1], span_id: sentryTrace![2] });
  });
});

describe('the Koa guide', () => {
  it('captures a downstream error through setupKoaErrorHandler', async () => {
    const app = await start('koa-app.mjs');
    const response = await fetch(`http://127.0.0.1:${app.port}/debug-sentry`);
    expect(response.status).toBe(500);
    const event = await until(
      () => items('event').find((e) => e.exception?.values.at(-1).value === 'My first Sentry error!'),
      'the route error',
    );
    expect(event.exception.values.at(-1).mechanism).toMatchObject({ type: 'koa', handled: false });
  });

  it('sends a logger.fmt log with its template and parameters', async () => {
    const app = await start('koa-app.mjs');
    expect((await fetch(`http://127.0.0.1:${app.port}/checkout`)).status).toBe(200);
    const log = await until(
      () =>
        items('log')
          .flatMap((container) => container.items as Record<string, any>[])
          .find((l) => l.body === 'User u-42 checked out 3 items'),
      'the log',
    );
    expect(log.attributes).toMatchObject({
      'sentry.message.template': { value: 'User %s checked out %s items', type: 'string' },
      'sentry.message.parameter.0': { value: 'u-42', type: 'string' },
      'sentry.message.parameter.1': { value: 3, type: 'integer' },
      cart: { value: 'c-9', type: 'string' },
    });
  });
});

describe('a cron job with withMonitor and captureCheckIn', () => {
  it('sends in-progress and ok / error check-ins with the duration and the monitor config', async () => {
    const job = await runProgram('cron-job.mjs', dsn);
    running.push(job);
    expect(await job.exited, job.stderr()).toBe(0);
    const checkIns = items('check_in');
    const report = checkIns.filter((c) => c.monitor_slug === 'nightly-report');
    expect(report).toHaveLength(2);
    expect(report[0]).toMatchObject({
      status: 'in_progress',
      release: 'reports@1.0.0',
      environment: 'production',
      monitor_config: {
        schedule: { type: 'crontab', value: '0 3 * * *' },
        checkin_margin: 2,
        max_runtime: 10,
        timezone: 'Europe/Vienna',
      },
    });
    expect(report[0]!.check_in_id).toMatch(/^[0-9a-f]{32}$/);
    expect(report[1]).toMatchObject({ status: 'ok', check_in_id: report[0]!.check_in_id });
    expect(report[1]!.duration).toBeGreaterThanOrEqual(0.15);
    expect(report[1]!.duration).toBeLessThan(10);
    const cleanup = checkIns.filter((c) => c.monitor_slug === 'nightly-cleanup');
    expect(cleanup.map((c) => c.status)).toEqual(['in_progress', 'error']);
    expect(cleanup[1]!.check_in_id).toBe(cleanup[0]!.check_in_id);
    const manual = checkIns.filter((c) => c.monitor_slug === 'manual-job');
    expect(manual.map((c) => c.status)).toEqual(['in_progress', 'ok']);
    expect(manual[1]!.check_in_id).toBe(manual[0]!.check_in_id);
    expect(items('event').some((e) => e.exception?.values.at(-1).value === 'cleanup failed')).toBe(true);
  });
});
