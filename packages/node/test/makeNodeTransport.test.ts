import { createServer, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { createEventEnvelope, parseEnvelope, SDK_VERSION, uuid4 } from '@faultline/core';
import type { Envelope, Event } from '@faultline/core';
import { makeNodeTransport } from '@faultline/node';
import { startReceiver } from '@faultline/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listen } from './support';

const sdk = { name: 'test', version: '0' };
const envelope = (extra: Record<string, unknown> = {}): Envelope =>
  createEventEnvelope({ event_id: uuid4(), timestamp: Date.now() / 1000, message: 'via undici', extra }, { sdk });

describe('makeNodeTransport', () => {
  const saved = { ...process.env };
  afterEach(() => void (process.env = { ...saved }));

  it('gzips bodies over 32 KiB and sends small ones plain', async () => {
    const receiver = await startReceiver();
    try {
      const transport = makeNodeTransport()({
        url: `${receiver.url}/api/1/envelope/`,
        recordDroppedEvent: () => undefined,
      });
      await transport.send(envelope());
      await transport.send(envelope({ blob: 'x'.repeat(100_000) }));
      expect(await transport.flush(5000)).toBe(true);
      expect(receiver.requests.map((r) => r.headers['content-encoding'])).toEqual([undefined, 'gzip']);
      const big = parseEnvelope(receiver.requests[1]!.body)[1][0]![1] as Event; // the receiver gunzips
      expect((big.extra!.blob as string).length).toBe(100_000);
    } finally {
      await receiver.close();
    }
  });

  it('names itself in a User-Agent of faultline-node/<version> on every request', async () => {
    const receiver = await startReceiver();
    try {
      const transport = makeNodeTransport()({
        url: `${receiver.url}/api/1/envelope/`,
        recordDroppedEvent: () => undefined,
      });
      await transport.send(envelope());
      expect(await transport.flush(5000)).toBe(true);
      expect(receiver.requests[0]!.headers['user-agent']).toBe(`faultline-node/${SDK_VERSION}`);
      expect(SDK_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      await receiver.close();
    }
  });

  it('counts a 200 as delivered when its headers arrive, however slowly its body drips, and sends it once', async () => {
    let requests = 0;
    const drips = new Set<ReturnType<typeof setInterval>>();
    const server = await listen((req, res) => {
      requests++;
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const drip = setInterval(() => res.write(' '), 200);
        drips.add(drip);
        res.on('close', () => clearInterval(drip));
      });
    });
    try {
      const transport = makeNodeTransport()({
        url: `${server.url}/api/1/envelope/`,
        recordDroppedEvent: () => undefined,
      });
      const started = performance.now();
      await transport.send(envelope());
      expect(await transport.flush(5000)).toBe(true);
      // Not the body's end (never) nor undici's 30 s body timeout: the status decided it.
      expect(performance.now() - started).toBeLessThan(2000);
      expect(requests).toBe(1);
    } finally {
      drips.forEach(clearInterval);
      await server.close();
    }
  });

  it('decides a refusal on its status and quotes the reason that arrived within 2 s of a body that drips', async () => {
    const warned: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warned.push(args.join(' ')));
    const drips = new Set<ReturnType<typeof setInterval>>();
    const server = await listen((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.write('entry too old'); // the reason, then a body that never ends
        const drip = setInterval(() => res.write('.'), 200);
        drips.add(drip);
        res.on('close', () => clearInterval(drip));
      });
    });
    try {
      const dropped: string[] = [];
      const transport = makeNodeTransport()({
        url: `${server.url}/api/1/envelope/`,
        recordDroppedEvent: (reason) => void dropped.push(reason),
      });
      const started = performance.now();
      await transport.send(envelope());
      expect(await transport.flush(10_000)).toBe(true);
      // The reason read for 2 s at most, not until undici's 30 s body timeout.
      expect(performance.now() - started).toBeLessThan(4000);
      expect(dropped).toEqual(['send_error']);
      expect(warned.join('\n')).toMatch(/HTTP 400 "entry too old\.*"/);
    } finally {
      warn.mockRestore();
      drips.forEach(clearInterval);
      await server.close();
    }
  });

  it('goes through HTTP_PROXY, and around it for NO_PROXY hosts', async () => {
    const receiver = await startReceiver();
    const proxied: string[] = [];
    // A minimal forward proxy on loopback: CONNECT tunnels (what undici uses) and absolute-form requests.
    const server = createServer((req, res) => {
      proxied.push(req.url ?? '');
      const upstream = httpRequest(new URL(req.url ?? ''), { method: req.method, headers: req.headers }, (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      });
      req.pipe(upstream);
    });
    server.on('connect', (req, socket, head) => {
      proxied.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host!, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    const proxy = await listen(server);
    try {
      process.env.HTTP_PROXY = proxy.url;
      process.env.NO_PROXY = '';
      const viaProxy = makeNodeTransport()({
        url: `${receiver.url}/api/1/envelope/`,
        recordDroppedEvent: () => undefined,
      });
      await viaProxy.send(envelope());
      expect(await viaProxy.flush(5000)).toBe(true);
      expect(proxied).toEqual([`127.0.0.1:${receiver.port}`]);

      process.env.NO_PROXY = '127.0.0.1';
      const direct = makeNodeTransport()({
        url: `${receiver.url}/api/1/envelope/`,
        recordDroppedEvent: () => undefined,
      });
      await direct.send(envelope());
      expect(await direct.flush(5000)).toBe(true);
      expect(proxied).toHaveLength(1);
      expect(receiver.accepted()).toHaveLength(2);
    } finally {
      await Promise.all([proxy.close(), receiver.close()]);
    }
  });
});
