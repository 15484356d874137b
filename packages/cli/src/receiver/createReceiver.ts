import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { createReceiverStore, type ReceiverStore } from './createReceiverStore';
import { createSymbolicator } from './createSymbolicator';
import { formatEvent } from './formatEvent';
import { ingestEnvelope, ingestLoki } from './ingest';
import { PAGE_CSS } from './page/pageCss';
import { PAGE_HTML } from './page/pageHtml';
import { PAGE_JS } from './page/pageJs';

export interface ReceiverOptions {
  port?: number;
  dir?: string;
  sourceMaps?: string[];
  /** Where the human-readable lines go (default: stdout); `false` prints nothing. */
  print?: ((line: string) => void) | false;
}

export interface RunningReceiver {
  url: string;
  dsn: string;
  lokiUrl: string;
  store: ReceiverStore;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const PAGE: Record<string, [string, string]> = {
  '/': ['text/html; charset=utf-8', PAGE_HTML],
  '/page.js': ['text/javascript; charset=utf-8', PAGE_JS],
  '/page.css': ['text/css; charset=utf-8', PAGE_CSS],
};

/**
 * `faultline dev`: a local receiver on 127.0.0.1 for Sentry envelopes (`/api/<project>/envelope/`) and
 * Loki pushes (`/loki/api/v1/push`), gzip or not. Everything lands in `dir` as NDJSON, events grouped into
 * issues and symbolicated with local source maps, and each is printed as it arrives.
 */
export async function createReceiver(options: ReceiverOptions = {}): Promise<RunningReceiver> {
  const store = createReceiverStore(options.dir ?? '.faultline');
  const symbolicator = createSymbolicator(options.sourceMaps ?? []);
  const print =
    options.print === false
      ? () => undefined
      : (options.print ?? ((line: string) => process.stdout.write(`${line}\n`)));

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => reply(res, 400, { error: (error as Error).message }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'OPTIONS') return reply(res, 204, {});
    if (req.method === 'POST' && /^\/api\/[^/]+\/envelope\/?$/.test(url.pathname)) {
      const key =
        url.searchParams.get('sentry_key') ??
        /sentry_key=([^,\s]+)/.exec(String(req.headers['x-sentry-auth'] ?? ''))?.[1];
      if (!key) return reply(res, 401, { error: 'missing sentry_key (query) or X-Sentry-Auth' });
      for (const event of ingestEnvelope(await readBody(req), store)) {
        const { issue, isNew } = store.addEvent(symbolicator.symbolicate(event));
        print(formatEvent(event, issue, isNew));
      }
      return reply(res, 200, {});
    }
    if (req.method === 'POST' && url.pathname === '/loki/api/v1/push') {
      const count = ingestLoki(await readBody(req), store);
      print(`loki: ${count} line${count === 1 ? '' : 's'}`);
      return reply(res, 204, undefined);
    }
    if (req.method === 'GET' && PAGE[url.pathname]) {
      const [type, body] = PAGE[url.pathname]!;
      res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': "default-src 'self'" }).end(body);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/summary') return reply(res, 200, store.summary());
    if (req.method === 'GET' && url.pathname === '/api/issues') {
      return reply(
        res,
        200,
        store.issues().map(({ events, ...issue }) => ({ ...issue, lastEventId: events[0]?.event_id })),
      );
    }
    const issueMatch = /^\/api\/issues\/([0-9a-f]+)$/.exec(url.pathname);
    if (req.method === 'GET' && issueMatch) return reply(res, 200, store.issue(issueMatch[1]!) ?? null);
    if (req.method === 'GET' && url.pathname === '/api/logs') {
      const q = url.searchParams;
      return reply(
        res,
        200,
        store.logs({
          level: q.get('level') ?? undefined,
          traceId: q.get('trace_id') ?? undefined,
          text: q.get('q') ?? undefined,
        }),
      );
    }
    return reply(res, 404, { error: 'not found' });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    dsn: `http://faultline@127.0.0.1:${port}/1`,
    lokiUrl: `${url}/loki/api/v1/push`,
    store,
    // The page polls every 2 s over keep-alive connections; closing must not wait for the browser to go.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  // Browsers post envelopes cross-origin during development.
  res.writeHead(status, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': '*',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
  });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  return (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
}
