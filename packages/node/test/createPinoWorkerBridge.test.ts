import { close, flush, getClient, type Event } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { expect, it, vi } from 'vitest';
import { createPinoWorkerBridge } from '../src/logging/createPinoWorkerBridge';

const stamp = (n: number) => ({ faultline: { trace_id: `${n}`.repeat(32), request_id: `req-${n}` } });
const failure = (message: string) => ({
  level: 50,
  msg: message,
  err: { type: 'Error', message, stack: `Error: ${message}` },
});

it('a stamp holds for the lines after it; a line with its own ids leaves it as it was', async () => {
  const { record } = initForTest();
  const bridge = createPinoWorkerBridge({});
  bridge.handle({ level: 30, msg: 'a1', ...stamp(1) });
  bridge.handle({ level: 30, msg: 'b1', ...stamp(2) });
  bridge.handle({ level: 30, msg: 'a2', ...stamp(1) });
  bridge.handle({ level: 30, msg: 'a3' });
  // A mixin line from elsewhere: its own ids, for itself only.
  bridge.handle({ level: 30, msg: 'c1', trace_id: '3'.repeat(32), request_id: 'req-3' });
  bridge.handle({ ...failure('a failed') });
  bridge.handle({ ...failure('b failed'), ...stamp(2) });
  await flush(1000);
  const events = record.events() as Event[];
  const summary = events.map((event) => ({
    request: event.tags?.request_id,
    trace: event.contexts?.trace?.trace_id,
    lines: event.breadcrumbs?.map((b) => b.message),
  }));
  expect(summary).toEqual([
    { request: 'req-1', trace: '1'.repeat(32), lines: ['a1', 'a2', 'a3'] },
    { request: 'req-2', trace: '2'.repeat(32), lines: ['b1'] },
  ]);
  const logs = record
    .items('log')
    .flatMap((item) => (item as { items: { body: string; attributes: Record<string, unknown> }[] }).items);
  expect(logs.every((log) => !('faultline' in log.attributes))).toBe(true);
});

it("starts the SDK from a pino target's options without warning about pino's own keys", async () => {
  resetCarrier();
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    // What pino hands a worker target: the user's options plus $context and pinoWillSendConfig.
    createPinoWorkerBridge({
      dsn: 'http://public@127.0.0.1:9/1', // without one, init warns (rightly) that nothing will be sent
      queueDir: false,
      errorLevel: 40,
      $context: { messageKey: 'msg' },
      pinoWillSendConfig: true,
    });
    expect(getClient()?.isEnabled()).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  } finally {
    warn.mockRestore();
    await close(100);
    resetCarrier();
  }
});
