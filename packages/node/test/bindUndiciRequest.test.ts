import { createScope, type ActiveScopes } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { bindUndiciRequest } from '../src/bindUndiciRequest';
import { createAsyncLocalStorageStrategy } from '../src/createAsyncLocalStorageStrategy';

const scopesNamed = (name: string): ActiveScopes => {
  const scopes = { scope: createScope(), isolationScope: createScope() };
  scopes.isolationScope.setTag('name', name);
  return scopes;
};
const nameOf = (scopes: ActiveScopes) => scopes.isolationScope.getScopeData().tags.name;

describe('bindUndiciRequest', () => {
  it('runs the answer methods in the caller’s scopes, with their arguments, `this` and result', () => {
    const strategy = createAsyncLocalStorageStrategy();
    const seen: unknown[] = [];
    const request = {
      onHeaders(status: number) {
        seen.push(['headers', status, nameOf(strategy.getScopes()), this === request]);
        return true;
      },
      onData(chunk: string) {
        seen.push(['data', chunk, nameOf(strategy.getScopes())]);
        return false; // undici's backpressure signal must pass through
      },
      onComplete() {
        seen.push(['complete', nameOf(strategy.getScopes())]);
      },
      onError(error: Error) {
        seen.push(['error', error.message, nameOf(strategy.getScopes())]);
      },
    };
    strategy.runWith(scopesNamed('caller'), () => bindUndiciRequest(request, strategy.getScopes(), strategy));
    strategy.runWith(scopesNamed('socket owner'), () => {
      expect(request.onHeaders(200)).toBe(true);
      expect(request.onData('chunk')).toBe(false);
      request.onComplete();
      request.onError(new Error('reset'));
      // Back in the socket's own scopes after each call.
      expect(nameOf(strategy.getScopes())).toBe('socket owner');
    });
    expect(seen).toEqual([
      ['headers', 200, 'caller', true],
      ['data', 'chunk', 'caller'],
      ['complete', 'caller'],
      ['error', 'reset', 'caller'],
    ]);
  });

  it('leaves a request it cannot change, or one without those methods, as it was', () => {
    const strategy = createAsyncLocalStorageStrategy();
    const onData = () => true;
    const frozen = Object.freeze({ onData });
    expect(() => bindUndiciRequest(frozen, scopesNamed('caller'), strategy)).not.toThrow();
    expect(frozen.onData).toBe(onData);
    const other = { origin: 'http://x' };
    bindUndiciRequest(other, scopesNamed('caller'), strategy);
    expect(other).toEqual({ origin: 'http://x' });
  });
});
