import { createServer } from 'node:http';
import { createEventEnvelope, serializeEnvelope, type Event } from '@faultline/core';
import { createTunnelHandler, type TunnelOptions } from '@faultline/node';
import { assertValidLokiPush, startReceiver, type Receiver } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from './support';

const ORIGIN = 'https://shop.example.com';
const sdk = { name: 'faultline.javascript.browser', version: '0.1.0' };

interface LokiStream {
  stream: Record<string, unknown>;
  values: [string, string, Record<string, string>?][];
}
const streamsOf = (loki: Receiver): LokiStream[] =>
  loki.requests.flatMap((request) => (JSON.parse(request.body) as { streams: LokiStream[] }).streams);

describe('createTunnelHandler', () => {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => void (await Promise.all(open.splice(0).map((s) => s.close()))));

  async function setup(
    sentryBehavior?: Parameters<typeof startReceiver>[0],
    options: Partial<Omit<TunnelOptions, 'loki'>> & {
      loki?: Partial<NonNullable<TunnelOptions['loki']>>;
      lokiBehavior?: Parameters<typeof startReceiver>[0];
    } = {},
  ) {
    const sentry: Receiver = await startReceiver(sentryBehavior);
    const loki: Receiver = await startReceiver(options.lokiBehavior);
    const dsn = `http://browserkey@127.0.0.1:${sentry.port}/9`;
    const failures: [string, string][] = [];
    const tunnel = await listen(
      createServer(
        createTunnelHandler({
          dsn,
          allowedOrigins: [ORIGIN],
          onForwardError: (destination, reason) => failures.push([destination, reason]),
          ...options,
          loki: {
            url: `${loki.url}/loki/api/v1/push`,
            bearerToken: 'server-side-secret',
            service: 'shop-web',
            labels: { team: 'payments' },
            ...options.loki,
          },
        }),
      ),
    );
    open.push(sentry, loki, tunnel);
    const envelope = (event: Partial<Event> & Record<string, unknown> = {}, items: [object, unknown][] = []) => {
      const built = createEventEnvelope(
        {
          event_id: 'a'.repeat(32),
          timestamp: Date.now() / 1000,
          level: 'error',
          exception: { values: [{ type: 'Error', value: 'from the browser' }] },
          ...event,
        } as Event,
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
      );
      built[1].push(...(items as never[]));
      return serializeEnvelope(built);
    };
    const body = envelope();
    const post = (payload: string, origin: string | null = ORIGIN) =>
      fetch(tunnel.url, { method: 'POST', body: payload, headers: origin ? { origin } : {} });
    /** A browser transport: sends again while the answer says "not taken" (5xx, 408, network), at most 3 times. */
    const postLikeABrowser = async (payload: string) => {
      let status = 0;
      for (let attempt = 0; attempt < 3; attempt++) {
        status = await post(payload).then(
          (response) => response.status,
          () => 0,
        );
        if (status !== 0 && status !== 408 && status < 500) break;
      }
      return status;
    };
    return { sentry, loki, body, envelope, post, postLikeABrowser, failures, tunnel };
  }

  it('forwards a browser envelope to the Sentry DSN and to Loki with server-side credentials', async () => {
    const { sentry, loki, body, post } = await setup();
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sentry: 200, loki: 200 });
    expect(sentry.requests[0]!.url).toMatch(/^\/api\/9\/envelope\/\?sentry_version=7&sentry_key=browserkey/);
    expect(sentry.requests[0]!.url).toContain(
      `sentry_client=${encodeURIComponent('faultline.javascript.node.tunnel/0.1.0')}`,
    );
    expect(sentry.requests[0]!.body).toBe(body);
    expect(loki.requests[0]!.headers.authorization).toBe('Bearer server-side-secret');
    const [stream] = assertValidLokiPush(loki.requests[0]!.body);
    expect(stream!.stream).toEqual({
      team: 'payments',
      service_name: 'shop-web',
      source: 'browser',
      environment: 'production',
      level: 'error',
    });
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

  it('passes Sentry’s rate limits back to the browser, and keeps Loki for the retry', async () => {
    const { body, post, loki } = await setup(() => ({
      status: 429,
      headers: { 'Retry-After': '30', 'X-Sentry-Rate-Limits': '30:error:key' },
    }));
    const response = await post(body);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('x-sentry-rate-limits')).toBe('30:error:key');
    expect(loki.requests).toHaveLength(0);
  });

  describe('Loki labels are the server’s', () => {
    const hostileEnvironments: unknown[] = [
      ...Array.from({ length: 200 }, (_, i) => `env-${i}`),
      42,
      { nested: 'object' },
      'x'.repeat(100_000),
      '',
      'has "quotes", braces {} and =',
    ];

    it('keeps every stream on the configured labels whatever environment or level the browser sends', async () => {
      const { loki, envelope, post } = await setup();
      for (const [i, environment] of hostileEnvironments.entries()) {
        const log = {
          timestamp: Date.now() / 1000,
          level: i % 2 ? 'error' : { not: 'a level' },
          body: 'a log line',
          attributes: { 'sentry.environment': { value: environment, type: 'string' } },
        };
        const response = await post(
          envelope({ environment, level: i % 3 ? 'error' : 'nonsense', release: environment } as Partial<Event>, [
            [{ type: 'log', item_count: 1, content_type: 'application/vnd.sentry.items.log+json' }, { items: [log] }],
          ]),
        );
        expect(response.status).toBe(200);
      }
      const streams = streamsOf(loki);
      const labelSets = new Set(streams.map((s) => JSON.stringify(s.stream)));
      expect(labelSets).toEqual(
        new Set([
          JSON.stringify({
            team: 'payments',
            service_name: 'shop-web',
            source: 'browser',
            environment: 'production',
            level: 'error',
          }),
        ]),
      );
      for (const stream of streams) {
        for (const [, , metadata = {}] of stream.values) {
          for (const value of Object.values(metadata)) {
            expect(typeof value).toBe('string');
            expect(value.length).toBeLessThanOrEqual(1024);
          }
        }
      }
      // What the browser said is kept, as structured metadata, where it creates no stream.
      const metadata = streams.flatMap((s) => s.values.map((v) => v[2] ?? {}));
      expect(metadata.filter((m) => m.environment === 'env-7')).toHaveLength(2);
      expect(metadata.some((m) => m.environment === '{"nested":"object"}')).toBe(true);
    });

    it('lets a browser environment become the label only when the server allows it', async () => {
      const { loki, envelope, post } = await setup(undefined, {
        loki: { environment: 'web', allowedEnvironments: ['staging', 'production'] },
      });
      for (const environment of ['staging', 'production', 'evil', 'Staging']) {
        expect((await post(envelope({ environment }))).status).toBe(200);
      }
      expect(streamsOf(loki).map((s) => s.stream.environment)).toEqual(['staging', 'production', 'web', 'web']);
    });

    it('refuses at start an allowed environment Loki would refuse as a label value', () => {
      expect(() =>
        createTunnelHandler({
          allowedOrigins: [ORIGIN],
          loki: { url: 'http://127.0.0.1:1/loki/api/v1/push', allowedEnvironments: ['ok', ''] },
        }),
      ).toThrow(/allowedEnvironments/);
    });
  });

  describe('once Sentry accepted, the answer is a success', () => {
    it('answers 2xx when Loki fails, so a retrying browser leaves Sentry with exactly one copy', async () => {
      const { sentry, loki, body, postLikeABrowser, failures } = await setup(undefined, {
        lokiBehavior: () => ({ status: 500, body: 'loki ingester exploded at /var/lib/loki/secret-path' }),
      });
      expect(await postLikeABrowser(body)).toBe(200);
      expect(sentry.requests).toHaveLength(1);
      expect(loki.requests).toHaveLength(1);
      expect(failures).toEqual([['loki', 'Loki answered HTTP 500']]);
    });

    it('answers 2xx when Loki cannot be reached', async () => {
      const closed = await startReceiver();
      await closed.close();
      const { sentry, body, postLikeABrowser, failures } = await setup(undefined, {
        loki: { url: `${closed.url}/loki/api/v1/push` },
      });
      expect(await postLikeABrowser(body)).toBe(200);
      expect(sentry.requests).toHaveLength(1);
      expect(failures.map(([destination]) => destination)).toEqual(['loki']);
    });

    it('still forwards to Sentry, once, an envelope the Loki push cannot be built from', async () => {
      const { sentry, loki, envelope, postLikeABrowser, failures } = await setup();
      // A timestamp no Date can hold: building the Loki line throws.
      expect(await postLikeABrowser(envelope({ timestamp: 1e300 }))).toBe(200);
      expect(sentry.requests).toHaveLength(1);
      expect(loki.requests).toHaveLength(0);
      expect(failures.map(([destination]) => destination)).toEqual(['loki']);
    });
  });

  describe('what the browser is told', () => {
    it('never echoes internal error text', async () => {
      const { post } = await setup();
      const notEnvelope = await post('{"dsn":"http://x@y/1"}\n{oops');
      expect(notEnvelope.status).toBe(400);
      expect(await notEnvelope.json()).toEqual({ error: 'not an envelope' });

      const unreachable = await setup();
      await unreachable.sentry.close();
      const response = await unreachable.post(unreachable.body);
      expect(response.status).toBe(502);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: 'upstream unavailable' });
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Error/);
      expect(unreachable.failures.map(([destination]) => destination)).toEqual(['sentry']);
      expect(unreachable.loki.requests).toHaveLength(0);
    });
  });

  describe('holds under load', () => {
    it('refuses a 100 MB body with 413 without growing the process', async () => {
      const { tunnel, sentry } = await setup();
      const chunk = new Uint8Array(1024 * 1024).fill(0x61);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 100) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const before = process.memoryUsage().rss;
      const response = await fetch(tunnel.url, {
        method: 'POST',
        body: stream,
        headers: { origin: ORIGIN },
        duplex: 'half',
      } as RequestInit).catch((error: unknown) => error);
      if (response instanceof Response) expect(response.status).toBe(413);
      expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
      expect(sentry.requests).toHaveLength(0);
    });

    it('forwards 200 concurrent posts, each once', async () => {
      const { sentry, loki, envelope, post } = await setup();
      const ids = Array.from({ length: 200 }, (_, i) => i.toString(16).padStart(32, '0'));
      const statuses = await Promise.all(ids.map((event_id) => post(envelope({ event_id })).then((r) => r.status)));
      expect(statuses.every((status) => status === 200)).toBe(true);
      expect(sentry.requests).toHaveLength(200);
      expect(new Set(sentry.requests.map((r) => JSON.parse(r.body.split('\n')[0]!).event_id)).size).toBe(200);
      expect(loki.requests).toHaveLength(200);
    });
  });
});
