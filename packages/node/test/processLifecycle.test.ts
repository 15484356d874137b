import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnvelope } from '@faultline/core';
import type { Event } from '@faultline/core';
import { startReceiver } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function run(script: string, env: Record<string, string>) {
  // Each run its own state folder, as separate machines would have (the journal lives there).
  const state = { XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'faultline-state-')) };
  const child = spawn(process.execPath, [fixture(script)], {
    env: { ...process.env, ...state, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, exited, output: () => ({ stdout, stderr }) };
}

const eventsOf = (bodies: string[]) =>
  bodies.flatMap((body) => parseEnvelope(body)[1].map(([, payload]) => payload as Event));

describe('a process that dies', () => {
  it('delivers an uncaught error at level fatal before exiting with code 1, as Node would', async () => {
    const receiver = await startReceiver();
    try {
      const { exited, output } = run('uncaught.mjs', {
        DSN: `http://key@127.0.0.1:${receiver.port}/1`,
        QUEUE_DIR: mkdtempSync(path.join(tmpdir(), 'faultline-q-')),
      });
      const { code, at } = await exited;
      expect(code).toBe(1);
      expect(output().stderr).toContain('uncaught in the child');
      expect(receiver.accepted()).toHaveLength(1);
      expect(receiver.accepted()[0]!.at).toBeLessThanOrEqual(at);
      const [event] = eventsOf(receiver.accepted().map((r) => r.body));
      expect(event).toMatchObject({
        level: 'fatal',
        exception: {
          values: [{ value: 'uncaught in the child', mechanism: { type: 'onuncaughtexception', handled: false } }],
        },
      });
      expect(event!.exception!.values[0]!.stacktrace!.frames.at(-1)!.function).toContain('crashTheProcess');
    } finally {
      await receiver.close();
    }
  });

  it('killed while the receiver is down, has its event sent by the next start from the file queue', async () => {
    const probe = await startReceiver();
    const port = probe.port;
    await probe.close(); // nothing listens here for now
    const env = { DSN: `http://key@127.0.0.1:${port}/1`, QUEUE_DIR: mkdtempSync(path.join(tmpdir(), 'faultline-q-')) };

    const first = run('captureThenWait.mjs', env);
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        if (first.output().stdout.includes('queued')) {
          clearInterval(check);
          resolve();
        }
      }, 20);
      void first.exited.then(() => reject(new Error(`exited early: ${first.output().stderr}`)));
    });
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const receiver = await startReceiver(undefined, port);
    try {
      const second = run('startAndFlush.mjs', env);
      expect((await second.exited).code).toBe(0);
      const events = eventsOf(receiver.accepted().map((r) => r.body));
      expect(events.map((e) => e.exception?.values[0]?.value)).toEqual(['captured before the crash']);
    } finally {
      await receiver.close();
    }
  });
});

describe('unhandled rejections', () => {
  it.each([
    ['node', 1, false],
    ['warn', 0, true],
    ['strict', 1, false],
    ['none', 0, false],
  ] as const)('in %s mode: captured; exit code %i; warning printed: %s', async (mode, exitCode, warns) => {
    const receiver = await startReceiver();
    try {
      const { exited, output } = run('rejection.mjs', { DSN: `http://key@127.0.0.1:${receiver.port}/1`, MODE: mode });
      expect((await exited).code).toBe(exitCode);
      expect(output().stdout.includes('still running')).toBe(exitCode === 0);
      expect(output().stderr.includes('[faultline] Unhandled promise rejection')).toBe(warns);
      await receiver.waitFor((requests) => requests.length > 0, 3000);
      expect(eventsOf(receiver.accepted().map((r) => r.body))[0]!.exception!.values[0]).toMatchObject({
        value: 'nobody caught me',
        mechanism: { type: 'onunhandledrejection', handled: false },
      });
    } finally {
      await receiver.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('flushes on SIGTERM, retrying a 503, then ends by the signal as Node would', async () => {
    let answers = 0;
    const receiver = await startReceiver(() => (answers++ === 0 ? { status: 503 } : { status: 200 }));
    try {
      const { exited } = run('sigterm.mjs', { DSN: `http://key@127.0.0.1:${receiver.port}/1` });
      const { signal, at } = await exited;
      expect(signal).toBe('SIGTERM');
      expect(receiver.requests.map((r) => r.answer)).toEqual([503, 200]);
      expect(receiver.accepted()[0]!.at).toBeLessThanOrEqual(at);
      expect(eventsOf(receiver.accepted().map((r) => r.body)).map((e) => e.exception?.values[0]?.value)).toEqual([
        'captured as the process was told to stop',
      ]);
    } finally {
      await receiver.close();
    }
  });
});

describe('onFatalError', () => {
  it('is called after the event was delivered (a 503 retried first), instead of printing and exiting', async () => {
    let answers = 0;
    const receiver = await startReceiver(() => (answers++ === 0 ? { status: 503 } : { status: 200 }));
    try {
      const { exited, output } = run('fatalHook.mjs', { DSN: `http://key@127.0.0.1:${receiver.port}/1` });
      expect((await exited).code).toBe(7);
      const hookAt = Number(/hook saw: fatal in the child at (\d+)/.exec(output().stdout)?.[1]);
      expect(receiver.accepted()).toHaveLength(1);
      expect(receiver.accepted()[0]!.at).toBeLessThanOrEqual(hookAt);
      expect(output().stderr).toBe('');
    } finally {
      await receiver.close();
    }
  });
});

describe('an app with its own uncaughtException listener', () => {
  it('keeps control of the process; the error is still captured', async () => {
    const receiver = await startReceiver();
    try {
      const { exited, output } = run('ownListener.mjs', { DSN: `http://key@127.0.0.1:${receiver.port}/1` });
      expect((await exited).code).toBe(0);
      expect(output().stdout).toContain('app handled: handled by the app');
      expect(output().stdout).toContain('still alive');
      expect(eventsOf(receiver.accepted().map((r) => r.body))[0]).toMatchObject({ level: 'fatal' });
    } finally {
      await receiver.close();
    }
  });
});
