import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { captureException, flush, withIsolationScope } from '@faultline/node';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { initNodeForTest, listen } from './support';

const TRACE = '0af7651916cd43dd8448eb211c80319c';

describe('httpClientIntegration', () => {
  it('continues the request’s trace on outgoing fetch and http.request calls, with breadcrumbs', async () => {
    const record = initNodeForTest();
    const seen: IncomingHttpHeaders[] = [];
    const downstream = await listen((req, res) => {
      seen.push(req.headers);
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.end('{}');
    });
    const service = await listen(async (_req, res) => {
      await (await fetch(`${downstream.url}/inventory`)).text();
      await new Promise<void>((resolve) => {
        httpRequest(`${downstream.url}/missing`, (response) => {
          response.resume();
          response.on('end', resolve);
        }).end();
      });
      captureException(new Error('after two calls'));
      res.end();
    });
    try {
      await fetch(service.url, {
        headers: { traceparent: `00-${TRACE}-b7ad6b7169203331-01`, 'x-request-id': 'req-9' },
      });
      await flush(1000);
      expect(seen).toHaveLength(2);
      for (const headers of seen) {
        expect(headers.traceparent).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`));
        expect(headers['x-request-id']).toBe('req-9');
      }
      const crumbs = record.events()[0]!.breadcrumbs!.filter((b) => b.category === 'http');
      expect(crumbs.map((b) => [b.data!.method, b.data!.url, b.data!.status_code])).toEqual([
        ['GET', `${downstream.url}/inventory`, 200],
        ['GET', `${downstream.url}/missing`, 404],
      ]);
    } finally {
      await service.close();
      await downstream.close();
    }
  });

  it('leaves requests to URLs outside tracePropagationTargets alone', async () => {
    initNodeForTest({ tracePropagationTargets: ['api.internal.example'] });
    const seen: IncomingHttpHeaders[] = [];
    const server = await listen((req, res) => {
      seen.push(req.headers);
      res.end();
    });
    try {
      await fetch(server.url);
      expect(seen[0]!.traceparent).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

describe('httpClientIntegration on a reused keep-alive connection (stubbed transport)', () => {
  it('adds each undici request’s breadcrumb, and runs its body stream’s listeners, in the scope that made it', async () => {
    const record = initNodeForTest();
    const downstream = await listen((_req, res) => {
      res.write('a');
      setTimeout(() => res.end('b'), 5);
    });
    // One connection: the second request reuses the socket the first one opened, in the first one's context.
    const agent = new Agent({ connections: 1, keepAliveTimeout: 60_000 });
    const call = (name: string) =>
      withIsolationScope(async (scope) => {
        scope.setTag('request', name);
        const { body } = await request(`${downstream.url}/${name}`, { dispatcher: agent });
        await new Promise<void>((resolve) =>
          body.on('end', () => resolve(void captureException(new Error(`ended ${name}`)))).resume(),
        );
      });
    try {
      await call('first');
      await call('second');
      await flush(1000);
      const events = record.events();
      expect(events.map((e) => [e.exception!.values[0]!.value, e.tags!.request])).toEqual([
        ['ended first', 'first'],
        ['ended second', 'second'],
      ]);
      expect(events.map((e) => e.breadcrumbs!.filter((b) => b.category === 'http').map((b) => b.data!.url))).toEqual([
        [`${downstream.url}/first`],
        [`${downstream.url}/second`],
      ]);
    } finally {
      await agent.close();
      await downstream.close();
    }
  });
});

describe('httpClientIntegration and the SDK’s own requests', () => {
  it('never records or traces the requests that deliver events', async () => {
    const { startReceiver, resetCarrier } = await import('@faultline/test-utils');
    const { init, captureException: capture, flush: flushAll } = await import('@faultline/node');
    const { parseEnvelope } = await import('@faultline/core');
    resetCarrier();
    const receiver = await startReceiver();
    try {
      init({
        dsn: `http://key@127.0.0.1:${receiver.port}/1`,
        queueDir: false,
        integrations: (d) => d.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown'),
      });
      capture(new Error('first'));
      await flushAll(2000);
      capture(new Error('second'));
      await flushAll(2000);
      const second = parseEnvelope(receiver.requests[1]!.body)[1][0]![1] as { breadcrumbs?: { category?: string }[] };
      expect((second.breadcrumbs ?? []).filter((b) => b.category === 'http')).toEqual([]);
      expect(receiver.requests.every((r) => r.headers.traceparent === undefined)).toBe(true);
    } finally {
      await receiver.close();
    }
  });
});
