import type { Envelope } from '../envelope/types';
import { debugLogger } from '../debugLogger';
import type { DropReason, ErrorEvent, Event, EventHint } from '../types';
import { chain, isThenable, type MaybePromise } from './maybePromise';
import type { StormGuard } from './createStormGuard';
import type { EventProcessor } from '../scope/createScope';
import type { Client, Integration, ResolvedOptions } from './types';

// Replaced by bundlers: production builds keep what failed and leave out what happens next.
declare const process: { env: { NODE_ENV?: string } };

/** What the pipeline needs from the client that runs it. */
export interface PipelineHost {
  client: Client;
  options: ResolvedOptions;
  integrations: Integration[];
  drop(reason: DropReason): void;
  /** The budget per repeated error; undefined when the user switched it off. */
  stormGuard?: StormGuard;
  /** Last steps before the wire (PII scrubbing, size guard); returns the envelope to send. */
  toEnvelope(event: Event): Envelope;
  send(envelope: Envelope): void;
}

/**
 * The order every event goes through (DESIGN.md, "The pipeline"): integrations' processEvent → sampling
 * → storm guard → beforeSend → scrub + size guard → envelope → transport. Synchronous unless a hook returns a promise.
 * A user hook that throws is logged and skipped: a broken hook must not cost the error it was handed.
 */
export function runPipeline(
  host: PipelineHost,
  event: Event,
  hint: EventHint,
  scopeProcessors: EventProcessor[] = [],
): MaybePromise<void> {
  for (const integration of host.integrations) {
    if (!integration.preprocessEvent) continue;
    try {
      integration.preprocessEvent(event, hint, host.client);
    } catch (error) {
      debugLogger.error(`Integration ${integration.name} failed in preprocessEvent`, error);
    }
  }
  // Sentry's order: the integrations' processors, then the scopes' (global, isolation, current).
  const steps =
    scopeProcessors.length === 0
      ? host.integrations
      : [...host.integrations, ...scopeProcessors.map((processEvent) => ({ name: 'EventProcessor', processEvent }))];
  return chain(runProcessors(host, steps, event, hint, 0), (processed) => {
    if (!processed) return host.drop('event_processor');
    // As in Sentry, sampleRate and beforeSend are for errors and messages, not for user feedback.
    if (processed.type === 'feedback') return host.send(host.toEnvelope(processed));
    if (!isSampledIn(host.options, processed)) return host.drop('sample_rate');
    // After the processors: the fingerprint it keys on uses the context lines they add.
    if (host.stormGuard && !host.stormGuard.allow(processed)) return host.drop('storm_guard');
    return chain(callBeforeSend(host.options, processed, hint), (final) => {
      if (!final) return host.drop('before_send');
      host.send(host.toEnvelope(final));
    });
  });
}

function runProcessors(
  host: PipelineHost,
  steps: Pick<Integration, 'name' | 'processEvent'>[],
  event: Event,
  hint: EventHint,
  start: number,
): MaybePromise<Event | null> {
  let current = event;
  for (let i = start; i < steps.length; i++) {
    const integration = steps[i]!;
    if (!integration.processEvent) continue;
    let result: Event | null | PromiseLike<Event | null>;
    try {
      result = integration.processEvent(current, hint, host.client);
    } catch (error) {
      debugLogger.error(
        `Integration ${integration.name} ${process.env.NODE_ENV !== 'production' ? 'threw in processEvent; skipped it' : 'failed'}`,
        error,
      );
      continue;
    }
    if (isThenable(result)) {
      const before = current;
      return Promise.resolve(result).then(
        (next) => (next === null ? droppedBy(integration) : runProcessors(host, steps, next ?? before, hint, i + 1)),
        (error: unknown) => {
          debugLogger.error(
            `Integration ${integration.name} ${process.env.NODE_ENV !== 'production' ? 'rejected in processEvent; skipped it' : 'failed'}`,
            error,
          );
          return runProcessors(host, steps, before, hint, i + 1);
        },
      );
    }
    if (result === null) return droppedBy(integration);
    current = result ?? current;
  }
  return current;
}

/** With `debug: true`, says which integration dropped an event (Dedupe, EventFilters, …). */
function droppedBy(integration: Pick<Integration, 'name'>): null {
  debugLogger.log(`${integration.name} dropped an event`);
  return null;
}

function isSampledIn(options: ResolvedOptions, event: Event): boolean {
  let rate = options.sampleRate;
  if (options.errorsSampler) {
    try {
      const chosen = Number(options.errorsSampler(event));
      if (chosen >= 0 && chosen <= 1) rate = chosen;
      else
        debugLogger.warn(
          `errorsSampler returned ${chosen}${process.env.NODE_ENV !== 'production' ? ', not a rate from 0 to 1; using sampleRate' : ''}`,
        );
    } catch (error) {
      debugLogger.error(
        process.env.NODE_ENV !== 'production' ? 'errorsSampler threw; using sampleRate' : 'errorsSampler failed',
        error,
      );
    }
  }
  return rate >= 1 || Math.random() < rate;
}

function callBeforeSend(options: ResolvedOptions, event: Event, hint: EventHint): MaybePromise<Event | null> {
  const { beforeSend } = options;
  if (!beforeSend) return event;
  let result: Event | null | PromiseLike<Event | null>;
  try {
    result = beforeSend(event as ErrorEvent, hint);
  } catch (error) {
    debugLogger.error(
      process.env.NODE_ENV !== 'production' ? 'beforeSend threw; sending the event unchanged' : 'beforeSend failed',
      error,
    );
    return event;
  }
  if (!isThenable(result)) return result === undefined ? event : result;
  return Promise.resolve(result).then(
    (value) => (value === undefined ? event : value),
    (error: unknown) => {
      debugLogger.error(
        process.env.NODE_ENV !== 'production'
          ? 'beforeSend rejected; sending the event unchanged'
          : 'beforeSend failed',
        error,
      );
      return event;
    },
  );
}
