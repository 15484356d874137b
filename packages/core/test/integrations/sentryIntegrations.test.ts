// The cheap integrations of Sentry's that Faultline implements for real: what each changes in the event sent.
import { EventEmitter } from 'node:events';
import {
  addBreadcrumb,
  bindScopeToEmitter,
  captureConsoleIntegration,
  captureException,
  extraErrorDataIntegration,
  flush,
  linkedErrorsIntegration,
  rewriteFramesIntegration,
  withIsolationScope,
  zodErrorsIntegration,
} from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => resetCarrier());

describe('extraErrorDataIntegration', () => {
  it("adds the error's toJSON() output and its cause's properties to contexts[<ErrorName>]", async () => {
    const { record } = initForTest({ integrations: (d) => [...d, extraErrorDataIntegration({ depth: 4 })] });
    class ApiError extends Error {
      override name = 'ApiError';
      status = 502;
      toJSON() {
        return { upstream: 'payments' };
      }
    }
    const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    captureException(new ApiError('upstream failed', { cause }));
    await flush(1000);
    expect(record.events()[0]!.contexts!.ApiError).toMatchObject({
      status: 502,
      upstream: 'payments',
      cause: { Error: { code: 'ECONNRESET' } },
    });
  });
});

describe('captureConsoleIntegration', () => {
  afterEach(() => vi.restoreAllMocks());

  it('captures console.error calls (the Error among the arguments as an exception) and prints as before', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { record } = initForTest({ integrations: (d) => [...d, captureConsoleIntegration({ levels: ['error'] })] });
    console.error('payment failed for', 'order-7');
    console.error('with an error:', new TypeError('bad input'));
    console.warn('not captured');
    await flush(1000);
    expect(printed).toHaveBeenCalledTimes(2);
    const [message, exception] = record.events();
    expect(message).toMatchObject({
      message: 'payment failed for order-7',
      level: 'error',
      logger: 'console',
      extra: { arguments: ['payment failed for', 'order-7'] },
    });
    expect(exception!.exception!.values.at(-1)).toMatchObject({
      type: 'TypeError',
      value: 'bad input',
      mechanism: { type: 'auto.core.capture_console', handled: true },
    });
    expect(record.events()).toHaveLength(2);
  });
});

describe('rewriteFramesIntegration', () => {
  it('rewrites absolute paths to app:/// relative to root', async () => {
    const { record } = initForTest({ integrations: (d) => [...d, rewriteFramesIntegration({ root: '/srv/app' })] });
    const error = new Error('x');
    error.stack = 'Error: x\n    at handler (/srv/app/dist/routes/pay.js:10:5)\n    at main (/opt/other/lib.js:1:1)';
    captureException(error);
    await flush(1000);
    const files = record.events()[0]!.exception!.values[0]!.stacktrace!.frames.map((f) => f.filename);
    expect(files).toEqual(['app:///../../opt/other/lib.js', 'app:///dist/routes/pay.js']);
  });
});

describe('linkedErrorsIntegration', () => {
  it('keeps at most `limit` linked errors and follows another key than cause', async () => {
    const { record } = initForTest({
      integrations: (d) => [...d, linkedErrorsIntegration({ key: 'originalError', limit: 1 })],
    });
    const root = Object.assign(new Error('wrapper'), {
      originalError: Object.assign(new Error('middle'), { originalError: new Error('deepest') }),
    });
    captureException(root);
    await flush(1000);
    expect(record.events()[0]!.exception!.values.map((v) => v.value)).toEqual(['middle', 'wrapper']);
  });
});

describe('zodErrorsIntegration', () => {
  it('names the keys that failed in the value and lists the issues in extra', async () => {
    const { record } = initForTest({ integrations: (d) => [...d, zodErrorsIntegration()] });
    const error = Object.assign(new Error('[…]'), {
      name: 'ZodError',
      issues: [
        { code: 'invalid_type', expected: 'string', path: ['email'], message: 'Required' },
        { code: 'too_small', path: ['items', 0, 'qty'], message: 'Too small' },
      ],
    });
    captureException(error);
    await flush(1000);
    const [event] = record.events();
    expect(event!.exception!.values.at(-1)!.value).toBe('Failed to validate keys: email, items.<array>.qty');
    expect(event!.extra!['zoderror.issues']).toMatchObject([
      { path: 'email', code: 'invalid_type' },
      { path: 'items.0.qty' },
    ]);
  });
});

describe('bindScopeToEmitter', () => {
  it('runs listeners with the scopes of the code that bound the emitter', async () => {
    const { record } = initForTest();
    const emitter = new EventEmitter();
    withIsolationScope((scope) => {
      scope.setTag('request', 'r-1');
      bindScopeToEmitter(emitter);
      emitter.on('job', () => captureException(new Error('in listener')));
    });
    withIsolationScope((scope) => {
      scope.setTag('request', 'r-2');
      addBreadcrumb({ message: 'emitting' });
      emitter.emit('job');
    });
    await flush(1000);
    expect(record.events()[0]!.tags).toMatchObject({ request: 'r-1' });
  });
});
