import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnvelope, type Event } from '@faultline/core';
import { captureException, flush } from '@faultline/node';
import { startReceiver, startReceiverProcess } from '@faultline/test-utils';
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

  it('with NODE_ENV=production still warns about an unknown option and suggests the right one (NODE_ENV is not a build in Node)', async () => {
    const receiver = await startReceiver();
    const dir = mkdtempSync(path.join(tmpdir(), 'faultline-cfg-'));
    const config = path.join(dir, 'faultline.json');
    writeFileSync(config, JSON.stringify({ relase: 'file@1', scrub: { feilds: ['card'] }, tracesSampleRate: 1 }));
    try {
      const result = await runChild({
        NODE_ENV: 'production',
        FAULTLINE_CONFIG: config,
        FAULTLINE_DSN: `http://key@127.0.0.1:${receiver.port}/1`,
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(
        [
          // The heading's explanation is development-only; each line, and its suggestion, is kept.
          '[faultline] Invalid options:',
          `  - relase (config file ${config}): unknown option, ignored; did you mean \`release\`?`,
          `  - scrub (config file ${config}): feilds: unknown field, left out; did you mean \`fields\`?`,
          '',
        ].join('\n'),
      );
      expect(receiver.accepted()).toHaveLength(1);
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

  it('says once, without debug, that nothing will be sent when no DSN is found, and where it looked', async () => {
    const result = await runChild({});
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe(
      '[faultline] No DSN found, so nothing will be sent (looked at: the `dsn` init option, FAULTLINE_DSN, SENTRY_DSN, ' +
        'a config file (none named by `configFile` or FAULTLINE_CONFIG)).\n',
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'faultline-cfg-'));
    writeFileSync(path.join(dir, 'faultline.json'), JSON.stringify({ release: 'file@1' }));
    const named = await runChild({ FAULTLINE_CONFIG: path.join(dir, 'faultline.json') });
    expect(named.stderr).toContain(`SENTRY_DSN, config file ${path.join(dir, 'faultline.json')}).`);
  });

  it('says once per destination and status, without debug, why Sentry (403) and Loki (400) rejected what it sent', async () => {
    const sentry = await startReceiverProcess();
    const loki = await startReceiverProcess();
    const tooOld =
      'entry for stream \'{service_name="unknown_service", source="node"}\' has timestamp too old: ' +
      '2020-01-01T00:00:00Z, oldest acceptable timestamp is: 2026-01-01T00:00:00Z\n';
    const forbidden = '{"detail":"event submission rejected with_reason: ProjectId"}';
    await sentry.set({ script: [{ status: 403, body: forbidden }] });
    await loki.set({ script: [{ status: 400, body: tooOld }] });
    const env = { FAULTLINE_DSN: sentry.dsn, FAULTLINE_LOKI_URL: `${loki.url}/loki/api/v1/push` };
    try {
      const result = await runChild(env);
      expect(result.code).toBe(0); // given up for good: the flush has nothing left to wait for
      expect(result.stderr.split('\n').filter(Boolean).sort()).toEqual([
        `[faultline] loki rejected an envelope: HTTP 400 ${JSON.stringify(tooOld.trim())}; dropped, not retried (send_error). Said once per status; debug: true names the event ids of each rejected envelope`,
        `[faultline] sentry rejected an envelope: HTTP 403 ${JSON.stringify(forbidden)}; dropped, not retried (send_error). Said once per status; debug: true names the event ids of each rejected envelope`,
      ]);
      expect((await loki.stats()).requests).toBe(1);

      const debug = await runChild({ ...env, FAULTLINE_DEBUG: 'true' });
      const ids = (await sentry.events()).map((event) => event.id);
      expect(ids).toHaveLength(2);
      const rejections = debug.stderr.split('\n').filter((line) => line.includes('rejected an envelope'));
      expect(
        rejections.some((line) => line.startsWith('[faultline] sentry') && line.endsWith(`event ids: ${ids[1]}`)),
      ).toBe(true);
      expect(
        rejections.some((line) => line.startsWith('[faultline] loki') && line.endsWith(`event ids: ${ids[1]}`)),
      ).toBe(true);
    } finally {
      await Promise.all([sentry.close(), loki.close()]);
    }
  });
});

describe('init with the loki option', () => {
  it('writes the stream labels the core README’s Loki samples show (source "node")', async () => {
    const { readFileSync } = await import('node:fs');
    const { resetCarrier, assertValidLokiPush } = await import('@faultline/test-utils');
    const { init, logger } = await import('@faultline/node');
    const readme = readFileSync(new URL('../../core/README.md', import.meta.url), 'utf8');
    const shown = [...readme.slice(readme.indexOf('### What Loki receives')).matchAll(/```json\n([\s\S]*?)```/g)].map(
      (match) => (JSON.parse(match[1]!) as { streams: { stream: Record<string, string> }[] }).streams[0]!.stream,
    );
    expect(shown).toHaveLength(3); // an exception, a log record, session counts (the same labels as a log's)
    const loki = await startReceiver();
    try {
      resetCarrier();
      init({
        loki: { url: `${loki.url}/loki/api/v1/push`, service: 'checkout' },
        queueDir: false,
        integrations: (d) => d.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown'),
      });
      captureException(new Error('Payment for cart c-77 failed'));
      logger.info('Order placed', { order_id: 'o-981' });
      await flush(2000);
      const sent = loki.accepted().flatMap((request) => assertValidLokiPush(request.body).map((s) => s.stream));
      expect(sent).toEqual(expect.arrayContaining(shown));
    } finally {
      await loki.close();
    }
  });
});
