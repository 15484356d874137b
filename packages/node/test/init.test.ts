import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnvelope, type Event } from '@faultline/core';
import { captureException, flush } from '@faultline/node';
import { startReceiver } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { initNodeForTest } from './support';

describe('init', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads FAULTLINE_* variables; explicit options win over them', async () => {
    process.env.FAULTLINE_RELEASE = 'from-env@1.0.0';
    process.env.FAULTLINE_ENVIRONMENT = 'staging';
    process.env.FAULTLINE_SERVICE = 'checkout';
    const record = initNodeForTest({ release: 'explicit@2.0.0' });
    captureException(new Error('x'));
    await flush(100);
    expect(record.events()[0]).toMatchObject({ release: 'explicit@2.0.0', environment: 'staging', platform: 'node' });
    expect(record.events()[0]!.contexts).toMatchObject({ runtime: { name: 'node', version: process.version } });
    expect(record.events()[0]!.sdk!.name).toBe('faultline.javascript.node');
  });
});

const startFromEnvironment = fileURLToPath(new URL('./fixtures/startFromEnvironment.mjs', import.meta.url));

/** Runs the fixture with only these FAULTLINE_* variables (none inherited from the test's environment). */
function runChild(env: Record<string, string>, kill?: (stdout: string) => boolean) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('FAULTLINE_')));
  const child = spawn(process.execPath, [startFromEnvironment], {
    env: { ...inherited, QUEUE_DIR: mkdtempSync(path.join(tmpdir(), 'faultline-q-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    if (kill?.(stdout)) child.kill('SIGKILL');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('init in a process of its own', () => {
  it('ignores an invalid FAULTLINE_* value with one warning naming the variable and raw value, and keeps reporting', async () => {
    const receiver = await startReceiver();
    try {
      const result = await runChild({
        FAULTLINE_DSN: `http://key@127.0.0.1:${receiver.port}/1`,
        FAULTLINE_SAMPLE_RATE: '50%',
        FAULTLINE_ENVIROMENT: 'staging',
        FAULTLINE_RELEASE: 'api@1.2.3',
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(
        [
          '[faultline] Invalid options (each one is ignored and Faultline runs with the rest):',
          '  - FAULTLINE_ENVIROMENT: unknown variable, ignored; did you mean `FAULTLINE_ENVIRONMENT`?',
          '  - sampleRate (FAULTLINE_SAMPLE_RATE): expected a number from 0 to 1, got "50%"; ignored, using the default',
          '',
        ].join('\n'),
      );
      const events = receiver
        .accepted()
        .flatMap((r) =>
          parseEnvelope(r.body)[1].flatMap(([{ type }, payload]) => (type === 'event' ? [payload as Event] : [])),
        );
      expect(events).toMatchObject([{ release: 'api@1.2.3', exception: { values: [{ value: 'from the child' }] } }]);
    } finally {
      await receiver.close();
    }
  });

  it('reads a config file named by FAULTLINE_CONFIG, under the variables', async () => {
    const receiver = await startReceiver();
    const dir = mkdtempSync(path.join(tmpdir(), 'faultline-cfg-'));
    writeFileSync(
      path.join(dir, 'faultline.json'),
      JSON.stringify({ dsn: `http://key@127.0.0.1:${receiver.port}/1`, release: 'file@1', environment: 'file-env' }),
    );
    try {
      const result = await runChild({
        FAULTLINE_CONFIG: path.join(dir, 'faultline.json'),
        FAULTLINE_ENVIRONMENT: 'env-env',
      });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const events = receiver
        .accepted()
        .flatMap((r) =>
          parseEnvelope(r.body)[1].flatMap(([{ type }, payload]) => (type === 'event' ? [payload as Event] : [])),
        );
      expect(events).toMatchObject([{ release: 'file@1', environment: 'env-env' }]);
    } finally {
      await receiver.close();
    }
  });

  it('prints nothing to stderr when it starts, sends, and adopts what a killed process left queued', async () => {
    const receiver = await startReceiver();
    const queueDir = mkdtempSync(path.join(tmpdir(), 'faultline-q-'));
    try {
      const dsn = `http://key@127.0.0.1:${receiver.port}/1`;
      // The first process is killed with its error still queued (the receiver answers 503 meanwhile).
      receiver.setBehavior(() => ({ status: 503 }));
      const killed = await runChild({ FAULTLINE_DSN: dsn, QUEUE_DIR: queueDir, IDLE: '1' }, (out) =>
        out.includes('captured'),
      );
      expect(killed.stderr).toBe('');
      receiver.setBehavior(() => ({ status: 200 }));
      const next = await runChild({ FAULTLINE_DSN: dsn, QUEUE_DIR: queueDir });
      // Node prints deprecation and experimental warnings to stderr: an SDK must not cause any (DEP0147).
      expect(next).toMatchObject({ code: 0, stderr: '' });
      // Both errors arrived: the killed process's journal was adopted, so that path ran too.
      const values = receiver
        .accepted()
        .flatMap((r) => parseEnvelope(r.body)[1].map(([, payload]) => (payload as Event).exception?.values[0]?.value));
      expect(values).toEqual(['from the child', 'from the child']);
    } finally {
      await receiver.close();
    }
  });
});
