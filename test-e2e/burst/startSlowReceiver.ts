import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A receiver that answers every envelope after `delayMs`: it holds the request, then hands it to the
 * fixture server at `target` (which records it) and answers with what that said. Another origin than the
 * page's, as an ingest host is; CORS as Sentry's.
 */
export async function startSlowReceiver(
  target: string,
  delayMs: number,
): Promise<{ host: string; inFlight(): number; maxInFlight(): number; close(): Promise<void> }> {
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    void (async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        const body = await readBody(req);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const answer = await fetch(target + req.url, {
          method: req.method,
          body,
          headers: { 'Content-Type': 'text/plain' },
        });
        res.writeHead(answer.status, { 'Access-Control-Allow-Origin': '*' }).end(await answer.text());
      } catch {
        res.writeHead(502, { 'Access-Control-Allow-Origin': '*' }).end();
      } finally {
        inFlight--;
      }
    })();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
