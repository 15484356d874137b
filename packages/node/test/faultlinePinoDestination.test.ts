import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SerializedLog } from '@faultline/core';
import { captureException, expressErrorHandler, faultlinePinoDestination, flush } from '@faultline/node';
import express, { type ErrorRequestHandler } from 'express';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { initNodeForTest, listen } from './support';

const ROUTES = fileURLToPath(new URL('./fixtures/routes.mjs', import.meta.url));
type CreateApp = (app: typeof express, log: pino.Logger) => express.Express;

describe('faultlinePinoDestination', () => {
  it('puts a line logged right before a throw, in the same tick, among that error’s breadcrumbs', async () => {
    const record = initNodeForTest();
    const log = pino(faultlinePinoDestination({ write: () => true }));
    const { createApp } = (await import(pathToFileURL(ROUTES).href)) as { createApp: CreateApp };
    const app = createApp(express, log);
    app.use(expressErrorHandler());
    const quiet: ErrorRequestHandler = (_error, _req, res, _next) => void res.status(500).end();
    app.use(quiet);
    const server = await listen(app);
    try {
      await fetch(`${server.url}/pino-error`);
      await flush(2000);
    } finally {
      await server.close();
    }
    const [event] = record.events();
    expect(event!.exception!.values.at(-1)!.value).toBe('request to /pino-error failed');
    const pinoLines = event!.breadcrumbs!.filter((b) => b.category === 'pino');
    expect(pinoLines).toMatchObject([{ message: 'charging the card', level: 'info', data: { step: 'charging' } }]);
    // The same request's line, once: as a breadcrumb of its error and as one log.
    const logs = (record.items('log') as { items: SerializedLog[] }[]).flatMap((c) => c.items);
    expect(logs.map((l) => [l.body, l.attributes!.request_id!.value])).toEqual([
      ['charging the card', event!.tags!.request_id],
    ]);
  });

  it('runs waiting lines before a capture outside any request, and before a flush', async () => {
    const record = initNodeForTest();
    const log = pino(faultlinePinoDestination({ write: () => true }));
    log.warn({ job: 'nightly' }, 'retrying the export');
    captureException(new Error('export failed'));
    log.info('after the error');
    // No tick has passed: the flush itself must run the waiting line.
    const flushed = flush(2000);
    expect(await flushed).toBe(true);
    expect(record.events()[0]!.breadcrumbs!.map((b) => b.message)).toEqual(['retrying the export']);
    const logs = (record.items('log') as { items: SerializedLog[] }[]).flatMap((c) => c.items);
    expect(logs.map((l) => l.body)).toEqual(['retrying the export', 'after the error']);
  });
});
