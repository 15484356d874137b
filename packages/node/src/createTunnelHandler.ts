import {
  createLokiDestination,
  getEnvelopeEndpoint,
  parseDsn,
  parseEnvelope,
  type Dsn,
  type LokiOptions,
} from '@faultline/core';
import { request } from 'undici';

export interface TunnelOptions {
  /** Forward to this Sentry-compatible DSN; envelopes naming another DSN are refused. */
  dsn?: string;
  /** Forward events and logs to Loki with these (server-side) credentials. */
  loki?: LokiOptions;
  /** Origins allowed to post (e.g. `https://shop.example.com`); anything else is refused. */
  allowedOrigins: string[];
  /** Largest body accepted. Default 1 MiB. */
  maxBodyBytes?: number;
}

/** What the handler reads of a request: node:http's IncomingMessage and Express's Request both fit. */
export interface TunnelRequest extends AsyncIterable<unknown> {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  /** A body a parser already read (Express `text()`/`raw()`), used instead of the stream. */
  body?: unknown;
}

/** What the handler writes: node:http's ServerResponse and Express's Response both fit. */
export interface TunnelResponse {
  writeHead(status: number, headers: Record<string, string>): { end(body: string): unknown };
}

type Handler = (req: TunnelRequest, res: TunnelResponse) => Promise<void>;

/**
 * A same-origin relay for browsers: `app.post('/faultline', createTunnelHandler({ dsn, loki, allowedOrigins }))`.
 * Gets past ad-blockers and is how a browser reaches Loki. Refuses other origins (403), bodies that are
 * not envelopes (400) or too big (413), and envelopes for another DSN (403); passes rate limits back.
 */
export function createTunnelHandler(options: TunnelOptions): Handler {
  const dsn = options.dsn ? parseDsn(options.dsn) : undefined;
  if (typeof dsn === 'string') throw new Error(`createTunnelHandler: ${dsn}`);
  const loki = options.loki && createLokiDestination({ source: 'browser', ...options.loki });
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const sdk = { name: 'faultline.javascript.node.tunnel', version: '0' };

  return async (req, res) => {
    const reply = (status: number, body: object, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    try {
      if (req.method !== 'POST') return reply(405, { error: 'POST envelopes here' });
      const origin = [req.headers.origin].flat()[0];
      if (!origin || !options.allowedOrigins.includes(origin)) return reply(403, { error: 'origin not allowed' });
      const body = await readBody(req, maxBodyBytes);
      if (body === undefined) return reply(413, { error: `body over ${maxBodyBytes} bytes` });
      let envelope;
      try {
        envelope = parseEnvelope(body);
      } catch (error) {
        return reply(400, { error: `not an envelope: ${(error as Error).message}` });
      }
      const named = typeof envelope[0].dsn === 'string' ? parseDsn(envelope[0].dsn) : undefined;
      if (named !== undefined && (typeof named === 'string' || !sameProject(named, dsn))) {
        return reply(403, { error: 'envelope is for another DSN' });
      }
      const results: Record<string, number> = {};
      const passOn: Record<string, string> = {};
      if (dsn) {
        const response = await request(getEnvelopeEndpoint(dsn, sdk), { method: 'POST', body });
        await response.body.dump();
        results.sentry = response.statusCode;
        for (const name of ['retry-after', 'x-sentry-rate-limits']) {
          const value = response.headers[name];
          if (typeof value === 'string') passOn[name] = value;
        }
      }
      const encoded = loki && (await loki.encode(envelope));
      if (loki && encoded) {
        const response = await request(loki.url, {
          method: 'POST',
          headers: { ...loki.headers, ...encoded.headers },
          body: encoded.body,
        });
        await response.body.dump();
        results.loki = response.statusCode;
      }
      const statuses = Object.values(results);
      const status = statuses.includes(429)
        ? 429
        : statuses.some((s) => s >= 500)
          ? 502
          : (statuses.find((s) => s >= 400) ?? 200);
      reply(status, results, passOn);
    } catch (error) {
      reply(502, { error: `forwarding failed: ${(error as Error).message}` });
    }
  };
}

function sameProject(a: Dsn, b: Dsn | undefined): boolean {
  return b !== undefined && a.publicKey === b.publicKey && a.host === b.host && a.projectId === b.projectId;
}

/** The raw body (or what a body parser already read), or undefined when over the limit. */
async function readBody(req: TunnelRequest, maxBytes: number): Promise<string | undefined> {
  if (typeof req.body === 'string') return Buffer.byteLength(req.body) > maxBytes ? undefined : req.body;
  if (Buffer.isBuffer(req.body)) return req.body.length > maxBytes ? undefined : req.body.toString('utf8');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
