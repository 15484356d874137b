import { createScrubber, type Event, type ResolvedOptions, type Scrubber } from '@faultline/core';
import { ERROR_MARK, type StoredRecord, type StoredScope } from './storedRecord';

type Plain = Record<string, unknown>;

/**
 * The scrubber the pipeline will use, from the user's options (`scrub`, `sendDefaultPii`); undefined when
 * scrubbing is off. Options the pipeline has not checked yet that the scrubber cannot use give the default
 * scrubber: a record is never written less scrubbed than it would be sent.
 */
export function storedRecordScrubber(options: ResolvedOptions): Scrubber | undefined {
  if (options.scrub === false) return undefined;
  try {
    return createScrubber(options.scrub ?? {}, options.sendDefaultPii);
  } catch {
    return createScrubber({});
  }
}

/**
 * A kept record scrubbed as the pipeline would scrub the event built from it, before it is written to
 * `localStorage`: errors' messages and stacks (a frame's URL only in its query and fragment, so its line and
 * column and source map survive), the captured value, the hint's data, an event as `scrubEvent` does, a log's
 * body and attributes, and each scope's user, tags, extra, contexts, request, breadcrumbs and attributes.
 * An envelope (`sendEnvelope`) is kept as it is, as the pipeline sends it as it is.
 */
export function scrubStoredRecord(record: StoredRecord, scrubber: Scrubber): StoredRecord {
  const data = scrubber.scrubData;
  const text = (value: unknown): unknown => (typeof value === 'string' ? data(value) : value);
  const value = (item: unknown): unknown => (isStoredError(item) ? scrubError(item, data) : data(item));
  // A hint's own fields (event id, mechanism type) are the SDK's; its data and the mechanism's are the app's.
  const hint = (item: unknown): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    const { data: extra, mechanism, syntheticException, originalException } = item as Plain;
    return {
      ...item,
      data: data(extra),
      mechanism: mechanism && { ...mechanism, data: data((mechanism as Plain).data) },
      syntheticException: value(syntheticException),
      originalException: value(originalException),
    };
  };
  const args = record.args;
  const [first, second, third, fourth] = args;
  let scrubbed: unknown[];
  if (record.kind === 'captureException') scrubbed = [value(first), hint(second)];
  else if (record.kind === 'captureMessage') scrubbed = [text(first), second, hint(third)];
  else if (record.kind === 'captureEvent') scrubbed = [scrubber.scrubEvent(first as Event), hint(second)];
  else if (record.kind === 'captureLog') scrubbed = [first, text(second), data(third), fourth];
  else scrubbed = args;
  const scopes = record.scopes.map((scope) => scrubScope(scope, scrubber)) as StoredRecord['scopes'];
  return { ...record, args: scrubbed.slice(0, args.length), scopes };
}

function scrubScope(scope: StoredScope, scrubber: Scrubber): StoredScope {
  // The trace ids are the SDK's (an allow-list would redact them); the rest is scrubbed as an event's fields.
  const { propagationContext, transactionName, ...rest } = scope;
  const { transaction, ...scrubbed } = scrubber.scrubEvent({ ...rest, transaction: transactionName } as Event);
  return { ...(scrubbed as StoredScope), propagationContext, transactionName: transaction };
}

const isStoredError = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && (value as Plain)[ERROR_MARK] === true;

/** A stack's frames: the query and fragment of each line's URL, up to its `:line:column`. */
const URL_TAIL = /[?#][^\s()]*?(?=(?::\d+){0,2}\)?$)/gm;
/** A line of a stack that is a frame: V8's `    at …`, Gecko's and WebKit's `name@url:line:column`. */
const FRAME_LINE = /^\s+at\s|@\S+:\d+:\d+$/;

function scrubError(error: Plain, data: (value: unknown) => unknown): Plain {
  const message = String(error.message);
  const scrubbedMessage = data(message) as string;
  // V8 starts the stack with `Name: message` — the message the error was made with, which an app may have
  // rewritten since (`error.message = 'checkout: ' + error.message`): the lines before the first frame are
  // scrubbed whole (the sent event has none of them), the frames only in their URLs' query and fragment.
  const lines = String(error.stack).split('\n');
  const first = lines.findIndex((line) => FRAME_LINE.test(line));
  const header = lines.slice(0, first < 0 ? lines.length : first).join('\n');
  const frames = first < 0 ? '' : lines.slice(first).join('\n');
  const stack = [
    header && (data(header.split(message).join(scrubbedMessage)) as string),
    frames.replace(URL_TAIL, (tail) => data(tail) as string),
  ]
    .filter(Boolean)
    .join('\n');
  const scrubbed: Plain = { ...error, name: data(String(error.name)), message: scrubbedMessage, stack };
  // An error's cause (sent by LinkedErrors as an exception of its own), scrubbed as its error is.
  if ('cause' in error) scrubbed.cause = isStoredError(error.cause) ? scrubError(error.cause, data) : data(error.cause);
  return scrubbed;
}
