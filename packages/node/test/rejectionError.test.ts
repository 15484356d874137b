import { describe, expect, it } from 'vitest';
import { describeReason, isErrorLike, rejectionError } from '../src/rejectionError';

describe('rejectionError', () => {
  it('is the reason itself when it is error-like (an own stack), as Node raises it', () => {
    const error = new Error('main failed');
    expect(rejectionError(error)).toBe(error);
    const shaped = { message: 'x', stack: 'Error: x\n    at here' };
    expect(rejectionError(shaped)).toBe(shaped);
  });

  it('wraps any other reason in an UnhandledPromiseRejection worded as Node words it', () => {
    const error = rejectionError('job failed') as Error & { code?: string };
    expect(error.name).toBe('UnhandledPromiseRejection');
    expect(error.code).toBe('ERR_UNHANDLED_REJECTION');
    expect(error.message).toBe(
      'This error originated either by throwing inside of an async function without a catch block, or by ' +
        'rejecting a promise which was not handled with .catch(). The promise rejected with the reason "job failed".',
    );
  });
});

describe('isErrorLike', () => {
  it('needs an object with its own stack', () => {
    expect(isErrorLike(new Error('x'))).toBe(true);
    expect(isErrorLike({ message: 'no stack' })).toBe(false);
    expect(isErrorLike('Error: x')).toBe(false);
    expect(isErrorLike(null)).toBe(false);
  });
});

describe('describeReason', () => {
  it('shows values as Node’s message does, without running the reason’s own code', () => {
    class Job {
      toString(): string {
        throw new Error('user code ran');
      }
    }
    expect(describeReason(new Job())).toBe('#<Job>');
    expect(describeReason({ a: 1 })).toBe('#<Object>');
    expect(describeReason(Object.create(null))).toBe('[object Object]');
    expect(describeReason([1, 2])).toBe('[object Array]');
    expect(describeReason(42)).toBe('42');
    expect(describeReason(undefined)).toBe('undefined');
    expect(describeReason(null)).toBe('null');
    expect(describeReason(Symbol('s'))).toBe('Symbol(s)');
    expect(describeReason(10n)).toBe('10');
  });
});
