// @vitest-environment jsdom
import { createScrubber, getCarrier, parseEnvelope, type Client, type Event } from '@faultline/core';
import { resetCarrier } from '@faultline/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserOptions } from '../../src/browserOptions';
import { beaconEarlyRecords } from '../../src/entry/beaconEarlyRecords';
import { createEntryClient } from '../../src/entry/createEntryClient';
import { resolveEntryOptions } from '../../src/entry/resolveEntryOptions';
import { scrubStoredRecord } from '../../src/entry/scrubStoredRecord';
import { EARLY_KEY, type StoredRecord } from '../../src/entry/storedRecord';
import { toStoredRecord } from '../../src/entry/toStoredRecord';
import type { CaptureRecord, PipelineModule } from '../../src/entry/types';
import { markDestinationHealth } from '../../src/transports/destinationFailing';

const platform = { platform: 'javascript', sdk: { name: 'test', version: '0' }, defaultIntegrations: [] };
const DSN = 'https://key@o1.ingest.example.com/1';
const INGEST = 'https://o1.ingest.example.com/api/1/envelope/?sentry_version=7&sentry_key=key&sentry_client=test%2F0';

/** What `navigator.sendBeacon` was handed (stubbed: this is a unit test of one function). */
let beacons: { url: string; body: string }[];
let accept: boolean;

beforeEach(() => {
  beacons = [];
  accept = true;
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: (url: string, blob: Blob & { text?: () => Promise<string> }) => {
      if (accept) beacons.push({ url, body: (blob as unknown as { __text: string }).__text });
      return accept;
    },
  });
  // jsdom's Blob cannot be read synchronously: keep the text it was made from.
  vi.stubGlobal(
    'Blob',
    class {
      __text: string;
      constructor(parts: string[]) {
        this.__text = parts.join('');
      }
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

function clientWith(more: Partial<BrowserOptions> = {}): Client {
  resetCarrier();
  const options = resolveEntryOptions({ dsn: DSN, ...more }, platform);
  const client = createEntryClient(
    options,
    platform,
    () => new Promise<PipelineModule>(() => undefined),
    () => () => undefined,
  );
  getCarrier().client = client;
  return client;
}

function stored(kind: CaptureRecord['kind'], args: unknown[], eventId = 'a'.repeat(32)): StoredRecord {
  const { globalScope, strategy } = getCarrier();
  const { isolationScope, scope } = strategy.getScopes();
  const record: CaptureRecord = {
    kind,
    args: [...args, { event_id: eventId }],
    time: 1_700_000_000_000,
    scopes: [globalScope.clone(), isolationScope.clone(), scope.clone()],
  };
  return toStoredRecord(record);
}

const sentEvents = (): Event[] =>
  beacons.flatMap(({ body }) =>
    parseEnvelope(body)[1]
      .filter(([h]) => h.type === 'event')
      .map(([, p]) => p as Event),
  );
const sentReports = () =>
  beacons.flatMap(({ body }) =>
    parseEnvelope(body)[1]
      .filter(([h]) => h.type === 'client_report')
      .map(([, p]) => p),
  );

describe('beaconEarlyRecords (sendBeacon stubbed)', () => {
  it('sends each error and message as its own envelope to the DSN’s ingest URL, with the scopes of its moment', () => {
    const client = clientWith({ release: 'r@1', environment: 'staging' });
    getCarrier()
      .strategy.getScopes()
      .isolationScope.setTag('stage', 'boot')
      .setUser({ id: 'u1' })
      .setPropagationContext({ traceId: 'c'.repeat(32), spanId: 'd'.repeat(16) });
    const cause = new Error('inner');
    const error = new TypeError('outer', { cause });
    const records = [
      stored('captureException', [error]),
      stored('captureMessage', ['hello', 'warning'], 'b'.repeat(32)),
    ];
    const still = beaconEarlyRecords(records, [], client, platform, undefined);
    expect(still).toEqual({ records: [], drops: [] });
    expect(beacons.map((b) => b.url)).toEqual([INGEST, INGEST]);
    const [thrown, message] = sentEvents();
    expect(thrown).toMatchObject({
      event_id: 'a'.repeat(32),
      timestamp: 1_700_000_000,
      release: 'r@1',
      environment: 'staging',
      level: 'error',
      platform: 'javascript',
      sdk: { name: 'test', version: '0' },
      tags: { stage: 'boot' },
      user: { id: 'u1' },
    });
    expect(thrown!.exception!.values!.map((v) => [v.type, v.value])).toEqual([
      ['Error', 'inner'],
      ['TypeError', 'outer'],
    ]);
    expect(thrown!.exception!.values!.at(-1)!.mechanism).toEqual({ type: 'generic', handled: true });
    expect(thrown!.exception!.values!.at(-1)!.stacktrace!.frames.length).toBeGreaterThan(0);
    expect(thrown!.contexts!.trace).toEqual({ trace_id: 'c'.repeat(32), span_id: 'd'.repeat(16) });
    expect(message).toMatchObject({ event_id: 'b'.repeat(32), message: 'hello', level: 'warning' });
  });

  it('keeps everything when the destination was marked failing by an earlier page, or the app has its own transport', () => {
    const records = [stored('captureException', [new Error('x')])];
    markDestinationHealth(INGEST, false);
    expect(beaconEarlyRecords(records, [], clientWith(), platform, undefined).records).toEqual(records);
    markDestinationHealth(INGEST, true);
    const transport = () => ({ send: async () => undefined, flush: async () => true, close: async () => true });
    expect(beaconEarlyRecords(records, [], clientWith({ transport } as never), platform, undefined).records).toEqual(
      records,
    );
    expect(beacons).toEqual([]);
    expect(beaconEarlyRecords(records, [], clientWith(), platform, undefined).records).toEqual([]);
  });

  it('keeps logs, raw envelopes, what an asynchronous beforeSend would decide, and what a refused beacon carried', () => {
    const log = stored('captureLog', ['info', 'a log', {}]);
    const error = stored('captureException', [new Error('x')]);
    const asyncHook = clientWith({ beforeSend: async (event) => event });
    expect(beaconEarlyRecords([log, error], [], asyncHook, platform, undefined).records).toEqual([log, error]);
    accept = false;
    expect(beaconEarlyRecords([error], [], clientWith(), platform, undefined)).toEqual({ records: [error], drops: [] });
  });

  it('counts what sampling, beforeSend and processors drop, in a client report that goes by beacon too', () => {
    const records = [stored('captureException', [new Error('x')]), stored('captureException', [new Error('y')])];
    const client = clientWith({ beforeSend: (event) => (event.exception!.values![0]!.value === 'x' ? null : event) });
    const still = beaconEarlyRecords(records, [['queue_overflow', 'error', 3]], client, platform, undefined);
    expect(still).toEqual({ records: [], drops: [] });
    expect(sentEvents().map((e) => e.exception!.values![0]!.value)).toEqual(['y']);
    expect(sentReports()[0]).toMatchObject({
      discarded_events: [
        { reason: 'queue_overflow', category: 'error', quantity: 3 },
        { reason: 'before_send', category: 'error', quantity: 1 },
      ],
    });
    beacons = [];
    beaconEarlyRecords(records, [], clientWith({ sampleRate: 0 }), platform, undefined);
    expect(sentEvents()).toEqual([]);
    expect(sentReports()[0]).toMatchObject({
      discarded_events: [{ reason: 'sample_rate', category: 'error', quantity: 2 }],
    });
  });

  it('hands the losses back to be kept when no beacon can carry their report', () => {
    accept = false;
    const client = clientWith({ beforeSend: () => null });
    const still = beaconEarlyRecords([stored('captureException', [new Error('x')])], [], client, platform, undefined);
    expect(still).toEqual({ records: [], drops: [['before_send', 'error', 1]] });
  });

  it('scrubs the event again after the processors, whatever beforeSend added', () => {
    const scrubber = createScrubber({});
    const client = clientWith({
      beforeSend: (event) => ({ ...event, extra: { note: 'mail ada.lovelace@example.com' } }),
    });
    getCarrier().strategy.getScopes().isolationScope.setTag('contact', 'ada.lovelace@example.com');
    const record = scrubStoredRecord(stored('captureException', [new Error('card 4111 1111 1111 1111')]), scrubber);
    beaconEarlyRecords([record], [], client, platform, scrubber);
    const body = beacons.map((b) => b.body).join('\n');
    expect(body).not.toContain('ada.lovelace@example.com');
    expect(body).not.toContain('4111 1111 1111 1111');
    expect(sentEvents()[0]!.exception!.values![0]!.value).toBe('card [Filtered]');
  });

  it('runs hooks by the pipeline’s rules: a processor that throws is skipped, an errorsSampler that throws gives sampleRate, a beforeSend that throws sends the event unchanged', () => {
    const broken = () => {
      throw new Error('hook bug');
    };
    const client = clientWith({
      integrations: [{ name: 'Broken', processEvent: broken }],
      errorsSampler: broken,
      beforeSend: broken,
    });
    const still = beaconEarlyRecords([stored('captureException', [new Error('x')])], [], client, platform, undefined);
    expect(still).toEqual({ records: [], drops: [] });
    expect(sentEvents().map((e) => e.exception!.values![0]!.value)).toEqual(['x']);
  });

  it('keeps what an asynchronous beforeSend would decide without letting its rejection reach the page', async () => {
    const unhandled: unknown[] = [];
    const listen = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listen);
    try {
      const client = clientWith({ beforeSend: () => Promise.reject(new Error('rejected later')) });
      const record = stored('captureException', [new Error('x')]);
      expect(beaconEarlyRecords([record], [], client, platform, undefined).records).toEqual([record]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listen);
    }
  });

  it('cuts exception values and messages to maxValueLength, as the pipeline does, so a long one still fits a beacon', () => {
    const client = clientWith({ maxValueLength: 300 });
    const records = [
      stored('captureException', [new Error(`long ${'x'.repeat(300_000)}`)]),
      stored('captureMessage', [`long ${'y'.repeat(300_000)}`, 'info'], 'b'.repeat(32)),
    ];
    expect(beaconEarlyRecords(records, [], client, platform, undefined).records).toEqual([]);
    const [thrown, message] = sentEvents();
    expect(thrown!.exception!.values![0]!.value).toHaveLength(301);
    expect(message!.message).toHaveLength(301);
  });

  it('keeps a session start with the counts of its errors that went by beacon, for the next page to count', () => {
    const client = clientWith();
    const start = stored('startSession', [], 'c'.repeat(32));
    start.args = [];
    const handled = stored('captureException', [new Error('handled')]);
    const crash = stored('captureException', [new Error('crash'), { mechanism: { type: 'onerror', handled: false } }]);
    crash.args = [crash.args[0], { ...(crash.args[1] as object), ...(crash.args[2] as object) }];
    const still = beaconEarlyRecords([start, handled, crash], [], client, platform, undefined);
    expect(still.records).toEqual([start]);
    expect(start.args).toEqual([{ handled: 1, unhandled: 1 }]);
  });

  it('keeps an event too large for a beacon, for the pipeline to fit', () => {
    const client = clientWith();
    const record = stored('captureMessage', ['x'.repeat(70_000)]);
    expect(beaconEarlyRecords([record], [], client, platform, undefined).records).toEqual([record]);
  });
});

describe('toStoredRecord of hostile values', () => {
  it('keeps a capture whose value has a getter that throws, or is a revoked Proxy: the unreadable part only is marked', () => {
    clientWith();
    const getter = {
      code: 'E1',
      get detail(): string {
        throw new Error('getter bug');
      },
    };
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(stored('captureException', [getter]).args[0]).toEqual({ code: 'E1', detail: '[Unreadable]' });
    expect(stored('captureException', [proxy]).args[0]).toBe('[Unreadable]');
  });
});

describe('the entry at page hide (sendBeacon stubbed)', () => {
  it('gives beforeSend the value that was thrown as hint.originalException, so instanceof filters work as in the pipeline', () => {
    class ExpectedError extends Error {}
    const client = clientWith({
      beforeSend: (event, hint) => (hint.originalException instanceof ExpectedError ? null : event),
    });
    client.captureException(new ExpectedError('filtered by the app'));
    client.captureException(new Error('sent'));
    dispatchEvent(new Event('pagehide'));
    expect(sentEvents().map((e) => e.exception!.values!.at(-1)!.value)).toEqual(['sent']);
    expect(sentReports()[0]).toMatchObject({
      discarded_events: [{ reason: 'before_send', category: 'error', quantity: 1 }],
    });
  });

  it('beacons the errors and keeps the rest in localStorage, once: a second hide sends nothing again', () => {
    const client = clientWith();
    client.captureException(new Error('beaconed'));
    client.captureLog('info', 'kept log', {});
    dispatchEvent(new Event('pagehide'));
    dispatchEvent(new Event('pagehide'));
    expect(sentEvents().map((e) => e.exception!.values![0]!.value)).toEqual(['beaconed']);
    const kept = JSON.parse(localStorage.getItem(EARLY_KEY)!) as { records: StoredRecord[] };
    expect(kept.records.map((r) => r.kind)).toEqual(['captureLog']);
  });
});
