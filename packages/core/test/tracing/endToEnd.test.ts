import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  captureException,
  continueTrace,
  flush,
  getTraceHeaders,
  logger,
  startNewTrace,
  withIsolationScope,
} from '@faultline/core';
import type { SerializedLog } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('one trace id from a browser-style request through a Node-style service to the next service', () => {
  it('carries the incoming traceparent into events, logs and the outgoing traceparent', async () => {
    resetCarrier();
    const { record } = initForTest();
    const downstreamHeaders: IncomingHttpHeaders[] = [];
    const downstream = createServer((req, res) => {
      downstreamHeaders.push(req.headers);
      res.end('ok');
    });
    const downstreamUrl = await listen(downstream);
    // The Node-style service: each request in its own isolation scope, continuing the caller's trace.
    const service = createServer((req, res) => {
      const outgoing = withIsolationScope(() =>
        continueTrace(req.headers, () => {
          logger.info('checkout started', { cart: 'c-77' });
          captureException(new Error('payment declined'));
          return getTraceHeaders();
        }),
      );
      void fetch(`${downstreamUrl}/inventory`, { headers: outgoing }).then(() => res.end('done'));
    });
    const serviceUrl = await listen(service);
    try {
      // The browser-style page: a page-load trace, and its headers on the request.
      const page = startNewTrace('page-req-1');
      const response = await fetch(`${serviceUrl}/checkout`, { headers: getTraceHeaders() });
      expect(await response.text()).toBe('done');
      await flush(1000);

      const [event] = record.events();
      const logs = (record.items('log') as { items: SerializedLog[] }[]).flatMap((c) => c.items);
      expect(event!.contexts!.trace).toMatchObject({ trace_id: page.traceId, parent_span_id: page.spanId });
      expect(event!.tags).toMatchObject({ request_id: 'page-req-1' });
      expect(logs[0]).toMatchObject({ trace_id: page.traceId, attributes: { request_id: { value: 'page-req-1' } } });
      expect(downstreamHeaders[0]!.traceparent).toMatch(new RegExp(`^00-${page.traceId}-[0-9a-f]{16}-00$`));
      expect(downstreamHeaders[0]!['x-request-id']).toBe('page-req-1');
    } finally {
      await new Promise((resolve) => service.close(resolve));
      await new Promise((resolve) => downstream.close(resolve));
    }
  });
});
