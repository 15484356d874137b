// Issue 23, privacy × tunnel: what a browser posts is scrubbed again on the server, whatever the browser
// did. The "browser" here sends with scrubbing off (as `scrub: false`, an old SDK or a forged request
// would); the Sentry and Loki receivers run in another process and must get no canary. The Chromium path
// through the tunnel is test-e2e/privacy.
import { createServer } from 'node:http';
import { createEventEnvelope, parseEnvelope, serializeEnvelope, type Envelope, type Event } from '@faultline/core';
import { createTunnelHandler, type TunnelOptions } from '@faultline/node';
import {
  CANARY,
  CANARY_QUERY,
  CANARY_TEXT,
  canaryData,
  describeLeaks,
  findLeaks,
  startReceiverProcess,
  type ReceiverProcess,
} from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../support';
import { byDestination } from './runPrivacyApp';

const ORIGIN = 'https://shop.example.com';

/** An envelope as a browser with scrubbing off sends it: an event and a log batch full of canaries. */
function unscrubbedEnvelope(receiver: ReceiverProcess): string {
  const data = canaryData();
  const event: Event = {
    event_id: 'c'.repeat(32),
    timestamp: Date.now() / 1000,
    level: 'error',
    message: `tunnel event ${CANARY_TEXT}`,
    exception: {
      values: [
        {
          type: 'Error',
          value: `tunnel exception ${CANARY_TEXT}`,
          stacktrace: { frames: [{ filename: `${ORIGIN}/checkout?${CANARY_QUERY}`, function: 'pay', lineno: 3 }] },
        },
      ],
    },
    user: { id: 'u-1', email: CANARY.email, ip_address: CANARY.ip },
    extra: data,
    contexts: { payment: data },
    // Fields Faultline never sends but a forged or foreign SDK's event may carry (Sentry keeps unknown ones).
    ...({ checkout_form: data, threads: { values: [{ id: 1, stacktrace: { frames: [{ vars: data }] } }] } } as Event),
    tags: { contact: CANARY.email },
    breadcrumbs: [{ category: 'console', message: `console ${JSON.stringify(data)}`, data }],
    request: {
      url: `${ORIGIN}/checkout?${CANARY_QUERY}#access_token=${CANARY.token}`,
      headers: { Referer: `${ORIGIN}/cart?${CANARY_QUERY}`, Authorization: CANARY.bearer },
    },
  };
  const envelope: Envelope = createEventEnvelope(event, {
    sdk: { name: 'faultline.javascript.browser', version: '0.1.0' },
    dsn: {
      protocol: 'http',
      publicKey: 'public',
      host: '127.0.0.1',
      port: String(receiver.port),
      path: '',
      projectId: '1',
    },
  });
  const attributes = Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      typeof value === 'string' ? { value, type: 'string' } : { value, type: 'object' },
    ]),
  );
  // The headers are the browser's too: a dynamic sampling context names the page and the user, an SDK may
  // add its own fields, and an item header may say how long the (unscrubbed) payload was.
  Object.assign(envelope[0], {
    dsn: receiver.dsn,
    trace: {
      trace_id: 'd'.repeat(32),
      public_key: 'public',
      transaction: `/reset?${CANARY_QUERY}`,
      user_id: CANARY.email,
    },
    checkout: canaryData(),
  });
  envelope[1][0]![0].length = Buffer.byteLength(JSON.stringify(envelope[1][0]![1]));
  envelope[1].push(
    [
      { type: 'log', item_count: 1, note: CANARY_TEXT } as never,
      { items: [{ timestamp: Date.now() / 1000, level: 'info', body: `tunnel log ${CANARY_TEXT}`, attributes }] },
    ],
    [{ type: 'client_report' }, { discarded_events: [{ reason: 'before_send', category: 'error', quantity: 1 }] }],
  );
  // serializeEnvelope writes nested attributes as JSON strings: the browser's wire format.
  return serializeEnvelope(envelope);
}

describe('privacy through the tunnel', () => {
  let receiver: ReceiverProcess | undefined;
  const servers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await receiver?.close();
    receiver = undefined;
  });

  async function post(options: Partial<TunnelOptions> = {}) {
    receiver = await startReceiverProcess();
    await receiver.set({ keepBodies: true });
    const tunnel = await listen(
      createServer(
        createTunnelHandler({
          dsn: receiver.dsn,
          loki: { url: `${receiver.url}/loki/api/v1/push`, service: 'shop-web' },
          allowedOrigins: [ORIGIN],
          ...options,
        }),
      ),
    );
    servers.push(tunnel);
    const body = unscrubbedEnvelope(receiver);
    expect(findLeaks(body).length).toBeGreaterThan(5); // the browser did send them
    const response = await fetch(tunnel.url, { method: 'POST', body, headers: { origin: ORIGIN } });
    expect(response.status).toBe(200);
    return byDestination(await receiver.bodies());
  }

  it('forwards to Sentry and Loki with every canary scrubbed, nested log attributes structured for Loki', async () => {
    const { sentry, loki } = await post();
    expect(sentry).toHaveLength(1);
    expect(loki).toHaveLength(1);
    const text = [...sentry, ...loki].join('\n');
    expect(findLeaks(text), describeLeaks(text)).toEqual([]);

    const [headers, items] = parseEnvelope(sentry[0]!);
    expect(items.map(([h]) => h.type)).toEqual(['event', 'log', 'client_report']);
    // The protocol's own header fields arrive as they were; a length the scrubbing made wrong does not.
    expect(headers.trace).toMatchObject({ trace_id: 'd'.repeat(32), public_key: 'public' });
    expect(headers.dsn).toBe(receiver!.dsn);
    expect(items[0]![0].length).toBeUndefined();
    const event = items[0]![1] as Event;
    expect(event.message).toMatch(/^tunnel event contact \[Filtered\]/);
    expect(event.extra?.db).toEqual({ host: 'db-1.internal', port: 5432, password: '[Filtered]' });
    const log = (items[1]![1] as { items: { attributes: Record<string, unknown> }[] }).items[0]!;
    // Sentry gets the nested value back as a JSON string, scrubbed.
    expect(log.attributes.db).toEqual({
      value: '{"host":"db-1.internal","port":5432,"password":"[Filtered]"}',
      type: 'string',
    });
    const lines = (JSON.parse(loki[0]!) as { streams: { values: [string, string][] }[] }).streams
      .flatMap((s) => s.values)
      .map(([, line]) => JSON.parse(line) as { message: string; attributes: Record<string, unknown> });
    const logLine = lines.find((l) => l.message.startsWith('tunnel log'));
    expect(logLine?.attributes.sessions).toEqual([{ id: 's-1', token: '[Filtered]' }]);
    expect(lines.some((l) => l.message.startsWith('tunnel event'))).toBe(true);
  });

  it('with scrub: false forwards what the browser sent as it is', async () => {
    const { sentry, loki } = await post({ scrub: false });
    expect(findLeaks(sentry.join('\n'))).toContain(CANARY.password);
    expect(findLeaks(loki.join('\n'))).toContain(CANARY.token);
  });
});
