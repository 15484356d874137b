// A minimal loopback receiver run in its own process, so serving requests does not compete with the
// transports under test for the benchmark's event loop. Prints its port, counts requests and bytes.
import { createServer } from 'node:http';

let requests = 0;
let bytes = 0;
const server = createServer((req, res) => {
  if (req.url === '/stats') {
    res.end(JSON.stringify({ requests, bytes }));
    return;
  }
  req.on('data', (chunk) => (bytes += chunk.length));
  req.on('end', () => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('disconnect', () => server.close(() => process.exit(0)));
