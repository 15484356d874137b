import {
  captureEvent,
  captureException,
  captureMessage,
  flush,
  getCurrentScope,
  withScope,
  type CaptureHint,
  type Scope,
} from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';

describe('resolveCaptureHint (the second argument of captureException, captureMessage, captureEvent)', () => {
  beforeEach(() => resetCarrier());

  it('takes a scope callback: its changes apply to this event only', async () => {
    const { record } = initForTest();
    getCurrentScope().setTag('kept', 'yes');
    captureException(new Error('with callback'), (scope) => scope.setTag('section', 'articles').setLevel('warning'));
    captureException(new Error('after'));
    await flush(100);
    const [first, second] = record.events();
    expect(first).toMatchObject({ level: 'warning', tags: { kept: 'yes', section: 'articles' } });
    expect(second!.tags).toEqual({ kept: 'yes' });
    expect(second!.level).toBe('error');
  });

  it("accepts a callback that returns nothing (Sentry's docs sometimes return the scope, sometimes not)", async () => {
    const { record } = initForTest();
    captureMessage('hello', (scope) => {
      scope.setExtra('order', 42);
    });
    captureMessage('hi', (scope) => {
      scope.setTag('a', 'b');
      return scope;
    });
    await flush(100);
    expect(record.events()[0]).toMatchObject({ message: 'hello', level: 'info', extra: { order: 42 } });
    expect(record.events()[1]!.tags).toEqual({ a: 'b' });
  });

  it('takes a hint with data, a fixed event_id, a mechanism and a captureContext object or callback', async () => {
    const seen: unknown[] = [];
    const { record } = initForTest({
      beforeSend: (event, hint) => {
        seen.push(hint.data);
        return event;
      },
    });
    const id = captureException(new Error('hinted'), {
      event_id: 'a'.repeat(32),
      data: { requestBody: 'x' },
      mechanism: { type: 'my.handler', handled: false },
      captureContext: { tags: { via: 'captureContext' }, level: 'fatal' },
    });
    captureException(new Error('hinted callback'), { captureContext: (scope) => scope.setTag('via', 'callback') });
    await flush(100);
    expect(id).toBe('a'.repeat(32));
    expect(seen[0]).toEqual({ requestBody: 'x' });
    expect(record.events()[0]).toMatchObject({
      event_id: 'a'.repeat(32),
      level: 'fatal',
      tags: { via: 'captureContext' },
      exception: { values: [{ mechanism: { type: 'my.handler', handled: false } }] },
    });
    expect(record.events()[1]!.tags).toEqual({ via: 'callback' });
  });

  it('takes a context object, a level for messages, and a scope to use instead of the current one', async () => {
    const { record } = initForTest();
    captureException(new Error('ctx'), { tags: { a: 1 }, user: { id: 'u1' }, fingerprint: ['f'], extra: { e: 1 } });
    captureMessage('warned', 'warning');
    captureMessage('ctx message', { level: 'error', contexts: { order: { id: 7 } } });
    const scope = getCurrentScope().clone().setTag('own', 'scope');
    captureEvent({ message: 'built' }, scope);
    await flush(100);
    const [exception, warned, message, built] = record.events();
    expect(exception).toMatchObject({ tags: { a: 1 }, user: { id: 'u1' }, fingerprint: ['f'], extra: { e: 1 } });
    expect(warned!.level).toBe('warning');
    expect(message).toMatchObject({ level: 'error', contexts: { order: { id: 7 } } });
    expect(built!.tags).toEqual({ own: 'scope' });
  });

  it('does not change the scope it forked, nor throw when the callback throws', async () => {
    const { record } = initForTest();
    withScope((outer) => {
      outer.setTag('outer', '1');
      captureException(new Error('x'), (scope) => scope.setTag('inner', '1'));
      expect(outer.getScopeData().tags).toEqual({ outer: '1' });
    });
    expect(() =>
      captureException(new Error('y'), () => {
        throw new Error('callback failed');
      }),
    ).not.toThrow();
    await flush(100);
    expect(record.events()[0]!.tags).toEqual({ outer: '1', inner: '1' });
  });

  it('types every form', () => {
    expectTypeOf(captureException).parameter(1).toEqualTypeOf<CaptureHint | undefined>();
    expectTypeOf<(scope: Scope) => Scope>().toMatchTypeOf<CaptureHint>();
    expectTypeOf<(scope: Scope) => void>().toMatchTypeOf<CaptureHint>();
    expectTypeOf<{ tags: { a: string }; data: unknown }>().toMatchTypeOf<CaptureHint>();
    expectTypeOf(captureMessage)
      .parameter(1)
      .toEqualTypeOf<'fatal' | 'error' | 'warning' | 'log' | 'info' | 'debug' | CaptureHint | undefined>();
    // @ts-expect-error a callback takes a scope, not a string
    captureException(new Error('x'), (scope: string) => scope);
  });
});
