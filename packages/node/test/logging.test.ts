import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseEnvelope } from '@faultline/core';
import type { Event, SerializedLog } from '@faultline/core';
import {
  FaultlineTransport,
  faultlinePinoContext,
  faultlinePinoDestination,
  faultlinePinoMixin,
  flush,
  init,
} from '@faultline/node';
import { assertValidLokiPush, resetCarrier, startReceiver, type Receiver } from '@faultline/test-utils';
import pino10 from 'pino';
import pino9 from 'pino9';
import winston from 'winston';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from './support';

type Log = (request: string, step: string) => void;
type Fail = (request: string, error: Error) => void;

/** Two concurrent requests, each logging three lines and then an error, interleaved across awaits. */
async function twoRequests(log: Log, fail: Fail): Promise<void> {
  const server = await listen(
    createServer(async (req, res) => {
      const id = String(req.headers['x-request-id']);
      for (const step of ['validated', 'reserved', 'charging']) {
        log(id, step);
        await sleep(5 + Math.random() * 10);
      }
      fail(id, new Error(`payment failed for ${id}`));
      res.end();
    }),
  );
  try {
    await Promise.all(['req-A', 'req-B'].map((id) => fetch(server.url, { headers: { 'x-request-id': id } })));
  } finally {
    await server.close();
  }
}

const bodiesOf = (receiver: Receiver) => receiver.accepted().map((r) => r.body);
const eventsOf = (receiver: Receiver) =>
  bodiesOf(receiver).flatMap((b) =>
    parseEnvelope(b)[1]
      .filter(([h]) => h.type === 'event')
      .map(([, p]) => p as Event),
  );
const logsOf = (receiver: Receiver) =>
  bodiesOf(receiver).flatMap((b) =>
    parseEnvelope(b)[1]
      .filter(([h]) => h.type === 'log')
      .flatMap(([, p]) => (p as { items: SerializedLog[] }).items),
  );

function expectEachErrorHasItsOwnLines(sentry: Receiver, loki: Receiver, category: string) {
  const events = eventsOf(sentry);
  expect(events).toHaveLength(2);
  for (const event of events) {
    const id = event.exception!.values.at(-1)!.value.replace('payment failed for ', '');
    expect(event.tags).toMatchObject({ request_id: id });
    expect(event.breadcrumbs!.map((b) => [b.category, b.message, (b.data as { request?: string }).request])).toEqual(
      ['validated', 'reserved', 'charging'].map((step) => [category, step, id]),
    );
  }
  const logs = logsOf(sentry);
  expect(
    logs
      .filter((l) => l.body === 'reserved')
      .map((l) => l.attributes!.request_id!.value)
      .sort(),
  ).toEqual(['req-A', 'req-B']);
  const lokiLines = loki.accepted().flatMap((r) => assertValidLokiPush(r.body).flatMap((s) => s.values));
  expect(
    lokiLines.some(([, line, metadata]) => JSON.parse(line).message === 'charging' && metadata?.request_id === 'req-A'),
  ).toBe(true);
}

describe('log bridges', () => {
  let receivers: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    receivers = [];
  });

  async function initWithReceivers() {
    resetCarrier();
    const sentry = await startReceiver();
    const loki = await startReceiver();
    receivers.push(sentry, loki);
    init({
      dsn: `http://key@127.0.0.1:${sentry.port}/1`,
      loki: { url: `${loki.url}/loki/api/v1/push`, service: 'checkout' },
      queueDir: false,
      integrations: (d) => d.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown'),
    });
    return { sentry, loki };
  }

  it.each([
    ['pino 10', pino10],
    ['pino 9', pino9 as unknown as typeof pino10],
  ])('%s in process: each exception carries its own request’s three lines and id', async (_name, pino) => {
    const { sentry, loki } = await initWithReceivers();
    const logger = pino(faultlinePinoDestination(pino.destination({ dest: '/dev/null', sync: true })));
    await twoRequests(
      (request, step) => logger.info({ request }, step),
      (request, err) => logger.error({ err, request }, 'payment failed'),
    );
    expect(await flush(5000)).toBe(true);
    expectEachErrorHasItsOwnLines(sentry, loki, 'pino');
    expect(eventsOf(sentry)[0]!.exception!.values.at(-1)!.mechanism).toMatchObject({ type: 'pino', handled: true });
  });

  it('winston: each exception carries its own request’s three lines and id', async () => {
    const { sentry, loki } = await initWithReceivers();
    const logger = winston.createLogger({ transports: [new FaultlineTransport()] });
    await twoRequests(
      (request, step) => logger.info(step, { request }),
      (request, err) => logger.error('payment failed', { err, request }),
    );
    expect(await flush(5000)).toBe(true);
    expectEachErrorHasItsOwnLines(sentry, loki, 'winston');
  });

  type Pino = typeof pino10;
  type Transport = ReturnType<Pino['transport']>;
  it.each([
    [
      'pino 10, ids stamped on change (faultlinePinoContext)',
      pino10,
      (p: Pino, t: Transport) => p(faultlinePinoContext(t)),
    ],
    [
      'pino 10, ids on every line (faultlinePinoMixin)',
      pino10,
      (p: Pino, t: Transport) => p({ mixin: faultlinePinoMixin() }, t),
    ],
    [
      'pino 9, ids stamped on change (faultlinePinoContext)',
      pino9 as unknown as Pino,
      (p: Pino, t: Transport) => p(faultlinePinoContext(t)),
    ],
  ])(
    'pino worker transport, %s: the worker joins lines by request id and sends from its own thread',
    async (_name, pino, attach) => {
      resetCarrier();
      const sentry = await startReceiver();
      const loki = await startReceiver();
      receivers.push(sentry, loki);
      // The calling thread: request isolation and ids only (it sends nothing itself).
      init({
        queueDir: false,
        integrations: (d) => d.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown'),
      });
      const transport = pino.transport({
        target: '@faultline/node/pino',
        options: {
          dsn: `http://key@127.0.0.1:${sentry.port}/1`,
          loki: { url: `${loki.url}/loki/api/v1/push` },
          queueDir: false,
        },
      });
      const logger = attach(pino, transport);
      await twoRequests(
        (request, step) => logger.info({ request }, step),
        (request, err) => logger.error({ err, request }, `payment failed for ${request}`),
      );
      await new Promise<void>((resolve) => {
        transport.on('close', () => resolve());
        transport.end();
      });
      // The worker's last requests can still be in the receiver's hands when the stream reports closed.
      await sentry.waitFor(() => eventsOf(sentry).length >= 2 && logsOf(sentry).length >= 8, 5000);
      await loki.waitFor((requests) => requests.length > 0, 5000);
      expectEachErrorHasItsOwnLines(sentry, loki, 'pino');
      const [event] = eventsOf(sentry);
      expect(event!.exception!.values.at(-1)!.stacktrace!.frames.at(-1)!.filename).toContain('logging.test.ts');
    },
    20_000,
  );

  it('pino worker transport among targets that filter by level: each exception still gets its own lines and id', async () => {
    resetCarrier();
    const sentry = await startReceiver();
    receivers.push(sentry);
    init({
      queueDir: false,
      integrations: (d) => d.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown'),
    });
    // Faultline sees warn and above; the file target every line, so the stamp often rides a line Faultline misses.
    const transport = pino10.transport({
      targets: [
        {
          target: '@faultline/node/pino',
          level: 'warn',
          options: { dsn: `http://key@127.0.0.1:${sentry.port}/1`, queueDir: false },
        },
        { target: 'pino/file', level: 'info', options: { destination: '/dev/null' } },
      ],
    });
    const logger = pino10(faultlinePinoContext(transport));
    const server = await listen(
      createServer(async (req, res) => {
        const id = String(req.headers['x-request-id']);
        for (const step of ['stock', 'payment']) {
          logger.info({ request: id }, `checking ${step}`);
          logger.warn({ request: id }, `${step} slow`);
          await sleep(2 + Math.random() * 6);
        }
        logger.error({ err: new Error(`payment failed for ${id}`), request: id }, `payment failed for ${id}`);
        res.end();
      }),
    );
    try {
      const ids = ['req-A', 'req-B', 'req-C', 'req-D'];
      await Promise.all(ids.map((id) => fetch(server.url, { headers: { 'x-request-id': id } })));
    } finally {
      await server.close();
    }
    await new Promise<void>((resolve) => {
      transport.on('close', () => resolve());
      transport.end();
    });
    await sentry.waitFor(() => eventsOf(sentry).length >= 4, 5000);
    const events = eventsOf(sentry);
    expect(events).toHaveLength(4);
    for (const event of events) {
      const id = event.exception!.values.at(-1)!.value.replace('payment failed for ', '');
      expect(event.tags).toMatchObject({ request_id: id });
      expect(event.breadcrumbs!.map((b) => [b.message, (b.data as { request?: string }).request])).toEqual([
        ['stock slow', id],
        ['payment slow', id],
      ]);
    }
  }, 20_000);

  it('pino worker transport: a line that is not JSON still arrives, as a log of its text', async () => {
    resetCarrier();
    const sentry = await startReceiver();
    receivers.push(sentry);
    init({ queueDir: false, integrations: (d) => d.filter((i) => i.name !== 'ProcessHandlers') });
    const transport = pino10.transport({
      target: '@faultline/node/pino',
      options: { dsn: `http://key@127.0.0.1:${sentry.port}/1`, queueDir: false },
    });
    // A hook that rewrites one record as plain text, as a hand-made format would.
    const logger = pino10(
      { hooks: { streamWrite: (line) => (line.includes('"legacy"') ? 'legacy job finished in 42 ms\n' : line) } },
      faultlinePinoContext(transport),
    );
    logger.info('before');
    logger.info({ kind: 'legacy' }, 'legacy');
    logger.info('after');
    await new Promise<void>((resolve) => {
      transport.on('close', () => resolve());
      transport.end();
    });
    await sentry.waitFor(() => logsOf(sentry).length >= 3, 5000);
    const logs = logsOf(sentry);
    expect(logs.map((log) => log.body)).toEqual(['before', 'legacy job finished in 42 ms', 'after']);
    expect(logs[1]!.attributes!['pino.unparsed']).toEqual({ value: true, type: 'boolean' });
  }, 20_000);

  it('pino in process: a line that is not JSON still arrives, as a log of its text', async () => {
    const { sentry } = await initWithReceivers();
    const logger = pino10(
      { hooks: { streamWrite: (line) => (line.includes('"legacy"') ? 'legacy job finished in 42 ms\n' : line) } },
      faultlinePinoDestination({ write: () => true }),
    );
    logger.info('before');
    logger.info({ kind: 'legacy' }, 'legacy');
    logger.info('after');
    await sleep(10);
    expect(await flush(5000)).toBe(true);
    const logs = logsOf(sentry);
    expect(logs.map((log) => log.body)).toEqual(['before', 'legacy job finished in 42 ms', 'after']);
    expect(logs[1]!.attributes!['pino.unparsed']).toEqual({ value: true, type: 'boolean' });
  });
});
