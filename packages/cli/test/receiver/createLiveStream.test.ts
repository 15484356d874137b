import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReceiver, type RunningReceiver } from '@faultline/cli';
import { createEventEnvelope, serializeEnvelope, type Event } from '@faultline/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveStream } from '../../src/receiver/createLiveStream';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'faultline-live-'));
const anEvent = (value: string): Event => ({
  event_id: randomUUID().replaceAll('-', ''),
  timestamp: Date.now() / 1000,
  level: 'error',
  exception: { values: [{ type: 'Error', value }] },
});
const envelopeOf = (event: Event) =>
  serializeEnvelope(createEventEnvelope(event, { sdk: { name: 'faultline.test', version: '0' } }));

interface Follower {
  status: number;
  headers: IncomingMessage['headers'];
  /** Every message so far, as `[event, data]`. */
  messages: [string, unknown][];
  /** Resolves once `count` messages came. */
  waitFor(count: number): Promise<void>;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

/** A client of the live feed, reading its server-sent events as a browser's EventSource would. */
function follow(url: string, headers: Record<string, string> = {}): Promise<Follower> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/stream`, { headers, agent: false }, (res) => {
      const messages: [string, unknown][] = [];
      const arrived = new EventEmitter();
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) messages.push([event, JSON.parse(data)]);
          arrived.emit('message');
        }
      });
      const ended = new Promise<void>((done) => res.on('close', done));
      resolve({
        status: res.statusCode!,
        headers: res.headers,
        messages,
        ended,
        waitFor: (count) =>
          new Promise<void>((done) => {
            const check = () => messages.length >= count && (arrived.off('message', check), done());
            arrived.on('message', check);
            check();
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const post = (url: string, body: string) => fetch(url, { method: 'POST', body }).then((r) => r.status);

describe('createLiveStream (the page’s live feed at /api/stream)', () => {
  let receiver: RunningReceiver;
  afterEach(async () => {
    await receiver?.close();
  });

  it('tells a following page when an event is stored (its issue, whether new) and when logs arrive', async () => {
    receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
    const page = await follow(receiver.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await post(`${receiver.url}/api/1/envelope/?sentry_key=k`, envelopeOf(anEvent('checkout failed')));
    await post(`${receiver.url}/api/1/envelope/?sentry_key=k`, envelopeOf(anEvent('checkout failed')));
    const push = { streams: [{ stream: { level: 'info' }, values: [[`${Date.now()}000000`, 'started']] }] };
    expect(await post(receiver.lokiUrl, JSON.stringify(push))).toBe(204);
    const logItem = [
      '{}',
      '{"type":"log","item_count":1,"content_type":"application/vnd.sentry.items.log+json"}',
      JSON.stringify({ items: [{ timestamp: Date.now() / 1000, level: 'info', body: 'started' }] }),
    ].join('\n');
    await post(`${receiver.url}/api/1/envelope/?sentry_key=k`, logItem);
    await page.waitFor(4);
    const issue = receiver.store.issues()[0]!.id;
    expect(page.messages).toEqual([
      ['event', { issue, isNew: true, count: 1 }],
      ['event', { issue, isNew: false, count: 2 }],
      ['logs', { count: 1 }],
      ['logs', { count: 1 }],
    ]);
    page.close();
  });

  it('follows the page’s rules: no CORS header, same-origin only, loopback Host only, GET only', async () => {
    receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
    const page = await follow(receiver.url, { 'Sec-Fetch-Site': 'same-origin', Origin: receiver.url });
    expect(page.status).toBe(200);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
    page.close();
    // A browser marks what another site (another port of 127.0.0.1 included) asks for: refused before it is held.
    for (const site of ['same-site', 'cross-site']) {
      const other = await follow(receiver.url, { 'Sec-Fetch-Site': site });
      expect(other.status).toBe(403);
      await other.ended;
    }
    const rebound = await follow(receiver.url, { Host: 'rebind.example' });
    expect(rebound.status).toBe(421);
    expect((await fetch(`${receiver.url}/api/stream`, { method: 'POST' })).status).toBe(405);
  });

  it('lets 16 pages follow at once; the next is told to come back (503), and gets in once one leaves', async () => {
    receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
    const pages = await Promise.all(Array.from({ length: 16 }, () => follow(receiver.url)));
    expect(pages.map((page) => page.status)).toEqual(Array(16).fill(200));
    const refused = await follow(receiver.url);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('10');
    pages[0]!.close();
    await pages[0]!.ended;
    let next: Follower;
    for (;;) {
      next = await follow(receiver.url);
      if (next.status === 200) break; // the server saw the first one go
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const page of [...pages.slice(1), next]) page.close();
  });

  it('ends every stream when the receiver closes, so closing does not wait for the pages', async () => {
    receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
    const page = await follow(receiver.url);
    const started = performance.now();
    await receiver.close();
    await page.ended;
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

/** A stand-in for a response, to drive the feed where a real socket cannot be made to misbehave. */
function fakeResponse(backlog: () => number) {
  const res = Object.assign(new EventEmitter(), {
    written: [] as string[],
    destroyed: false,
    headersSent: false,
    writableEnded: false,
    writeHead() {
      res.headersSent = true;
      return res;
    },
    write(text: string) {
      res.written.push(text);
      return true;
    },
    end() {
      res.writableEnded = true;
    },
    destroy() {
      res.destroyed = true;
      res.emit('close');
    },
  });
  // (Object.assign would read a getter once; the backlog must be read when the feed looks.)
  Object.defineProperty(res, 'writableLength', { get: backlog });
  return res;
}
const aRequest = { headers: {} } as IncomingMessage;

describe('createLiveStream, bounded', () => {
  it('lets go of a page that stopped reading once 64 KiB wait for it, and keeps the others', () => {
    const live = createLiveStream();
    let stuck = 0;
    const slow = fakeResponse(() => stuck);
    const fine = fakeResponse(() => 0);
    live.connect(aRequest, slow as unknown as ServerResponse);
    live.connect(aRequest, fine as unknown as ServerResponse);
    live.publish('logs', { count: 1 });
    stuck = 64 * 1024 + 1;
    live.publish('logs', { count: 2 });
    expect(slow.destroyed).toBe(true);
    expect(live.clients).toBe(1);
    expect(fine.written.filter((text) => text.startsWith('event:'))).toHaveLength(2);
    live.close();
  });

  it('writes a keep-alive comment while pages follow, and stops its timer when the last one leaves', () => {
    vi.useFakeTimers();
    try {
      const live = createLiveStream({ heartbeatMs: 10 });
      const page = fakeResponse(() => 0);
      live.connect(aRequest, page as unknown as ServerResponse);
      vi.advanceTimersByTime(35);
      expect(page.written.filter((text) => text === ': keep-alive\n\n')).toHaveLength(3);
      page.emit('close');
      expect(live.clients).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
