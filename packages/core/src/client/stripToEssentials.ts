import type { Event } from '../types';

/** What is left of an event whose scope data could not be merged: its error, and what identifies it. */
export function stripToEssentials(event: Event, eventId: string, platform: string, sdk: Event['sdk']): void {
  for (const key of ['user', 'tags', 'contexts', 'extra', 'breadcrumbs', 'request', 'fingerprint'] as const) {
    delete event[key];
  }
  event.event_id = eventId;
  event.timestamp ??= Date.now() / 1000;
  event.platform = platform;
  event.level ??= 'error';
  event.sdk = sdk;
}
