import {
  createEventEnvelope,
  createLokiDestination,
  createTransport,
  eventFromUnknown,
  validateLokiLabels,
} from '@faultline/core';
import type { DataCategory, DropReason, Envelope, Event } from '@faultline/core';
import { assertValidLokiPush, makeFetchRequest, startReceiver } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const sdk = { name: 'faultline.javascript.test', version: '0.0.0' };
const timestamp = 1795252882.902;

function exceptionEvent(): Event {
  const error = new Error('Payment for cart c-77 failed', { cause: new TypeError('card declined') });
  const built = eventFromUnknown(error, {}, { maxValueLength: 1024, normalizeDepth: 3, normalizeMaxBreadth: 100 });
  return {
    ...built,
    event_id: '9c7aff81a7364d599605d1d9399944b9',
    timestamp,
    level: 'error',
    release: 'checkout@1.4.2',
    environment: 'production',
    tags: { region: 'eu-west-1', request_id: 'req-42' },
    user: { id: 'user-1842' },
    contexts: { trace: { trace_id: '7762859a432b477eb23acacb45246bc6', span_id: 'b37bcbd846fe67d9' } },
  };
}

const logEnvelope: Envelope = [
  { sent_at: new Date(timestamp * 1000).toISOString() },
  [
    [
      { type: 'log', item_count: 1, content_type: 'application/vnd.sentry.items.log+json' },
      {
        items: [
          {
            timestamp,
            level: 'info',
            body: 'Order placed',
            trace_id: '7762859a432b477eb23acacb45246bc6',
            severity_number: 9,
            attributes: {
              order_id: { value: 'o-981', type: 'string' },
              total: { value: 129.9, type: 'double' },
              request_id: { value: 'req-42', type: 'string' },
              'sentry.release': { value: 'checkout@1.4.2', type: 'string' },
              'sentry.environment': { value: 'production', type: 'string' },
            },
          },
        ],
      },
    ],
  ],
];

const destination = (overrides = {}) =>
  createLokiDestination({ url: 'http://127.0.0.1/loki/api/v1/push', service: 'checkout', ...overrides });
const bodyOf = async (envelope: Envelope, overrides = {}) =>
  (await destination(overrides).encode(envelope))!.body as string;

describe('createLokiDestination', () => {
  it('writes an exception as one JSON line with low-cardinality labels and ids in structured metadata', async () => {
    const body = await bodyOf(createEventEnvelope(exceptionEvent(), { sdk }), { labels: { team: 'payments' } });
    const [stream] = assertValidLokiPush(body, timestamp * 1000);
    expect(stream!.stream).toEqual({
      team: 'payments',
      service_name: 'checkout',
      source: 'faultline',
      environment: 'production',
      level: 'error',
    });
    const [ns, line, metadata] = stream!.values[0]!;
    expect(ns).toBe('1795252882902000000');
    expect(metadata).toEqual({
      trace_id: '7762859a432b477eb23acacb45246bc6',
      span_id: 'b37bcbd846fe67d9',
      request_id: 'req-42',
      event_id: '9c7aff81a7364d599605d1d9399944b9',
      release: 'checkout@1.4.2',
    });
    const parsed = JSON.parse(line) as { exception: { stack: string } };
    expect(parsed).toMatchObject({
      timestamp: '2026-11-21T09:21:22.902Z',
      level: 'error',
      service: 'checkout',
      message: 'Error: Payment for cart c-77 failed',
      attributes: { region: 'eu-west-1', user_id: 'user-1842' },
      exception: {
        type: 'Error',
        value: 'Payment for cart c-77 failed',
        causes: [{ type: 'TypeError', value: 'card declined' }],
      },
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(parsed.exception.stack).toMatch(
      /^Error: Payment for cart c-77 failed\n {4}at .*createLokiDestination\.test\.ts/,
    );
  });

  it('writes each log record as one line with its attributes', async () => {
    const [stream] = assertValidLokiPush(await bodyOf(logEnvelope), timestamp * 1000);
    expect(stream!.stream).toMatchObject({ level: 'info', environment: 'production', service_name: 'checkout' });
    const [, line, metadata] = stream!.values[0]!;
    expect(JSON.parse(line)).toEqual({
      timestamp: '2026-11-21T09:21:22.902Z',
      level: 'info',
      service: 'checkout',
      message: 'Order placed',
      attributes: { order_id: 'o-981', total: 129.9 },
    });
    expect(metadata).toEqual({
      trace_id: '7762859a432b477eb23acacb45246bc6',
      request_id: 'req-42',
      release: 'checkout@1.4.2',
    });
  });

  it('keeps a line under 256 KB whatever the event holds', async () => {
    const event = { ...exceptionEvent(), extra: { blob: 'x'.repeat(3_000_000) }, message: 'm'.repeat(400_000) };
    const streams = assertValidLokiPush(
      await bodyOf(createEventEnvelope(event, { sdk }), { gzip: false }),
      timestamp * 1000,
    );
    expect(streams[0]!.values).toHaveLength(1);
  });

  it('has nothing to send for a client report', async () => {
    expect(await destination().encode([{}, [[{ type: 'client_report' }, {}]]])).toBeUndefined();
  });

  it('sends tenant and auth headers, and gzips large bodies', async () => {
    const loki = destination({ tenantId: 'acme', basicAuth: { username: 'user', password: 'pässword' } });
    expect(loki.headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-Scope-OrgID': 'acme',
      Authorization: `Basic ${Buffer.from('user:pässword').toString('base64')}`,
    });
    expect(destination({ bearerToken: 't0k' }).headers).toMatchObject({ Authorization: 'Bearer t0k' });
    const big = { ...exceptionEvent(), extra: { blob: 'x'.repeat(100_000) } };
    const encoded = await loki.encode(createEventEnvelope(big, { sdk }));
    expect(encoded!.headers).toEqual({ 'Content-Encoding': 'gzip' });
    expect(encoded!.body).toBeInstanceOf(Uint8Array);
  });

  it('never retries a 400 from Loki (it may be a partial success), but retries a 500', async () => {
    for (const [status, expectedRequests] of [
      [400, 1],
      [500, 3],
    ] as const) {
      const server = await startReceiver(() => ({ status }));
      const drops: [DropReason, DataCategory, number][] = [];
      const transport = createTransport(
        {
          destination: createLokiDestination({ url: `${server.url}/loki/api/v1/push` }),
          recordDroppedEvent: (reason, category, n = 1) => drops.push([reason, category, n]),
          retryBaseMs: 10,
          maxAttempts: 3,
        },
        makeFetchRequest,
      );
      await transport.send(createEventEnvelope({ ...exceptionEvent(), timestamp: Date.now() / 1000 }, { sdk }));
      expect(await transport.flush(5000)).toBe(true);
      expect(server.requests).toHaveLength(expectedRequests);
      expect(server.requests[0]!.headers['content-type']).toBe('application/json');
      assertValidLokiPush(server.requests[0]!.body);
      expect(drops).toEqual([['send_error', 'error', 1]]);
      await server.close();
    }
  });
});

describe('validateLokiLabels', () => {
  it('keeps valid labels and explains each one it leaves out', () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`extra_${i}`, 'v']));
    const { labels, problems } = validateLokiLabels({
      team: 'payments',
      'bad-name': 'x',
      __reserved: 'x',
      level: 'x',
      empty: '',
      ...many,
    });
    expect(Object.keys(labels)).toHaveLength(15 - 4); // four are built in
    expect(labels.team).toBe('payments');
    expect(problems.join('\n')).toMatch(/bad-name.*\n.*__reserved.*\n.*level.*\n.*empty/);
    expect(problems.filter((p) => p.includes('at most 15'))).toHaveLength(10);
  });
});

describe('the Loki bodies shown in the README', () => {
  it('follow Loki’s rules and have the shape the destination writes', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### What Loki receives'));
    const samples = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map(
      (match) => JSON.parse(match[1]!) as { streams: { values: unknown[][] }[] },
    );
    expect(samples).toHaveLength(3);
    const sessionsEnvelope: Envelope = [
      {},
      [
        [
          { type: 'sessions' },
          {
            aggregates: [{ started: new Date(timestamp * 1000).toISOString(), exited: 6, errored: 2, crashed: 1 }],
            attrs: { release: 'checkout@1.4.2', environment: 'production' },
          },
        ],
      ],
    ];
    const written = [
      JSON.parse((await destination().encode(createEventEnvelope(exceptionEvent(), { sdk })))!.body as string),
      JSON.parse((await destination().encode(logEnvelope))!.body as string),
      JSON.parse((await destination().encode(sessionsEnvelope))!.body as string),
    ];
    samples.forEach((sample, i) => {
      // In the README each line is shown decoded; on the wire it is a JSON string.
      for (const stream of sample.streams) for (const value of stream.values) value[1] = JSON.stringify(value[1]);
      const [stream] = assertValidLokiPush(JSON.stringify(sample), timestamp * 1000);
      const [actual] = written[i].streams;
      expect(Object.keys(stream!.stream).sort()).toEqual(Object.keys(actual.stream).sort());
      expect(Object.keys(JSON.parse(stream!.values[0]![1])).sort()).toEqual(
        Object.keys(JSON.parse(actual.values[0][1])).sort(),
      );
      expect(Object.keys(stream!.values[0]![2]!).sort()).toEqual(Object.keys(actual.values[0][2]).sort());
    });
  });
});
