// For the logger benches: Faultline's Node SDK delivering to a real receiver, in a child process on
// 127.0.0.1 so that the receiver's own work does not land on the thread being measured.
import { fork } from 'node:child_process';
import { once } from 'node:events';

export async function initFaultlineWithReceiver() {
  const Faultline = await import('@faultline/node');
  const receiver = fork(new URL('./receiverProcess.mjs', import.meta.url), [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [line] = await once(receiver.stdout, 'data');
  const dsn = `http://key@127.0.0.1:${String(line).trim()}/1`;
  Faultline.init({ dsn, queueDir: false, integrations: (d) => d.filter((i) => i.name !== 'ProcessHandlers') });
  return { Faultline, dsn, stop: () => receiver.disconnect() };
}
