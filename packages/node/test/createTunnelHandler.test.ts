import { createServer } from 'node:http';
import { createEventEnvelope, serializeEnvelope } from '@faultline/core';
import { createTunnelHandler } from '@faultline/node';
import { assertValidLokiPush, startReceiver, type Receiver } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from './support';

const ORIGIN = 'https://shop.example.com';
const sdk = { name: 'faultline.javascript.browser', version: '0.1.0' };

describe('createTunnelHandler', () => {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => void (await Promise.all(open.splice(0).map((s) => s.close()))));

  async function setup(sentryBehavior?: Parameters<typeof startReceiver>[0]) {
    const sentry: Receiver = await startReceiver(sentryBehavior);
    const loki: Receiver = await startReceiver();
    const dsn = `http://browserkey@127.0.0.1:${sentry.port}/9`;
    const tunnel = await listen(
      createServer(
        createTunnelHandler({
          dsn,
          loki: { url: `${loki.url}/loki/api/v1/push`, bearerToken: 'server-side-secret' },
          allowedOrigins: [ORIGIN],
        }),
      ),
    );
    open.push(sentry, loki, tunnel);
    const body = serializeEnvelope(
      createEventEnvelope(
        {
          event_id: 'a'.repeat(32),
          timestamp: Date.now() / 1000,
          level: 'error',
          exception: { values: [{ type: 'Error', value: 'from the browser' }] },
        },
        {
          sdk,
          tunnel: '/faultline',
          dsn: {
            protocol: 'http',
            publicKey: 'browserkey',
            host: '127.0.0.1',
            port: String(sentry.port),
            path: '',
            projectId: '9',
          },
        },
      ),
    );
    const post = (payload: string, origin: string | null = ORIGIN) =>
      fetch(tunnel.url, { method: 'POST', body: payload, headers: origin ? { origin } : {} });
    return { sentry, loki, body, post };
  }

  it('forwards a browser envelope to the Sentry DSN and to Loki with server-side credentials', async () => {
    const { sentry, loki, body, post } = await setup();
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sentry: 200, loki: 200 });
    expect(sentry.requests[0]!.url).toMatch(/^\/api\/9\/envelope\/\?sentry_version=7&sentry_key=browserkey/);
    expect(sentry.requests[0]!.body).toBe(body);
    expect(loki.requests[0]!.headers.authorization).toBe('Bearer server-side-secret');
    const [stream] = assertValidLokiPush(loki.requests[0]!.body);
    expect(stream!.stream.source).toBe('browser');
    expect(stream!.values[0]![2]).toMatchObject({ event_id: 'a'.repeat(32) });
  });

  it('refuses a disallowed origin, a body that is not an envelope, and an envelope for another DSN', async () => {
    const { sentry, loki, body, post } = await setup();
    expect((await post(body, 'https://evil.example.net')).status).toBe(403);
    expect((await post(body, null)).status).toBe(403);
    expect((await post('this is not an envelope')).status).toBe(400);
    expect((await post(body.replace('browserkey@', 'otherkey@'))).status).toBe(403);
    expect(sentry.requests).toHaveLength(0);
    expect(loki.requests).toHaveLength(0);
  });

  it('passes Sentry’s rate limits back to the browser', async () => {
    const { body, post } = await setup(() => ({
      status: 429,
      headers: { 'Retry-After': '30', 'X-Sentry-Rate-Limits': '30:error:key' },
    }));
    const response = await post(body);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('x-sentry-rate-limits')).toBe('30:error:key');
  });
});
