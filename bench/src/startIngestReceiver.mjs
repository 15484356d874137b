// The counting ingest receiver of the reliability tests (packages/test-utils/src/receiverProcess.mjs) in a
// child process on 127.0.0.1, with a small promise API over its IPC commands (see that file).
import { fork } from 'node:child_process';

const RECEIVER = new URL('../../packages/test-utils/src/receiverProcess.mjs', import.meta.url);

/** `tls`: HTTP/2 over TLS (and HTTP/1.1) with a self-signed certificate, `ca` (for NODE_EXTRA_CA_CERTS). */
export async function startIngestReceiver({ tls = false } = {}) {
  const child = fork(RECEIVER, ['0', ...(tls ? ['tls'] : [])], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let ca;
  const waiting = new Map();
  let nextId = 0;
  const port = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
    child.on('message', (message) => {
      if (message.type === 'ready') {
        ca = message.ca;
        return resolve(message.port);
      }
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) pending?.resolve(message.result);
      else pending?.reject(new Error(message.error));
    });
  });
  const call = (cmd, args = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      child.send({ id, cmd, ...args });
    });
  return {
    port,
    dsn: `${tls ? 'https' : 'http'}://public@127.0.0.1:${port}/1`,
    ca,
    stats: () => call('stats'),
    events: (prefix) => call('events', { prefix }),
    set: (options) => call('set', options),
    refuse: () => call('refuse'),
    reopen: () => call('reopen'),
    reset: () => call('reset'),
    async waitFor(predicate, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const stats = await call('stats');
        if (predicate(stats) || Date.now() >= deadline) return stats;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close() {
      child.kill('SIGKILL');
    },
  };
}
