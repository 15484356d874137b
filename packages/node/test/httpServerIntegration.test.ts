import { setTimeout as sleep } from 'node:timers/promises';
import { addBreadcrumb, captureException, flush, logger, setTag, setUser } from '@faultline/node';
import { Agent, request } from 'undici';
import type { SerializedLog } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { initNodeForTest, listen } from './support';

describe('httpServerIntegration', () => {
  it('keeps 200 concurrent requests apart: each event and log carries only its own request’s data', async () => {
    const record = initNodeForTest();
    const server = await listen(async (req, res) => {
      const user = String(req.headers['x-user']);
      setUser({ id: user });
      setTag('user_tag', user);
      logger.info('handling request', { user });
      await sleep(Math.random() * 20); // interleave the requests across awaits
      captureException(new Error(`failed for ${user}`));
      res.end('ok');
    });
    try {
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          fetch(`${server.url}/orders/${i}?page=2`, { headers: { 'x-user': `user-${i}`, 'x-request-id': `req-${i}` } }),
        ),
      );
      expect(responses.map((r) => r.headers.get('x-request-id'))).toEqual(
        Array.from({ length: 200 }, (_, i) => `req-${i}`),
      );
      await flush(5000);
      const events = record.events();
      expect(events).toHaveLength(200);
      for (const event of events) {
        const user = event.exception!.values[0]!.value.replace('failed for ', '');
        const n = user.replace('user-', '');
        expect(event.user).toEqual({ id: user });
        expect(event.tags).toMatchObject({ user_tag: user, request_id: `req-${n}` });
        expect(event.request).toMatchObject({
          method: 'GET',
          url: `${server.url}/orders/${n}`,
          query_string: 'page=2',
        });
        // Its own line only (the test's outgoing fetches are process-level breadcrumbs, which requests inherit).
        const lines = event.breadcrumbs!.filter((b) => b.category === 'log');
        expect(lines.map((b) => [b.message, b.data])).toEqual([['handling request', { user }]]);
      }
      const logs = (record.items('log') as { items: SerializedLog[] }[]).flatMap((c) => c.items);
      expect(logs).toHaveLength(200);
      for (const log of logs) {
        const user = log.attributes!.user!.value as string;
        expect(log.attributes!.request_id!.value).toBe(`req-${user.replace('user-', '')}`);
        expect(log.attributes!['user.id']!.value).toBe(user);
      }
    } finally {
      await server.close();
    }
  });

  it('continues an incoming traceparent and makes up a request id when none came', async () => {
    const record = initNodeForTest();
    const server = await listen((_req, res) => {
      captureException(new Error('traced'));
      res.end();
    });
    try {
      const response = await fetch(server.url, {
        headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
      });
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{16}$/);
      await flush(1000);
      expect(record.events()[0]!.contexts!.trace).toMatchObject({
        trace_id: '0af7651916cd43dd8448eb211c80319c',
        parent_span_id: 'b7ad6b7169203331',
      });
      expect(record.events()[0]!.tags!.request_id).toBe(response.headers.get('x-request-id'));
    } finally {
      await server.close();
    }
  });

  it('forks each request from the process-level scope: breadcrumbs, tags and user set before it arrive', async () => {
    const record = initNodeForTest();
    addBreadcrumb({ category: 'boot', message: 'config loaded' });
    setTag('deployment', 'blue');
    setUser({ id: 'service-account' });
    const server = await listen((_req, res) => {
      addBreadcrumb({ category: 'app', message: 'in the request' });
      captureException(new Error('failed in a request'));
      res.end();
    });
    try {
      await fetch(server.url);
      await flush(1000);
      const [event] = record.events();
      expect(event!.tags).toMatchObject({ deployment: 'blue' });
      expect(event!.user).toEqual({ id: 'service-account' });
      const crumbs = event!.breadcrumbs!.map((b) => b.message).filter(Boolean);
      expect(crumbs).toEqual(['config loaded', 'in the request']);
      // The request's own breadcrumbs stay in the request.
      captureException(new Error('at process level'));
      await flush(1000);
      expect(record.events()[1]!.breadcrumbs!.map((b) => b.message)).not.toContain('in the request');
    } finally {
      await server.close();
    }
  });

  it('keeps requests on one keep-alive connection apart: the second does not inherit the first one’s data', async () => {
    const record = initNodeForTest();
    addBreadcrumb({ category: 'boot', message: 'process level' });
    const server = await listen((req, res) => {
      if (req.url === '/first') {
        setUser({ id: 'first-user' });
        setTag('route', 'first');
        addBreadcrumb({ category: 'app', message: 'first request' });
      }
      captureException(new Error(`failed on ${req.url}`));
      res.end('ok');
    });
    const agent = new Agent({ connections: 1, pipelining: 1 });
    try {
      for (const path of ['/first', '/second']) {
        const response = await request(`${server.url}${path}`, { dispatcher: agent });
        await response.body.text();
      }
      await flush(1000);
      const [first, second] = record.events();
      expect(first!.user).toEqual({ id: 'first-user' });
      expect(second!.exception!.values[0]!.value).toBe('failed on /second');
      expect(second!.user).toBeUndefined();
      expect(second!.tags).not.toHaveProperty('route');
      expect(second!.breadcrumbs!.map((b) => b.message).filter(Boolean)).toEqual(['process level']);
      // Both requests did share one connection.
      expect(first!.request!.headers!.connection).toBe('keep-alive');
      expect(new Set(record.events().map((e) => e.tags!.request_id)).size).toBe(2);
    } finally {
      await agent.close();
      await server.close();
    }
  });

  it('sends no query_string when the URL has none (no placeholder)', async () => {
    const record = initNodeForTest();
    const server = await listen((_req, res) => {
      captureException(new Error('no query'));
      res.end();
    });
    try {
      await fetch(`${server.url}/plain`);
      await flush(1000);
      expect(record.events()[0]!.request).not.toHaveProperty('query_string');
      // As a JSON value: the frames' source lines hold this very test's text.
      expect(record.bodies.join('\n')).not.toContain('"[undefined]"');
    } finally {
      await server.close();
    }
  });
});
