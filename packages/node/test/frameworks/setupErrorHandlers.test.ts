// Sentry's setup*ErrorHandler functions with the real frameworks (connect, hapi, Hono on @hono/node-server),
// with the in-memory test transport: what matters here is what each handler captures, once.
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import Hapi from '@hapi/hapi';
import connect from 'connect';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { flush, setTag, setupConnectErrorHandler, setupHapiErrorHandler, setupHonoErrorHandler } from '@faultline/node';
import { describe, expect, it } from 'vitest';
import { initNodeForTest, listen } from '../support';

async function expectCapturedOnce(record: ReturnType<typeof initNodeForTest>, url: string, mechanism: string) {
  const response = await fetch(`${url}/boom?id=7`, { headers: { 'x-request-id': `req-${mechanism}` } });
  expect(response.status).toBe(500);
  await flush(1000);
  const events = record.events();
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    exception: {
      values: [{ type: 'Error', value: `${mechanism} route failed`, mechanism: { type: mechanism, handled: false } }],
    },
    tags: { request_id: `req-${mechanism}`, framework: mechanism },
    request: { method: 'GET', url: `${url}/boom`, query_string: 'id=7' },
  });
}

describe('setupConnectErrorHandler (in-memory transport)', () => {
  it('captures an error passed down a connect app once and passes it on', async () => {
    const record = initNodeForTest();
    const app = connect();
    app.use('/boom', () => {
      setTag('framework', 'connect');
      throw new Error('connect route failed');
    });
    setupConnectErrorHandler(app);
    app.use((error: Error, _req: unknown, res: { statusCode: number; end(body: string): void }, _next: unknown) => {
      res.statusCode = 500;
      res.end(error.message);
    });
    const server = await listen(createServer(app));
    try {
      await expectCapturedOnce(record, server.url, 'connect');
    } finally {
      await server.close();
    }
  });
});

describe('setupHapiErrorHandler (in-memory transport)', () => {
  it('captures an error a route throws (answered 500) once, and not a 404', async () => {
    const record = initNodeForTest();
    const server = Hapi.server({ port: 0, host: '127.0.0.1' });
    await setupHapiErrorHandler(server);
    server.route({
      method: 'GET',
      path: '/boom',
      handler: () => {
        setTag('framework', 'hapi');
        throw new Error('hapi route failed');
      },
    });
    await server.start();
    try {
      await expectCapturedOnce(record, server.info.uri, 'hapi');
      expect((await fetch(`${server.info.uri}/missing`)).status).toBe(404);
      await flush(1000);
      expect(record.events()).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});

describe('setupHonoErrorHandler (in-memory transport)', () => {
  it('captures what a handler throws once, and not an HTTPException with a 4xx status', async () => {
    const record = initNodeForTest();
    const app = new Hono();
    setupHonoErrorHandler(app);
    app.get('/boom', () => {
      setTag('framework', 'hono');
      throw new Error('hono route failed');
    });
    app.get('/forbidden', () => {
      throw new HTTPException(403, { message: 'no' });
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      await expectCapturedOnce(record, url, 'hono');
      expect((await fetch(`${url}/forbidden`)).status).toBe(403);
      await flush(1000);
      expect(record.events()).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
