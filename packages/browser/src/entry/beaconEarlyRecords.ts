import {
  createClientReportEnvelope,
  createDropRecorder,
  createEventEnvelope,
  debugLogger,
  getEnvelopeEndpoint,
  parseDsn,
  serializeJsonEnvelope,
  sessionErrorKind,
  type Client,
  type Envelope,
  type Event,
  type PlatformSettings,
  type Scrubber,
} from '@faultline/core';
import { sendBeacon } from '../transports/sendBeacon';
import type { Drop } from './createCaptureBuffer';
import { beaconEvent } from './beaconEvent';
import { isDestinationFailing } from '../transports/destinationFailing';
import type { StoredRecord } from './storedRecord';
import type { EntryOptions } from './types';

/** Browsers refuse beacons beyond 64 KiB in flight per page; a bigger event is kept for the pipeline to fit. */
const MAX_BEACON_CHARS = 60_000;

/** A kept session start's errors that went by beacon (`startSession` record's argument), counted on replay. */
export interface SessionCounts {
  handled: number;
  unhandled: number;
}

/** What the page must still keep for the next page load. */
export interface StillKept {
  records: StoredRecord[];
  drops: Drop[];
}

/**
 * As the page goes away before the pipeline arrived: each kept error or message is built into an event in
 * the entry (`beaconEvent`), run through the integrations' processors, `sampleRate` / `errorsSampler` and
 * `beforeSend` as the pipeline would, scrubbed again, and handed to `navigator.sendBeacon` — only when the
 * destination could not yet have failed: no answer seen from it (this page has sent nothing; no earlier
 * page marked it failing), the default transport, the browser online. A beacon's answer is never seen, so
 * anything else (a custom transport, an asynchronous hook, a refused beacon, logs, raw envelopes) is
 * returned to be kept for the next page, as are the losses counted when no beacon could carry their report.
 */
export function beaconEarlyRecords(
  records: StoredRecord[],
  drops: Drop[],
  client: Client,
  platform: PlatformSettings,
  scrubber: Scrubber | undefined,
  /** The value a kept capture was made with (for `beforeSend`'s `hint.originalException`, as the pipeline gives it). */
  originalOf: (record: StoredRecord) => unknown = () => undefined,
): StillKept {
  const options = client.getOptions() as EntryOptions;
  const dsn = options.dsn ? parseDsn(options.dsn) : '';
  // A transport or destinations of the app's own: only they know how to send; the pipeline will.
  if (typeof dsn !== 'object' || options.transport || options.delivery?.destinations) return { records, drops };
  const address = { dsn, sdk: platform.sdk, tunnel: options.tunnel };
  const url = options.tunnel ?? getEnvelopeEndpoint(dsn, platform.sdk);
  if (isDestinationFailing(url)) return { records, drops };
  // No log is beaconed (logs are kept), so the plain JSON framing is the wire format.
  const beacon = (envelope: Envelope): boolean => {
    const body = serializeJsonEnvelope(envelope);
    return (
      body.length <= MAX_BEACON_CHARS &&
      sendBeacon({ url, headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body })
    );
  };
  const kept: StoredRecord[] = [];
  const lost: Drop[] = [...drops];
  /** The page session a beaconed error belongs to: the last start before it, kept for the next page. */
  let session: SessionCounts | undefined;
  for (const record of records) {
    try {
      if (record.kind === 'startSession') {
        kept.push(record);
        record.args = [(session = { handled: 0, unhandled: 0 })];
        continue;
      }
      const outcome = processRecord(record, originalOf(record), client, options, platform);
      if (outcome === 'keep') kept.push(record);
      else if (typeof outcome === 'string') lost.push([outcome, 'error', 1]);
      else if (!beacon(createEventEnvelope(scrubber ? scrubber.scrubEvent(outcome) : outcome, address)))
        kept.push(record);
      else {
        // Sent without the pipeline: its session, replayed by the next page, still counts it.
        const kind = sessionErrorKind(outcome);
        if (kind && session) session[kind]++;
      }
    } catch (error) {
      // Building or scrubbing it failed here: the next page's pipeline builds it again.
      debugLogger.error('Sending a capture as the page went away failed; it is kept for the next page', error);
      kept.push(record);
    }
  }
  if (lost.length === 0) return { records: kept, drops: [] };
  const report = createDropRecorder();
  for (const drop of lost) report.record(...drop);
  return { records: kept, drops: beacon(createClientReportEnvelope(report.take(), address)) ? [] : lost };
}

type Outcome = Event | 'keep' | 'event_processor' | 'sample_rate' | 'before_send';

/**
 * One record through what the pipeline runs, synchronously, with its rules: a hook that throws is logged
 * and skipped (an event processor), falls back to `sampleRate` (`errorsSampler`) or leaves the event
 * unchanged (`beforeSend`). 'keep' when a step cannot be run here: an asynchronous hook.
 */
function processRecord(
  record: StoredRecord,
  original: unknown,
  client: Client,
  options: EntryOptions,
  platform: PlatformSettings,
): Outcome {
  const built = beaconEvent(record, options, platform);
  if (!built) return 'keep';
  const { hint } = built;
  // The app's hooks tell errors apart by what was thrown (`instanceof`), as they do in the pipeline.
  if (record.kind === 'captureException' && original !== undefined) hint.originalException = original;
  let event: Event | null = built.event;
  for (const integration of options.integrations)
    skipIfThrows(() => integration.preprocessEvent?.(event!, hint, client));
  for (const integration of options.integrations) {
    if (!integration.processEvent) continue;
    const next: unknown = skipIfThrows(() => integration.processEvent!(event!, hint, client));
    if (isThenable(next)) return later(next);
    if (next === null) return 'event_processor';
    event = (next as Event | undefined) ?? event;
  }
  if (!sampledIn(options, event)) return 'sample_rate';
  if (typeof options.beforeSend === 'function') {
    const final: unknown = skipIfThrows(() => options.beforeSend!(event as never, hint));
    if (isThenable(final)) return later(final);
    if (final === null) return 'before_send';
    event = (final as Event | undefined) ?? event;
  }
  return event;
}

/** 'keep' for a hook that answers later; its answer is not awaited, and its rejection never reaches the page. */
function later(answer: PromiseLike<unknown>): 'keep' {
  Promise.resolve(answer).then(undefined, () => undefined);
  return 'keep';
}

/** What `step` returns; undefined (the step skipped, as the pipeline skips it) when it throws. */
function skipIfThrows(step: () => unknown): unknown {
  try {
    return step();
  } catch (error) {
    debugLogger.error('A hook threw as the page went away; skipped it', error);
    return undefined;
  }
}

function sampledIn(options: EntryOptions, event: Event): boolean {
  const chosen = options.errorsSampler ? Number(skipIfThrows(() => options.errorsSampler!(event))) : NaN;
  const rate = chosen >= 0 && chosen <= 1 ? chosen : options.sampleRate;
  return rate >= 1 || Math.random() < rate;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';
