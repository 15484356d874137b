import type { Event } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { withClientContexts } from '../../src/receiver/withClientContexts';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

describe('withClientContexts', () => {
  it('derives a browser event’s browser and os contexts from its User-Agent, marked as derived', () => {
    const event: Event = {
      request: { url: 'https://shop.test/', headers: { 'User-Agent': CHROME } },
      contexts: { trace: { trace_id: 'a'.repeat(32) } },
    };
    expect(withClientContexts(event).contexts).toEqual({
      trace: { trace_id: 'a'.repeat(32) },
      browser: { name: 'Chrome', version: '126.0.0.0', derived_from: 'User-Agent' },
      os: { name: 'Linux', derived_from: 'User-Agent' },
    });
    expect(event.contexts).toEqual({ trace: { trace_id: 'a'.repeat(32) } }); // what is stored is not changed
  });

  it('puts the client’s OS in client_os when the event describes the server’s, and never replaces a sent context', () => {
    const event: Event = {
      request: { headers: { 'user-agent': CHROME } },
      contexts: { os: { name: 'Debian GNU/Linux', version: '12' }, browser: { name: 'Sent by the SDK' } },
    };
    expect(withClientContexts(event).contexts).toEqual({
      os: { name: 'Debian GNU/Linux', version: '12' },
      browser: { name: 'Sent by the SDK' },
      client_os: { name: 'Linux', derived_from: 'User-Agent' },
    });
  });

  it('leaves an event without a User-Agent (or with a strange request) as it is', () => {
    const plain: Event = { contexts: { runtime: { name: 'node' } } };
    expect(withClientContexts(plain)).toBe(plain);
    const odd = { request: { headers: ['User-Agent', CHROME] } } as unknown as Event;
    expect(withClientContexts(odd)).toBe(odd);
  });
});
