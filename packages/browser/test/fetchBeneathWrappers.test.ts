// @vitest-environment jsdom
import { createEventEnvelope, uuid4 } from '@faultline/core';
import {
  fetchBreadcrumbsIntegration,
  httpClientIntegration,
  makeFetchTransport,
  tracePropagationIntegration,
} from '@faultline/browser';
import { describe, expect, it, vi } from 'vitest';
import { describeFetch } from '../src/describeFetch';
import { fetchBeneathWrappers } from '../src/fetchBeneathWrappers';
// Not the package index: it also loads Node-only helpers that jsdom cannot (child-process receivers).
import { startReceiver } from '../../test-utils/src/startReceiver';

// Every fetch wrapper of the SDK starts by describing the call: counting these counts the wrappers run.
vi.mock('../src/describeFetch', async (importOriginal) => {
  const original = await importOriginal<{ describeFetch: typeof describeFetch }>();
  return { describeFetch: vi.fn(original.describeFetch) };
});

const pageFetch = globalThis.fetch;
// As on a page: the SDK's integrations wrap `fetch` at `init`, before the pipeline makes its transport.
fetchBreadcrumbsIntegration().setup?.({} as never);
tracePropagationIntegration().setup?.({} as never);
httpClientIntegration().setup?.({} as never);

describe('fetchBeneathWrappers', () => {
  it('finds the fetch beneath the SDK’s wrappers, and keeps a wrapper the page put over them', () => {
    expect(globalThis.fetch).not.toBe(pageFetch);
    expect(fetchBeneathWrappers(globalThis.fetch)).toBe(pageFetch);
    const pageWrapper = ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args)) as typeof fetch;
    expect(fetchBeneathWrappers(pageWrapper)).toBe(pageWrapper);
  });

  it('lets the fetch transport send beneath the SDK’s wrappers, which still see the page’s requests', async () => {
    const receiver = await startReceiver();
    try {
      const transport = makeFetchTransport({ offlineQueue: false })({
        url: `${receiver.url}/api/1/envelope/`,
        recordDroppedEvent: () => undefined,
      });
      const envelope = createEventEnvelope(
        { event_id: uuid4(), timestamp: Date.now() / 1000, message: 'sent beneath the wrappers', level: 'error' },
        { sdk: { name: 'test', version: '0' } },
      );
      vi.mocked(describeFetch).mockClear();
      await transport.send(envelope);
      expect(await transport.flush(2000)).toBe(true);
      expect(receiver.requests).toHaveLength(1);
      expect(receiver.requests[0]!.body).toContain('sent beneath the wrappers');
      expect(describeFetch).not.toHaveBeenCalled();

      await globalThis.fetch(`${receiver.url}/page/request`, { method: 'POST', body: '{}' });
      expect(describeFetch).toHaveBeenCalledTimes(3); // breadcrumbs, trace propagation, HTTP client errors
    } finally {
      await receiver.close();
    }
  });
});
