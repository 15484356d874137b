import { createLokiDestination, flush, init, logger, makeDeliveryTransport } from '@faultline/core';
import type { CoreOptions } from '@faultline/core';
import { makeFetchRequest, resetCarrier, startReceiver, type Receiver } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';

const PASSWORD = 'pw-nested-canary-7731';
const TOKEN = 'tok-array-canary-4410';

/** Sends through the real transport to a Sentry and a Loki receiver; returns the log attributes each got. */
async function logThrough(options: CoreOptions, log: () => void) {
  resetCarrier();
  const sentry = await startReceiver();
  const loki = await startReceiver();
  receivers.push(sentry, loki);
  init({
    dsn: `http://key@127.0.0.1:${sentry.port}/1`,
    transport: makeDeliveryTransport(makeFetchRequest, {
      destinations: [createLokiDestination({ url: `${loki.url}/loki/api/v1/push`, gzip: false })],
    }),
    ...options,
  });
  log();
  expect(await flush(5000)).toBe(true);
  const sentryBody = sentry.requests.map((r) => r.body).join('\n');
  const lokiBody = loki.requests.map((r) => r.body).join('\n');
  const item = JSON.parse(sentryBody.split('\n')[2]!) as { items: { attributes: Record<string, unknown> }[] };
  const push = JSON.parse(lokiBody) as { streams: { values: [string, string][] }[] };
  const line = JSON.parse(push.streams[0]!.values[0]![1]) as { attributes: Record<string, unknown> };
  return { sentryBody, lokiBody, sentry: item.items[0]!.attributes, loki: line.attributes };
}

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  resetCarrier();
});

describe('createLogPipeline', () => {
  it('scrubs nested attributes at every depth before either destination writes them as text', async () => {
    const sent = await logThrough({}, () =>
      logger.info('db connect', {
        db: { host: 'db-1.internal', password: PASSWORD },
        sessions: [{ id: 's-1', token: TOKEN }],
      }),
    );
    expect(sent.sentryBody).not.toContain(PASSWORD);
    expect(sent.sentryBody).not.toContain(TOKEN);
    expect(sent.lokiBody).not.toContain(PASSWORD);
    expect(sent.lokiBody).not.toContain(TOKEN);
    // Sentry's attributes are typed: the nested value, scrubbed, is a JSON string.
    expect(sent.sentry.db).toEqual({ value: '{"host":"db-1.internal","password":"[Filtered]"}', type: 'string' });
    expect(sent.sentry.sessions).toEqual({ value: '[{"id":"s-1","token":"[Filtered]"}]', type: 'string' });
    // The Loki line is one JSON object and keeps the structure.
    expect(sent.loki.db).toEqual({ host: 'db-1.internal', password: '[Filtered]' });
    expect(sent.loki.sessions).toEqual([{ id: 's-1', token: '[Filtered]' }]);
  });

  it('shows beforeSendLog the structured value, and scrubs what it returns', async () => {
    const seen: unknown[] = [];
    const sent = await logThrough(
      {
        beforeSendLog: (log) => {
          seen.push(log.attributes!.db);
          const db = log.attributes!.db!.value as Record<string, unknown>;
          return { ...log, attributes: { ...log.attributes, db: { value: { ...db, secret: TOKEN }, type: 'object' } } };
        },
      },
      () => logger.info('db connect', { db: { password: PASSWORD } }),
    );
    expect(seen).toEqual([{ value: { password: PASSWORD }, type: 'object' }]);
    expect(sent.loki.db).toEqual({ password: '[Filtered]', secret: '[Filtered]' });
    expect(sent.sentryBody).not.toContain(TOKEN);
  });

  it('with scrub: false sends nested values as they are, structured for Loki and as JSON text for Sentry', async () => {
    const sent = await logThrough({ scrub: false }, () => logger.info('db connect', { db: { password: PASSWORD } }));
    expect(sent.sentry.db).toEqual({ value: `{"password":"${PASSWORD}"}`, type: 'string' });
    expect(sent.loki.db).toEqual({ password: PASSWORD });
  });
});
