import type { PropagationContext } from '@faultline/core';
import { currentLogContext } from './currentLogContext';

/** The key of the stamp the worker reads: `{"faultline":{"trace_id":…,"request_id":…}, …}`. */
export const CONTEXT_STAMP_KEY = 'faultline';

interface WritableLines {
  write(line: string, ...rest: never[]): unknown;
}

const stamped = Symbol.for('faultline.pinoContext');

// Ids as headers and randomHex make them need no escaping; checking is 3× cheaper than JSON.stringify.
const NO_ESCAPE = /^[\w.:@/+=-]*$/;
const jsonString = (value: string): string => (NO_ESCAPE.test(value) ? `"${value}"` : JSON.stringify(value));

/** `{"faultline":{…},` — what goes in front of the rest of the line's fields. */
function stampPrefix({ traceId, requestId }: PropagationContext): string {
  const request = requestId === undefined ? '' : `,"request_id":${jsonString(requestId)}`;
  return `{"${CONTEXT_STAMP_KEY}":{"trace_id":${jsonString(traceId)}${request}},`;
}

/**
 * Lets Faultline's pino worker join each request's lines, at almost no cost to the calling thread:
 * `pino(faultlinePinoContext(pino.transport({ target: '@faultline/node/pino', options: { dsn } })))`.
 *
 * The stream stays in order, so the worker needs the ids only when they change: a line written under
 * another request than the line before it gets them in front (`"faultline":{…}`), and the worker applies
 * them to the lines that follow. A mixin instead makes pino serialize the ids on every line, which cost
 * more than a third of a pino call (bench/). The state lives on the stream, so every logger writing to it,
 * children included, shares it. It relies on Faultline's target seeing every line: with pino `targets`
 * that filter by level differently, use `faultlinePinoMixin`. Returns the same stream.
 */
export function faultlinePinoContext<S extends WritableLines>(stream: S): S {
  const target = stream as S & { [stamped]?: true };
  if (target[stamped]) return stream;
  const write = stream.write;
  let lastTraceId: string | undefined;
  let lastRequestId: string | undefined;
  target[stamped] = true;
  target.write = function (this: S, line: string, ...rest: never[]) {
    // pino writes one JSON object per call; anything else passes untouched and leaves the state as it is.
    if (typeof line === 'string' && line.charCodeAt(0) === 123 /* { */) {
      try {
        const context = currentLogContext();
        if (context.traceId !== lastTraceId || context.requestId !== lastRequestId) {
          const prefix = stampPrefix(context);
          // `{}` has no field to put a comma before.
          line = line.charCodeAt(1) === 125 /* } */ ? prefix.slice(0, -1) + line.slice(1) : prefix + line.slice(1);
          lastTraceId = context.traceId;
          lastRequestId = context.requestId;
        }
      } catch {
        // A line without its ids still beats a logger that throws.
      }
    }
    return rest.length === 0 ? write.call(this, line) : write.call(this, line, ...rest);
  };
  return stream;
}
