import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** The body, gunzipped when it came with `Content-Encoding: gzip`. */
  body: string;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** What the receiver answered: a status, or 'reset' / 'hang'. */
  answer?: number | 'reset' | 'hang';
}

/** How to answer one request: a status (with headers), a connection reset, or no answer at all. */
export type Behavior = { status: number; headers?: Record<string, string>; body?: string } | 'reset' | 'hang';

export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Requests answered with a 2xx: what the sender may consider delivered. */
  accepted(): ReceivedRequest[];
  setBehavior(behave: (request: ReceivedRequest, index: number) => Behavior): void;
  /** Resolves once `predicate` holds over the requests, or rejects after `timeoutMs`. */
  waitFor(predicate: (requests: ReceivedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that records what it is sent and answers as told (200 by default):
 * the receiving end for delivery tests, with no mocked network in between.
 */
export async function startReceiver(
  behave: (request: ReceivedRequest, index: number) => Behavior = () => ({ status: 200 }),
  port = 0,
): Promise<Receiver> {
  let behavior = behave;
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const gzipped = req.headers['content-encoding'] === 'gzip';
      const request: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: (gzipped ? gunzipSync(raw) : raw).toString('utf8'),
        at: Date.now(),
      };
      const answer = behavior(request, requests.length);
      requests.push(request);
      if (answer === 'reset') {
        request.answer = 'reset';
        req.socket.destroy();
      } else if (answer === 'hang') {
        request.answer = 'hang'; // never answered; the socket is destroyed on close()
      } else {
        request.answer = answer.status;
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body ?? '');
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    accepted: () => requests.filter((r) => typeof r.answer === 'number' && r.answer >= 200 && r.answer < 300),
    setBehavior(next) {
      behavior = next;
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > deadline) throw new Error(`Receiver: condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
