import type { Envelope, EnvelopeItem } from '../envelope/types';
import type { DeliveryMetrics, SdkMetricsState } from '../metrics/types';
import type { LogLevel, SerializedLog } from '../logs/types';
import type { Scope } from '../scope/createScope';
import type { SentryOnlyOptions } from '../options/sentryOnlyOptions';
import type { ScrubOptions } from '../scrub/types';
import type { StormGuardOptions } from './createStormGuard';
import type {
  Breadcrumb,
  CaptureContext,
  DataCategory,
  Dsn,
  DropReason,
  ErrorEvent,
  Event,
  EventHint,
  SdkInfo,
  SeverityLevel,
  StackFrame,
} from '../types';

/** What a destination answered. */
export interface TransportResponse {
  statusCode?: number;
  headers?: Record<string, string | null | undefined>;
}

/** Sends envelopes. `send` never rejects; `flush` resolves to whether everything went out in time. */
export interface Transport {
  send(envelope: Envelope): PromiseLike<TransportResponse | void>;
  flush(timeout?: number): PromiseLike<boolean>;
  /**
   * Offers `deliver` (a page about to unload uses `navigator.sendBeacon`, whose answer is never seen) each
   * queued envelope that can land as far as the transport knows (`mayHandOff`: its destination healthy, not
   * paused or rate limited); those it accepts leave the queue and the journal, the rest stay journaled.
   */
  handOff?(
    deliver: (request: { url: string; headers: Record<string, string>; body: string | Uint8Array }) => boolean,
  ): Promise<void>;
  /** Flushes within `timeout`, then lets go of everything the transport holds (timers, journal lock). */
  close?(timeout?: number): PromiseLike<boolean>;
  /**
   * The process is exiting (no later turn of the event loop): encodes what waits for an asynchronous encode
   * and has the journal write, synchronously, everything not yet written. See `Client.persistSync`. May be
   * called again, for what was captured after it (by another `exit` listener).
   */
  persistSync?(): void;
}

/** What a transport factory is called with (a type literal, so it fits `createTransport`'s options too). */
export type TransportOptions = {
  /** The ingest URL derived from the DSN (or the tunnel), when there is one. */
  url?: string;
  dsn?: Dsn;
  tunnel?: string;
  /**
   * Counts a loss for the client report (and the SDK's metrics). `carried`: counts of a lost client report
   * handed back for the next one, already counted once.
   */
  recordDroppedEvent(reason: DropReason, category: DataCategory, count?: number, carried?: boolean): void;
  /** Where each destination's transport registers its gauges and reports its attempts (see `getSdkMetrics`). */
  metrics?: DeliveryMetrics;
};

export type TransportFactory = (options: TransportOptions) => Transport;

/**
 * A transport factory as Sentry types it (`(options: BaseTransportOptions) => Transport`, with `url`
 * required): a method signature, so its parameter is checked both ways and such a factory type-checks.
 */
export type SentryStyleTransportFactory = { make(options: TransportOptions): Transport }['make'];

/**
 * Sentry's `BaseTransportOptions`: what a transport factory is called with, the ingest `url` included. A
 * type literal (not an interface), so it also fits `createTransport`'s options as Sentry's does.
 */
export type BaseTransportOptions = {
  url: string;
  dsn?: Dsn;
  tunnel?: string;
  recordDroppedEvent(reason: DropReason, category: DataCategory, count?: number): void;
  bufferSize?: number;
  headers?: Record<string, string>;
};

/** A plug-in to the pipeline. A user's instance replaces a default one of the same name. */
export interface Integration {
  name: string;
  /** Sentry's hook: called once per process for an integration of this name, before `setup`. */
  setupOnce?(): void;
  /** Called once per client, when it is bound. */
  setup?(client: Client): void;
  /** Sentry's hook: called once per client after every integration's `setup`. */
  afterAllSetup?(client: Client): void;
  /** Sentry's hook: changes the event in place before any `processEvent` runs. */
  preprocessEvent?(event: Event, hint: EventHint, client: Client): void;
  /** Returns the event (possibly changed), or null to drop it. */
  processEvent?(event: Event, hint: EventHint, client: Client): Event | null | PromiseLike<Event | null>;
}

/** For bridges from other loggers: the record's own time, and whether the pipeline adds the breadcrumb. */
export interface CaptureLogOptions {
  /** Seconds since the epoch, when the log was written (default: now). */
  timestamp?: number;
  /** Add the breadcrumb for this record (default true; a bridge that adds its own says false). */
  breadcrumb?: boolean;
}

/** Changes or drops (`null`) an error or message event; user feedback does not pass through it, as in Sentry. */
export type BeforeSend = (event: ErrorEvent, hint: EventHint) => Event | null | PromiseLike<Event | null>;
export type BeforeSendLog = (log: SerializedLog) => SerializedLog | null;
export type BeforeBreadcrumb = (breadcrumb: Breadcrumb, hint?: Record<string, unknown>) => Breadcrumb | null;

/** Options every platform accepts. See the core README for defaults. */
export interface CoreOptions extends SentryOnlyOptions {
  dsn?: string;
  release?: string;
  environment?: string;
  dist?: string;
  serverName?: string;
  tunnel?: string;
  sampleRate?: number;
  errorsSampler?: (event: Event) => number | boolean;
  beforeSend?: BeforeSend;
  beforeBreadcrumb?: BeforeBreadcrumb;
  maxBreadcrumbs?: number;
  normalizeDepth?: number;
  normalizeMaxBreadth?: number;
  maxValueLength?: number;
  attachStacktrace?: boolean;
  ignoreErrors?: (string | RegExp)[];
  denyUrls?: (string | RegExp)[];
  allowUrls?: (string | RegExp)[];
  integrations?: Integration[] | ((defaults: Integration[]) => Integration[]);
  /**
   * Makes the transport. Also takes what Sentry's docs pass: a factory typed with Sentry's
   * `BaseTransportOptions`, or `makeNodeTransport` / `makeFetchTransport` themselves (in `@faultline/node`
   * and `@faultline/browser` init, that is the default transport, journal included).
   */
  transport?: SentryStyleTransportFactory;
  debug?: boolean;
  enabled?: boolean;
  /** The service this SDK runs in: `service.name` on logs and the `service_name` Loki label. */
  service?: string;
  /** Send `logger.*` records (default true). */
  enableLogs?: boolean;
  /** The lowest log level sent (default `info`). */
  minLevel?: LogLevel;
  /** Change or drop (`null`) a log record before it is scrubbed and sent. */
  beforeSendLog?: BeforeSendLog;
  /** PII scrubbing (on by default); `false` turns it off. */
  scrub?: ScrubOptions | false;
  /** Keep IP addresses and `user.email` / `user.ip_address` (default false). */
  sendDefaultPii?: boolean;
  /** Outgoing requests whose URL matches get trace headers (platforms set the default). */
  tracePropagationTargets?: (string | RegExp)[];
  /** Also send Sentry's `sentry-trace` and `baggage` headers (default false: only W3C `traceparent`). */
  propagateSentryTrace?: boolean;
  /**
   * The budget per repeated error (same fingerprint and message): default `{ limit: 100, windowMs: 60_000 }`;
   * what is over it is dropped and counted as `storm_guard`. `false` turns it off.
   */
  stormGuard?: StormGuardOptions | false;
  /** Keep the SDK's own counters and gauges for `getSdkMetrics` and Prometheus (default true). */
  sdkMetrics?: boolean;
  /**
   * Release health (default true, as Sentry's): browser sessions per page load and navigation, Node request
   * sessions or one process session. Needs `release`; `false` sends none.
   */
  autoSessionTracking?: boolean;
  /**
   * What the current scope holds from the start, as Sentry's `initialScope`: `{ tags, user, extra,
   * contexts, level, fingerprint }`, or a callback given the scope.
   */
  initialScope?: CaptureContext | ((scope: Scope) => Scope | void);
}

/** Options after validation and defaults. */
export interface ResolvedOptions extends CoreOptions {
  sampleRate: number;
  maxBreadcrumbs: number;
  normalizeDepth: number;
  normalizeMaxBreadth: number;
  maxValueLength: number;
  environment: string;
  integrations: Integration[];
}

/** Platform facts a client is bound with (set by @faultline/browser, @faultline/node, …). */
export interface PlatformSettings {
  platform: string;
  sdk: SdkInfo;
  defaultIntegrations: Integration[];
  /**
   * Refines each frame the SDK parsed from a stack, before any integration sees it (Node: `file://` URLs
   * as paths, `module`, `in_app`), as Sentry's platform stack parsers do. Not applied to `captureEvent`.
   */
  normalizeFrame?(frame: StackFrame): void;
  /**
   * Where the platform looked for a DSN, in the order it reads them (`dsn` init option, an environment
   * variable, a config file…): the warning printed when none was found names them. Default: the init option.
   */
  dsnSources?: string[];
}

/**
 * What a client tells those who listen (`client.on`). `captured` runs at capture time for every event
 * (`captureException`, `captureMessage`, `captureEvent`), once its scopes are merged and before the
 * pipeline (processors, sampling, beforeSend): the items it returns go in the event's envelope, or alone
 * when the event is dropped. `flush` runs as a flush starts (before the transport's), `close` as close
 * starts, once what was captured has been through the pipeline.
 */
export interface ClientHooks {
  captured(event: Event, hint: EventHint): EnvelopeItem[] | void;
  flush(): void;
  close(): void;
}

export interface Client {
  getOptions(): ResolvedOptions;
  getDsn(): Dsn | undefined;
  getSdkInfo(): SdkInfo;
  getTransport(): Transport | undefined;
  getIntegration(name: string): Integration | undefined;
  /** Sentry's name for `getIntegration`. */
  getIntegrationByName<T extends Integration = Integration>(name: string): T | undefined;
  /** Adds and sets up an integration after `init` (one of the same name already there is kept). */
  addIntegration(integration: Integration): void;
  /** Sentry's manual set-up step (`new NodeClient(…)`, `setCurrentClient`, `client.init()`): nothing left to do here. */
  init(): void;
  isEnabled(): boolean;
  captureException(exception: unknown, hint?: EventHint, scope?: Scope): string;
  captureMessage(message: string, level?: SeverityLevel, hint?: EventHint, scope?: Scope): string;
  captureEvent(event: Event, hint?: EventHint, scope?: Scope): string;
  /** Records a structured log (see `logger`); never throws. */
  captureLog(
    level: LogLevel,
    message: unknown,
    attributes?: Record<string, unknown>,
    options?: CaptureLogOptions,
  ): void;
  /** Applies `beforeBreadcrumb` and the scope's ring buffer; never throws. */
  addBreadcrumb(breadcrumb: Breadcrumb, hint?: Record<string, unknown>, scope?: Scope): void;
  recordDroppedEvent(reason: DropReason, category: DataCategory, count?: number, carried?: boolean): void;
  /** The SDK's own counters, as plain data: read them with `getSdkMetrics(client)`. None with `sdkMetrics: false`. */
  readonly sdkMetrics?: SdkMetricsState;
  sendEnvelope(envelope: Envelope): PromiseLike<TransportResponse | void>;
  flush(timeout?: number): PromiseLike<boolean>;
  /**
   * Whether anything was captured, logged or sent since a flush that settled last waited for it (whatever
   * that flush resolved to). A flush at exit is skipped when not: the app already waited for it once.
   */
  hasUnflushedWork?(): boolean;
  close(timeout?: number): PromiseLike<boolean>;
  /** Calls `callback` on each `name` (see `ClientHooks`); returns how to stop. */
  on<K extends keyof ClientHooks>(name: K, callback: ClientHooks[K]): () => void;
  /**
   * For a process about to exit (Node's `exit` event): runs the captures still waiting for the pipeline and
   * sends the buffered logs, synchronously as far as the hooks are synchronous (an asynchronous `beforeSend`
   * or processor does not finish), then has the transport journal synchronously what is not yet on disk, so
   * the next process sends it. Never throws. Once it ran, every later capture or log (an `exit` listener of
   * the app's, an error thrown by one) is processed and journaled the same way at once.
   */
  persistSync?(): void;
}

export type { CaptureContext };
