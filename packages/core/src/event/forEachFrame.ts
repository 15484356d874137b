import type { Event, StackFrame } from '../types';

/**
 * Calls `visit` on every stack frame of every exception in `event` (the chain's causes included). Events
 * handed to `captureEvent` are the user's, so a stacktrace without frames is tolerated.
 */
export function forEachFrame(event: Event, visit: (frame: StackFrame) => void): void {
  for (const exception of event.exception?.values ?? []) {
    for (const frame of exception.stacktrace?.frames ?? []) visit(frame);
  }
}
