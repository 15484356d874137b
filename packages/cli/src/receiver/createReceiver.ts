import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReceiverStore, type ReceiverStore } from './createReceiverStore';
import { createSymbolicator } from './createSymbolicator';
import { formatEvent } from './formatEvent';
import { ingestEnvelope, ingestLoki } from './ingest';
import { isAllowedHost } from './isAllowedHost';
import { PAGE_CSS } from './page/pageCss';
import { PAGE_HTML } from './page/pageHtml';
import { PAGE_JS } from './page/pageJs';
import { readBody } from './readBody';
import { sendPage, sendResponse } from './sendResponse';

export interface ReceiverOptions {
  port?: number;
  dir?: string;
  sourceMaps?: string[];
  /** Where the human-readable lines go (default: stdout); `false` prints nothing. Received text comes escaped. */
  print?: ((line: string) => void) | false;
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
const LOGS_ANSWERED = 1000;
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
};

/**
 * `faultline dev`: a local receiver on 127.0.0.1 for Sentry envelopes (`/api/<project>/envelope/`) and
 * Loki pushes (`/loki/api/v1/push`), gzip, deflate, br or plain. Everything lands in `dir` as NDJSON, events
 * grouped into issues and symbolicated with local source maps, and each is printed as it arrives. Answers
 * only Host names of the loopback interface; only the ingest routes are open to other origins.
 */
export async function createReceiver(options: ReceiverOptions = {}): Promise<RunningReceiver> {
  const store = createReceiverStore(options.dir ?? '.faultline');
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
    return sendResponse(res, ...view(url));
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
      return sendResponse(res, 204, undefined, INGEST_CORS);
    }
    let events;
    try {
      events = ingestEnvelope(body.text, store);
    } catch {
      return sendResponse(res, 400, { error: 'not a Sentry envelope' }, INGEST_CORS);
    }
    for (const event of events) {
      try {
        const { issue, isNew } = store.addEvent(symbolicator.symbolicate(event));
        print(() => formatEvent(event, issue, isNew));
      } catch {
        print(() => 'an event that could not be stored was left out');
      }
    }
    return sendResponse(res, 200, {}, INGEST_CORS);
  }

  function view(url: URL): [number, unknown] {
    if (url.pathname === '/api/summary') return [200, store.summary()];
    if (url.pathname === '/api/issues') {
      return [200, store.issues().map(({ events, ...issue }) => ({ ...issue, lastEventId: events[0]?.event_id }))];
    }
    const issueMatch = /^\/api\/issues\/([0-9a-f]+)$/.exec(url.pathname);
    if (issueMatch) {
      const issue = store.issue(issueMatch[1]!);
      return issue ? [200, issue] : [404, { error: 'no such issue' }];
    }
    if (url.pathname === '/api/logs') {
      const q = url.searchParams;
      const limit = Math.min(Math.max(Number(q.get('limit')) || LOGS_ANSWERED, 1), 5000);
      const filter = {
        level: q.get('level') ?? undefined,
        traceId: q.get('trace_id') ?? undefined,
        text: q.get('q') ?? undefined,
      };
      return [200, store.logs(filter).slice(-limit)];
    }
    return [404, { error: 'not found' }];
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
    // The page polls every 2 s over keep-alive connections; closing must not wait for the browser to go.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
