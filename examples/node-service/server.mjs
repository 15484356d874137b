// An example HTTP service instrumented with @faultline/node and pino. It serves the browser app, answers
// a few API calls, fails on some of them (with a password and a card number that must be scrubbed), and
// prints its URL on stdout. Started by examples/demo.mjs with FAULTLINE_DSN pointing at `faultline dev`.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureException, faultlinePinoDestination, flush, init, setTag, setUser } from '@faultline/node';
import pino from 'pino';

const here = path.dirname(fileURLToPath(import.meta.url));
const bundle = path.resolve(here, '../../packages/browser/build/bundle/faultline.min.js');
init({ service: 'checkout-api', release: 'demo@1.0.0', environment: 'demo', queueDir: false });
const log = pino(faultlinePinoDestination({ write: () => undefined })); // logs go to Faultline only, to keep the demo quiet

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  try {
    if (url.pathname === '/' || url.pathname === '/app.js') {
      const file = url.pathname === '/' ? 'index.html' : 'app.js';
      res.writeHead(200, { 'Content-Type': file.endsWith('.html') ? 'text/html' : 'text/javascript' });
      return res.end(await readFile(path.join(here, '../browser-app', file)));
    }
    if (url.pathname === '/faultline.min.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      return res.end(await readFile(bundle));
    }
    if (url.pathname === '/api/login') {
      // The password and card below are exactly what scrubbing must keep out of every event and log.
      log.info({ user: 'ada', password: 'hunter2-demo-password' }, 'login attempt');
      setUser({ id: 'user-1842', email: 'ada@example.com' });
      res.writeHead(200).end('{"ok":true}');
      return;
    }
    if (url.pathname === '/api/orders') {
      log.info({ order_id: 'o-981' }, 'order listed');
      res.writeHead(200).end('{"orders":[]}');
      return;
    }
    if (url.pathname === '/api/checkout') {
      const cart = url.searchParams.get('cart') ?? 'c-77';
      setTag('cart', cart);
      setUser({ id: 'user-1842', email: 'ada@example.com' }); // the email must arrive scrubbed
      log.info({ cart }, 'checkout started');
      log.warn({ cart }, 'payment provider slow');
      throw new Error(`Payment failed for card 4111 1111 1111 1111 (cart ${cart})`);
    }
    res.writeHead(404).end();
  } catch (error) {
    captureException(error);
    log.error({ err: error }, 'request failed');
    res.writeHead(500).end('{"error":"payment failed"}');
  }
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`LISTENING http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', async () => {
  await flush(2000);
  server.close(() => process.exit(0));
});
