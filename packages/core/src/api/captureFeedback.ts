import { getCarrier } from '../carrier';
import { debugLogger } from '../debugLogger';
import type { Scope } from '../scope/createScope';
import type { EventHint, Primitive } from '../types';

/** What a user said, as Sentry's `captureFeedback` takes it. */
export interface FeedbackParams {
  message: string;
  name?: string;
  email?: string;
  url?: string;
  source?: string;
  /** The event the feedback is about (e.g. `lastEventId()`). */
  associatedEventId?: string;
  tags?: Record<string, Primitive>;
}

/**
 * Sends user feedback (a `feedback` item, as Sentry's SDK does) through the same pipeline and transport
 * as events, with the current scope's context; returns its event id. The e-mail address is scrubbed unless
 * `sendDefaultPii` is true, as any e-mail address is.
 */
export function captureFeedback(params: FeedbackParams, hint: EventHint = {}, scope?: Scope): string {
  try {
    const { message, name, email, url, source, associatedEventId, tags } = params;
    const client = getCarrier().client;
    if (!client) return '';
    const feedback = { contact_email: email, name, message, url, source, associated_event_id: associatedEventId };
    return client.captureEvent(
      { type: 'feedback', level: 'info', contexts: { feedback }, ...(tags ? { tags } : {}) },
      hint,
      scope,
    );
  } catch (error) {
    debugLogger.error('captureFeedback failed', error);
    return '';
  }
}
