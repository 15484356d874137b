// The load of the request-session cost bench, in a process of its own (no SDK): on each IPC message
// { port, count } it sends `count` keep-alive GETs, 8 at a time, and answers { done: true }.
import { request, Agent } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const get = (port) =>
  new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/items', agent }, (response) => {
      response.resume();
      response.on('end', resolve);
    })
      .on('error', reject)
      .end();
  });

process.on('message', async ({ port, count }) => {
  let left = count;
  const worker = async () => {
    while (left-- > 0) await get(port);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  process.send({ done: true });
});
process.on('disconnect', () => process.exit(0));
