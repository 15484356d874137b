import type { Event } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { stripToEssentials } from '../../src/client/stripToEssentials';

describe('stripToEssentials', () => {
  it('keeps the error and what identifies the event, and drops every piece of scope data', () => {
    const event: Event = {
      exception: { values: [{ type: 'Error', value: 'boom' }] },
      user: { id: 'u-1' },
      tags: { a: '1' },
      contexts: { os: { name: 'x' } },
      extra: { b: 2 },
      breadcrumbs: [{ message: 'crumb' }],
      request: { url: 'https://example.com' },
      fingerprint: ['f'],
      level: 'fatal',
    };
    stripToEssentials(event, 'a'.repeat(32), 'node', { name: 'faultline.node', version: '1.0.0' });
    expect(event).toEqual({
      exception: { values: [{ type: 'Error', value: 'boom' }] },
      event_id: 'a'.repeat(32),
      timestamp: expect.any(Number),
      platform: 'node',
      level: 'fatal',
      sdk: { name: 'faultline.node', version: '1.0.0' },
    });
  });

  it('defaults the level to error', () => {
    const event: Event = { message: 'x' };
    stripToEssentials(event, 'b'.repeat(32), 'javascript', undefined);
    expect(event.level).toBe('error');
  });
});
