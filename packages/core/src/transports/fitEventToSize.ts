import { forEachFrame } from '../event/forEachFrame';
import { safeJsonStringify } from '../normalize/safeJsonStringify';
import { truncate } from '../normalize/safeString';
import type { Event, Exception } from '../types';
import { fitsInBytes, utf8Length } from './utf8Length';

type Step = [name: string, trim: (event: Event) => void];

const keepFrames = (exception: Exception, head: number, tail: number): void => {
  const frames = exception.stacktrace?.frames;
  if (frames && frames.length > head + tail)
    exception.stacktrace = { frames: [...frames.slice(0, head), ...frames.slice(-tail)] };
};

// Least valuable first; the exception's type, value and the frames nearest the throw go last of all.
const STEPS: Step[] = [
  ['breadcrumbs', (e) => void (e.breadcrumbs = e.breadcrumbs?.slice(-10))],
  ['extra', (e) => delete e.extra],
  ['request', (e) => void (e.request &&= { url: e.request.url, method: e.request.method })],
  ['contexts', (e) => void (e.contexts &&= { trace: e.contexts.trace })],
  ['frame_variables', (e) => forEachFrame(e, (frame) => delete frame.vars)],
  ['frame_context', (e) => forEachFrame(e, (frame) => (delete frame.pre_context, delete frame.post_context))],
  ['frames_middle', (e) => e.exception?.values.forEach((exception) => keepFrames(exception, 5, 25))],
  ['breadcrumbs_all', (e) => delete e.breadcrumbs],
  ['user', (e) => void (e.user &&= { id: e.user.id })],
  ['tags', (e) => delete e.tags],
  ['linked_exceptions', (e) => void (e.exception &&= { values: e.exception.values.slice(-1) })],
  ['frames', (e) => e.exception?.values.forEach((exception) => keepFrames(exception, 0, 10))],
  [
    'values',
    (e) => {
      e.exception?.values.forEach((exception) => (exception.value = truncate(exception.value, 1000)));
      if (e.message !== undefined) e.message = truncate(e.message, 1000);
    },
  ],
];

/**
 * Serializes an event within `maxBytes` (UTF-8): when it is too big, the least valuable parts are trimmed
 * step by step until it fits, and `contexts.faultline` says what was trimmed, so the error itself always
 * arrives (Sentry's SDK sends it whole and loses it to a 413).
 */
export function fitEventToSize(event: Event, maxBytes: number): string {
  let json = safeJsonStringify(event);
  if (fitsInBytes(json, maxBytes)) return json;
  const originalBytes = utf8Length(json);
  // A deep enough copy to trim without touching the caller's event (retries re-encode the same one).
  const copy = JSON.parse(json) as Event;
  const trimmed: string[] = [];
  for (const [name, trim] of STEPS) {
    trim(copy);
    trimmed.push(name);
    copy.contexts = { ...copy.contexts, faultline: { trimmed, original_bytes: originalBytes } };
    json = safeJsonStringify(copy);
    if (fitsInBytes(json, maxBytes)) return json;
  }
  // Still too big only if the essentials alone are: keep just what identifies the error.
  const main = copy.exception?.values.at(-1);
  return safeJsonStringify({
    event_id: copy.event_id,
    timestamp: copy.timestamp,
    level: copy.level,
    platform: copy.platform,
    release: copy.release,
    environment: copy.environment,
    message: copy.message === undefined ? undefined : truncate(copy.message, 1000),
    exception: main ? { values: [{ type: truncate(main.type, 200), value: truncate(main.value, 1000) }] } : undefined,
    contexts: { faultline: { trimmed: [...trimmed, 'all'], original_bytes: originalBytes } },
  });
}
