import { getClient, isError, type Event, type Integration } from '@faultline/core';
import { describeThrown } from '../describeThrown';

interface ErrorDetails {
  message: unknown;
  source?: string;
  lineno?: number;
  colno?: number;
  error?: unknown;
}

const INSTALLED = '__faultline_global_handlers__';
const CROSS_ORIGIN_NOTE =
  'Script error. (from a cross-origin script: serve it with CORS headers and load it with crossorigin="anonymous" to see the real error)';

/**
 * Captures uncaught errors (`window.onerror`, chaining any handler already there) and unhandled promise
 * rejections, with `mechanism.handled: false`. Installed once per page; always reports to the current client.
 */
/* @__NO_SIDE_EFFECTS__ */
export function globalHandlersIntegration(
  options: { onerror?: boolean; onunhandledrejection?: boolean } = {},
): Integration {
  return {
    name: 'GlobalHandlers',
    setup() {
      const page = window as unknown as Record<string, boolean>;
      if (page[INSTALLED]) return;
      page[INSTALLED] = true;
      if (options.onerror !== false) {
        const previous = window.onerror;
        window.onerror = function (message, source, lineno, colno, error) {
          try {
            captureErrorEvent({ message, source, lineno, colno, error });
          } catch {
            // never let the SDK's handler break the page's own
          }
          return typeof previous === 'function' ? previous.call(this, message, source, lineno, colno, error) : false;
        };
      }
      if (options.onunhandledrejection !== false) {
        addEventListener('unhandledrejection', (event) => {
          try {
            captureRejection(event.reason);
          } catch {
            // as above
          }
        });
      }
    },
  };
}

function captureErrorEvent({ message, source, lineno, colno, error }: ErrorDetails): void {
  const client = getClient();
  if (!client) return;
  const mechanism = { type: 'onerror', handled: false };
  if (isError(error)) {
    client.captureException(error, { mechanism, syntheticException: undefined });
    return;
  }
  const text = error !== undefined && error !== null ? describeThrown(error) : describeThrown(message);
  const crossOrigin = /^Script error\.?$/.test(text) && !source;
  const event: Event = {
    level: 'error',
    exception: {
      values: [
        {
          type: crossOrigin ? 'CrossOriginScriptError' : 'Error',
          value: crossOrigin ? CROSS_ORIGIN_NOTE : text,
          mechanism: { ...mechanism, synthetic: error === undefined || error === null ? undefined : true },
          ...(source
            ? { stacktrace: { frames: [{ filename: source, lineno, colno, function: '?', in_app: true }] } }
            : {}),
        },
      ],
    },
  };
  if (crossOrigin) event.tags = { cross_origin_script_error: true };
  client.captureEvent(event);
}

function captureRejection(reason: unknown): void {
  const client = getClient();
  if (!client) return;
  const mechanism = { type: 'onunhandledrejection', handled: false };
  if (isError(reason)) {
    client.captureException(reason, { mechanism });
    return;
  }
  // Not an Error: no stack to show, so the value itself must say what happened.
  client.captureEvent({
    level: 'error',
    exception: {
      values: [
        { type: 'UnhandledRejection', value: describeThrown(reason), mechanism: { ...mechanism, synthetic: true } },
      ],
    },
    ...(typeof reason === 'object' && reason !== null ? { extra: { reason } } : {}),
  });
}
