import type { Envelope } from '../envelope/types';
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
   * and has the journal write, synchronously, everything not yet written. See `Client.persistSync`.
   */
  persistSync?(): void;
}

/** What a transport factory is called with (a type literal, so it fits `createTransport`'s options too). */
export type TransportOptions = {
  /** The ingest URL derived from the DSN (or the tunnel), when there is one. */
  url?: string;
  dsn?: Dsn;
  tunnel?: string;
  recordDroppedEvent(reason: DropReason, category: DataCategory, count?: number): void;
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
  recordDroppedEvent(reason: DropReason, category: DataCategory, count?: number): void;
  sendEnvelope(envelope: Envelope): PromiseLike<TransportResponse | void>;
  flush(timeout?: number): PromiseLike<boolean>;
  close(timeout?: number): PromiseLike<boolean>;
  /**
   * For a process about to exit (Node's `exit` event): runs the captures still waiting for the pipeline and
   * sends the buffered logs, synchronously as far as the hooks are synchronous (an asynchronous `beforeSend`
   * or processor does not finish), then has the transport journal synchronously what is not yet on disk, so
   * the next process sends it. Never throws.
   */
  persistSync?(): void;
}

export type { CaptureContext };
