import { createServer } from 'node:http';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import { captureException, expressErrorHandler, faultlineFastify, flush, koaMiddleware, setTag } from '@faultline/node';
import { describe, expect, it } from 'vitest';
import { initNodeForTest, listen } from './support';

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
  const notFound = await fetch(`${url}/missing`);
  expect(notFound.status).toBe(404);
  await flush(1000);
  expect(record.events()).toHaveLength(1); // 4xx are the client's mistakes: not captured
}

describe('expressErrorHandler', () => {
  it('captures a route error once and passes it on', async () => {
    const record = initNodeForTest();
    const app = express();
    app.get('/boom', () => {
      setTag('framework', 'express');
      throw new Error('express route failed');
    });
    app.use(expressErrorHandler());
    app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      captureException(error); // an app that also captures itself does not make a second event
      res.status(500).send('handled');
    });
    const server = await listen(createServer(app));
    try {
      await expectCapturedOnce(record, server.url, 'express');
    } finally {
      await server.close();
    }
  });
});

describe('faultlineFastify', () => {
  it('captures a route error once, for every route of the app', async () => {
    const record = initNodeForTest();
    const app = Fastify();
    await app.register(faultlineFastify);
    app.get('/boom', async () => {
      setTag('framework', 'fastify');
      throw new Error('fastify route failed');
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await expectCapturedOnce(record, url, 'fastify');
    } finally {
      await app.close();
    }
  });
});

describe('koaMiddleware', () => {
  it('captures a downstream error once and rethrows it for Koa', async () => {
    const record = initNodeForTest();
    const app = new Koa();
    app.silent = true;
    app.use(koaMiddleware());
    app.use(async (ctx) => {
      if (ctx.path !== '/boom') return;
      setTag('framework', 'koa');
      throw new Error('koa route failed');
    });
    const server = await listen(createServer(app.callback()));
    try {
      await expectCapturedOnce(record, server.url, 'koa');
    } finally {
      await server.close();
    }
  });
});
