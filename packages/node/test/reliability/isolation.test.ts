// Issue #23, "Request isolation across every async source": a server with the default `init({ dsn })`
// (fixtures/isolatedServer.mjs, its own process) whose handlers call a downstream on keep-alive connections
// and use timers, emitters and streams; each request's event, as a receiver in another process got it, must
// carry exactly its own downstream calls and breadcrumbs, and no other request's.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Event } from '@faultline/core';
import { startReceiverProcess, type ReceiverProcess } from '@faultline/test-utils';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { privateHome, removeHome, startApp, type AppMessage } from './startApp';

/** What `/sources` records, in any order, each once. */
const SOURCES = [
  'request-body',
  'timeout',
  'immediate',
  'interval',
  'emitter',
  'pipeline',
  'http-data',
  'http-end',
  'undici-data',
  'undici-end',
  'file',
  'fetch-body',
  'response-finish',
];

/** A downstream service answering after a few ms, in two chunks, keeping connections open. */
async function startDownstream(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    setTimeout(() => {
      res.write('first chunk;');
      setTimeout(() => res.end('second chunk'), Math.random() * 5);
    }, Math.random() * 10);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** Sends `total` requests, `concurrency` at a time over as many keep-alive connections; odd ids get /calls. */
async function sendRequests(port: number, total: number, concurrency: number): Promise<string[]> {
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 60_000 });
  const ids = Array.from({ length: total }, (_, n) => `r${n}`);
  try {
    for (let start = 0; start < total; start += concurrency) {
      await Promise.all(
        ids.slice(start, start + concurrency).map(async (id, i) => {
          const path = (start + i) % 2 ? 'calls' : 'sources';
          const { body } = await request(`http://127.0.0.1:${port}/${path}?id=${id}`, {
            method: 'POST',
            body: `payload of ${id} `.repeat(50),
            dispatcher: agent,
          });
          await body.text();
        }),
      );
    }
  } finally {
    await agent.close();
  }
  return ids;
}

/** The problems of one request's event (empty when it carries exactly its own data). */
function problemsOf(event: Event, downstream: string): string[] {
  const [kind, id] = event.exception!.values.at(-1)!.value!.split(' ') as [string, string];
  const problems: string[] = [];
  if (event.user?.id !== `user-${id}`) problems.push(`user ${JSON.stringify(event.user)}`);
  if (event.request?.query_string !== `id=${id}`) problems.push(`request ${event.request?.query_string}`);
  const crumbs = event.breadcrumbs ?? [];
  const calls = crumbs
    .filter((b) => b.category === 'http' && String(b.data?.url).startsWith(downstream))
    .map((b) => `${String(b.data!.method)} ${String(b.data!.url).slice(downstream.length)}`)
    .sort();
  const expectedCalls =
    kind === 'calls'
      ? [`GET /a?id=${id}`, `GET /c?id=${id}`, `GET /d?id=${id}`, `POST /b?id=${id}`]
      : [`GET /s?id=${id}`, `GET /s?id=${id}`, `GET /s?id=${id}`];
  if (JSON.stringify(calls) !== JSON.stringify(expectedCalls)) problems.push(`calls ${calls.join(', ')}`);
  const sources = crumbs.filter((b) => b.category === 'source').map((b) => String(b.message));
  const foreign = sources.filter((message) => !message.startsWith(`${id}:`));
  if (foreign.length > 0) problems.push(`foreign breadcrumbs ${foreign.join(', ')}`);
  const own = sources.filter((message) => message.startsWith(`${id}:`)).map((message) => message.slice(id.length + 1));
  const expectedSources = kind === 'calls' ? [] : SOURCES;
  if (JSON.stringify([...own].sort()) !== JSON.stringify([...expectedSources].sort()))
    problems.push(`own breadcrumbs ${own.join(', ')}`);
  return problems.length ? [`${kind} ${id}: ${problems.join('; ')}`] : [];
}

async function runScenario(framework: 'http' | 'express', total: number, concurrency: number) {
  const receiver: ReceiverProcess = await startReceiverProcess();
  await receiver.set({ keepPayloads: true });
  const downstream = await startDownstream();
  const home = privateHome();
  const app = startApp({
    dsn: receiver.dsn,
    home,
    fixture: 'isolatedServer.mjs',
    env: { FRAMEWORK: framework, DOWNSTREAM: downstream.url },
  });
  try {
    const { port } = await app.next<AppMessage & { port: number }>('listening');
    const ids = await sendRequests(port, total, concurrency);
    await receiver.waitFor((stats) => stats.unique >= total, 20_000, `${total} events delivered`);
    const events = [...(await receiver.events('calls ')), ...(await receiver.events('sources '))];
    const labels = events.map((e) => e.label.split(' ')[1]).sort();
    expect(labels).toEqual([...ids].sort());
    expect(events.every((e) => e.deliveries === 1)).toBe(true);
    const problems = events.flatMap((e) => problemsOf(e.payload as unknown as Event, downstream.url));
    expect(problems).toEqual([]);
  } finally {
    app.kill();
    await app.exited;
    await Promise.all([receiver.close(), downstream.close()]);
    removeHome(home);
  }
}

describe('request isolation on every async source (default init, receiver in another process)', () => {
  it.each(['http', 'express'] as const)(
    '%s: 4 rounds of 5 concurrent requests on keep-alive connections, each event carries exactly its own calls',
    (framework) => runScenario(framework, 20, 5),
    60_000,
  );

  it.each(['http', 'express'] as const)(
    '%s: 200 requests, 20 at a time: no event carries another request’s calls, breadcrumbs or user',
    (framework) => runScenario(framework, 200, 20),
    120_000,
  );
});
