import { captureEvent, captureException, captureMessage, flush, lastEventId, withScope } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

const HEX32 = /^[0-9a-f]{32}$/;

describe('captureException', () => {
  beforeEach(() => resetCarrier());

  it('sends an envelope whose header and event follow the Sentry schema', async () => {
    const { record } = initForTest({ release: 'shop@1.0.0', environment: 'staging' });
    const before = Date.now() / 1000;
    const id = captureException(new TypeError('boom'));
    await flush(1000);

    expect(id).toMatch(HEX32);
    const [headers, items] = record.envelopes()[0]!;
    expect(headers.event_id).toBe(id);
    expect(headers.sdk).toEqual({ name: 'faultline.javascript.core', version: expect.any(String) });
    expect(Date.parse(headers.sent_at as string)).not.toBeNaN();
    expect(items[0]![0]).toEqual({ type: 'event' });

    const [event] = record.events();
    expect(event).toMatchObject({ event_id: id, platform: 'javascript', level: 'error', release: 'shop@1.0.0' });
    expect(event!.environment).toBe('staging');
    expect(event!.timestamp).toBeGreaterThanOrEqual(before - 1);
    expect(event!.timestamp).toBeLessThan(before + 60); // seconds, not milliseconds
    const exception = event!.exception!.values[0]!;
    expect(exception).toMatchObject({
      type: 'TypeError',
      value: 'boom',
      mechanism: { type: 'generic', handled: true },
    });
  });

  it('lists frames oldest first, ending at the throwing function', async () => {
    const { record } = initForTest();
    function innerMostThrower(): never {
      throw new Error('deep');
    }
    function callerOfThrower(): void {
      innerMostThrower();
    }
    try {
      callerOfThrower();
    } catch (error) {
      captureException(error);
    }
    await flush(1000);
    const frames = record.events()[0]!.exception!.values[0]!.stacktrace!.frames;
    const names = frames.map((frame) => frame.function);
    expect(names.at(-1)).toContain('innerMostThrower');
    expect(names.indexOf(names.find((n) => n?.includes('callerOfThrower'))!)).toBe(names.length - 2);
    expect(frames.at(-1)!.filename).toContain('capture.test.ts');
    expect(frames.at(-1)!.in_app).toBe(true);
    expect(frames.at(-1)!.lineno).toBeGreaterThan(0);
  });

  it('sends linked causes in order: deepest cause first, the thrown error last', async () => {
    const { record } = initForTest();
    const root = new RangeError('disk full');
    const middle = new Error('write failed', { cause: root });
    const top = new Error('save failed', { cause: middle });
    captureException(top);
    await flush(1000);
    const values = record.events()[0]!.exception!.values;
    expect(values.map((v) => v.value)).toEqual(['disk full', 'write failed', 'save failed']);
    expect(values[2]!.mechanism).toMatchObject({ exception_id: 0, handled: true });
    expect(values[1]!.mechanism).toMatchObject({ type: 'chained', source: 'cause', exception_id: 1, parent_id: 0 });
    expect(values[0]!.mechanism).toMatchObject({ type: 'chained', source: 'cause', exception_id: 2, parent_id: 1 });
  });

  it('applies per-capture tags, extra and level without touching the scope', async () => {
    const { record } = initForTest();
    captureException(new Error('a'), { tags: { area: 'checkout' }, extra: { cart: 3 }, level: 'fatal' });
    captureException(new Error('b'));
    await flush(1000);
    const [first, second] = record.events();
    expect(first).toMatchObject({ level: 'fatal', tags: { area: 'checkout' }, extra: { cart: 3 } });
    expect(second!.tags).toBeUndefined();
    expect(second!.level).toBe('error');
  });

  it('gives a thrown string a stack that starts at the caller, not inside the SDK', async () => {
    const { record } = initForTest();
    captureException('plain string');
    await flush(1000);
    const exception = record.events()[0]!.exception!.values[0]!;
    expect(exception).toMatchObject({ type: 'Error', value: 'plain string', mechanism: { synthetic: true } });
    const frames = exception.stacktrace!.frames;
    expect(frames.at(-1)!.filename).toContain('capture.test.ts');
    expect(frames.some((f) => f.function?.includes('captureException'))).toBe(false);
  });

  it('returns an empty id and sends nothing before init', () => {
    expect(captureException(new Error('early'))).toBe('');
    expect(captureMessage('early')).toBe('');
  });

  it('records the last event id on the isolation scope', () => {
    initForTest();
    const id = captureException(new Error('x'));
    expect(lastEventId()).toBe(id);
  });
});

describe('captureMessage', () => {
  beforeEach(() => resetCarrier());

  it('sends a message at info by default, or at the given level', async () => {
    const { record } = initForTest();
    captureMessage('hello');
    captureMessage('careful', 'warning');
    await flush(1000);
    expect(record.events().map((e) => [e.message, e.level])).toEqual([
      ['hello', 'info'],
      ['careful', 'warning'],
    ]);
    expect(record.events()[0]!.exception).toBeUndefined();
  });

  it('attaches the caller stack with attachStacktrace', async () => {
    const { record } = initForTest({ attachStacktrace: true });
    captureMessage('with stack');
    await flush(1000);
    const frames = record.events()[0]!.exception!.values[0]!.stacktrace!.frames;
    expect(frames.at(-1)!.filename).toContain('capture.test.ts');
  });

  it('truncates long messages to maxValueLength', async () => {
    const { record } = initForTest({ maxValueLength: 10 });
    captureMessage('x'.repeat(100));
    await flush(1000);
    expect(record.events()[0]!.message).toBe(`${'x'.repeat(10)}…`);
  });
});

describe('captureEvent', () => {
  beforeEach(() => resetCarrier());

  it('sends a hand-built event with ids and scope data filled in', async () => {
    const { record } = initForTest();
    const id = withScope((scope) => {
      scope.setTag('inside', 'yes');
      return captureEvent({ message: 'manual', level: 'warning', extra: { a: 1 } });
    });
    await flush(1000);
    expect(record.events()[0]).toMatchObject({
      event_id: id,
      message: 'manual',
      level: 'warning',
      tags: { inside: 'yes' },
    });
  });
});
