import { captureErrors, captureException, flush, markCaptured } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';

describe('captureErrors', () => {
  beforeEach(() => resetCarrier());

  it('captures what a sync function throws, with the context as tags and extra, and rethrows it', async () => {
    const { record } = initForTest();
    const parse = captureErrors((text: string) => JSON.parse(text) as unknown, {
      context: { job: 'import', attempt: 2, retried: false, payload: { size: 3 } },
    });
    const failure = (() => {
      try {
        parse('{');
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(SyntaxError);
    await flush(100);
    expect(record.events()).toHaveLength(1);
    expect(record.events()[0]).toMatchObject({
      tags: { job: 'import', attempt: 2, retried: false },
      extra: { payload: { size: 3 } },
      exception: { values: [{ type: 'SyntaxError', mechanism: { type: 'captureErrors', handled: false } }] },
    });
  });

  it('returns the fallback instead with rethrow: false, and marks the error handled', async () => {
    const { record } = initForTest();
    const price = captureErrors(
      (text: string): number => {
        if (!/^\d+$/.test(text)) throw new Error(`not a price: ${text}`);
        return Number(text);
      },
      { rethrow: false, fallback: 0 },
    );
    expect(price('12')).toBe(12);
    expect(price('twelve')).toBe(0);
    await flush(100);
    expect(record.events().map((e) => e.exception!.values[0]!.mechanism)).toEqual([
      { type: 'captureErrors', handled: true },
    ]);
  });

  it('captures what an async function rejects with, then rejects with it or resolves the fallback', async () => {
    const { record } = initForTest();
    const fail = async (id: number): Promise<string> => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      throw new Error(`job ${id} failed`);
    };
    await expect(captureErrors(fail)(1)).rejects.toThrow('job 1 failed');
    await expect(captureErrors(fail, { rethrow: false, fallback: 'skipped' })(2)).resolves.toBe('skipped');
    await expect(captureErrors(fail, { rethrow: false })(3)).resolves.toBeUndefined();
    await expect(captureErrors(async () => 'ok')()).resolves.toBe('ok');
    await flush(100);
    expect(record.events().map((e) => e.exception!.values[0]!.value)).toEqual([
      'job 1 failed',
      'job 2 failed',
      'job 3 failed',
    ]);
  });

  it('keeps this and the arguments, and captures nothing when nothing is thrown', async () => {
    const { record } = initForTest();
    const counter = {
      count: 1,
      add: captureErrors(function (this: { count: number }, by: number) {
        return (this.count += by);
      }),
    };
    expect(counter.add(2)).toBe(3);
    await flush(100);
    expect(record.events()).toHaveLength(0);
  });

  it('captures thrown values that are not errors, and an error once however many wrappers it crosses', async () => {
    const { record } = initForTest();
    const inner = captureErrors(() => {
      throw 'a string';
    });
    const outer = captureErrors(() => inner(), { rethrow: false, fallback: 'x' });
    expect(outer()).toBe('x');
    const error = new Error('once');
    const throwing = captureErrors(() => {
      throw error;
    });
    const twice = captureErrors(() => throwing(), { rethrow: false });
    twice();
    // A process or framework handler the rethrown error reaches asks the same question.
    expect(markCaptured(error)).toBe(false);
    await flush(100);
    // A string cannot be remembered: the outer wrapper captures it again; the Error is captured once.
    expect(record.events().map((e) => e.exception!.values[0]!.value)).toEqual(['a string', 'a string', 'once']);
  });

  it('does nothing but call fn before init, and never lets the SDK throw instead of fn', () => {
    expect(captureErrors(() => 1)()).toBe(1);
    expect(() =>
      captureErrors(() => {
        throw new Error('own');
      })(),
    ).toThrow('own');
    initForTest();
    const hostileContext = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    expect(
      captureErrors(
        () => {
          throw new Error('x');
        },
        { rethrow: false, fallback: 1, context: hostileContext },
      )(),
    ).toBe(1);
    expect(captureException).toBeTypeOf('function');
  });

  it("keeps fn's types", () => {
    const sync = (a: string, b: number): boolean => a.length > b;
    const async = async (id: number): Promise<{ id: number }> => ({ id });
    expectTypeOf(captureErrors(sync)).toEqualTypeOf<(this: unknown, a: string, b: number) => boolean>();
    expectTypeOf(captureErrors(async)).returns.toEqualTypeOf<Promise<{ id: number }>>();
    expectTypeOf(captureErrors(sync, { rethrow: false, fallback: 'n/a' as const })).returns.toEqualTypeOf<
      boolean | 'n/a'
    >();
    expectTypeOf(captureErrors(sync, { rethrow: false })).returns.toEqualTypeOf<boolean | undefined>();
    expectTypeOf(captureErrors(async, { rethrow: false, fallback: null })).returns.toEqualTypeOf<
      Promise<{ id: number } | null>
    >();
    expectTypeOf(captureErrors(async, { context: { queue: 'emails' } })).parameters.toEqualTypeOf<[id: number]>();
    // @ts-expect-error a fallback is only returned with rethrow: false
    captureErrors(sync, { fallback: false });
    // @ts-expect-error the wrapper takes fn's parameters
    captureErrors(sync)(1, 2);
  });
});
