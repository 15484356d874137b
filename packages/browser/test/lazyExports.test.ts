// Node's environment: a receiver runs in a child process; nothing here needs a DOM.
import { resetCarrier, startReceiverProcess } from '@faultline/test-utils';
import { describe, expect, it, vi } from 'vitest';

// A fresh copy of the package per test: the pipeline module has not arrived yet when the test starts.
const freshPackage = async () => {
  vi.resetModules();
  resetCarrier();
  return import('@faultline/browser');
};

describe('the pipeline’s functions as the package index exports them (lazyExports)', () => {
  it('a fetch transport made before the pipeline module arrived (new BrowserClient at start) delivers once it has: a receiver process gets the event once', async () => {
    const receiver = await startReceiverProcess();
    try {
      const { BrowserClient, makeFetchTransport, setCurrentClient } = await freshPackage();
      const client = new BrowserClient({
        dsn: receiver.dsn,
        transport: makeFetchTransport({ offlineQueue: false }), // jsdom has no IndexedDB
        integrations: [],
      });
      setCurrentClient(client);
      client.init();
      const eventId = client.captureException(new Error('made before the pipeline arrived'));
      expect(await client.flush(10_000)).toBe(true);
      const stats = await receiver.waitFor((s) => s.events >= 1, 10_000, 'the event');
      expect((await receiver.events()).map((event) => event.id)).toEqual([eventId]);
      expect(stats.duplicates).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('createTransport made before the pipeline module arrived sends through its makeRequest once it has (makeRequest stubbed, no network)', async () => {
    const { createTransport } = await freshPackage();
    const bodies: string[] = [];
    const transport = createTransport(
      { url: 'https://ingest.example.com/api/1/envelope/', recordDroppedEvent: () => undefined },
      async ({ body }) => (bodies.push(String(body)), { statusCode: 200, headers: {} }),
    );
    await transport.send([{ event_id: 'a'.repeat(32) }, [[{ type: 'event' }, { event_id: 'a'.repeat(32) }]]]);
    expect(await transport.flush(5000)).toBe(true);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('a'.repeat(32));
  });
});
