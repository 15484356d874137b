// @vitest-environment jsdom
import { createEventEnvelope, uuid4 } from '@faultline/core';
import { makeFetchTransport } from '@faultline/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
// Not the package index: it also loads Node-only helpers that jsdom cannot (child-process receivers).
import { startReceiver } from '../../../test-utils/src/startReceiver';

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

  it('takes its online and visibilitychange listeners off when closed', async () => {
    const added: [EventTarget, string, unknown][] = [];
    const removed: [EventTarget, string, unknown][] = [];
    for (const target of [window, document]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
        added.push([target, type, listener]);
        add(type, listener, options);
      });
      vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
        removed.push([target, type, listener]);
        remove(type, listener, options);
      });
    }
    const transport = makeFetchTransport({ offlineQueue: false })({
      url: 'http://127.0.0.1:9/api/1/envelope/',
      recordDroppedEvent: () => undefined,
    });
    expect(added.map(([, type]) => type).sort()).toEqual(['online', 'visibilitychange']);
    expect(await transport.close!(0)).toBe(true);
    expect(removed).toEqual(added);
    vi.restoreAllMocks();
  });

  it("quotes the receiver's reason when it refuses an envelope for good, once per status", async () => {
    const reason = '{"detail":"event submission rejected with_reason: ProjectId"}';
    const receiver = await startReceiver(() => ({ status: 403, body: reason + ' '.repeat(100_000) }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const drops: string[] = [];
      const transport = makeFetchTransport({ offlineQueue: false })({
        url: `${receiver.url}/api/1/envelope/`,
        recordDroppedEvent: (why, category) => drops.push(`${why}:${category}`),
      });
      await transport.send(envelope());
      await transport.send(envelope());
      expect(await transport.flush(2000)).toBe(true);
      expect(drops).toEqual(['send_error:error', 'send_error:error']);
      expect(warn.mock.calls.map((call) => call.join(' '))).toEqual([
        `[faultline] sentry rejected an envelope: HTTP 403 ${JSON.stringify(reason)}; dropped, not retried (send_error). Said once per status; debug: true names the event ids of each rejected envelope`,
      ]);
    } finally {
      warn.mockRestore();
      await receiver.close();
    }
  });
});
