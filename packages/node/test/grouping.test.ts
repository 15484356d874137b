import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getEventFingerprint, type Event } from '@faultline/core';
import { expressErrorHandler, flush } from '@faultline/node';
import express, { type ErrorRequestHandler } from 'express';
import { describe, expect, it } from 'vitest';
import { initNodeForTest, listen } from './support';

const ROUTES = fileURLToPath(new URL('./fixtures/routes.mjs', import.meta.url));
const PATHS = ['/boom', '/reject', '/pino-error'];
type CreateApp = (app: typeof express, log: { info(...args: unknown[]): void }) => express.Express;

/** Serves the routes of `file` and requests each path once; returns the events, in path order. */
async function eventsFrom(file: string): Promise<Event[]> {
  const record = initNodeForTest();
  const { createApp } = (await import(pathToFileURL(file).href)) as { createApp: CreateApp };
  const app = createApp(express, { info: () => undefined });
  app.use(expressErrorHandler());
  const quiet: ErrorRequestHandler = (_error, _req, res, _next) => void res.status(500).end();
  app.use(quiet);
  const server = await listen(app);
  try {
    for (const route of PATHS) await fetch(`${server.url}${route}`);
    await flush(2000);
  } finally {
    await server.close();
  }
  const events = record.events();
  return PATHS.map((route) => events.find((e) => e.exception!.values.at(-1)!.value === `request to ${route} failed`)!);
}

const throwSite = (event: Event) =>
  event
    .exception!.values.at(-1)!
    .stacktrace!.frames.filter((f) => f.in_app)
    .at(-1)!;

describe('grouping anonymous Express handlers', () => {
  it('gives each anonymous throw site in one file its own fingerprint', async () => {
    const events = await eventsFrom(ROUTES);
    expect(events.every(Boolean)).toBe(true);
    expect(new Set(events.map(getEventFingerprint)).size).toBe(3);
    // What tells them apart, as sent: the anonymous frame, its path (not a file:// URL) and source line.
    const sites = events.map(throwSite);
    expect(sites.map((f) => [f.function, f.filename, f.context_line?.trim()])).toEqual([
      ['?', ROUTES, 'throw new Error(`request to ${req.path} failed`);'],
      ['?', ROUTES, 'await Promise.reject(new Error(`request to ${req.path} failed`));'],
      ['?', ROUTES, "throw new Error(`request to ${req.path} failed`, { cause: 'card declined' });"],
    ]);
    // Sentry's 7 lines of context either side, where the file has them.
    expect(sites[2]!.pre_context).toHaveLength(7);
    expect(sites[2]!.pre_context!.at(-1)!.trim()).toBe("log.info({ step: 'charging' }, 'charging the card');");
  });

  it('keeps each site’s fingerprint in a release that only adds and moves other lines', async () => {
    const before = await eventsFrom(ROUTES);
    const dir = mkdtempSync(path.join(tmpdir(), 'faultline-release-'));
    const later = path.join(dir, 'routes.mjs');
    copyFileSync(ROUTES, later);
    const source = readFileSync(later, 'utf8').split('\n');
    // Release 2, deployed to another folder: comments on top, a new route before the others.
    source.splice(4, 0, "  app.get('/health', (req, res) => res.end('ok'));", '');
    source.splice(0, 0, '// release 2', '// (routes moved down)', '');
    writeFileSync(later, source.join('\n'));
    const after = await eventsFrom(later);
    expect(after.map((e) => throwSite(e).lineno)).not.toEqual(before.map((e) => throwSite(e).lineno));
    expect(after.map(getEventFingerprint)).toEqual(before.map(getEventFingerprint));
  });
});
