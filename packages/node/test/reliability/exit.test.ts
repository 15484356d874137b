// Issue #23 item 5: `captureException(err); process.exit(1)` — what was captured in the tick the process
// exits is processed and journaled synchronously in the `exit` hook, and the next process (same HOME,
// default init) delivers it exactly once to a receiver in another process.
import { startReceiverProcess, type ReceiverProcess } from '@faultline/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryOf, privateHome, removeHome, startApp } from './startApp';

let receiver: ReceiverProcess;
beforeAll(async () => {
  receiver = await startReceiverProcess();
});
afterAll(async () => {
  await receiver.close();
});

/** Runs `script` in a first process, then a second one to deliver what it left and a third to find nothing. */
async function exitThenNext(script: string, expectedCode: number) {
  const home = privateHome();
  try {
    const first = startApp({ dsn: receiver.dsn, home, script });
    const exit = await first.exit(20_000);
    expect(exit, first.stderr()).toMatchObject({ code: expectedCode, signal: null });
    const before = await receiver.stats();
    const second = startApp({ dsn: receiver.dsn, home, script: 'wait 1500;flush 5000;exit 0' });
    expect(await second.exit(20_000)).toMatchObject({ code: 0 });
    const third = startApp({ dsn: receiver.dsn, home, script: 'wait 1500;flush 2000;exit 0' });
    expect(await third.exit(20_000)).toMatchObject({ code: 0 });
    return { first, before, after: await receiver.stats() };
  } finally {
    removeHome(home);
  }
}

describe('process.exit() right after a capture: journaled in the exit hook, delivered once by the next process', () => {
  it.each([
    ['captureException, then process.exit(1)', 'capture 1 exit-exception;exit 1', 'exit-exception', 1],
    ['captureException, then process.exit(0)', 'capture 1 exit-exception-zero;exit 0', 'exit-exception-zero', 0],
    ['captureMessage, then process.exit(0)', 'message exit-message;exit 0', 'exit-message', 0],
    [
      'an uncaught error, and the app’s own handler calls process.exit(1)',
      'throw-exit exit-uncaught',
      'exit-uncaught',
      1,
    ],
    // The SDK's exit hook (added at init) runs before these listeners of the app's: what they capture comes later.
    [
      'captureException in an exit listener of the app’s',
      'on-exit-capture on-exit-capture;exit 0',
      'on-exit-capture',
      0,
    ],
    ['an error thrown by an exit listener of the app’s', 'on-exit-throw on-exit-throw;exit 0', 'on-exit-throw', 1],
    [
      'captureException in an exit listener, the process ending by itself',
      'on-exit-capture on-exit-end;end',
      'on-exit-end',
      0,
    ],
  ])(
    '%s',
    async (_, script, label, code) => {
      const { first } = await exitThenNext(script, code);
      const delivery = await deliveryOf(receiver, label, 1);
      console.info(`[exit] ${label}`, JSON.stringify(delivery));
      expect(delivery, first.stderr()).toEqual({
        delivered: 1,
        duplicates: 0,
        missing: 0,
        reportedLoss: 0,
        relabelled: 0,
      });
    },
    90_000,
  );

  it('a log line, then process.exit(0)', async () => {
    const { before, after } = await exitThenNext('log exit-log-line;exit 0', 0);
    console.info('[exit] log', JSON.stringify({ logItems: (after.items.log ?? 0) - (before.items.log ?? 0) }));
    expect((after.items.log ?? 0) - (before.items.log ?? 0)).toBe(1);
  }, 90_000);
});
