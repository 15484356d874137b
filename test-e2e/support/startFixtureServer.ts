import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const E2E_DIR = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const BUNDLE_DIR = path.resolve(E2E_DIR, '../packages/browser/build/bundle');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

export interface ReceivedEnvelope {
  headers: Record<string, unknown>;
  items: [Record<string, unknown>, any][];
  at: number;
  /** The body as it arrived. */
  body: string;
}

export interface FixtureServer {
  origin: string;
  /** The DSN a page uses to send to this server. */
  dsn: string;
  envelopes: ReceivedEnvelope[];
  /** Every event item received, in order. */
  events(): any[];
  /** Every log record received, in order. */
  logs(): any[];
  /** Headers of requests to /api/* (the page's own API calls). */
  apiRequests: { url: string; headers: IncomingHttpHeaders }[];
  /** While true, envelopes are answered 503 and not recorded (nothing can be delivered). */
  refusing: boolean;
  /** A `Retry-After` (seconds) sent with those 503s. */
  refusingRetryAfter?: string;
  waitFor<T>(read: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * One origin that serves the fixture pages (one folder per scenario), the built CDN bundles at
 * /faultline.min.js and /loader.min.js, a same-origin /api for the page's own requests, and a Sentry envelope receiver at
 * /api/1/envelope/ that records what the SDK sent. Listens on `port` when given (a receiver that comes
 * back where it was), else on any free port.
 */
export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const envelopes: ReceivedEnvelope[] = [];
  const apiRequests: FixtureServer['apiRequests'] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'POST' && /^\/api\/\d+\/envelope\/?$/.test(url.pathname)) {
        const body = await readBody(req);
        if (fixture.refusing) {
          const retryAfter = fixture.refusingRetryAfter ? { 'Retry-After': fixture.refusingRetryAfter } : {};
          return void res.writeHead(503, { 'Access-Control-Allow-Origin': '*', ...retryAfter }).end();
        }
        envelopes.push({ ...parseEnvelope(body), at: Date.now(), body });
        res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('{}');
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        apiRequests.push({ url: url.pathname, headers: req.headers });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const file = /^\/(faultline|loader)\.min\.js(\.map)?$/.test(url.pathname)
        ? path.join(BUNDLE_DIR, url.pathname)
        : path.join(E2E_DIR, url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
      if (!file.startsWith(E2E_DIR) && !file.startsWith(BUNDLE_DIR)) return void res.writeHead(403).end();
      try {
        const content = await readFile(file);
        const headers: Record<string, string> = {
          'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        };
        // The CSP scenario gets a strict policy: only same-origin scripts, no eval.
        if (url.pathname.startsWith('/csp/'))
          headers['Content-Security-Policy'] = "script-src 'self'; connect-src 'self'";
        res.writeHead(200, headers).end(content);
      } catch {
        res.writeHead(404).end('not found');
      }
    })();
  });
  const origin = await listen(server, port);
  const fixture: FixtureServer = {
    origin,
    refusing: false,
    dsn: `http://publickey@${origin.replace('http://', '')}/1`,
    envelopes,
    apiRequests,
    events: () => envelopes.flatMap((e) => e.items.filter(([h]) => h.type === 'event').map(([, p]) => p)),
    logs: () => envelopes.flatMap((e) => e.items.filter(([h]) => h.type === 'log').flatMap(([, p]) => p.items)),
    async waitFor(read, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = read();
        if (value) return value;
        if (Date.now() > deadline) throw new Error('Fixture server: condition not met in time');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => closeNow(server),
  };
  return fixture;
}

/** A bare API on another port (another origin), recording the headers it receives; CORS allows all. */
export async function startCrossOriginApi(): Promise<{
  origin: string;
  requests: IncomingHttpHeaders[];
  close(): Promise<void>;
}> {
  const requests: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    requests.push(req.headers);
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' }).end('{}');
  });
  const origin = await listen(server);
  return { origin, requests, close: () => closeNow(server) };
}

/**
 * The test is over: connections a page still holds (a keepalive request, a socket kept for reuse) must
 * not hold up the next test.
 */
function closeNow(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function listen(server: Server, port = 0): Promise<string> {
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseEnvelope(text: string): Omit<ReceivedEnvelope, 'at' | 'body'> {
  const lines = text.split('\n').filter(Boolean);
  const items: ReceivedEnvelope['items'] = [];
  for (let i = 1; i + 1 < lines.length; i += 2) items.push([JSON.parse(lines[i]!), JSON.parse(lines[i + 1]!)]);
  return { headers: JSON.parse(lines[0]!), items };
}
