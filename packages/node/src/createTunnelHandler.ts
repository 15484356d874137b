import {
  debugLogger,
  getEnvelopeEndpoint,
  parseDsn,
  parseEnvelope,
  serializeEnvelope,
  type Dsn,
  type Envelope,
} from '@faultline/core';
import { request } from 'undici';
import { createLokiForwarder, type BuiltPush, type TunnelLokiOptions } from './tunnel/createLokiForwarder';
import { createTunnelScrubber, type TunnelScrubOptions } from './tunnel/createTunnelScrubber';
import { readTunnelBody } from './tunnel/readTunnelBody';

declare const __FAULTLINE_VERSION__: string;

export interface TunnelOptions extends TunnelScrubOptions {
  /** Forward to this Sentry-compatible DSN; envelopes naming another DSN are refused. */
  dsn?: string;
  /**
   * Forward events and logs to Loki with these (server-side) credentials and labels. Stream labels are this
   * configuration only (`environment` defaults to `production`; a browser's own environment becomes the
   * label only when listed in `allowedEnvironments`); what the browser sends goes to structured metadata.
   */
  loki?: TunnelLokiOptions;
  /** Origins allowed to post (e.g. `https://shop.example.com`); anything else is refused. */
  allowedOrigins: string[];
  /** Largest body accepted. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Told of each forward that failed on the server's side (Loki down, a push that could not be built,
   * Sentry unreachable), with the reason; the browser only ever gets a generic answer. Default: the SDK's
   * debug logger (silent unless `debug: true`).
   */
  onForwardError?(destination: 'sentry' | 'loki' | 'tunnel', reason: string): void;
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

const UPSTREAM_TIMEOUT_MS = 15_000;

/**
 * A same-origin relay for browsers: `app.post('/faultline', createTunnelHandler({ dsn, loki, allowedOrigins }))`.
 * Gets past ad-blockers and is how a browser reaches Loki. Refuses other origins (403), bodies that are
 * not envelopes (400) or too big (413), and envelopes for another DSN (403); passes rate limits back.
 * Once the DSN's server took an envelope the answer is a success whatever Loki did, so a browser never
 * sends it again; Loki gets it only when the browser will not retry. What it forwards is scrubbed again
 * here (`scrub`, `sendDefaultPii`, as the SDK's options), whatever the browser did.
 */
export function createTunnelHandler(options: TunnelOptions): Handler {
  const dsn = options.dsn ? parseDsn(options.dsn) : undefined;
  if (typeof dsn === 'string') throw new Error(`createTunnelHandler: ${dsn}`);
  const loki = options.loki && createLokiForwarder(options.loki);
  const scrub = createTunnelScrubber(options);
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const endpoint =
    dsn && getEnvelopeEndpoint(dsn, { name: 'faultline.javascript.node.tunnel', version: __FAULTLINE_VERSION__ });
  const report = (destination: 'sentry' | 'loki' | 'tunnel', reason: string): void => {
    try {
      if (options.onForwardError) options.onForwardError(destination, reason);
      else debugLogger.warn(`tunnel: ${destination}: ${reason}`);
    } catch {
      // a failing reporter must not change the answer
    }
  };

  return async (req, res) => {
    let answered = false;
    let sentryAccepted = false;
    const reply = (status: number, body: object, headers: Record<string, string> = {}): void => {
      if (answered) return;
      answered = true;
      const text = JSON.stringify(body); // built before the head: nothing can fail once the status is out
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(text);
    };
    try {
      if (req.method !== 'POST') return reply(405, { error: 'POST envelopes here' });
      const origin = [req.headers.origin].flat()[0];
      if (!origin || !options.allowedOrigins.includes(origin)) return reply(403, { error: 'origin not allowed' });
      const body = await readTunnelBody(req, maxBodyBytes);
      if (body === undefined) return reply(413, { error: `body over ${maxBodyBytes} bytes` });
      let envelope: Envelope;
      try {
        envelope = parseEnvelope(body);
      } catch {
        return reply(400, { error: 'not an envelope' });
      }
      const named = typeof envelope[0].dsn === 'string' ? parseDsn(envelope[0].dsn) : undefined;
      if (named !== undefined && (typeof named === 'string' || !sameProject(named, dsn))) {
        return reply(403, { error: 'envelope is for another DSN' });
      }
      // Nothing leaves unscrubbed: Sentry and Loki get the envelope as the server's scrubber left it.
      const forwarded = scrub ? scrub(envelope) : envelope;
      // Built before anything is sent: what cannot be built costs Loki this envelope, never the Sentry forward.
      let push: BuiltPush | undefined;
      try {
        push = await loki?.build(forwarded);
      } catch (error) {
        report('loki', `the push could not be built (${(error as Error).message}); the envelope is not sent to Loki`);
      }
      const results: Record<string, number> = {};
      const passOn: Record<string, string> = {};
      if (endpoint) {
        let response;
        try {
          response = await request(endpoint, {
            method: 'POST',
            body: scrub ? serializeEnvelope(forwarded) : body,
            headersTimeout: UPSTREAM_TIMEOUT_MS,
            bodyTimeout: UPSTREAM_TIMEOUT_MS,
          });
          await response.body.dump();
        } catch (error) {
          report('sentry', `unreachable: ${(error as { code?: string }).code ?? (error as Error).message}`);
          return reply(502, { error: 'upstream unavailable' });
        }
        results.sentry = response.statusCode;
        sentryAccepted = response.statusCode >= 200 && response.statusCode < 300;
        for (const name of ['retry-after', 'x-sentry-rate-limits']) {
          const value = response.headers[name];
          if (typeof value === 'string') passOn[name] = value;
        }
      }
      // A browser sends again after a 429, a 408 or a 5xx: Loki then gets it with that retry, not now too.
      const willRetry = results.sentry !== undefined && isRetried(results.sentry);
      if (loki && push && !willRetry) results.loki = await pushToLoki(loki.url, push, report);
      if (endpoint) return reply(answerFor(results.sentry!), results, passOn);
      if (!loki || !push) return reply(400, { error: 'nothing in this envelope can be forwarded' });
      return reply(answerFor(results.loki!), results);
    } catch (error) {
      report('tunnel', (error as Error).message);
      // Whatever failed, an envelope the DSN's server took must not be sent again.
      reply(sentryAccepted ? 200 : 500, sentryAccepted ? { sentry: 200 } : { error: 'tunnel error' });
    }
  };
}

function isRetried(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/** The browser's answer from the upstream's: 2xx taken, 429 passed on, 5xx a bad gateway, other 4xx final. */
function answerFor(status: number): number {
  if (status >= 200 && status < 300) return 200;
  if (status === 429) return 429;
  if (status >= 500 || status === 408) return 502;
  return status;
}

/** Pushes to Loki; never throws. Returns Loki's status, or 502 when it could not be reached. */
async function pushToLoki(
  url: string,
  push: BuiltPush,
  report: (destination: 'loki', reason: string) => void,
): Promise<number> {
  try {
    const response = await request(url, {
      method: 'POST',
      headers: push.headers,
      body: push.body,
      headersTimeout: UPSTREAM_TIMEOUT_MS,
      bodyTimeout: UPSTREAM_TIMEOUT_MS,
    });
    await response.body.dump();
    if (response.statusCode >= 300) report('loki', `Loki answered HTTP ${response.statusCode}`);
    return response.statusCode;
  } catch (error) {
    report('loki', `unreachable: ${(error as { code?: string }).code ?? (error as Error).message}`);
    return 502;
  }
}

function sameProject(a: Dsn, b: Dsn | undefined): boolean {
  return b !== undefined && a.publicKey === b.publicKey && a.host === b.host && a.projectId === b.projectId;
}
