// @vitest-environment jsdom
import { createEventEnvelope, uuid4 } from '@faultline/core';
import { makeFetchTransport } from '@faultline/browser';
import { startReceiver } from '@faultline/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

const envelope = () =>
  createEventEnvelope(
    { event_id: uuid4(), timestamp: Date.now() / 1000, message: 'queued while offline', level: 'error' },
    { sdk: { name: 'test', version: '0' } },
  );

describe('makeFetchTransport', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['the browser comes back online', () => dispatchEvent(new Event('online'))],
    [
      'the page is shown again',
      () => {
        Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      },
    ],
  ])('retries the queue at once when %s, not after the backoff', async (_, comeBack) => {
    const receiver = await startReceiver();
    try {
      let offline = true;
      const realFetch = globalThis.fetch;
      vi.stubGlobal('fetch', (url: string, init: RequestInit) =>
        offline ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(url, init),
      );
      const transport = makeFetchTransport({ offlineQueue: false, retryBaseMs: 60_000, retryMaxMs: 60_000 })({
        url: `${receiver.url}/api/1/envelope/`,
        recordDroppedEvent: () => undefined,
      });
      await transport.send(envelope());
      await new Promise((resolve) => setTimeout(resolve, 50)); // the first attempt fails; backoff is a minute
      expect(receiver.requests).toHaveLength(0);
      offline = false;
      comeBack();
      await vi.waitFor(() => expect(receiver.requests).toHaveLength(1), { timeout: 2000 });
    } finally {
      await receiver.close();
    }
  });
});
