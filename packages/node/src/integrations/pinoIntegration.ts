import { tracingChannel } from 'node:diagnostics_channel';
import { getClient, installLogPipeline, installOnce, type Integration } from '@faultline/core';
import { bridgeLog } from '../logging/bridgeLog';
import { parsePinoLine } from '../logging/parsePinoLine';
import { pinoRecord } from '../logging/pinoRecord';

/**
 * Sentry's `pinoIntegration()`: every pino logger in the process (pino ≥ 9.10, which publishes its
 * `pino_asJson` tracing channel) is bridged without touching its set-up — each line becomes a breadcrumb
 * and a structured log, and one carrying an error at `error` or above an exception — in the request
 * that wrote it. Prefer `faultlinePinoDestination` (off the calling thread) when you can change the set-up.
 */
/* @__NO_SIDE_EFFECTS__ */
export function pinoIntegration(
  _options: { error?: { levels?: string[] }; log?: { levels?: string[] } } = {},
): Integration {
  return {
    name: 'Pino',
    setup() {
      installLogPipeline();
      installOnce('node.pinoChannel', subscribe);
    },
  };
}

function subscribe(): () => void {
  const channel = tracingChannel('pino_asJson');
  const handlers = {
    end(message: unknown) {
      const line = (message as { result?: unknown }).result;
      if (typeof line !== 'string' || !getClient()?.getIntegration('Pino')) return;
      try {
        bridgeLog(pinoRecord(parsePinoLine(line)), { logs: true });
      } catch {
        // a line the bridge cannot read must not break the app's logging
      }
    },
  };
  channel.subscribe(handlers as never);
  return () => channel.unsubscribe(handlers as never);
}
