import { getCarrier, getClient, installLogPipeline, type ActiveScopes } from '@faultline/core';
import { bridgeLog, type BridgeOptions } from './bridgeLog';
import { parsePinoLine } from './parsePinoLine';
import { pinoRecord } from './pinoRecord';

const MAX_PENDING = 10_000;

/** What pino writes to: anything with `write(line)`, such as `pino.destination()` or `process.stdout`. */
export interface PinoDestination {
  write(line: string): unknown;
}

/**
 * The in-process pino bridge: `pino(faultlinePinoDestination(pino.destination(1)))`. On the calling thread
 * it only forwards the line and notes which request's scopes were active; right after (next
 * `setImmediate`), in order and inside those scopes, each line becomes a breadcrumb and a log, and one
 * carrying `err` an exception with that request's earlier lines. An event captured before then (a throw
 * in the same tick) first runs the lines still waiting, so it carries them too. Pick it when records must
 * join the request's events; pick the worker transport to move the work off the process.
 */
export function faultlinePinoDestination(
  next?: PinoDestination,
  options: BridgeOptions = {},
): PinoDestination & { writable: true } {
  // Bridges log, whichever init made the client (the Node SDK's installs it too).
  installLogPipeline();
  let pending: { line: string; scopes: ActiveScopes }[] = [];
  let scheduled = false;
  const drain = (): void => {
    scheduled = false;
    const lines = pending;
    pending = [];
    const carrier = getCarrier();
    carrier.pendingWork?.delete(drain);
    const { strategy } = carrier;
    for (const { line, scopes } of lines) {
      try {
        strategy.runWith(scopes, () => bridgeLog(pinoRecord(parsePinoLine(line)), options));
      } catch {
        // one bad line must not stop the others
      }
    }
  };
  return {
    // pino takes a lone first argument for a stream only when it says it is writable.
    writable: true,
    write(line) {
      if (getClient()) {
        if (pending.length >= MAX_PENDING) pending.shift(); // bounded even if the loop never idles
        pending.push({ line, scopes: getCarrier().strategy.getScopes() });
        if (!scheduled) {
          scheduled = true;
          setImmediate(drain);
          // Run sooner if an event is captured first (see `runPendingWork`).
          (getCarrier().pendingWork ??= new Set()).add(drain);
        }
      }
      return next?.write(line);
    },
  };
}
