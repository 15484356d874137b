import { createScrubber } from '@faultline/core';
import type { Event } from '@faultline/core';
import { describe, expect, it } from 'vitest';

describe('createScrubber', () => {
  it('redacts sensitive keys at any depth, case- and separator-insensitively', () => {
    const event = createScrubber({}).scrubEvent({
      extra: {
        config: { DB_PASSWORD: 'x1', 'X-Api-Key': 'x2', apiKey: 'x3', nested: [{ refreshToken: 'x4' }] },
        classname: 'kept',
      },
    });
    expect(event.extra).toEqual({
      config: {
        DB_PASSWORD: '[Filtered]',
        'X-Api-Key': '[Filtered]',
        apiKey: '[Filtered]',
        nested: [{ refreshToken: '[Filtered]' }],
      },
      classname: 'kept',
    });
  });

  it('takes more fields, more patterns and its own redaction text', () => {
    const scrubber = createScrubber({ fields: ['tenantCode'], patterns: [/EMP-\d{6}/g], redaction: '***' });
    const event = scrubber.scrubEvent({
      message: 'employee EMP-123456 left',
      tags: { tenant_code: 'acme', other: 'ok' },
    });
    expect(event.message).toBe('employee *** left');
    expect(event.tags).toEqual({ tenant_code: '***', other: 'ok' });
  });

  it('never touches tracing fields, nor fields the user exempts', () => {
    const event = createScrubber({ exemptFields: ['session_hint', /^safe_/] }).scrubEvent({
      extra: {
        trace_token: 'a@b.co',
        span_secret: 'x',
        request_id: 'token-1',
        session_hint: 'kept',
        safe_password: 'kept too',
      },
    });
    expect(event.extra).toEqual({
      trace_token: 'a@b.co',
      span_secret: 'x',
      request_id: 'token-1',
      session_hint: 'kept',
      safe_password: 'kept too',
    });
  });

  it('in allow-list mode keeps only the listed keys in user data (values still scanned)', () => {
    const event = createScrubber({ allowList: ['order_id', 'note'] }).scrubEvent({
      message: 'free text stays',
      extra: { order_id: 'o-1', note: 'mail me at a@b.co', anything: 'hidden', trace_id: 'kept' },
    });
    expect(event.message).toBe('free text stays');
    expect(event.extra).toEqual({
      order_id: 'o-1',
      note: 'mail me at [Filtered]',
      anything: '[Filtered]',
      trace_id: 'kept',
    });
  });

  it('drops user.email and user.ip_address and redacts IPs unless sendDefaultPii', () => {
    const event: Event = { user: { id: 1, email: 'a@b.co', ip_address: '203.0.113.9' }, message: 'from 203.0.113.9' };
    expect(createScrubber({}).scrubEvent(event)).toMatchObject({ user: { id: 1 }, message: 'from [Filtered]' });
    expect(createScrubber({}).scrubEvent(event).user).toEqual({ id: 1 });
    expect(createScrubber({}, true).scrubEvent(event)).toMatchObject({
      user: { id: 1, email: '[Filtered]', ip_address: '203.0.113.9' },
      message: 'from 203.0.113.9',
    });
  });

  it('scrubs request URLs, headers and query strings', () => {
    const event = createScrubber({}).scrubEvent({
      request: {
        url: 'https://a.example.com/cb?code=ok&access_token=abc123',
        headers: { Cookie: 'sid=1', Accept: 'json' },
        query_string: 'token=zzz&q=shoes',
      },
    });
    expect(event.request).toEqual({
      url: 'https://a.example.com/cb?code=ok&access_token=[Filtered]',
      headers: { Cookie: '[Filtered]', Accept: 'json' },
      query_string: 'token=[Filtered]&q=shoes',
    });
  });

  it('scrubs log bodies and attributes but not the SDK’s own attributes', () => {
    const log = createScrubber({}).scrubLog({
      timestamp: 1,
      level: 'info',
      body: 'user a@b.co logged in',
      attributes: {
        password: { value: 'p', type: 'string' },
        note: { value: 'call 4111111111111111', type: 'string' },
        'sentry.release': { value: 'shop@1.2.3', type: 'string' },
        count: { value: 3, type: 'integer' },
      },
    });
    expect(log.body).toBe('user [Filtered] logged in');
    expect(log.attributes).toEqual({
      password: { value: '[Filtered]', type: 'string' },
      note: { value: 'call [Filtered]', type: 'string' },
      'sentry.release': { value: 'shop@1.2.3', type: 'string' },
      count: { value: 3, type: 'integer' },
    });
  });

  it('scrubs any other event field (threads, a hook’s or a foreign SDK’s own) and keeps the protocol’s', () => {
    const event = createScrubber({}).scrubEvent({
      event_id: 'a'.repeat(32),
      modules: { jsonwebtoken: '9.0.2' },
      fingerprint: ['{{ default }}', 'token'],
      ...({
        form: { card: '4111 1111 1111 1111', password: 'p1' },
        threads: { values: [{ id: 1, stacktrace: { frames: [{ vars: { secret: 'p2' } }] } }] },
      } as Event),
    }) as Event & Record<string, unknown>;
    expect(event.form).toEqual({ card: '[Filtered]', password: '[Filtered]' });
    expect(event.threads).toEqual({
      values: [{ id: 1, stacktrace: { frames: [{ vars: { secret: '[Filtered]' } }] } }],
    });
    expect(event.modules).toEqual({ jsonwebtoken: '9.0.2' });
    expect(event.fingerprint).toEqual(['{{ default }}', 'token']);
  });

  it('never mutates the objects it is given (a beforeSend may attach live app state)', () => {
    const appState = { password: 'live', list: [{ token: 't' }] };
    const event: Event = { extra: { appState }, breadcrumbs: [{ message: 'a@b.co' }] };
    createScrubber({}).scrubEvent(event);
    expect(appState).toEqual({ password: 'live', list: [{ token: 't' }] });
    expect(event.breadcrumbs![0]!.message).toBe('a@b.co');
  });
});

describe('createScrubber key=value text', () => {
  it('redacts sensitive key=value pairs in free text too', () => {
    expect(createScrubber({}).scrubEvent({ message: 'login with password=hunter2 failed; page=3' }).message).toBe(
      'login with password=[Filtered] failed; page=3',
    );
  });
});

describe('createScrubber and server addresses', () => {
  it('keeps an IP that is the host of a URL, and redacts one in text', () => {
    const scrubber = createScrubber({});
    expect(
      scrubber.scrubEvent({ message: 'GET http://10.0.0.5:8080/health and http://[::1]:3000/ from 203.0.113.9' })
        .message,
    ).toBe('GET http://10.0.0.5:8080/health and http://[::1]:3000/ from [Filtered]');
  });
});

describe('createScrubber nested log attributes', () => {
  it('judges the keys of a nested (still structured) attribute at every depth', () => {
    const log = createScrubber({}).scrubLog({
      timestamp: 1,
      level: 'info',
      body: 'db connect',
      attributes: {
        db: {
          value: { host: 'db-1', password: 'p', replicas: [{ auth: { token: 't' }, note: 'a@b.co' }] },
          type: 'object',
        },
        trace_id: { value: 'kept', type: 'string' },
      },
    });
    expect(log.attributes).toEqual({
      db: {
        value: { host: 'db-1', password: '[Filtered]', replicas: [{ auth: '[Filtered]', note: '[Filtered]' }] },
        type: 'object',
      },
      trace_id: { value: 'kept', type: 'string' },
    });
  });

  it('redacts a nested attribute whole when its own key is sensitive', () => {
    const log = createScrubber({}).scrubLog({
      timestamp: 1,
      level: 'info',
      body: '',
      attributes: { credentials: { value: { user: 'u', pass: 'p' }, type: 'object' } },
    });
    expect(log.attributes!.credentials).toEqual({ value: '[Filtered]', type: 'string' });
  });
});

describe('createScrubber structured text', () => {
  const message = (text: string) => createScrubber({}).scrubEvent({ message: text }).message;

  it('redacts sensitive keys’ values in JSON text and in util.inspect / console output', () => {
    expect(message('{"db":{"password":"hunter2","port":5432},"sessions":[{"token":"t-1"}],"pin":1234}')).toBe(
      '{"db":{"password":"[Filtered]","port":5432},"sessions":[{"token":"[Filtered]"}],"pin":"[Filtered]"}',
    );
    expect(message("db connect { db: { password: 'hunter2', host: 'db-1' } }")).toBe(
      "db connect { db: { password: '[Filtered]', host: 'db-1' } }",
    );
    expect(message('config.api_key: "k-123" loaded')).toBe('config.api_key: "[Filtered]" loaded');
    expect(message('card { pin: 1234, last4: 4242 }')).toBe('card { pin: "[Filtered]", last4: 4242 }');
  });

  it('keeps times, URLs and harmless pairs', () => {
    const kept = 'at 12:30:45 GET http://10.0.0.5:8080/x {"page":2,"sort":"price"} region: \'eu\' user: "u-7"';
    expect(message(kept)).toBe(kept);
  });

  it('redacts sensitive pairs in a URL fragment (OAuth implicit flow)', () => {
    expect(message('https://shop.example.com/cb#access_token=opaque-123&state=ok')).toBe(
      'https://shop.example.com/cb#access_token=[Filtered]&state=ok',
    );
  });
});

describe('createScrubber request pairs and frames', () => {
  it('judges [name, value] pairs in request headers, cookies, query and env', () => {
    const event = createScrubber({}).scrubEvent({
      request: {
        headers: [
          ['Authorization', 'opaque'],
          ['Accept', 'json'],
        ] as never,
        query_string: [
          ['token', 'qs-secret'],
          ['q', 'shoes'],
        ] as never,
        data: '{"password":"body-secret","item":"sku-1"}',
      },
    });
    expect(event.request).toEqual({
      headers: [
        ['Authorization', '[Filtered]'],
        ['Accept', 'json'],
      ],
      query_string: [
        ['token', '[Filtered]'],
        ['q', 'shoes'],
      ],
      data: '{"password":"[Filtered]","item":"sku-1"}',
    });
  });

  it('scrubs the query and fragment of a frame’s URL (an inline script’s page) and keeps its path', () => {
    const frames = [
      { filename: 'https://shop.example.com/checkout?email=a@b.co&step=2#token=t1', function: 'pay' },
      { filename: '/srv/app/node_modules/pkg@1.2.3.4/index.js', abs_path: '/srv/app/index.js' },
    ];
    const event = createScrubber({}).scrubEvent({
      exception: { values: [{ type: 'Error', value: 'x', stacktrace: { frames } }] },
    });
    expect(event.exception!.values[0]!.stacktrace!.frames).toEqual([
      { filename: 'https://shop.example.com/checkout?email=[Filtered]&step=2#token=[Filtered]', function: 'pay' },
      frames[1],
    ]);
    // Frames that need nothing are not copied (most events: no query in a frame's URL).
    const clean = { values: [{ type: 'Error', value: 'x', stacktrace: { frames: [frames[1]!] } }] };
    expect(createScrubber({}).scrubEvent({ exception: clean }).exception!.values[0]!.stacktrace).toBe(
      clean.values[0]!.stacktrace,
    );
  });

  it('scrubs any other data the same way (scrubData)', () => {
    expect(createScrubber({}).scrubData({ sid: 's', list: ['a@b.co', { api_key: 'k' }], trace_id: 'a@b.co' })).toEqual({
      sid: '[Filtered]',
      list: ['[Filtered]', { api_key: '[Filtered]' }],
      trace_id: 'a@b.co',
    });
  });
});
