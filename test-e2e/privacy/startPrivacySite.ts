import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTunnelHandler } from '@faultline/node';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BUNDLE = path.resolve(HERE, '../../packages/browser/build/bundle/faultline.min.js');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

export interface PrivacySite {
  origin: string;
  close(): Promise<void>;
}

/**
 * The shop's origin for the privacy pages: the pages and their scripts (test-e2e/privacy, the CDN bundle
 * at /faultline.min.js, the ESM build's bundle under /privacy/build/), a same-origin /api the page calls,
 * and /tunnel, the Node SDK's tunnel (built) forwarding to `dsn` and `lokiUrl` with its own scrubbing.
 */
export async function startPrivacySite(options: { dsn: string; lokiUrl: string }): Promise<PrivacySite> {
  // Made once the origin is known (the tunnel allows only it).
  const handler: { tunnel?: ReturnType<typeof createTunnelHandler> } = {};
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/tunnel') return handler.tunnel!(req, res);
      if (url.pathname.startsWith('/api/')) return void res.writeHead(200).end('{"ok":true}');
      const file =
        url.pathname === '/faultline.min.js' ? BUNDLE : path.join(HERE, url.pathname.replace(/^\/privacy/, ''));
      if (file !== BUNDLE && !file.startsWith(HERE)) return void res.writeHead(403).end();
      try {
        const content = await readFile(file);
        res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(content);
      } catch {
        res.writeHead(404).end('not found');
      }
    })();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handler.tunnel = createTunnelHandler({
    dsn: options.dsn,
    loki: { url: options.lokiUrl, service: 'shop-web' },
    allowedOrigins: [origin],
  });
  return {
    origin,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
