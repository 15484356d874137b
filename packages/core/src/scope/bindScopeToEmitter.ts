import { getCarrier } from '../carrier';
import type { Scope } from './createScope';

type Listener = (...args: unknown[]) => unknown;
type Emitter = Record<string, unknown>;

const ADD = ['addListener', 'on', 'once', 'prependListener', 'prependOnceListener'];
const REMOVE = ['removeListener', 'off'];
const BOUND = Symbol.for('faultline.boundListeners');

/**
 * Makes every listener added to `emitter` from now on run with `scope` (default: the current scope) and
 * the isolation scope active now, as Sentry's `bindScopeToEmitter`: events captured in a listener carry
 * the request that registered it, not the one that happens to emit. Returns the emitter.
 */
export function bindScopeToEmitter<T extends object>(emitter: T, scope: Scope | undefined = undefined): T {
  const target = emitter as Emitter & { [BOUND]?: WeakMap<Listener, Listener> };
  if (target[BOUND]) return emitter;
  const { strategy } = getCarrier();
  const active = strategy.getScopes();
  const scopes = { scope: scope ?? active.scope, isolationScope: active.isolationScope };
  const bound = new WeakMap<Listener, Listener>();
  Object.defineProperty(target, BOUND, { value: bound });
  for (const name of ADD) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function (this: unknown, event: unknown, listener: Listener) {
      if (typeof listener !== 'function') return original.call(this, event, listener);
      const wrapped =
        bound.get(listener) ??
        function (this: unknown, ...args: unknown[]) {
          return strategy.runWith(scopes, () => listener.apply(this, args));
        };
      bound.set(listener, wrapped);
      return original.call(this, event, wrapped);
    };
  }
  for (const name of REMOVE) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function (this: unknown, event: unknown, listener: Listener) {
      return original.call(this, event, bound.get(listener) ?? listener);
    };
  }
  return emitter;
}
