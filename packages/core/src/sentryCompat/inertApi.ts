import { noteInert } from './noteInert';

// Sentry functions for features Faultline does not implement (tracing measurements;
// AI conversations; span-format wrappers for the ignored `beforeSendSpan`). Each can be called as in
// Sentry, does nothing, and with `debug: true` says so once.

/** A measurement on the active transaction: accepted and inert (no transactions are sent). */
export function setMeasurement(_name: string, _value: number, _unit?: string): void {
  noteInert('setMeasurement (tracing)');
}

/** Sentry's AI conversation id: accepted and inert. */
export function setConversationId(_conversationId: string | null | undefined): void {
  noteInert('setConversationId (AI monitoring)');
}

/** Marks a `beforeSendSpan` callback as taking static spans; spans are not sent, so it is never called. */
export function withStaticSpan<T>(callback: T): T {
  noteInert('withStaticSpan (tracing)');
  return callback;
}

/** Marks a `beforeSendSpan` callback as taking streamed spans; spans are not sent, so it is never called. */
export function withStreamedSpan<T>(callback: T): T {
  noteInert('withStreamedSpan (tracing)');
  return callback;
}

/** Instruments a Supabase client for tracing: returns it unchanged. */
export function instrumentSupabaseClient<T>(client: T): T {
  noteInert('instrumentSupabaseClient (tracing)');
  return client;
}
