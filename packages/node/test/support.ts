import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { init, type NodeOptions } from '@faultline/node';
import { createTestTransport, resetCarrier } from '@faultline/test-utils';

/**
 * Starts @faultline/node in this (test) process with an in-memory transport, leaving out the handlers
 * that would change how the test runner's own process exits.
 */
export function initNodeForTest(options: NodeOptions = {}) {
  resetCarrier();
  const { transport, record } = createTestTransport();
  init({
    dsn: 'https://public@o1.ingest.example.com/42',
    transport,
    queueDir: false,
    integrations: (defaults) => defaults.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown'),
    ...options,
  });
  return record;
}

export async function listen(handler: RequestListener | Server): Promise<{ url: string; close(): Promise<void> }> {
  const server = typeof handler === 'function' ? createServer(handler) : handler;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
