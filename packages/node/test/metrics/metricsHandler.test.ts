// metricsHandler served by a real node:http server, Express and Fastify; the SDK delivers to a real receiver
// (undici transport; the journal is off here: queueDir false) so every destination series is there.
import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import express from 'express';
import Fastify from 'fastify';
import { metricsHandler } from '@faultline/node';
import { resetCarrier } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { listen } from '../support';
import { useMetricsClient, valueOf } from './metricsSupport';

const PROMETHEUS_ACCEPT =
  'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';

const client = useMetricsClient();

async function checkServer(url: string) {
  const text = await fetch(url);
  expect(text.status).toBe(200);
  expect(text.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  expect(text.headers.get('cache-control')).toBe('no-store');
  const body = await text.text();
  expect(valueOf(body, 'faultline_events_captured_total{category="error"}')).toBe(1);
  expect(valueOf(body, 'faultline_envelopes_sent_total{destination="sentry",outcome="ok"}')).toBe(1);
  expect(valueOf(body, 'faultline_queue_capacity{destination="sentry"}')).toBe(10_000);
  expect(body).not.toContain('# EOF');
  expect(body).not.toContain(String(client.receiver().port)); // no URL, no key

  const open = await fetch(url, { headers: { Accept: PROMETHEUS_ACCEPT } });
  expect(open.headers.get('content-type')).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
  const openBody = await open.text();
  expect(openBody).toContain('# TYPE faultline_events_captured counter\n');
  expect(openBody.endsWith('# EOF\n')).toBe(true);

  const head = await fetch(url, { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(await head.text()).toBe('');
}

describe('metricsHandler', () => {
  it('serves node:http as a listener of its own', async () => {
    const server = await listen(createServer(metricsHandler()));
    try {
      await checkServer(`${server.url}/metrics`);
      const post = await fetch(`${server.url}/metrics`, { method: 'POST' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD');
    } finally {
      await server.close();
    }
  });

  it('serves an Express route', async () => {
    const app = express();
    app.get('/metrics', metricsHandler());
    const server = await listen(createServer(app));
    try {
      await checkServer(`${server.url}/metrics`);
    } finally {
      await server.close();
    }
  });

  it('serves behind the README’s token check, refusing a scrape without the token', async () => {
    const token = Buffer.from('Bearer s3cret');
    const allowed = (header = '') => {
      const given = Buffer.from(header);
      return given.length === token.length && timingSafeEqual(given, token);
    };
    const app = express();
    app.get(
      '/metrics',
      (req, res, next) => (allowed(req.headers.authorization) ? next() : res.sendStatus(404)),
      metricsHandler(),
    );
    const server = await listen(createServer(app));
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
      const wrong = await fetch(`${server.url}/metrics`, { headers: { Authorization: 'Bearer s3cre' } });
      expect(wrong.status).toBe(404);
      const right = await fetch(`${server.url}/metrics`, { headers: { Authorization: 'Bearer s3cret' } });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('faultline_events_captured_total{category="error"} 1\n');
    } finally {
      await server.close();
    }
  });

  it('serves a Fastify route', async () => {
    const app = Fastify();
    app.get('/metrics', metricsHandler());
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await checkServer(`${url}/metrics`);
    } finally {
      await app.close();
    }
  });

  it('serves an empty exposition (not an error) before init', async () => {
    resetCarrier();
    const server = await listen(createServer(metricsHandler()));
    try {
      const response = await fetch(server.url, { headers: { Accept: 'application/openmetrics-text' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('# EOF\n');
    } finally {
      await server.close();
    }
  });
});
