import { setTimeout as sleep } from 'node:timers/promises';
import { captureException, flush, logger, setTag, setUser } from '@faultline/node';
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
        expect(event.breadcrumbs!.map((b) => b.message)).toEqual(['handling request']);
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
});
