/** Severity of an event or breadcrumb, as Sentry's event schema names it. */
export type SeverityLevel = 'fatal' | 'error' | 'warning' | 'log' | 'info' | 'debug';

export type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/** The user an event is about. Extra keys are allowed and normalized. */
export interface User {
  id?: string | number;
  email?: string;
  username?: string;
  ip_address?: string;
  [key: string]: unknown;
}

/** One stack frame, Sentry-shaped. Frames are listed oldest first. */
export interface StackFrame {
  filename?: string;
  abs_path?: string;
  module?: string;
  function?: string;
  lineno?: number;
  colno?: number;
  in_app?: boolean;
  pre_context?: string[];
  context_line?: string;
  post_context?: string[];
  vars?: Record<string, unknown>;
}

/** How an exception was caught, and where it sits in a chain of linked exceptions. */
export interface Mechanism {
  type: string;
  handled?: boolean;
  synthetic?: boolean;
  source?: string;
  exception_id?: number;
  parent_id?: number;
  is_exception_group?: boolean;
  data?: Record<string, unknown>;
}

export interface Exception {
  type: string;
  value: string;
  module?: string;
  stacktrace?: { frames: StackFrame[] };
  mechanism?: Mechanism;
}

export interface Breadcrumb {
  type?: string;
  category?: string;
  level?: SeverityLevel;
  message?: string;
  data?: Record<string, unknown>;
  /** Seconds since the epoch, fixed when the breadcrumb was added. */
  timestamp?: number;
}

export type Contexts = Record<string, Record<string, unknown> | undefined>;

export interface RequestData {
  url?: string;
  method?: string;
  query_string?: string | Record<string, string>;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  data?: unknown;
  env?: Record<string, string>;
}

export interface SdkInfo {
  name: string;
  version: string;
  integrations?: string[];
  packages?: { name: string; version: string }[];
}

/**
 * A bundled file and the debug ID its source map carries, so a server matches a frame to the map uploaded
 * for that exact build: https://develop.sentry.dev/sdk/data-model/event-payloads/debugmeta/
 */
export interface DebugImage {
  type: 'sourcemap';
  /** The file as frames name it (`abs_path`, else `filename`). */
  code_file: string;
  debug_id: string;
}

export interface DebugMeta {
  images?: DebugImage[];
}

/** An event in Sentry's event schema: https://develop.sentry.dev/sdk/data-model/event-payloads/ */
export interface Event {
  event_id?: string;
  /** Absent for errors and messages; `feedback` for user feedback (sent as a `feedback` item). */
  type?: 'feedback';
  /** Seconds since the epoch (fractional), fixed at capture time. */
  timestamp?: number;
  platform?: string;
  level?: SeverityLevel;
  logger?: string;
  release?: string;
  environment?: string;
  dist?: string;
  server_name?: string;
  transaction?: string;
  message?: string;
  /** A parameterized message (see `parameterize`): the template with `%s` for each of `params`. */
  logentry?: { message?: string; params?: unknown[]; formatted?: string };
  exception?: { values: Exception[] };
  breadcrumbs?: Breadcrumb[];
  user?: User;
  tags?: Record<string, Primitive>;
  contexts?: Contexts;
  extra?: Record<string, unknown>;
  fingerprint?: string[];
  request?: RequestData;
  measurements?: Record<string, { value: number; unit?: string }>;
  /** Packages and their versions (Sentry's Modules integration). */
  modules?: Record<string, string>;
  sdk?: SdkInfo;
  /** Which source map (by debug ID) each bundled file in the frames was built with. */
  debug_meta?: DebugMeta;
  /** Whether the SDK trimmed the event to fit the destination's size limit. */
  _meta?: Record<string, unknown>;
}

/** Sentry's name for an error or message event (what `beforeSend` is given). */
export type ErrorEvent = Event & { type?: undefined };

/** What a caller knows about an event beyond the event itself. */
export interface EventHint {
  event_id?: string;
  originalException?: unknown;
  syntheticException?: Error;
  mechanism?: Partial<Mechanism>;
  data?: unknown;
}

/** Per-capture additions: `captureException(err, { tags: { area: 'checkout' } })`. */
export interface CaptureContext {
  user?: User;
  level?: SeverityLevel;
  tags?: Record<string, Primitive>;
  extra?: Record<string, unknown>;
  contexts?: Contexts;
  fingerprint?: string[];
  mechanism?: Partial<Mechanism>;
}

export interface Dsn {
  protocol: 'http' | 'https';
  publicKey: string;
  host: string;
  port: string;
  path: string;
  projectId: string;
}

/** Distributed-tracing identity that events and logs carry (see DESIGN.md, "Correlation"). */
export interface PropagationContext {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  sampled?: boolean;
  requestId?: string;
  /** W3C `tracestate` as received, passed on unchanged. */
  tracestate?: string;
}

/** Why something was not sent. Reported in client reports. */
export type DropReason =
  | 'sample_rate'
  | 'before_send'
  | 'event_processor'
  | 'ratelimit_backoff'
  | 'queue_overflow'
  | 'network_error'
  | 'send_error'
  | 'storm_guard'
  | 'cache_overflow'
  | 'internal_sdk_error';

/** Sentry's data categories for what was dropped (and what rate limits name). */
export type DataCategory = 'error' | 'log_item' | 'monitor' | 'feedback' | 'session' | 'internal' | 'default';
