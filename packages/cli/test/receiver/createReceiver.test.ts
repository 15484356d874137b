import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createReceiver, type StoredLog } from '@faultline/cli';
import { createEventEnvelope, serializeEnvelope, type Event } from '@faultline/core';
import { captureException, close, createLokiDestination, flush, init, logger, setUser } from '@faultline/node';
import { resetCarrier } from '@faultline/test-utils';
import { build } from 'esbuild';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';
import { describe, expect, it } from 'vitest';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'faultline-dev-'));

describe('createReceiver (faultline dev)', () => {
  it('stores what the SDK delivers to the DSN and to the Loki URL, groups events into issues, and prints them', async () => {
    const dir = tmp();
    const printed: string[] = [];
    const receiver = await createReceiver({ port: 0, dir, print: (line) => printed.push(line) });
    try {
      resetCarrier();
      init({
        dsn: receiver.dsn,
        queueDir: false,
        delivery: { destinations: [createLokiDestination({ url: receiver.lokiUrl, service: 'shop' })] },
        integrations: (d) =>
          d.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown' && i.name !== 'Dedupe'),
      });
      const fail = () => new Error('Payment for cart c-77 failed');
      logger.warn('Stock low', { sku: 'SKU-55' });
      captureException(fail());
      captureException(fail());
      expect(await flush(5000)).toBe(true);

      expect(receiver.store.summary()).toMatchObject({ issues: 1, events: 2 });
      expect(receiver.store.issues()[0]).toMatchObject({ title: 'Error: Payment for cart c-77 failed', count: 2 });
      // One record, sent through the DSN and to Loki: one row that names both ways it came.
      expect(receiver.store.logs({ level: 'warn' }).map((l) => [[...l.sources].sort(), l.body])).toEqual([
        [['loki', 'sentry'], 'Stock low'],
      ]);
      expect(readFileSync(path.join(dir, 'events.ndjson'), 'utf8').trim().split('\n')).toHaveLength(2);
      expect(existsSync(path.join(dir, 'logs.ndjson'))).toBe(true);
      expect(printed.join('\n')).toContain('NEW ISSUE');
      expect(printed.join('\n')).toMatch(/at .*createReceiver\.test\.ts/);
      expect(await (await fetch(`${receiver.url}/api/issues`)).json()).toHaveLength(1);
      expect((await fetch(`${receiver.url}/api/1/envelope/`, { method: 'POST', body: '{}' })).status).toBe(401);
    } finally {
      await receiver.close();
    }
  });

  it('shows a minified browser frame with the original file, line and function when the map is given', async () => {
    const dir = tmp();
    const source = path.join(dir, 'checkout.js');
    writeFileSync(
      source,
      'export function chargeCard(cart) {\n  const amount = cart.total * 100;\n  throw new Error(`charge ${amount} failed`);\n}\n',
    );
    const maps = path.join(dir, 'maps');
    const result = await build({
      entryPoints: [source],
      bundle: true,
      minify: true,
      sourcemap: 'external',
      format: 'esm',
      write: false,
      outfile: path.join(maps, 'app.min.js'),
    });
    mkdirSync(maps, { recursive: true });
    for (const file of result.outputFiles) writeFileSync(path.join(maps, path.basename(file.path)), file.text);
    const mapJson = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map'))!.text) as RawSourceMap;
    const generated = new SourceMapConsumer(mapJson).generatedPositionFor({
      source: mapJson.sources[0]!,
      line: 3,
      column: 2,
    });

    const receiver = await createReceiver({ port: 0, dir: path.join(dir, 'store'), sourceMaps: [maps], print: false });
    try {
      const frame = {
        filename: 'https://shop.example.com/assets/app.min.js?v=3',
        function: 'o',
        lineno: generated.line!,
        colno: generated.column! + 1,
        in_app: true,
      };
      const event: Event = {
        event_id: 'b'.repeat(32),
        level: 'error',
        exception: { values: [{ type: 'Error', value: 'charge 1000 failed', stacktrace: { frames: [frame] } }] },
      };
      await fetch(`${receiver.url}/api/1/envelope/?sentry_key=k`, {
        method: 'POST',
        body: serializeEnvelope(createEventEnvelope(event, { sdk: { name: 't', version: '0' } })),
      });
      const stored = receiver.store.issues()[0]!.events[0]!.exception!.values[0]!.stacktrace!.frames[0]!;
      expect(stored.filename).toContain('checkout.js');
      expect(stored.lineno).toBe(3);
      expect(stored.function).toBe('chargeCard');
      expect(stored.context_line).toBe('  throw new Error(`charge ${amount} failed`);');
      expect(stored.abs_path).toBe(frame.filename);
    } finally {
      await receiver.close();
    }
  });
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP request with headers fetch() will not send (Host) and bodies as given (already encoded). */
function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}) {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const envelopeOf = (event: Event) =>
  serializeEnvelope(createEventEnvelope(event, { sdk: { name: 'faultline.test', version: '0' } }));
const anEvent = (value: string): Event => ({
  event_id: randomUUID().replaceAll('-', ''),
  timestamp: Date.now() / 1000,
  level: 'error',
  exception: { values: [{ type: 'Error', value }] },
});

describe('createReceiver: what another origin and another Host can do', () => {
  it('answers 421 to a Host that is not a loopback name with its port (DNS rebinding), and serves the loopback names', async () => {
    const receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
    try {
      await raw(`${receiver.url}/api/1/envelope/?sentry_key=k`, {
        method: 'POST',
        body: envelopeOf(anEvent('secret')),
      });
      const port = new URL(receiver.url).port;
      for (const host of ['attacker.example', `attacker.example:${port}`, `127.0.0.1.nip.io:${port}`, `127.0.0.1:1`]) {
        for (const path of ['/', '/api/issues', '/api/logs', '/api/summary', '/api/releases', '/api/sdk-health']) {
          const answer = await raw(`${receiver.url}${path}`, { headers: { host } });
          expect(answer.status, `${host}${path}`).toBe(421);
          expect(answer.body).not.toContain('secret');
        }
        const posted = await raw(`${receiver.url}/api/1/envelope/?sentry_key=k`, {
          method: 'POST',
          headers: { host },
          body: envelopeOf(anEvent('planted')),
        });
        expect(posted.status).toBe(421);
      }
      expect(receiver.store.summary().events).toBe(1);
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
        expect((await raw(`${receiver.url}/api/issues`, { headers: { host } })).status, host).toBe(200);
      }
    } finally {
      await receiver.close();
    }
  });

  it('sends CORS headers on the ingest routes and their preflights only, never on the page or the read API', async () => {
    const receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
    try {
      const origin = { origin: 'http://127.0.0.1:1234' };
      const event = anEvent('read me');
      const posted = await raw(`${receiver.url}/api/1/envelope/?sentry_key=k`, {
        method: 'POST',
        headers: origin,
        body: envelopeOf(event),
      });
      expect(posted.status).toBe(200);
      expect(posted.headers['access-control-allow-origin']).toBe('*');
      const pushed = await raw(receiver.lokiUrl, {
        method: 'POST',
        headers: { ...origin, 'content-type': 'application/json' },
        body: JSON.stringify({ streams: [{ stream: { level: 'info' }, values: [['1700000000000000000', 'hi']] }] }),
      });
      expect(pushed.status).toBe(204);
      expect(pushed.headers['access-control-allow-origin']).toBe('*');
      for (const path of ['/api/1/envelope/', '/loki/api/v1/push']) {
        const preflight = await raw(`${receiver.url}${path}`, {
          method: 'OPTIONS',
          headers: {
            ...origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type, content-encoding',
          },
        });
        expect(preflight.status).toBe(204);
        expect(preflight.headers['access-control-allow-origin']).toBe('*');
        expect(preflight.headers['access-control-allow-methods']).toContain('POST');
      }
      const issueId = receiver.store.issues()[0]!.id;
      for (const path of [
        '/',
        '/page.js',
        '/api/issues',
        `/api/issues/${issueId}`,
        '/api/logs',
        '/api/summary',
        '/api/releases',
        '/api/sdk-health',
      ]) {
        const answer = await raw(`${receiver.url}${path}`, { headers: origin });
        expect(answer.status, path).toBe(200);
        expect(answer.headers['access-control-allow-origin'], path).toBeUndefined();
        const preflight = await raw(`${receiver.url}${path}`, {
          method: 'OPTIONS',
          headers: { ...origin, 'access-control-request-method': 'GET' },
        });
        expect(preflight.headers['access-control-allow-origin'], `OPTIONS ${path}`).toBeUndefined();
      }
    } finally {
      await receiver.close();
    }
  });
});

describe('createReceiver: bodies', () => {
  const encoders: Record<string, (data: Buffer) => Buffer> = {
    gzip: (data) => gzipSync(data),
    deflate: (data) => deflateSync(data),
    br: (data) => brotliCompressSync(data),
  };

  it.each(Object.keys(encoders))('accepts a %s envelope', async (encoding) => {
    const receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
    try {
      const answer = await raw(`${receiver.url}/api/1/envelope/?sentry_key=k`, {
        method: 'POST',
        headers: { 'content-encoding': encoding },
        body: encoders[encoding]!(Buffer.from(envelopeOf(anEvent(`sent as ${encoding}`)))),
      });
      expect(answer.status).toBe(200);
      expect(receiver.store.issues()[0]!.title).toBe(`Error: sent as ${encoding}`);
    } finally {
      await receiver.close();
    }
  });

  it.each(Object.keys(encoders))(
    'refuses with 413 a %s body that decompresses past the limit, and keeps serving',
    async (encoding) => {
      const receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
      try {
        // 24 MiB of one repeated line: a few KiB on the wire, over the 20 MiB limit once decompressed.
        const inflated = Buffer.from(
          `${envelopeOf(anEvent('x')).split('\n').slice(0, 2).join('\n')}\n${'{"pad":"'.padEnd(24 * 1024 * 1024, 'a')}"}\n`,
        );
        const body = encoders[encoding]!(inflated);
        expect(body.length).toBeLessThan(1024 * 1024);
        for (const path of ['/api/1/envelope/?sentry_key=k', '/loki/api/v1/push']) {
          const answer = await raw(`${receiver.url}${path}`, {
            method: 'POST',
            headers: { 'content-encoding': encoding },
            body,
          });
          expect(answer.status, path).toBe(413);
        }
        expect(receiver.store.summary()).toMatchObject({ events: 0, logs: 0 });
        expect((await raw(`${receiver.url}/api/summary`)).status).toBe(200);
      } finally {
        await receiver.close();
      }
    },
  );

  it('refuses an encoding it cannot decode (415) and a corrupt gzip body (400)', async () => {
    const receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
    try {
      const url = `${receiver.url}/api/1/envelope/?sentry_key=k`;
      expect((await raw(url, { method: 'POST', headers: { 'content-encoding': 'zstd' }, body: 'x' })).status).toBe(415);
      expect(
        (await raw(url, { method: 'POST', headers: { 'content-encoding': 'gzip' }, body: 'not gzip' })).status,
      ).toBe(400);
      expect((await raw(`${receiver.url}/api/summary`)).status).toBe(200);
    } finally {
      await receiver.close();
    }
  });

  it('answers once, with a 500 built before any header is written, when a view cannot be serialized', async () => {
    const receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
    try {
      await raw(receiver.lokiUrl, {
        method: 'POST',
        body: JSON.stringify({ streams: [{ stream: {}, values: [['1700000000000000000', 'hello']] }] }),
      });
      // Something the JSON view cannot serialize (a BigInt) reaches the stored record.
      (receiver.store.logs()[0]!.attributes as Record<string, unknown>).big = 10n;
      const answer = await raw(`${receiver.url}/api/logs`);
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toEqual({ error: 'the answer could not be built' });
      expect((await raw(`${receiver.url}/api/summary`)).status).toBe(200);
    } finally {
      await receiver.close();
    }
  });
});

describe('createReceiver: restart', () => {
  it('shows after a restart the issues and logs stored before it', async () => {
    const dir = tmp();
    const first = await createReceiver({ port: 0, dir, print: false });
    const event = anEvent('seen before the restart');
    const again = { ...event, event_id: anEvent('').event_id };
    try {
      await raw(`${first.url}/api/1/envelope/?sentry_key=k`, { method: 'POST', body: envelopeOf(event) });
      await raw(`${first.url}/api/1/envelope/?sentry_key=k`, { method: 'POST', body: envelopeOf(again) });
      await raw(first.lokiUrl, {
        method: 'POST',
        body: JSON.stringify({
          streams: [{ stream: { level: 'warn' }, values: [['1700000000000000000', '{"message":"kept on disk"}']] }],
        }),
      });
    } finally {
      await first.close();
    }
    const second = await createReceiver({ port: 0, dir, print: false });
    try {
      expect(second.store.summary()).toMatchObject({ issues: 1, events: 2, logs: 1 });
      const issues = JSON.parse((await raw(`${second.url}/api/issues`)).body) as { id: string; title: string }[];
      expect(issues.map((issue) => issue.title)).toEqual(['Error: seen before the restart']);
      const issue = JSON.parse((await raw(`${second.url}/api/issues/${issues[0]!.id}`)).body) as { events: Event[] };
      expect(issue.events.map((e) => e.event_id)).toEqual([again.event_id, event.event_id]);
      const logs = JSON.parse((await raw(`${second.url}/api/logs`)).body) as StoredLog[];
      expect(logs.map((log) => log.body)).toEqual(['kept on disk']);
    } finally {
      await second.close();
    }
  });
});

describe('createReceiver: release health', () => {
  it('stores the sessions the SDK sends and shows each release’s crash-free rates, after a restart too', async () => {
    const dir = tmp();
    const first = await createReceiver({ port: 0, dir, print: false });
    let expected: Record<string, unknown> = {};
    try {
      // Two runs of a job, each its own process session: one with a handled error, one that crashes.
      for (const [user, mechanism] of [
        ['user-1', { type: 'generic', handled: true }],
        ['user-2', { type: 'onuncaughtexception', handled: false }],
      ] as const) {
        resetCarrier();
        init({
          dsn: first.dsn,
          release: 'shop@1.4.2',
          environment: 'test',
          queueDir: false,
          integrations: (d) => d.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown'),
        });
        setUser({ id: user });
        captureException(new Error(`in the run of ${user}`), { mechanism });
        expect(await close(5000)).toBe(true);
      }
      expected = {
        release: 'shop@1.4.2',
        environment: 'test',
        sessions: 2,
        crashed: 1,
        errored: 1,
        users: 2,
        crashedUsers: 1,
        crashFreeSessions: 50,
        crashFreeUsers: 50,
        erroredRate: 50,
      };
      expect(JSON.parse((await raw(`${first.url}/api/releases`)).body)).toMatchObject([expected]);
      expect(first.store.summary()).toMatchObject({ sessions: 2 });
    } finally {
      await first.close();
    }
    const second = await createReceiver({ port: 0, dir, print: false });
    try {
      expect(JSON.parse((await raw(`${second.url}/api/releases`)).body)).toMatchObject([expected]);
    } finally {
      await second.close();
    }
  });
});

describe('createReceiver: hostile session items', () => {
  it('takes huge, negative and NaN counts, no release, control characters and 10,000 releases: bounded, escaped', async () => {
    const receiver = await createReceiver({ port: 0, dir: tmp(), print: false });
    const post = (items: [string, unknown][]) =>
      raw(`${receiver.url}/api/1/envelope/?sentry_key=k`, {
        method: 'POST',
        body: ['{}', ...items.flatMap(([type, payload]) => [JSON.stringify({ type }), JSON.stringify(payload)])].join(
          '\n',
        ),
      });
    try {
      const hostile = { release: 'evil\u001b[31m\u0000<img src=x onerror=alert(1)>', environment: 'env\u0007\r\n' };
      const answer = await post([
        ['sessions', { attrs: hostile, aggregates: [{ exited: 1e308, crashed: -3, errored: NaN }, { exited: 2 }] }],
        ['sessions', { attrs: {}, aggregates: [{ exited: 5 }] }], // no release: refused, as Sentry does
        ['session', { sid: 'x', status: 'crashed', errors: 1, attrs: hostile }],
        ['sessions', 'not an object'],
      ]);
      expect(answer.status).toBe(200);
      for (let batch = 0; batch < 10; batch++) {
        const items = Array.from({ length: 1000 }, (_, i): [string, unknown] => [
          'sessions',
          { attrs: { release: `r${batch * 1000 + i}` }, aggregates: [{ exited: 1 }] },
        ]);
        expect((await post(items)).status).toBe(200);
      }
      const releases = await raw(`${receiver.url}/api/releases`);
      expect(releases.status).toBe(200);
      expect(releases.body).not.toContain('\u001b'); // control characters travel escaped in the JSON
      const rows = JSON.parse(releases.body) as { release: string; sessions: number; crashFreeSessions: number }[];
      expect(rows.length).toBeLessThanOrEqual(200); // bounded: the releases seen longest ago are forgotten
      // The latest releases are those kept (a new one was forgotten at once past 200 before the fix).
      expect(rows.find((row) => row.release === 'r9999')).toMatchObject({ sessions: 1, crashFreeSessions: 100 });
      expect(rows.find((row) => row.release === 'r0')).toBeUndefined();
      const page = await raw(`${receiver.url}/`);
      expect(page.status).toBe(200);
      expect(page.body).not.toContain('<img src=x');
    } finally {
      await receiver.close();
    }
  });
});
