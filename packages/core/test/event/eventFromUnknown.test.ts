import { eventFromUnknown } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';

const LIMITS = { maxValueLength: 1024, normalizeDepth: 3, normalizeMaxBreadth: 1000 };
const build = (value: unknown, hint = {}) => eventFromUnknown(value, hint, LIMITS);
const main = (value: unknown) => build(value).exception!.values.at(-1)!;

describe('eventFromUnknown', () => {
  it('names Error subclasses by their class even when they forget to set name', () => {
    class ValidationError extends Error {}
    class NamedError extends Error {
      override name = 'PaymentDeclined';
    }
    expect(main(new ValidationError('bad')).type).toBe('ValidationError');
    expect(main(new NamedError('no')).type).toBe('PaymentDeclined');
    expect(main(new SyntaxError('x')).type).toBe('SyntaxError');
  });

  it('keeps an Error’s own enumerable properties as error data in contexts', () => {
    const error = Object.assign(new Error('request failed'), { status: 503, url: '/api/cart' });
    expect(build(error).contexts).toEqual({ Error: { status: 503, url: '/api/cart' } });
  });

  it('turns AggregateError.errors into linked exceptions marked as a group', () => {
    const aggregate = new AggregateError([new Error('a'), new TypeError('b')], 'several');
    const values = build(aggregate).exception!.values;
    expect(values.map((v) => v.value)).toEqual(['b', 'a', 'several']);
    expect(values[2]!.mechanism).toMatchObject({ is_exception_group: true, exception_id: 0 });
    expect(values[1]!.mechanism).toMatchObject({ source: 'errors[0]', parent_id: 0 });
    expect(values[0]!.mechanism).toMatchObject({ source: 'errors[1]', parent_id: 0 });
  });

  it('bounds cause chains and survives cycles', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(build(b).exception!.values.map((v) => v.value)).toEqual(['a', 'b']);
    let deep: Error = new Error('0');
    for (let i = 1; i < 100; i++) deep = new Error(String(i), { cause: deep });
    expect(build(deep).exception!.values).toHaveLength(10);
  });

  it('recognises errors from another realm', () => {
    const foreign = runInNewContext('new TypeError("from a vm context")') as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(main(foreign)).toMatchObject({ type: 'TypeError', value: 'from a vm context' });
  });

  it('describes strings, objects and primitives usefully', () => {
    expect(main('boom')).toMatchObject({ type: 'Error', value: 'boom', mechanism: { synthetic: true } });
    expect(main({ code: 42, reason: 'x' }).value).toBe('Object captured as exception with keys: code, reason');
    expect(build({ code: 42 }).extra).toEqual({ __serialized__: { code: 42 } });
    expect(main(null).value).toBe('Non-Error exception captured with value: null');
    expect(main(undefined).value).toBe('Non-Error exception captured with value: undefined');
    expect(main(42).value).toBe('Non-Error exception captured with value: 42');
    expect(main(Symbol('s')).value).toBe('Non-Error exception captured with value: Symbol(s)');
    expect(main(10n).value).toBe('Non-Error exception captured with value: 10');
  });

  it('treats error-shaped objects (serialized errors) as errors with their stack', () => {
    const serialized = {
      name: 'DbError',
      message: 'timeout',
      stack: 'DbError: timeout\n    at query (/srv/db.js:3:9)',
    };
    expect(main(serialized)).toMatchObject({
      type: 'DbError',
      value: 'timeout',
      stacktrace: { frames: [{ function: 'query', filename: '/srv/db.js', lineno: 3 }] },
    });
  });

  it('takes the mechanism from the hint', () => {
    expect(main(new Error('x'))).toMatchObject({ mechanism: { type: 'generic', handled: true } });
    const event = build(new Error('x'), { mechanism: { type: 'onerror', handled: false } });
    expect(event.exception!.values[0]!.mechanism).toEqual({ type: 'onerror', handled: false });
  });

  it('truncates exception values to maxValueLength', () => {
    const event = eventFromUnknown(new Error('y'.repeat(5000)), {}, { ...LIMITS, maxValueLength: 100 });
    expect(event.exception!.values[0]!.value).toHaveLength(101);
  });
});

describe('eventFromUnknown with a huge message', () => {
  it('still finds the frames after a 10 MB message', () => {
    const frames = main(new Error('m'.repeat(10 * 1024 * 1024))).stacktrace?.frames ?? [];
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.at(-1)!.filename).toContain('eventFromUnknown.test.ts');
  });
});
