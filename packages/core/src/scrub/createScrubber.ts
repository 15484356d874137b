import type { SerializedLog } from '../loki/types';
import type { Breadcrumb, Event, Exception, RequestData, StackFrame, User } from '../types';
import { createKeyMatcher } from './createKeyMatcher';
import { createValueScrubber } from './createValueScrubber';
import type { ScrubOptions } from './types';

export interface Scrubber {
  scrubEvent(event: Event): Event;
  /** A log record: its body, and its attributes at every depth (nested ones are still structured). */
  scrubLog(log: SerializedLog): SerializedLog;
  /** Any other data (a tunnel's unknown items, metadata): keys judged, strings scanned, at every depth. */
  scrubData(value: unknown): unknown;
}

/** Where a URL's query or fragment starts. */
const URL_TAIL = /[?#]/;
// Request fields Sentry also accepts as lists of [name, value] pairs.
const PAIR_FIELDS = ['headers', 'cookies', 'query_string', 'env'] as const;
/**
 * Event fields scrubbed by their own rule below, or the protocol's and the SDK's own (ids, times, names,
 * versions, module names: keys like `jsonwebtoken` are not secrets). Any other field (`threads`, a foreign
 * SDK's or a hook's own) is scrubbed as data. Spans are left as they are (tracing is not sent).
 */
const EVENT_FIELDS = new Set(
  (
    'message logentry transaction exception breadcrumbs user tags extra request contexts event_id timestamp ' +
    'start_timestamp level platform logger release dist environment server_name sdk modules debug_meta ' +
    'fingerprint type spans measurements _meta'
  ).split(' '),
);

/**
 * The PII scrubber: the last step before serialization, after every user hook. The one implementation for
 * every signal (events, breadcrumbs, logs, what the tunnel forwards). Copies what it changes, so objects a
 * hook attached from the app are never mutated.
 */
export function createScrubber(options: ScrubOptions, sendDefaultPii = false): Scrubber {
  const redaction = options.redaction ?? '[Filtered]';
  const verdict = createKeyMatcher(options);
  const scrubString = createValueScrubber({
    redaction,
    sendDefaultPii,
    patterns: options.patterns,
    isSensitiveKey: (key) => verdict(key, false) === 'redact',
  });

  /** User data: keys are judged (denylist or allow-list), strings scanned, at any depth. */
  const data = (value: unknown): unknown => {
    if (typeof value === 'string') return scrubString(value);
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map(data);
    const out: Record<string, unknown> = {};
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      const judged = verdict(key, true);
      out[key] = judged === 'redact' ? redaction : judged === 'exempt' ? item : data(item);
    }
    return out;
  };
  /** A `[name, value]` pair: the name is judged as a key would be. */
  const pair = (item: unknown): unknown =>
    Array.isArray(item) && typeof item[0] === 'string'
      ? [item[0], (data({ [item[0]]: item[1] }) as Record<string, unknown>)[item[0]]]
      : data(item);
  /** Only the query and fragment of a frame's URL: the path must still match its source map. */
  const location = (value: string | undefined): string | undefined => {
    const at = value ? value.search(URL_TAIL) : -1;
    return at < 0 ? value : value!.slice(0, at) + scrubString(value!.slice(at));
  };

  const frame = (source: StackFrame): StackFrame => {
    const filename = location(source.filename);
    const absPath = location(source.abs_path);
    if (filename === source.filename && absPath === source.abs_path && !source.vars && !source.context_line)
      return source;
    const out = { ...source, filename, abs_path: absPath };
    if (out.vars) out.vars = data(out.vars) as StackFrame['vars'];
    if (out.context_line !== undefined) out.context_line = scrubString(out.context_line);
    if (out.pre_context) out.pre_context = out.pre_context.map(scrubString);
    if (out.post_context) out.post_context = out.post_context.map(scrubString);
    return out;
  };
  const exception = (source: Exception): Exception => {
    const out = { ...source, value: scrubString(source.value) };
    const frames = source.stacktrace?.frames;
    const scrubbed = frames?.map(frame);
    // Frames are copied only when one changed (a page URL's query, source lines, variables).
    if (scrubbed?.some((f, i) => f !== frames![i])) out.stacktrace = { frames: scrubbed };
    if (source.mechanism?.data) out.mechanism = { ...source.mechanism, data: data(source.mechanism.data) as never };
    return out;
  };
  const breadcrumb = (source: Breadcrumb): Breadcrumb => {
    const out = { ...source };
    if (out.message !== undefined) out.message = scrubString(out.message);
    if (out.data) out.data = data(out.data) as Breadcrumb['data'];
    return out;
  };
  const user = (source: User): User => {
    const out = data(source) as User;
    if (!sendDefaultPii) {
      delete out.email;
      delete out.ip_address;
    }
    return out;
  };
  const request = (source: RequestData): RequestData => {
    const out = data(source) as Record<string, unknown>;
    if (source.url !== undefined) out.url = scrubString(source.url);
    for (const field of PAIR_FIELDS) {
      const value = source[field] as unknown;
      if (Array.isArray(value) && out[field] !== redaction) out[field] = value.map(pair);
    }
    return out as RequestData;
  };

  return {
    scrubEvent(event) {
      const out: Event = { ...event };
      if (event.message !== undefined) out.message = scrubString(event.message);
      else delete out.message;
      if (event.logentry) out.logentry = data(event.logentry) as Event['logentry'];
      if (event.transaction !== undefined) out.transaction = scrubString(event.transaction);
      if (event.exception) out.exception = { values: event.exception.values.map(exception) };
      if (event.breadcrumbs) out.breadcrumbs = event.breadcrumbs.map(breadcrumb);
      if (event.user) out.user = user(event.user);
      if (event.tags) out.tags = data(event.tags) as Event['tags'];
      if (event.extra) out.extra = data(event.extra) as Event['extra'];
      if (event.request) out.request = request(event.request);
      if (event.contexts) {
        const { trace, ...rest } = event.contexts;
        out.contexts = { ...(data(rest) as Event['contexts']), ...(trace ? { trace } : {}) };
      }
      for (const key in event) {
        if (!EVENT_FIELDS.has(key))
          (out as Record<string, unknown>)[key] = data((event as Record<string, unknown>)[key]);
      }
      return out;
    },
    scrubLog(log) {
      const out: SerializedLog = { ...log, body: scrubString(log.body) };
      const source = log.attributes;
      if (!source) return out;
      // Copy-on-change: most attributes are numbers, SDK metadata or clean strings.
      let attributes: typeof source | undefined;
      for (const key in source) {
        const attribute = source[key]!;
        // SDK metadata is left alone; the values of a `logger.fmt` message are user data.
        if ((key.startsWith('sentry.') && !key.startsWith('sentry.message.parameter.')) || key === 'service.name')
          continue;
        const judged = verdict(key, true);
        let replaced: (typeof source)[string] | undefined;
        if (judged === 'redact') replaced = { value: redaction, type: 'string' };
        else if (judged === 'scan') {
          // A string is scanned; a nested value (still structured) has its keys judged at every depth.
          const value = data(attribute.value);
          if (value !== attribute.value) replaced = { value, type: attribute.type };
        }
        if (replaced) (attributes ??= { ...source })[key] = replaced;
      }
      if (attributes) out.attributes = attributes;
      return out;
    },
    scrubData: data,
  };
}
