import {
  addBreadcrumbWith,
  debugLogger,
  getCarrier,
  isError,
  parseDsn,
  setupIntegrations,
  uuid4,
  type Client,
  type EventHint,
  type PlatformSettings,
  type Scope,
} from '@faultline/core';
import { categoryOf, createCaptureBuffer } from './createCaptureBuffer';
import { createDeferredHooks } from './createDeferredHooks';
import { beaconEarlyRecords } from './beaconEarlyRecords';
import { keepEarlyRecords } from './keepEarlyRecords';
import { toStoredRecord } from './toStoredRecord';
import { scrubStoredRecord, storedRecordScrubber } from './scrubStoredRecord';
import type { StoredRecord } from './storedRecord';
import { watchPageHide } from './watchPageHide';
import { createPipelineLoader, type ScheduleIdle } from './createPipelineLoader';
import { processingOnly } from './processingOnly';
import type { CaptureRecord, EntryOptions, Pipeline, PipelineModule, RecordKind, SessionMarks } from './types';

// Replaced by bundlers: production builds keep the short form of the message.
declare const process: { env: { NODE_ENV?: string } };

/**
 * The client `init` returns in a browser: the entry half of the SDK. Until the pipeline module arrives
 * (at the first idle moment or the first capture), each capture is recorded with its time and a snapshot
 * of the scopes into a bounded buffer, and its event id is returned at once; breadcrumbs go on the live
 * scopes. When the pipeline arrives, the buffer is processed in order and every call goes to its client.
 */
export function createEntryClient(
  options: EntryOptions,
  platform: PlatformSettings,
  load: () => Promise<PipelineModule>,
  scheduleIdle?: ScheduleIdle,
): Client {
  let open = options.enabled !== false;
  let pipeline: Pipeline | undefined;
  const buffer = createCaptureBuffer();
  const hooks = createDeferredHooks();
  // While captures wait, a page going away sends what a beacon may carry and keeps the rest in localStorage
  // for the next page load's pipeline.
  let unwatch: (() => void) | undefined;
  const keepWaiting = (): void => {
    if (pipeline || buffer.size() === 0) return;
    try {
      // Scrubbed as the pipeline would scrub them: nothing is written that the sent event would not hold.
      const scrubber = storedRecordScrubber(client.getOptions());
      const drops = buffer.takeDrops();
      const stored = new Map<StoredRecord, CaptureRecord>();
      const records = buffer.take();
      for (const record of records) {
        try {
          const plain = toStoredRecord(record);
          stored.set(scrubber ? scrubStoredRecord(plain, scrubber) : plain, record);
        } catch {
          // Never written unscrubbed: a record that cannot be scrubbed is counted as lost.
          drops.push(['internal_sdk_error', categoryOf(record), 1]);
        }
      }
      const still = beaconEarlyRecords(
        [...stored.keys()],
        drops,
        client,
        platform,
        scrubber,
        (kept) => stored.get(kept)?.args[0],
      );
      if (still.records.length + still.drops.length === 0 || keepEarlyRecords(still.records, still.drops)) return;
      // Not written (setItem throws: a full quota, Safari's private mode): the page may only be hidden, and
      // its pipeline may still come — what no beacon took stays in memory rather than being lost now.
      // (A session start carries the counts of its errors that went by beacon.)
      for (const record of still.records) {
        const original = stored.get(record)!;
        buffer.push(record.kind === 'startSession' ? { ...original, args: record.args } : original);
      }
      for (const [reason, category, quantity] of still.drops) buffer.drop(reason, category, quantity);
    } catch (error) {
      debugLogger.error('Keeping captures for the next page failed', error);
    }
  };
  const loader = createPipelineLoader(
    load,
    {
      ready(module) {
        pipeline = module.startPipeline({ options, integrations: options.integrations, platform, entry: client });
        hooks.attach(pipeline.client);
        unwatch?.();
        for (const [reason, category, quantity] of buffer.takeDrops()) {
          pipeline.client.recordDroppedEvent(reason, category, quantity);
        }
        for (const record of buffer.take()) pipeline.run(record);
      },
      failed(error, first) {
        // Never silent: what is captured meanwhile waits, and loading is tried again.
        if (first) {
          debugLogger.configProblem(
            process.env.NODE_ENV !== 'production'
              ? `Could not load the rest of the SDK (${String(error)}); captures wait in memory, and it is tried again when the browser is online, when the page is visible, at the next capture and at flush()`
              : `Could not load the rest of the SDK (${String(error)}); retrying`,
          );
        }
      },
    },
    scheduleIdle,
  );

  /**
   * Keeps a call for the pipeline, with the scopes it was made in; asks for the pipeline now, unless it is
   * a session's start (which waits for the first idle moment). Once the pipeline is there, runs it at once.
   */
  const record = (kind: RecordKind, args: unknown[], scope?: Scope): void => {
    const { globalScope, strategy } = getCarrier();
    const active = strategy.getScopes();
    const kept: CaptureRecord = {
      kind,
      args,
      time: Date.now(),
      scopes: [globalScope.clone(), active.isolationScope.clone(), (scope ?? active.scope).clone()],
    };
    if (pipeline) return pipeline.run(kept);
    buffer.push(kept);
    unwatch ??= watchPageHide(keepWaiting);
    if (kind !== 'startSession') loader.request();
  };
  /** Records a capture and gives back its event id, as the pipeline's client would. */
  const capture = (kind: RecordKind, args: unknown[], hint: EventHint, scope: Scope | undefined): string => {
    if (!open) return '';
    try {
      const eventId = hint.event_id ?? uuid4();
      record(kind, [...args, { ...hint, event_id: eventId }], scope);
      getCarrier().strategy.getScopes().isolationScope.setLastEventId(eventId);
      return eventId;
    } catch (error) {
      debugLogger.error('Capturing failed', error);
      return '';
    }
  };
  let dsn: ReturnType<typeof parseDsn> | undefined;

  const client: Client & SessionMarks = {
    getOptions: () => pipeline?.client.getOptions() ?? options,
    getDsn() {
      if (pipeline) return pipeline.client.getDsn();
      dsn ??= options.dsn ? parseDsn(options.dsn) : '';
      return typeof dsn === 'object' ? dsn : undefined;
    },
    getSdkInfo: () => pipeline?.client.getSdkInfo() ?? platform.sdk,
    getTransport: () => pipeline?.client.getTransport(),
    getIntegration: (name) => options.integrations.find((i) => i.name === name),
    getIntegrationByName: (name) => client.getIntegration(name) as never,
    addIntegration(integration) {
      if (!open || client.getIntegration(integration.name)) return;
      options.integrations.push(integration);
      setupIntegrations(client, [integration]);
      pipeline?.client.addIntegration(processingOnly(integration));
    },
    init() {
      // Integrations were set up by init; nothing waits for this call.
    },
    isEnabled: () => pipeline?.client.isEnabled() ?? open,
    captureException(exception, hint = {}, scope) {
      if (pipeline) return pipeline.client.captureException(exception, hint, scope);
      // A non-Error's stack is the caller's, now (the pipeline's would be its own).
      const withStack =
        hint.syntheticException || isError(exception) ? hint : { ...hint, syntheticException: new Error('synthetic') };
      return capture('captureException', [exception], withStack, scope);
    },
    captureMessage(message, level, hint = {}, scope) {
      if (pipeline) return pipeline.client.captureMessage(message, level, hint, scope);
      const withStack =
        options.attachStacktrace && !hint.syntheticException
          ? { ...hint, syntheticException: new Error(message) }
          : hint;
      return capture('captureMessage', [message, level], withStack, scope);
    },
    captureEvent(event, hint = {}, scope) {
      if (pipeline) return pipeline.client.captureEvent(event, hint, scope);
      return capture('captureEvent', [{ timestamp: Date.now() / 1000, ...event }], hint, scope);
    },
    captureLog(level, message, attributes, logOptions) {
      if (pipeline) return pipeline.client.captureLog(level, message, attributes, logOptions);
      if (open) record('captureLog', [level, message, attributes, { timestamp: Date.now() / 1000, ...logOptions }]);
    },
    addBreadcrumb(breadcrumb, hint, scope) {
      if (pipeline) pipeline.client.addBreadcrumb(breadcrumb, hint, scope);
      else if (open) addBreadcrumbWith(options, breadcrumb, hint, scope);
    },
    recordDroppedEvent(reason, category, quantity) {
      if (pipeline) pipeline.client.recordDroppedEvent(reason, category, quantity);
      else buffer.drop(reason, category, quantity);
    },
    sendEnvelope(envelope) {
      if (pipeline) return pipeline.client.sendEnvelope(envelope);
      if (open) record('sendEnvelope', [envelope]);
      return Promise.resolve();
    },
    async flush(timeout) {
      const started = performance.now();
      if (!pipeline) {
        loader.request();
        if (!(await loader.whenReady(timeout))) return false;
      }
      const remaining = timeout === undefined ? undefined : Math.max(0, timeout - (performance.now() - started));
      return pipeline!.client.flush(remaining);
    },
    persistSync: () => pipeline?.client.persistSync?.(),
    hasUnflushedWork: () => pipeline?.client.hasUnflushedWork?.() ?? buffer.size() > 0,
    // The pipeline's counters (`getSdkMetrics()` reads the current client, which stays this one).
    get sdkMetrics() {
      return pipeline?.client.sdkMetrics;
    },
    on: hooks.on,
    markSession: () => open && record('startSession', []),
    async close(timeout) {
      const flushed = await client.flush(timeout);
      // Closed before the pipeline could send them: kept for the next page load, as at page hide.
      if (!flushed) keepWaiting();
      open = false;
      loader.stop();
      unwatch?.();
      await pipeline?.client.close(0);
      return flushed;
    },
  };
  return client;
}
