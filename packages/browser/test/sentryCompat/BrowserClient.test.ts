// @vitest-environment jsdom
import { BrowserClient, browserSessionIntegration, captureException, setCurrentClient } from '@faultline/browser';
import type { SessionUpdate } from '@faultline/core';
import { createTestTransport, resetCarrier } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

describe('BrowserClient', () => {
  it('starts page sessions at once with a browserSessionIntegration given to it (a client made whole, no entry)', async () => {
    resetCarrier();
    const { transport, record } = createTestTransport();
    const client = new BrowserClient({
      dsn: 'https://key@o1.ingest.example.com/1',
      release: 'shop@1.4.2',
      transport,
      integrations: [browserSessionIntegration()],
    });
    setCurrentClient(client);
    client.init();
    history.pushState({}, '', '/checkout');
    captureException(new Error('on the checkout page'), { mechanism: { type: 'onerror', handled: false } });
    await client.flush(2000);
    const updates = record.items('session') as SessionUpdate[];
    expect(updates.map((u) => `${u.init ? 'init ' : ''}${u.status}/${u.errors}`)).toEqual([
      'init exited/0',
      'init ok/0',
      'crashed/1',
    ]);
    expect(updates[2]!.sid).toBe(updates[1]!.sid);
  });
});
