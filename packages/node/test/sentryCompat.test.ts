// Snippets from Sentry's JavaScript docs, run against Faultline with only the import changed
// (`@sentry/node` → `@faultline/node`, `@sentry/core` → `@faultline/core`), to a real HTTP receiver.
// What Faultline does differently on purpose is asserted where it shows, and listed in the README's
// "Coming from Sentry" section.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEnvelope, type Event } from '@faultline/core';
import * as Sentry from '@faultline/node';
import { resetCarrier, startReceiver, type Receiver } from '@faultline/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFetchTransport } from './fixtures/sentryFetchTransport.mjs';

let receiver: Receiver;
let DSN: string;
let seen = 0;
const warn = vi.spyOn(console, 'warn');

/** The events the receiver got since the last call. */
async function received(): Promise<Event[]> {
  await Sentry.flush(3000);
  const bodies = receiver.accepted().map((request) => request.body);
  const fresh = bodies.slice(seen);
  seen = bodies.length;
  return fresh.flatMap((body) =>
    parseEnvelope(body)[1].flatMap(([headers, payload]) => (headers.type === 'event' ? [payload as Event] : [])),
  );
}

beforeAll(async () => {
  receiver = await startReceiver();
  DSN = `http://public@127.0.0.1:${receiver.port}/1`;
  // Not part of the snippets: keep envelopes in memory instead of the user's state folder. Set by file, so
  // that every `init` below stays as the docs write it.
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-compat-'));
  writeFileSync(path.join(dir, 'faultline.json'), JSON.stringify({ queueDir: false }));
  process.env.FAULTLINE_CONFIG = path.join(dir, 'faultline.json');
});
afterAll(async () => {
  delete process.env.FAULTLINE_CONFIG;
  await receiver.close();
});
beforeEach(() => {
  resetCarrier();
  warn.mockClear();
});
afterEach(async () => {
  await Sentry.close(1000);
  // A Sentry init must not make Faultline complain: Sentry-only options are a debug note, not a warning.
  expect(warn.mock.calls.filter((call) => String(call[0]).includes('[faultline]'))).toEqual([]);
});

describe('Sentry docs snippets against @faultline/node', () => {
  it('init with the common options (Sentry-only ones type-check and are ignored)', async () => {
    Sentry.init({
      dsn: DSN,
      release: 'my-project-name@2.3.12',
      environment: 'staging',
      debug: false,
      sampleRate: 1.0,
      maxBreadcrumbs: 50,
      attachStacktrace: true,
      serverName: 'device-name',
      dist: '42',
      maxValueLength: 250,
      normalizeDepth: 5,
      sendDefaultPii: false,
      tracesSampleRate: 1.0,
      integrations: (integrations) => integrations.filter((integration) => integration.name !== 'Console'),
    });
    Sentry.captureMessage('Something went wrong');
    const [event] = await received();
    expect(event).toMatchObject({
      message: 'Something went wrong',
      level: 'info',
      release: 'my-project-name@2.3.12',
      environment: 'staging',
      server_name: 'device-name',
      dist: '42',
    });
    // attachStacktrace puts the caller's stack on a message, as Sentry's does (in exception.values).
    expect(event!.exception!.values[0]!.stacktrace!.frames.length).toBeGreaterThan(0);
  });

  it('scopes: global, isolation and current, and the top-level setters', async () => {
    Sentry.init({ dsn: DSN });
    Sentry.getGlobalScope().setTag('my-global-tag', 'value');
    Sentry.getIsolationScope().setTag('my-isolation-tag', 'value');
    Sentry.getCurrentScope().setTag('my-current-tag', 'value');
    Sentry.setTag('page_locale', 'de-at');
    Sentry.setTags({ a: 'b' });
    Sentry.setUser({ id: '42', email: 'john.doe@example.com' });
    Sentry.setExtra('character_name', 'Mighty Fighter');
    Sentry.captureException(new Error('with scopes'));
    const [event] = await received();
    expect(event!.tags).toMatchObject({
      'my-global-tag': 'value',
      'my-isolation-tag': 'value',
      'my-current-tag': 'value',
      page_locale: 'de-at',
      a: 'b',
    });
    expect(event!.extra).toMatchObject({ character_name: 'Mighty Fighter' });
    // Deliberately different: without sendDefaultPii, user.email is left out even when set on the user.
    expect(event!.user).toEqual({ id: '42' });
  });

  it('withScope', async () => {
    Sentry.init({ dsn: DSN });
    Sentry.withScope(function (scope) {
      scope.setTag('my-tag', 'my value');
      scope.setLevel('warning');
      // will be tagged with my-tag="my value"
      Sentry.captureException(new Error('my error'));
    });
    // will not be tagged with my-tag
    Sentry.captureException(new Error('my other error'));
    const [first, second] = await received();
    expect(first).toMatchObject({ level: 'warning', tags: { 'my-tag': 'my value' } });
    expect(second!.level).toBe('error');
    expect(second!.tags?.['my-tag']).toBeUndefined();
  });

  it('setContext', async () => {
    Sentry.init({ dsn: DSN });
    Sentry.setContext('character', {
      name: 'Mighty Fighter',
      age: 19,
      attack_type: 'melee',
    });
    Sentry.captureException(new Error('with context'));
    const [event] = await received();
    expect(event!.contexts!.character).toEqual({ name: 'Mighty Fighter', age: 19, attack_type: 'melee' });
  });

  it('addBreadcrumb, beforeBreadcrumb and scope.addBreadcrumb', async () => {
    Sentry.init({
      dsn: DSN,
      beforeBreadcrumb(breadcrumb) {
        return breadcrumb.category === 'ui.click' ? null : breadcrumb;
      },
    });
    const user = { email: 'someone@example.com' };
    Sentry.addBreadcrumb({
      category: 'auth',
      message: 'Authenticated user ' + user.email,
      level: 'info',
    });
    Sentry.addBreadcrumb({ category: 'ui.click', message: 'button#buy' });
    Sentry.getCurrentScope().addBreadcrumb({ category: 'scope', message: 'added on the scope' });
    Sentry.captureException(new Error('after breadcrumbs'));
    const [event] = await received();
    const crumbs = event!.breadcrumbs!.filter((crumb) => crumb.category === 'auth' || crumb.category === 'scope');
    // Deliberately different: emails inside breadcrumb messages are scrubbed too.
    expect(crumbs).toMatchObject([
      { category: 'auth', level: 'info', message: 'Authenticated user [Filtered]' },
      { category: 'scope', message: 'added on the scope', timestamp: expect.any(Number) },
    ]);
    expect(event!.breadcrumbs!.some((crumb) => crumb.category === 'ui.click')).toBe(false);
  });

  it('captureException with context, a hint and a scope callback; captureMessage with a level', async () => {
    const hints: unknown[] = [];
    Sentry.init({
      dsn: DSN,
      beforeSend(event, hint) {
        hints.push(hint.data);
        return event;
      },
    });
    Sentry.getCurrentScope().setTag('from-current', 'yes');
    Sentry.captureException(new Error('something went wrong'), {
      tags: {
        section: 'articles',
      },
    });
    Sentry.captureException(new Error('clean as never'), (scope) => {
      scope.clear();
      scope.setTag('clean', 'slate');
      return scope;
    });
    Sentry.captureException(new Error('with a hint'), { data: { requestBody: 'x' } });
    Sentry.captureMessage('this is a debug message', 'debug');
    const [articles, clean, hinted, debug] = await received();
    expect(articles!.tags).toMatchObject({ section: 'articles', 'from-current': 'yes' });
    expect(clean!.tags).toEqual({ clean: 'slate' });
    expect(hinted!.exception!.values[0]!.value).toBe('with a hint');
    expect(hints).toContainEqual({ requestBody: 'x' });
    expect(debug).toMatchObject({ message: 'this is a debug message', level: 'debug' });
  });

  it('beforeSend: a fingerprint from the original exception, and null to drop', async () => {
    Sentry.init({
      dsn: DSN,
      beforeSend(event, hint) {
        const error = hint.originalException as Error | undefined;
        if (error && error.message && error.message.match(/database unavailable/i)) {
          event.fingerprint = ['database-unavailable'];
        }
        if (error && error.message === 'drop me') return null;
        return event;
      },
    });
    Sentry.captureException(new Error('Database unavailable: timeout'));
    Sentry.captureException(new Error('drop me'));
    const events = await received();
    expect(events).toHaveLength(1);
    expect(events[0]!.fingerprint).toEqual(['database-unavailable']);
  });

  it('ignoreErrors with strings (contained) and regular expressions', async () => {
    Sentry.init({
      dsn: DSN,
      ignoreErrors: ['fb_xd_fragment', /^Exact Match Message$/],
    });
    Sentry.captureException(new Error('blocked by fb_xd_fragment here'));
    Sentry.captureException(new Error('Exact Match Message'));
    Sentry.captureException(new Error('Exact Match Message, but longer'));
    const events = await received();
    expect(events.map((event) => event.exception!.values[0]!.value)).toEqual(['Exact Match Message, but longer']);
  });

  it('a custom transport written for @sentry/core, capturing hostile thrown values', async () => {
    // makeFetchTransport is Sentry's docs example, kept as the JavaScript it is written in (fixtures/).
    Sentry.init({ dsn: DSN, transport: makeFetchTransport });

    const cyclic: Record<string, unknown> = { name: 'cyclic' };
    cyclic.self = cyclic;
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      'a string',
      Symbol('thrown symbol'),
      10n,
      Object.create(null) as object,
      cyclic,
      {
        toString() {
          throw new Error('toString throws');
        },
      },
      new Proxy(
        {},
        {
          get() {
            throw new Error('every property throws');
          },
        },
      ),
      Object.defineProperty(new Error('message getter'), 'message', {
        get() {
          throw new Error('message throws');
        },
      }),
      'x'.repeat(2_000_000),
    ];
    for (const value of hostile) {
      try {
        throw value;
      } catch (error) {
        expect(() => Sentry.captureException(error)).not.toThrow();
      }
    }
    const events = await received();
    expect(events).toHaveLength(hostile.length);
    for (const event of events) expect(event.event_id).toMatch(/^[0-9a-f]{32}$/);
  });
});
