import { close, init } from '@faultline/node';
import { createTestTransport, resetCarrier } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const watched = ['uncaughtException', 'unhandledRejection', 'SIGTERM', 'SIGINT', 'beforeExit'] as const;
const listenerCounts = () => watched.map((event) => process.listenerCount(event));

describe('close', () => {
  it('takes off the process listeners init added, and closes the transport', async () => {
    resetCarrier();
    const before = listenerCounts();
    let closed = false;
    const { transport } = createTestTransport();
    init({
      dsn: 'https://public@o1.ingest.example.com/42',
      transport: (options) => ({ ...transport(options), close: async () => ((closed = true), true) }),
    });
    expect(listenerCounts()).not.toEqual(before);
    await close(100);
    expect(listenerCounts()).toEqual(before);
    expect(closed).toBe(true);
  });
});
