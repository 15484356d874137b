// Issue #23, "The host behaves as it would without the SDK" and the Node lifecycle rows of the promise
// matrix: a job whose main() rejects does what it does without Faultline (exit code, output, for every
// --unhandled-rejections mode, from the command line or NODE_OPTIONS), and its event reaches a receiver in
// another process before the exit, or the journal and then the next run when the receiver is down. The
// same for SIGTERM with the receiver down. Default `init({ dsn })` in every process.
import type { Event } from '@faultline/core';
import { startReceiverProcess, type ReceiverProcess } from '@faultline/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryOf, privateHome, removeHome, startApp, type AppExit } from './startApp';

interface JobCase {
  mode?: string;
  /** Where the mode is given: on the command line (default) or in NODE_OPTIONS. */
  via?: 'argv' | 'NODE_OPTIONS';
  listener?: 'none' | 'rejection' | 'exception';
  reason?: 'error' | 'string' | 'uncaught';
  call?: 'plain' | 'await';
}

interface JobRun {
  exit: AppExit;
  stdout: string;
  stderr: string;
}

let receiver: ReceiverProcess;
beforeAll(async () => {
  receiver = await startReceiverProcess();
  await receiver.set({ keepPayloads: true });
});
afterAll(() => receiver?.close());

/** At most two cases (four processes) at once: more, on 2 shared cores, would test the machine's load. */
const slots = { free: 2, waiting: [] as (() => void)[] };
async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots.free > 0) slots.free--;
  else await new Promise<void>((resolve) => slots.waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

/** Runs fixtures/job.mjs in its own process (private HOME), with or without the SDK. */
async function runJob(job: JobCase, label: string, withSdk: boolean, dsn = receiver.dsn): Promise<JobRun> {
  const home = privateHome();
  const flag = job.mode ? [`--unhandled-rejections=${job.mode}`] : [];
  const app = startApp({
    dsn,
    home,
    fixture: 'job.mjs',
    nodeArgs: job.via === 'NODE_OPTIONS' ? [] : flag,
    env: {
      WITH_SDK: withSdk ? '1' : '0',
      LABEL: label,
      REASON: job.reason ?? 'error',
      LISTENER: job.listener ?? 'none',
      CALL: job.call ?? 'plain',
      ...(job.via === 'NODE_OPTIONS' ? { NODE_OPTIONS: flag.join(' ') } : {}),
    },
  });
  try {
    const exit = await app.exit(30_000);
    if (!exit) throw new Error(`job did not end within 30 s: ${app.stderr()}`);
    return { exit, stdout: app.stdout(), stderr: app.stderr() };
  } finally {
    removeHome(home);
  }
}

/**
 * What a person sees on stderr, without what cannot match: the source line Node shows above a fatal error
 * (it reads the file where the error was thrown), stack frames (the SDK's wrapper of a non-error reason is
 * made elsewhere), pids and Node's rejection counter.
 */
function visible(stderr: string): string {
  return stderr
    .replace(/^[^\n]*:\d+\n[^\n]*\n *\^+[^\n]*\n\n/, '')
    .split('\n')
    .filter((line) => !/^\s+at /.test(line) && !/^\s+\.\.\. \d+ lines matching/.test(line))
    .join('\n')
    .replace(/\(node:\d+\)/g, '(node:PID)')
    .replace(/\(rejection id: \d+\)/g, '(rejection id: N)');
}

const MODES = [undefined, 'throw', 'strict', 'warn', 'warn-with-error-code', 'none'];
const CASES: JobCase[] = [
  ...MODES.flatMap((mode) => (['none', 'rejection', 'exception'] as const).map((listener) => ({ mode, listener }))),
  { reason: 'string' },
  { reason: 'uncaught' },
  { reason: 'uncaught', listener: 'exception' },
  { call: 'await' },
  { mode: 'none', via: 'NODE_OPTIONS' },
  { mode: 'warn-with-error-code', via: 'NODE_OPTIONS' },
  { mode: 'strict', via: 'NODE_OPTIONS', reason: 'string' },
];
/**
 * The one thing that differs: under --unhandled-rejections=strict Node raises the rejection as an uncaught
 * exception and, when nothing listens for those, exits before the app's own `unhandledRejection` listener
 * would run. With the SDK listening, Node goes on to call that listener while the SDK delivers the event;
 * the process still exits with code 1 right after.
 */
function knownDifference(job: JobCase, label: string): string {
  return job.mode === 'strict' && job.listener === 'rejection' ? `app rejection listener: Error: ${label}\n` : '';
}

const nameOf = (job: JobCase) =>
  [
    job.mode ? `--unhandled-rejections=${job.mode}${job.via === 'NODE_OPTIONS' ? ' in NODE_OPTIONS' : ''}` : 'no flag',
    `app listener: ${job.listener ?? 'none'}`,
    job.reason === 'string' ? 'a string reason' : '',
    job.reason === 'uncaught' ? 'an uncaught exception instead' : '',
    job.call === 'await' ? 'top-level await main()' : '',
  ]
    .filter(Boolean)
    .join(', ');

describe('a job whose main() rejects (or that throws) behaves as without Faultline', () => {
  it.concurrent.each(CASES.map((job, index) => [nameOf(job), job, index] as const))(
    '%s: same exit code and output; the event delivered once before the exit',
    async (_name, job, index) => {
      const label = `job-${index}`;
      const [plain, withSdk] = await inSlot(() => Promise.all([runJob(job, label, false), runJob(job, label, true)]));
      expect({ code: withSdk.exit.code, signal: withSdk.exit.signal }).toEqual({
        code: plain.exit.code,
        signal: plain.exit.signal,
      });
      expect(withSdk.stdout).toBe(plain.stdout + knownDifference(job, label));
      expect(visible(withSdk.stderr)).toBe(visible(plain.stderr));

      // A string reason raised by Node itself (strict) arrives as Node's UnhandledPromiseRejection, named in it.
      const events = (await receiver.events()).filter(
        (e) => e.label === label || e.label.endsWith(`the reason "${label}".`),
      );
      expect(events.map((e) => e.deliveries)).toEqual([1]);
      expect(events[0]!.deliveredAt[0]).toBeLessThanOrEqual(withSdk.exit.at);
      const payload = events[0]!.payload as unknown as Event;
      expect(payload.exception!.values.at(-1)!.mechanism).toMatchObject({
        type: job.reason === 'uncaught' ? 'onuncaughtexception' : 'onunhandledrejection',
        handled: false,
      });
    },
    120_000, // waiting for a slot included
  );
});

/**
 * With the receiver refusing connections, `crash` runs a process to its end (asserting how it ended); then
 * the receiver comes back and the next process on the same HOME must deliver the `count` events labelled
 * `label` from the journal, each exactly once, none reported lost.
 */
async function deliveredByTheNextRun(
  label: string,
  count: number,
  crash: (dsn: string, home: string) => Promise<void>,
) {
  const receiver = await startReceiverProcess();
  await receiver.refuse();
  const home = privateHome();
  try {
    await crash(receiver.dsn, home);
    await receiver.reopen();
    const next = startApp({ dsn: receiver.dsn, home, stdin: true });
    await receiver.waitFor((s) => s.unique >= count, 15_000, 'the events delivered').catch(() => undefined);
    next.send('flush 3000;exit 0');
    await next.next('flushed');
    expect(await next.exit(5_000)).toMatchObject({ code: 0 });
    const delivery = await deliveryOf(receiver, label, count);
    expect(delivery).toEqual({ delivered: count, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
  } finally {
    await receiver.close();
    removeHome(home);
  }
}

describe('a job whose main() rejects while the receiver is down', () => {
  it(
    'exits 1 while the receiver is still down; the next run delivers the event from the journal, once',
    () =>
      deliveredByTheNextRun('rejected-while-down', 1, async (dsn, home) => {
        const job = startApp({
          dsn,
          home,
          fixture: 'job.mjs',
          // Its other work would print after 6 s: the crash ends the job before, after a flush of 2 s at most.
          env: { WITH_SDK: '1', LABEL: 'rejected-while-down', WORK_MS: '6000' },
        });
        expect(await job.exit(15_000)).toMatchObject({ code: 1, signal: null });
        expect(job.stdout()).not.toContain('still running');
        expect(job.stderr()).toContain('Error: rejected-while-down');
      }),
    45_000,
  );
});

describe('SIGTERM while the receiver is down', () => {
  it(
    'ends by the signal while the receiver is still down; the next run delivers what was captured, once',
    () =>
      deliveredByTheNextRun('sigterm-down', 3, async (dsn, home) => {
        const app = startApp({ dsn, home, script: 'capture 3 sigterm-down;sigterm' });
        const signalled = await app.next('sigterm');
        const exit = await app.exit(15_000);
        expect(exit).toMatchObject({ signal: 'SIGTERM' });
        console.info('[sigterm, receiver down]', JSON.stringify({ exitAfterSignalMs: exit!.at - signalled.at }));
      }),
    45_000,
  );
});
