import { captureException, flush, getClient, init, initAndBind, setTag, withScope } from '@faultline/core';
import { createTestTransport, resetCarrier } from '@faultline/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('init', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  beforeEach(() => {
    resetCarrier();
    warn.mockClear();
  });
  afterEach(() => warn.mockClear());

  it('ignores each invalid option (its default applies), reports all in one warning, and keeps sending', async () => {
    const { transport, record } = createTestTransport();
    const client = init({
      dsn: 'https://abc@o1.ingest.example.com/123',
      sampleRate: 2,
      maxBreadcrumbs: -1,
      beforeSend: 'nope' as never,
      ignoreErrors: [42 as never],
      enviroment: 'staging',
      transport,
    } as never);
    expect(warn).toHaveBeenCalledTimes(1);
    const message = warn.mock.calls[0]!.join(' ');
    expect(message).toBe(
      [
        '[faultline] Invalid options (each one is ignored and Faultline runs with the rest):',
        '  - enviroment (init option): unknown option, ignored; did you mean `environment`?',
        '  - sampleRate (init option): expected a number from 0 to 1, got 2; ignored, using the default',
        '  - beforeSend (init option): expected a function, got "nope"; ignored, using the default',
        '  - maxBreadcrumbs (init option): expected a whole number from 0 to 1000, got -1; ignored, using the default',
        '  - ignoreErrors (init option): expected an array of strings and RegExps, got [42]; ignored, using the default',
      ].join('\n'),
    );
    expect(client.isEnabled()).toBe(true);
    expect(client.getOptions()).toMatchObject({ sampleRate: 1, maxBreadcrumbs: 100, environment: 'production' });
    expect(captureException(new Error('still reported'))).toMatch(/^[0-9a-f]{32}$/);
    await flush(100);
    expect(record.events().map((event) => event.exception!.values[0]!.value)).toEqual(['still reported']);
  });

  it('prints the warning without debug, since a typo must be seen', () => {
    init({ dsn: 'https://abc@o1.ingest.example.com/123', debug: false, sampleRate: '50%' as never });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]!.join(' ')).toContain('got "50%"');
  });

  it('sends nothing when the dsn is unusable, and says so along with every other problem', async () => {
    const { transport, record } = createTestTransport();
    const client = init({ dsn: 'not a dsn', sampleRate: 2, transport });
    expect(warn).toHaveBeenCalledTimes(1);
    const message = warn.mock.calls[0]!.join(' ');
    expect(message).toContain('Faultline sends nothing until the dsn or tunnel is fixed');
    expect(message).toContain('dsn (init option): "not a dsn" is not a valid DSN');
    expect(message).toContain('sampleRate (init option): expected a number from 0 to 1, got 2');
    expect(client.isEnabled()).toBe(false);
    expect(captureException(new Error('x'))).toBe('');
    expect(() => setTag('a', 'b')).not.toThrow();
    await flush(100);
    expect(record.bodies).toHaveLength(0);
  });

  it('sends nothing when the tunnel is unusable', () => {
    const { transport } = createTestTransport();
    expect(init({ dsn: 'https://abc@o1.ingest.example.com/123', tunnel: 'relay', transport }).isEnabled()).toBe(false);
    expect(warn.mock.calls[0]!.join(' ')).toContain('tunnel (init option): expected an http(s) URL or a path');
  });

  it('in a production build, still names each option, its value and what happens, without the explanations', () => {
    // Bundlers replace process.env.NODE_ENV; here it is read at run time.
    vi.stubEnv('NODE_ENV', 'production');
    try {
      init({ dsn: 'https://key@sentry.example.com/', tunnel: 'relay', integrations: 'all' as never } as never);
      expect(warn.mock.calls[0]!.join(' ')).toBe(
        [
          '[faultline] Invalid options:',
          '  - dsn (init option): "https://key@sentry.example.com/" has an invalid project id ""; ignored, so nothing is sent',
          '  - tunnel (init option): expected a URL or a path, got "relay"; ignored, so nothing is sent',
          '  - integrations (init option): expected an array or a function, got "all"; ignored, using the default',
        ].join('\n'),
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('explains a DSN without a numeric project id', () => {
    init({ dsn: 'https://key@sentry.example.com/' });
    expect(warn.mock.calls[0]!.join(' ')).toContain('invalid project id');
  });

  it('accepts no options at all, and options that are not an object', () => {
    expect(init().isEnabled()).toBe(true);
    warn.mockClear();
    init(42 as never);
    expect(warn.mock.calls[0]!.join(' ')).toContain('options (init option): expected an object, got 42');
  });

  it('mentions Sentry options it does not implement only with debug: true', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const dsn = 'https://abc@o1.ingest.example.com/123';
    init({ dsn, tracesSampleRate: 1 } as never);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    init({ dsn, tracesSampleRate: 1, debug: true } as never);
    expect(log.mock.calls.map((call) => call.join(' '))).toContain(
      '[faultline] Sentry options Faultline does not implement, ignored: tracesSampleRate',
    );
    log.mockRestore();
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

  it('says once, without debug, that nothing will be sent when no DSN was found, and where it looked', async () => {
    init();
    expect(warn.mock.calls.map((call) => call.join(' '))).toEqual([
      '[faultline] No DSN found, so nothing will be sent (looked at: the `dsn` init option).',
    ]);
    captureException(new Error('goes nowhere'));
    await flush(100);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('names the places a platform looked for a DSN', () => {
    const sdk = { name: 'faultline.javascript.test', version: '0.0.0' };
    const dsnSources = ['the `dsn` init option', 'FAULTLINE_DSN', 'a config file (none named)'];
    initAndBind({}, { platform: 'node', sdk, defaultIntegrations: [], dsnSources });
    expect(warn.mock.calls.map((call) => call.join(' '))).toEqual([
      '[faultline] No DSN found, so nothing will be sent (looked at: the `dsn` init option, FAULTLINE_DSN, a config file (none named)).',
    ]);
  });

  it('says nothing of a missing DSN when a transport is given, or the SDK is disabled', () => {
    init({ transport: createTestTransport().transport });
    init({ enabled: false });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('init with initialScope', () => {
  beforeEach(() => resetCarrier());

  it("starts the current scope with Sentry's initialScope, an object or a callback", async () => {
    const { transport, record } = createTestTransport();
    init({ transport, initialScope: { tags: { 'my-tag': 'my value' }, user: { id: 42 } } });
    captureException(new Error('x'));
    resetCarrier();
    init({ transport, initialScope: (scope) => scope.setTag('from', 'callback') });
    captureException(new Error('y'));
    await flush(100);
    expect(record.events()[0]).toMatchObject({ tags: { 'my-tag': 'my value' }, user: { id: 42 } });
    expect(record.events()[1]!.tags).toEqual({ from: 'callback' });
  });
});
