import { getEnvelopeEndpoint } from '../dsn';
import { createClientReportEnvelope } from '../envelope/createClientReportEnvelope';
import { createEventEnvelope } from '../envelope/createEventEnvelope';
import type { Envelope, EnvelopeAddress } from '../envelope/types';
import { eventFromMessage } from '../event/eventFromMessage';
import { eventFromUnknown } from '../event/eventFromUnknown';
import { isError } from '../event/isError';
import { debugLogger } from '../debugLogger';
import { getCarrier, runPendingWork } from '../carrier';
import { forEachFrame } from '../event/forEachFrame';
import { normalize } from '../normalize/normalize';
import type { EventProcessor, Scope } from '../scope/createScope';
import { monotonicNow } from '../monotonicNow';
import { createFlushCoverage } from './createFlushCoverage';
import { resolveWithin } from '../timers';
import { uninstallAll } from '../installOnce';
import type { Dsn, Event, EventHint } from '../types';
import { uuid4 } from '../uuid4';
import type { LogPipeline } from '../logs/createLogPipeline';
import { createScrubber } from '../scrub/createScrubber';
import { addBreadcrumbWith } from './addBreadcrumbWith';
import { createClientHooks } from './createClientHooks';
import { createSdkMetrics } from '../metrics/createSdkMetrics';
import { isLogCaptured } from '../metrics/isLogCaptured';
import { createDropRecorder, type DropRecorder } from './createDropRecorder';
import { createStormGuard } from './createStormGuard';
import { createCaptureQueue } from './createCaptureQueue';
import { prepareEvent } from './prepareEvent';
import { runPipeline, type PipelineHost } from './runPipeline';
import { withEnvelopeItems } from './withEnvelopeItems';
import { setupIntegrations } from './setupIntegrations';
import { stripToEssentials } from './stripToEssentials';
import type { Client, PlatformSettings, ResolvedOptions, Transport } from './types';

// Replaced by bundlers: production builds keep what failed and leave out what happens next.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Creates a client. `options` must be validated and resolved (see `init`). A disabled client is a
 * working no-op: it returns '' for event ids and sends nothing.
 */
export function createClient(options: ResolvedOptions, platform: PlatformSettings, dsn?: Dsn): Client {
  const enabled = options.enabled !== false;
  const drops = createDropRecorder();
  const hooks = createClientHooks();
  // The SDK's own counters (getSdkMetrics): bumped where the client decides, gauges read from the transports.
  const runtime = platform.sdk.name.slice(platform.sdk.name.lastIndexOf('.') + 1);
  const metrics =
    options.sdkMetrics === false ? undefined : createSdkMetrics({ version: platform.sdk.version, runtime });
  const captures = createCaptureQueue();

  const sdk = { ...platform.sdk, integrations: options.integrations.map((i) => i.name) };
  const address: EnvelopeAddress = { dsn, tunnel: options.tunnel, sdk };
  const url = options.tunnel ?? (dsn ? getEnvelopeEndpoint(dsn, sdk) : undefined);
  let open = enabled;
  /** The exit hook ran: what is captured later (in another `exit` listener) is journaled at once. */
  let exiting = false;
  let transport: Transport | undefined;
  const coverage = createFlushCoverage();
  const scrubber = options.scrub === false ? undefined : createScrubber(options.scrub ?? {}, options.sendDefaultPii);

  const host: PipelineHost = {
    client: undefined as unknown as Client,
    options,
    integrations: options.integrations,
    // Counted through recordDroppedEvent, as the transport's drops are: one way for every reason.
    drop: (reason) => {
      debugLogger.log(`Dropped an event (${reason})`);
      client.recordDroppedEvent(reason, 'error');
    },
    stormGuard: options.stormGuard === false ? undefined : createStormGuard(options.stormGuard),
    // Scrubbing is the last step, after every user hook; nothing unscrubbed reaches an envelope.
    toEnvelope: (event) =>
      withClientReport(createEventEnvelope(scrubber ? scrubber.scrubEvent(event) : event, address), drops),
    send: (envelope) => void client.sendEnvelope(envelope),
  };

  function capture(event: Event, hint: EventHint, scope: Scope | undefined): string {
    coverage.handed();
    const eventId = hint.event_id ?? uuid4();
    // A bridge's deferred lines (pino's, logged this tick) join their scopes before those are merged.
    runPendingWork();
    const { strategy, globalScope } = getCarrier();
    const active = strategy.getScopes();
    let processors: EventProcessor[] = [];
    try {
      processors = prepareEvent(event, eventId, options, { platform: platform.platform, sdk }, [
        globalScope,
        active.isolationScope,
        scope ?? active.scope,
      ]);
    } catch (error) {
      // Context that cannot be read must not cost the error itself: send it bare.
      debugLogger.error(
        process.env.NODE_ENV !== 'production'
          ? 'Merging scope data failed; sending the event without it'
          : 'Scope merge failed',
        error,
      );
      stripToEssentials(event, eventId, platform.platform, sdk);
    }
    active.isolationScope.setLastEventId(eventId);
    // Sessions count the error now, before sampling and beforeSend can drop it; their update rides along.
    const run = withEnvelopeItems(host, hooks.captured(event, hint), address);
    // The event and its scope data are fixed now; the pipeline runs in a microtask, off the caller's own
    // time (as Sentry's does), in capture order. flush() waits for it.
    captures.later(() => runPipeline(run, event, { ...hint, event_id: eventId }, processors));
    // Captured after the exit hook ran (an exit listener of the app's, an error one throws): journal it now.
    if (exiting) client.persistSync?.();
    return eventId;
  }

  function guarded(build: () => Event, hint: EventHint, scope: Scope | undefined, parsed = true): string {
    if (!open) return '';
    metrics?.captured('error');
    try {
      const event = build();
      if (parsed && platform.normalizeFrame) forEachFrame(event, platform.normalizeFrame);
      return capture(event, hint, scope);
    } catch (error) {
      debugLogger.error('Capturing failed', error);
      return '';
    }
  }

  const client: Client = {
    getOptions: () => options,
    getDsn: () => dsn,
    getSdkInfo: () => sdk,
    getTransport: () => transport,
    getIntegration: (name) => options.integrations.find((i) => i.name === name),
    getIntegrationByName: (name) => client.getIntegration(name) as never,
    addIntegration(integration) {
      if (!enabled || client.getIntegration(integration.name)) return;
      options.integrations.push(integration);
      sdk.integrations.push(integration.name);
      setupIntegrations(client, [integration]);
    },
    init() {
      // Integrations were set up when the client was made; nothing waits for this call.
    },
    isEnabled: () => open,
    captureException(exception, hint = {}, scope) {
      // Only a non-Error needs the caller's stack; making one costs a stack capture.
      const withStack =
        hint.syntheticException || isError(exception) ? hint : { ...hint, syntheticException: new Error('synthetic') };
      return guarded(
        () => eventFromUnknown(exception, withStack, options),
        { ...withStack, originalException: exception },
        scope,
      );
    },
    captureMessage(message, level = 'info', hint = {}, scope) {
      const withStack =
        options.attachStacktrace && !hint.syntheticException
          ? { ...hint, syntheticException: new Error(message) }
          : hint;
      // Not String(message): a parameterized message keeps its template (see `parameterize`).
      return guarded(() => eventFromMessage(message, level, withStack, options), withStack, scope);
    },
    captureEvent(event, hint = {}, scope) {
      // A hand-built event may hold anything; the SDK's own builders already bound what they make.
      return guarded(() => boundHandBuiltEvent(event, options), hint, scope, false);
    },
    captureLog(level, message, attributes, logOptions) {
      if (!open || !coverage.handed()) return;
      const pipeline = logPipeline();
      if (pipeline && metrics && isLogCaptured(options, level)) metrics.captured('log_item');
      pipeline?.capture(level, message, attributes, logOptions);
      if (exiting) client.persistSync?.();
    },
    addBreadcrumb(breadcrumb, hint, scope) {
      if (open) addBreadcrumbWith(options, breadcrumb, hint, scope);
    },
    recordDroppedEvent(reason, category, quantity, carried) {
      drops.record(reason, category, quantity);
      if (!carried) metrics?.dropped(reason, category, quantity);
    },
    sdkMetrics: metrics?.state,
    sendEnvelope(envelope: Envelope) {
      if (!transport) return Promise.resolve();
      coverage.handed();
      try {
        return Promise.resolve(transport.send(envelope)).catch((error: unknown) => {
          debugLogger.error('Transport send failed', error);
        });
      } catch (error) {
        debugLogger.error('Transport send threw', error);
        return Promise.resolve();
      }
    },
    async flush(timeout) {
      const started = monotonicNow();
      runPendingWork();
      hooks.run('flush');
      logs?.flush();
      const processed = await resolveWithin(
        captures.settled().then(() => true),
        timeout,
        false,
      );
      const discarded = drops.take();
      if (discarded.length > 0) void client.sendEnvelope(createClientReportEnvelope(discarded, address));
      if (!transport) return processed;
      const remaining = timeout === undefined ? undefined : Math.max(0, timeout - (monotonicNow() - started));
      const sent = await coverage.covering(processed, resolveWithin(transport.flush(remaining), remaining, false));
      return processed && sent;
    },
    hasUnflushedWork: coverage.pending,
    persistSync() {
      try {
        captures.drainNow(); // the microtask that would run them never comes
        runPendingWork();
        logs?.flush();
        const discarded = drops.take();
        if (discarded.length > 0) void client.sendEnvelope(createClientReportEnvelope(discarded, address));
        transport?.persistSync?.();
      } catch (error) {
        debugLogger.error('Persisting at exit failed', error);
      }
      exiting = true;
    },
    async close(timeout) {
      const started = monotonicNow();
      // What was captured goes first: a session's last update follows the updates its events carry.
      if (open) await resolveWithin(captures.settled(), timeout, undefined).then(() => hooks.run('close'));
      const flushed = await client.flush(timeout === undefined ? undefined : timeout - (monotonicNow() - started));
      open = false;
      // The transport lets go of its timers and journal; the listeners the SDK added come off.
      await resolveWithin(Promise.resolve(transport?.close?.(0)), 1000, false);
      if (getCarrier().client === client) uninstallAll();
      return flushed;
    },
    on: hooks.on,
  };
  host.client = client;
  // Built on the first log, by whatever installed it: code that never logs carries no log pipeline.
  let logs: LogPipeline | undefined;
  const logPipeline = (): LogPipeline | undefined =>
    (logs ??= getCarrier().makeLogPipeline?.(client, options, address, scrubber));

  if (enabled) {
    const transportOptions = {
      url,
      dsn,
      tunnel: options.tunnel,
      recordDroppedEvent: client.recordDroppedEvent,
      metrics: metrics?.delivery,
    };
    const made: unknown = options.transport?.(transportOptions as never);
    // `transport: makeNodeTransport` as Sentry's docs write it: the maker returned the factory; call it.
    transport = (typeof made === 'function' ? made(transportOptions) : made) as Transport | undefined;
    setupIntegrations(client, options.integrations);
  }
  return client;
}

function boundHandBuiltEvent(event: Event, options: ResolvedOptions): Event {
  const copy = { ...event };
  if (copy.exception) {
    copy.exception = normalize(copy.exception, {
      depth: 8,
      maxStringLength: options.maxValueLength,
    }) as Event['exception'];
  }
  return copy;
}

/** Piggy-backs pending drop counts on an outgoing envelope, so reports need no request of their own. */
function withClientReport(envelope: Envelope, drops: DropRecorder): Envelope {
  const discarded = drops.take();
  if (discarded.length === 0) return envelope;
  envelope[1].push([{ type: 'client_report' }, { timestamp: Date.now() / 1000, discarded_events: discarded }]);
  return envelope;
}
