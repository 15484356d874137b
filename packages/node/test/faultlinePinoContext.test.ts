import { Writable } from 'node:stream';
import { continueTrace, faultlinePinoContext, init, withIsolationScope } from '@faultline/node';
import { resetCarrier } from '@faultline/test-utils';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';

const traceparent = (n: number) => `00-4bf92f3577b34da6a3ce929d0e0e473${n}-00f067aa0ba902b7-01`;
const inRequest = <T>(n: number, fn: () => T): T =>
  withIsolationScope(() => continueTrace({ traceparent: traceparent(n), 'x-request-id': `req-${n}` }, fn));

function collectingStream() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

describe('faultlinePinoContext', () => {
  beforeEach(() => {
    resetCarrier();
    init({ dsn: 'http://key@127.0.0.1:9/1', queueDir: false });
  });

  it('puts the ids in front of a line only when the request changes', async () => {
    const { stream, lines } = collectingStream();
    const logger = pino(faultlinePinoContext(stream));
    const child = logger.child({ component: 'checkout' });
    inRequest(1, () => logger.info('a1'));
    inRequest(1, () => child.info({ step: 2 }, 'a2'));
    inRequest(2, () => logger.info('b1'));
    inRequest(1, () => logger.info('a3'));
    inRequest(1, () => logger.info('a4'));
    await new Promise((resolve) => setImmediate(resolve));
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.map((l) => [l.msg, l.faultline])).toEqual([
      ['a1', { trace_id: '4bf92f3577b34da6a3ce929d0e0e4731', request_id: 'req-1' }],
      ['a2', undefined],
      ['b1', { trace_id: '4bf92f3577b34da6a3ce929d0e0e4732', request_id: 'req-2' }],
      ['a3', { trace_id: '4bf92f3577b34da6a3ce929d0e0e4731', request_id: 'req-1' }],
      ['a4', undefined],
    ]);
    // The line itself is untouched after the stamp.
    expect(parsed[1]).toMatchObject({ msg: 'a2', step: 2, component: 'checkout', level: 30 });
  });

  it('shares its state among every logger on the stream, and wrapping twice changes nothing', async () => {
    const { stream, lines } = collectingStream();
    const first = pino(faultlinePinoContext(stream));
    const second = pino(faultlinePinoContext(faultlinePinoContext(stream)));
    inRequest(1, () => first.info('one'));
    inRequest(2, () => second.info('two'));
    inRequest(1, () => second.info('three'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(
      lines.map((line) => (JSON.parse(line) as { faultline?: { request_id: string } }).faultline?.request_id),
    ).toEqual(['req-1', 'req-2', 'req-1']);
  });

  it('passes anything but a JSON object through as it is, and stamps an empty object validly', () => {
    const written: string[] = [];
    const stream = faultlinePinoContext({ write: (line: string) => written.push(line) });
    inRequest(1, () => stream.write('plain text\n'));
    inRequest(1, () => stream.write('{}\n'));
    expect(written[0]).toBe('plain text\n');
    expect(JSON.parse(written[1]!)).toEqual({
      faultline: { trace_id: '4bf92f3577b34da6a3ce929d0e0e4731', request_id: 'req-1' },
    });
  });

  it('leaves the request id out outside a request, and escapes ids that need it', () => {
    const written: string[] = [];
    const stream = faultlinePinoContext({ write: (line: string) => written.push(line) });
    stream.write('{"msg":"boot"}\n');
    // Header request ids are validated upstream; ids set in code are not.
    withIsolationScope((scope) => {
      scope.setPropagationContext({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), requestId: 'say "hi"\\' });
      stream.write('{"msg":"x"}\n');
    });
    const [boot, quoted] = written.map((line) => JSON.parse(line) as { faultline: Record<string, string> });
    expect(Object.keys(boot!.faultline)).toEqual(['trace_id']);
    expect(quoted!.faultline.request_id).toBe('say "hi"\\');
  });

  it('stamps again a line above the level of the line that carried the stamp, for targets that filter by level', async () => {
    const { stream, lines } = collectingStream();
    const logger = pino(faultlinePinoContext(stream));
    inRequest(1, () => {
      logger.info('a info'); // stamped at 30: a target at warn never sees it
      logger.warn('a warn'); // so this one carries the ids again
      logger.info('a info 2');
      logger.warn('a warn 2'); // at or below 40: every target that sees it saw the stamp at 40
      logger.error('a error');
    });
    await new Promise((resolve) => setImmediate(resolve));
    const stampedLines = lines
      .map((line) => JSON.parse(line) as { msg: string; faultline?: unknown })
      .filter((line) => line.faultline !== undefined)
      .map((line) => line.msg);
    expect(stampedLines).toEqual(['a info', 'a warn', 'a error']);
  });

  it('with a level formatter that puts no number first, it asks pino for each line\u2019s level and still stamps right', async () => {
    const { stream, lines } = collectingStream();
    const logger = pino({ formatters: { level: (label) => ({ severity: label }) } }, faultlinePinoContext(stream));
    inRequest(1, () => {
      logger.info('first'); // level unknown (pino reports levels from the next line on): stamped, counted lowest
      logger.info('second'); // reported 30, above the lowest: stamped again
      logger.warn('third'); // 40, above 30: stamped again
      logger.info('fourth'); // 30, not above 40: not stamped
    });
    await new Promise((resolve) => setImmediate(resolve));
    const parsed = lines.map((line) => JSON.parse(line) as { msg: string; severity: string; faultline?: unknown });
    expect(parsed.map((line) => [line.msg, line.severity, line.faultline !== undefined])).toEqual([
      ['first', 'info', true],
      ['second', 'info', true],
      ['third', 'warn', true],
      ['fourth', 'info', false],
    ]);
  });
});
