import type { PropagationContext } from '@faultline/core';
import { currentLogContext } from './currentLogContext';

/** The key of the stamp the worker reads: `{"faultline":{"trace_id":…,"request_id":…}, …}`. */
export const CONTEXT_STAMP_KEY = 'faultline';

interface WritableLines {
  write(line: string, ...rest: never[]): unknown;
}

type StampedStream<S> = S & { [stamped]?: true; [wantsMetadata]?: boolean; lastLevel?: unknown };

const stamped = Symbol.for('faultline.pinoContext');
// pino's own flag: a stream that has it gets each line's level as `lastLevel` before `write`. It costs
// pino a few property writes per line, so it is asked for only when the line does not say its level first.
const wantsMetadata = Symbol.for('pino.metadata');
const LEVEL_FIRST = '{"level":';

/** The level pino put first in the line (its default), else the one it reported, else undefined. */
function lineLevel(line: string, stream: { lastLevel?: unknown; [wantsMetadata]?: boolean }): number | undefined {
  // Character by character, not startsWith: cheaper on the concatenation pino hands over (measured).
  let i = 0;
  while (i < LEVEL_FIRST.length && line.charCodeAt(i) === LEVEL_FIRST.charCodeAt(i)) i++;
  if (i === LEVEL_FIRST.length) {
    let level = 0;
    for (let code = line.charCodeAt(i); code >= 48 && code <= 57; code = line.charCodeAt(++i)) {
      level = level * 10 + code - 48;
    }
    if (i > LEVEL_FIRST.length) return level;
  }
  stream[wantsMetadata] = true;
  return typeof stream.lastLevel === 'number' ? stream.lastLevel : undefined;
}

// Ids as headers and randomHex make them need no escaping; checking is 3× cheaper than JSON.stringify.
const NO_ESCAPE = /^[\w.:@/+=-]*$/;
const jsonString = (value: string): string => (NO_ESCAPE.test(value) ? `"${value}"` : JSON.stringify(value));

/** `{"faultline":{…},` — what goes in front of the rest of the line's fields. */
function stampPrefix({ traceId, requestId }: PropagationContext): string {
  const request = requestId === undefined ? '' : `,"request_id":${jsonString(requestId)}`;
  return `{"${CONTEXT_STAMP_KEY}":{"trace_id":${jsonString(traceId)}${request}},`;
}

/**
 * Lets Faultline's pino worker join each request's lines, for less than a mixin costs the calling thread:
 * `pino(faultlinePinoContext(pino.transport({ target: '@faultline/node/pino', options: { dsn } })))`.
 *
 * The stream stays in order, so the worker needs the ids only when they change: a line written under
 * another request than the line before it gets them in front (`"faultline":{…}`), and the worker applies
 * them to the lines that follow. A mixin instead makes pino serialize the ids on every line, which costs
 * about a third of a pino call (bench/). The state lives on the stream, so every logger writing to it,
 * children included, shares it. Returns the same stream.
 *
 * With pino `targets`, each target sees only lines at or above its level, so a stamp on a low line can be
 * missed by a target with a higher level. Hence a line above the level of the line that carried the
 * current stamp is stamped again: any target that sees a line at or below that level saw the stamp too.
 */
export function faultlinePinoContext<S extends WritableLines>(stream: S): S {
  const target = stream as StampedStream<S>;
  if (target[stamped]) return stream;
  const write = stream.write;
  let lastTraceId: string | undefined;
  let lastRequestId: string | undefined;
  let stampLevel = 0;
  target[stamped] = true;
  target.write = function (this: StampedStream<S>, line: string, ...rest: never[]) {
    // pino writes one JSON object per call; anything else passes untouched and leaves the state as it is.
    if (typeof line === 'string' && line.charCodeAt(0) === 123 /* { */) {
      try {
        const context = currentLogContext();
        const level = lineLevel(line, target);
        // A line whose level is unknown is stamped, and counts as the lowest once it carries the stamp.
        const changed = context.traceId !== lastTraceId || context.requestId !== lastRequestId;
        if (changed || level === undefined || level > stampLevel) {
          const prefix = stampPrefix(context);
          // `{}` has no field to put a comma before.
          line = line.charCodeAt(1) === 125 /* } */ ? prefix.slice(0, -1) + line.slice(1) : prefix + line.slice(1);
          lastTraceId = context.traceId;
          lastRequestId = context.requestId;
          stampLevel = level ?? 0;
        }
      } catch {
        // A line without its ids still beats a logger that throws.
      }
    }
    return rest.length === 0 ? write.call(this, line) : write.call(this, line, ...rest);
  };
  return stream;
}
