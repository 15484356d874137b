import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLiveStream } from './createLiveStream';
import { createReceiverStore, type ReceiverStore } from './createReceiverStore';
import { createSymbolicator } from './createSymbolicator';
import { formatEvent } from './formatEvent';
import { ingestEnvelope, ingestLoki } from './ingest';
import { isAllowedHost } from './isAllowedHost';
import { PAGE_CSS } from './page/pageCss';
import { PAGE_HTML } from './page/pageHtml';
import { PAGE_ICON } from './page/pageIcon';
import { PAGE_JS } from './page/pageJs';
import { readBody } from './readBody';
import { readView } from './readView';
import { sendPage, sendResponse } from './sendResponse';

export interface ReceiverOptions {
  port?: number;
  dir?: string;
  sourceMaps?: string[];
  /** Where the human-readable lines go (default: stdout); `false` prints nothing. Received text comes escaped. */
  print?: ((line: string) => void) | false;
  /** The wall clock (ms) the issues' counts over time are read against. Default `Date.now`. */
  now?: () => number;
}

export interface RunningReceiver {
  url: string;
  dsn: string;
  lokiUrl: string;
  store: ReceiverStore;
  close(): Promise<void>;
}

/** Limit of a body on the wire and, separately, once decompressed. */
const MAX_BODY_BYTES = 20 * 1024 * 1024;
const ENVELOPE_PATH = /^\/api\/[^/]+\/envelope\/?$/;
const LOKI_PATH = '/loki/api/v1/push';
// Any page may post what it captured (that is what a DSN is for); no other origin may read anything back.
const INGEST_CORS = { 'Access-Control-Allow-Origin': '*' };
const PREFLIGHT = {
  ...INGEST_CORS,
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': '*, Authorization',
  'Access-Control-Max-Age': '600',
};
const PAGE: Record<string, [string, string]> = {
  '/': ['text/html; charset=utf-8', PAGE_HTML],
  '/page.js': ['text/javascript; charset=utf-8', PAGE_JS],
  '/page.css': ['text/css; charset=utf-8', PAGE_CSS],
  '/favicon.svg': ['image/svg+xml', PAGE_ICON],
};

/**
 * `faultline dev`: a local receiver on 127.0.0.1 for Sentry envelopes (`/api/<project>/envelope/`) and
 * Loki pushes (`/loki/api/v1/push`), gzip, deflate, br or plain. Everything lands in `dir` as NDJSON, events
 * grouped into issues and symbolicated with local source maps, and each is printed as it arrives. Answers
 * only Host names of the loopback interface; only the ingest routes are open to other origins.
 */
export async function createReceiver(options: ReceiverOptions = {}): Promise<RunningReceiver> {
  const store = createReceiverStore(options.dir ?? '.faultline', { now: options.now });
  const live = createLiveStream();
  const symbolicator = createSymbolicator(options.sourceMaps ?? []);
  const write = options.print === false ? undefined : (options.print ?? ((line) => process.stdout.write(`${line}\n`)));
  const print = (line: () => string): void => {
    try {
      write?.(line());
    } catch {
      write?.('(a record that could not be printed; it is stored)');
    }
  };
  let port = 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => sendResponse(res, 500, { error: 'internal error' }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      return sendResponse(res, 421, { error: `this receiver answers to 127.0.0.1:${port} and localhost:${port} only` });
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isEnvelope = ENVELOPE_PATH.test(url.pathname);
    if (isEnvelope || url.pathname === LOKI_PATH) return ingest(req, res, url, isEnvelope);
    if (req.method !== 'GET') return sendResponse(res, 405, { error: 'the views are read with GET' }, { Allow: 'GET' });
    const page = PAGE[url.pathname];
    if (page) return sendPage(res, page[0], page[1]);
    if (url.pathname === '/api/stream') return live.connect(req, res);
    return sendResponse(res, ...readView(store, url));
  }

  async function ingest(req: IncomingMessage, res: ServerResponse, url: URL, isEnvelope: boolean): Promise<void> {
    if (req.method === 'OPTIONS') {
      // Chrome asks before a public page may reach a loopback address (Private Network Access).
      const pna = req.headers['access-control-request-private-network'] === 'true';
      return sendResponse(
        res,
        204,
        undefined,
        pna ? { ...PREFLIGHT, 'Access-Control-Allow-Private-Network': 'true' } : PREFLIGHT,
      );
    }
    if (req.method !== 'POST')
      return sendResponse(res, 405, { error: 'POST here' }, { ...INGEST_CORS, Allow: 'POST, OPTIONS' });
    const key =
      url.searchParams.get('sentry_key') ??
      /sentry_key=([^,\s]+)/.exec(String(req.headers['x-sentry-auth'] ?? ''))?.[1];
    if (isEnvelope && !key) {
      return sendResponse(res, 401, { error: 'missing sentry_key (query) or X-Sentry-Auth' }, INGEST_CORS);
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body.ok) {
      const close: Record<string, string> = body.closeConnection ? { Connection: 'close' } : {};
      return sendResponse(res, body.status, { error: body.error }, { ...INGEST_CORS, ...close });
    }
    if (!isEnvelope) {
      let count: number;
      try {
        count = ingestLoki(body.text, store);
      } catch {
        return sendResponse(res, 400, { error: 'not a Loki push (JSON with a streams array)' }, INGEST_CORS);
      }
      print(() => `loki: ${count} line${count === 1 ? '' : 's'}`);
      if (count > 0) live.publish('logs', { count });
      return sendResponse(res, 204, undefined, INGEST_CORS);
    }
    let events, logs, sessions, reports;
    try {
      ({ events, logs, sessions, reports } = ingestEnvelope(body.text, store));
    } catch {
      return sendResponse(res, 400, { error: 'not a Sentry envelope' }, INGEST_CORS);
    }
    for (const event of events) {
      try {
        const { issue, isNew } = store.addEvent(symbolicator.symbolicate(event));
        print(() => formatEvent(event, issue, isNew));
        live.publish('event', { issue: issue.id, isNew, count: issue.count });
      } catch {
        print(() => 'an event that could not be stored was left out');
      }
    }
    if (logs > 0) live.publish('logs', { count: logs });
    if (sessions > 0) {
      print(() => `sessions: ${sessions} item${sessions === 1 ? '' : 's'}`);
      live.publish('sessions', { count: sessions });
    }
    if (reports > 0) live.publish('reports', { count: reports });
    return sendResponse(res, 200, {}, INGEST_CORS);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    dsn: `http://faultline@127.0.0.1:${port}/1`,
    lokiUrl: `${url}${LOKI_PATH}`,
    store,
    // A page follows the live feed over an open connection; closing must not wait for the browser to go.
    close: () =>
      new Promise((resolve) => {
        live.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
