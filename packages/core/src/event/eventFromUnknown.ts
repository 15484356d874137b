import type { Event, EventHint, Exception, Mechanism } from '../types';
import { collectLinkedErrors } from './collectLinkedErrors';
import { exceptionFromValue, type ExceptionLimits } from './exceptionFromValue';
import { parseStackFrames } from './parseStackFrames';

/**
 * Builds an error event from any thrown value. `exception.values` follows Sentry's order: causes first,
 * the thrown value last, each with a `mechanism` that links it to its parent.
 */
export function eventFromUnknown(value: unknown, hint: EventHint, limits: ExceptionLimits): Event {
  const links = collectLinkedErrors(value);
  const handled = hint.mechanism?.handled ?? true;
  const values: Exception[] = [];
  const event: Event = { level: 'error' };

  links.forEach((link, id) => {
    const built = exceptionFromValue(link.value, limits);
    const { exception } = built;
    if (id === 0) {
      if (built.synthetic && hint.syntheticException?.stack) {
        // The synthetic error was made inside the SDK's capture call: its newest frame is ours.
        const frames = parseStackFrames(hint.syntheticException.stack, 1);
        if (frames.length > 0) exception.stacktrace = { frames };
      }
      exception.mechanism = rootMechanism(hint, built.synthetic, links.length > 1, link.isGroup);
      if (built.data && '__serialized__' in built.data) event.extra = built.data;
      else if (built.data) event.contexts = { [exception.type]: built.data };
    } else {
      exception.mechanism = {
        type: 'chained',
        handled,
        source: link.source,
        exception_id: id,
        parent_id: link.parentId,
        ...(link.isGroup ? { is_exception_group: true } : {}),
      };
    }
    values.push(exception);
  });

  event.exception = { values: values.reverse() };
  return event;
}

function rootMechanism(hint: EventHint, synthetic: boolean, linked: boolean, isGroup?: boolean): Mechanism {
  const mechanism: Mechanism = { type: 'generic', handled: true, ...hint.mechanism };
  if (synthetic) mechanism.synthetic = true;
  if (linked) mechanism.exception_id = 0;
  if (isGroup) mechanism.is_exception_group = true;
  return mechanism;
}
