import { describe, expect, it } from 'vitest';
import type { Client } from '../../src/client/types';
import { createSessionContext } from '../../src/sessions/createSessionContext';

const contextOf = (options: Record<string, unknown> = {}) =>
  createSessionContext({ getOptions: () => ({ release: 'app@1.0.0', ...options }) } as unknown as Client);

describe('createSessionContext', () => {
  it('sends a user id as did, as a string', () => {
    const { distinctId } = contextOf();
    expect(distinctId({ id: 'user-42', email: 'ada@example.com' })).toBe('user-42');
    expect(distinctId({ id: 12345 })).toBe('12345');
  });

  it('never sends an email, an IP address or a secret as did, whatever its form', () => {
    const { distinctId } = contextOf();
    for (const id of ['ada@example.com', 'a@b.c', 'ADA@LOCALHOST', 'ada%40example.com', '203.0.113.5', '2001:db8::1'])
      expect(distinctId({ id }), id).toBeUndefined();
    expect(distinctId({ id: 'sk_live_abcdefghijklmnop1234' })).toBeUndefined();
    // No id: no did, whatever else the user holds.
    expect(distinctId({ email: 'ada@example.com', ip_address: '203.0.113.5', username: 'ada' })).toBeUndefined();
    expect(distinctId(undefined)).toBeUndefined();
  });
});
