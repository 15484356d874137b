import { captureException, flush, getClient, init, setTag, withScope } from '@faultline/core';
import { createTestTransport, resetCarrier } from '@faultline/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('init', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  beforeEach(() => {
    resetCarrier();
    warn.mockClear();
  });
  afterEach(() => warn.mockClear());

  it('reports every invalid option in one message and becomes a working no-op', async () => {
    const { transport, record } = createTestTransport();
    const client = init({
      dsn: 'not a dsn',
      sampleRate: 2,
      maxBreadcrumbs: -1,
      beforeSend: 'nope' as never,
      ignoreErrors: [42 as never],
      transport,
    });
    expect(warn).toHaveBeenCalledTimes(1);
    const message = warn.mock.calls[0]!.join(' ');
    expect(message).toContain('[faultline]');
    expect(message).toContain('dsn: "not a dsn" is not a valid DSN');
    expect(message).toContain('sampleRate: expected a number from 0 to 1, got 2');
    expect(message).toContain('maxBreadcrumbs');
    expect(message).toContain('beforeSend: expected a function');
    expect(message).toContain('ignoreErrors');
    expect(client.isEnabled()).toBe(false);
    expect(() => captureException(new Error('x'))).not.toThrow();
    expect(captureException(new Error('x'))).toBe('');
    expect(() => setTag('a', 'b')).not.toThrow();
    await flush(100);
    expect(record.bodies).toHaveLength(0);
  });

  it('explains a DSN without a numeric project id', () => {
    init({ dsn: 'https://key@sentry.example.com/' });
    expect(warn.mock.calls[0]!.join(' ')).toContain('invalid project id');
  });

  it('accepts no options at all, and options that are not an object', () => {
    expect(init().isEnabled()).toBe(true);
    init(42 as never);
    expect(warn.mock.calls[0]!.join(' ')).toContain('options: expected an object');
  });

  it('is silent about valid options', () => {
    init({ dsn: 'https://abc@o1.ingest.example.com/123', sampleRate: 0.5, debug: false });
    expect(warn).not.toHaveBeenCalled();
  });

  it('points the transport at the DSN ingest URL with auth in the query', () => {
    const { transport, record } = createTestTransport();
    init({ dsn: 'https://abc@o1.ingest.example.com:8443/sub/123', transport });
    expect(record.options!.url).toBe(
      'https://o1.ingest.example.com:8443/sub/api/123/envelope/?sentry_version=7&sentry_key=abc&sentry_client=faultline.javascript.core%2F0.1.0',
    );
  });

  it('sends to the tunnel with the DSN in the envelope header when a tunnel is set', async () => {
    const { transport, record } = createTestTransport();
    init({ dsn: 'https://abc@o1.ingest.example.com/123', tunnel: '/faultline-tunnel', transport });
    captureException(new Error('x'));
    await flush(100);
    expect(record.options!.url).toBe('/faultline-tunnel');
    expect(record.envelopes()[0]![0].dsn).toBe('https://abc@o1.ingest.example.com/123');
  });

  it('does nothing before init: every public function is a silent no-op', () => {
    expect(getClient()).toBeUndefined();
    expect(captureException(new Error('early'))).toBe('');
    expect(() => withScope((scope) => scope.setTag('a', 1))).not.toThrow();
  });

  it('logs what it does with debug: true', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    init({ debug: true });
    expect(log.mock.calls.some((call) => String(call[1]).includes('No dsn'))).toBe(true);
    log.mockRestore();
  });
});
