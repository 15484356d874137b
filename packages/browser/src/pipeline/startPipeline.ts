import {
  getCarrier,
  getSessionTracker,
  initAndBind,
  installLogPipeline,
  type Client,
  type Envelope,
  type Event,
  type EventHint,
  type SeverityLevel,
  type SessionStartOptions,
} from '@faultline/core';
import { BROWSER_OPTION_CHECKS } from '../browserOptions';
import { processingOnly } from '../entry/processingOnly';
import type { SessionCounts } from '../entry/beaconEarlyRecords';
import type { CaptureRecord, EntryHandle, Pipeline } from '../entry/types';
import { makeFetchTransport as lazyFetchTransport } from '../lazyExports';
import { makeFetchTransport } from '../transports/makeFetchTransport';
import { claimEarlyRecords } from './claimEarlyRecords';
import { runKeptRecords } from './runKeptRecords';
import { startPageSession } from './startPageSession';

/**
 * The part of the SDK a page loads after its first idle moment or first capture: validates the options
 * `init` was given, makes the client that builds, scrubs and delivers events (the IndexedDB journal and
 * fetch transport with it), and runs what was recorded before it came:
 * what the entry hands it, and what an earlier page kept in `localStorage` because it went away first.
 */
export function startPipeline({ options, integrations, platform, entry }: EntryHandle): Pipeline {
  const { client: current, debug } = getCarrier();
  const hasDestination = Boolean(options.dsn || options.tunnel || options.delivery?.destinations?.length);
  const client = initAndBind(
    {
      ...options,
      // `transport: makeFetchTransport` (Sentry's docs) is the default transport: it keeps its IndexedDB queue.
      transport:
        (options.transport === makeFetchTransport || options.transport === lazyFetchTransport
          ? undefined
          : options.transport) ?? (hasDestination ? makeFetchTransport(options.delivery) : undefined),
      // Set up once already, in the entry; here they only process events.
      integrations: integrations.map(processingOnly),
      // Applied by the entry, at init, so that the first line's captures carry it.
      initialScope: undefined,
    },
    { ...platform, defaultIntegrations: [] },
    BROWSER_OPTION_CHECKS,
  );
  // Starting a pipeline never changes the current client. The entry's client stays the current one and
  // forwards to this one: per-client state (a page's session) made before the pipeline arrived is keyed by
  // it. And when `init` was called again meanwhile, the later init's client stays current: this pipeline,
  // of the earlier one, only processes what its own entry recorded.
  Object.assign(getCarrier(), { client: current, debug });
  if (client.isEnabled()) {
    // What an earlier page kept because it went away before its pipeline arrived.
    const kept = claimEarlyRecords();
    const { records } = kept;
    // Logs an earlier page kept: this page may never log, and so never have installed the log pipeline.
    if (records.some((record) => record.kind === 'captureLog')) installLogPipeline();
    // The page's sessions are its entry client's (the current one, whose `on` reaches this client).
    const sessions = getSessionTracker(entry);
    // The pipeline arrives at the first idle moment (or capture): once what waited ran, the page load's
    // session says it started, unless an error it counted said so already.
    if (sessions) void Promise.resolve().then(() => sessions.sendPending());
    // Claimed once across tabs first (IndexedDB): they run after this page's own buffer, when IndexedDB is
    // there. An earlier page's session starts and captures go to sessions of their own, with their own times.
    runKeptRecords(
      client,
      kept,
      (record) => runRecord(client, entry, record),
      (work) => (sessions ? sessions.replay(work) : work()),
    );
  }
  return { client, run: (record) => runRecord(client, entry, record) };
}

/** Runs a recorded call now, in the scopes it was made in and with the time it was made at. */
function runRecord(
  client: Client,
  entry: Client,
  { kind, args, time, scopes: [global, isolationScope, scope] }: CaptureRecord,
): void {
  const carrier = getCarrier();
  const live = carrier.globalScope;
  carrier.globalScope = global;
  try {
    carrier.strategy.runWith({ scope, isolationScope }, () => {
      // Scope processors run after an event is stamped: this one puts back the time of the call. On the
      // global scope's copy, whose processors run first: one of the app's own may still set another time.
      // (A recorded captureEvent carries its time in the event, or the one its caller gave it.)
      if (kind === 'captureException' || kind === 'captureMessage') {
        global.addEventProcessor((event: Event) => ((event.timestamp = time / 1000), event));
      }
      if (kind === 'captureException') client.captureException(args[0], args[1] as EventHint, scope);
      else if (kind === 'captureMessage') {
        client.captureMessage(args[0] as string, args[1] as SeverityLevel, args[2] as EventHint, scope);
      } else if (kind === 'captureEvent') client.captureEvent(args[0] as Event, args[1] as EventHint, scope);
      else if (kind === 'captureLog') client.captureLog(...(args as Parameters<Client['captureLog']>));
      else if (kind === 'startSession') startPageSession(entry, time, beaconedErrors(args[0]));
      else void client.sendEnvelope(args[0] as Envelope);
    });
  } finally {
    carrier.globalScope = live;
  }
}

/** The errors a kept session start's page beaconed as it went away (read from storage: checked). */
function beaconedErrors(counts: unknown): SessionStartOptions['errors'] {
  const { handled, unhandled } = (counts ?? {}) as Partial<SessionCounts>;
  const count = (value: unknown): number => (Number.isInteger(value) ? Math.min(Math.max(value as number, 0), 100) : 0);
  return { handled: count(handled), unhandled: count(unhandled) };
}
