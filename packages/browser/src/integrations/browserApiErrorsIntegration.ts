import { getClient, installOnce, type Integration } from '@faultline/core';

type Callback = (...args: unknown[]) => unknown;
const wrappers = new WeakMap<Callback, Callback>();

/**
 * Wraps callbacks given to `setTimeout`, `setInterval`, `requestAnimationFrame` and `addEventListener` so
 * an error thrown inside is captured with the callback's own stack (then rethrown as before). Off by
 * default; the global handler's copy of the same error is dropped by dedupe.
 */
/* @__NO_SIDE_EFFECTS__ */
export function browserApiErrorsIntegration(): Integration {
  return {
    name: 'BrowserApiErrors',
    setup() {
      installOnce('browser-api-errors', () => {
        const host = globalThis as unknown as Record<string, Callback>;
        for (const name of ['setTimeout', 'setInterval', 'requestAnimationFrame']) {
          const original = host[name];
          if (typeof original !== 'function') continue;
          host[name] = function (this: unknown, callback: unknown, ...rest: unknown[]) {
            return original.call(this, wrap(callback, name), ...rest);
          };
        }
        const proto = EventTarget.prototype;
        const add = proto.addEventListener;
        const remove = proto.removeEventListener;
        proto.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
          return add.call(
            this,
            type,
            wrap(listener, `${type} listener`) as EventListener,
            options as AddEventListenerOptions,
          );
        };
        proto.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
          const wrapped = typeof listener === 'function' ? wrappers.get(listener as Callback) : undefined;
          return remove.call(this, type, (wrapped ?? listener) as EventListener, options as EventListenerOptions);
        };
      });
    },
  };
}

function wrap(callback: unknown, where: string): unknown {
  if (typeof callback !== 'function') return callback;
  let wrapped = wrappers.get(callback as Callback);
  if (!wrapped) {
    wrapped = function (this: unknown, ...args: unknown[]) {
      try {
        return (callback as Callback).apply(this, args);
      } catch (error) {
        getClient()?.captureException(error, {
          mechanism: { type: 'instrument', handled: false, data: { function: where } },
        });
        throw error;
      }
    };
    wrappers.set(callback as Callback, wrapped);
  }
  return wrapped;
}
