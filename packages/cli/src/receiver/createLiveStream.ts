import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendResponse } from './sendResponse';

export interface LiveStreamOptions {
  /** Pages that may follow at once (default 16); the next one gets 503 and the page polls instead. */
  maxClients?: number;
  /** A comment line this often keeps the connection known to be alive (default 15 s). */
  heartbeatMs?: number;
}

/** What a page that is not reading is allowed to have waiting before it is let go. */
const MAX_BUFFERED_BYTES = 64 * 1024;

/**
 * The page's live feed, as server-sent events (`GET /api/stream`): `event` when an event is stored (its
 * issue, and whether the issue is new), `logs` when logs arrived and `sessions` when session data did, so
 * the page fetches only then. It follows the receiver's rules: same-origin only (no CORS header, and a
 * request a browser marks as coming from another site is refused, so no other page can use up the slots),
 * a bounded number of clients, and a bounded backlog per client.
 */
export function createLiveStream(options: LiveStreamOptions = {}) {
  const maxClients = options.maxClients ?? 16;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const clients = new Set<ServerResponse>();
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  function drop(res: ServerResponse): void {
    clients.delete(res);
    if (clients.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  }

  function write(res: ServerResponse, text: string): void {
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      drop(res);
      res.destroy();
      return;
    }
    res.write(text);
  }

  return {
    connect(req: IncomingMessage, res: ServerResponse): void {
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        return sendResponse(res, 403, { error: 'the live feed is for the receiver’s own page' });
      }
      if (clients.size >= maxClients) {
        return sendResponse(
          res,
          503,
          { error: `at most ${maxClients} pages follow live at once` },
          { 'Retry-After': '10' },
        );
      }
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'Cross-Origin-Resource-Policy': 'same-origin',
        'X-Content-Type-Options': 'nosniff',
      });
      res.write('retry: 2000\n\n');
      clients.add(res);
      res.on('close', () => drop(res));
      heartbeat ??= setInterval(() => {
        for (const client of [...clients]) write(client, ': keep-alive\n\n');
      }, heartbeatMs).unref();
    },
    /** Tells every page following that something arrived. */
    publish(
      type: 'event' | 'logs' | 'sessions' | 'reports',
      data: Record<string, string | number | boolean | undefined>,
    ): void {
      const text = `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const client of [...clients]) write(client, text);
    },
    get clients(): number {
      return clients.size;
    },
    close(): void {
      for (const client of [...clients]) client.end();
      clients.clear();
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = undefined;
    },
  };
}

export type LiveStream = ReturnType<typeof createLiveStream>;
