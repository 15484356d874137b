import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startReceiver } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../build/esm/cli.js', import.meta.url));
const run = async (...args: string[]) => {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, ...args]);
    return { stdout, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; code: number };
    return { stdout: failed.stdout, code: failed.code };
  }
};

describe('faultline test', () => {
  it.each([
    [{ status: 200 }, 0, /✔ Sentry accepted the test event and log \(HTTP 200\)/],
    [{ status: 401 }, 2, /✘ Sentry refused the credentials \(HTTP 401\)/],
    [
      { status: 429, headers: { 'Retry-After': '60', 'X-Sentry-Rate-Limits': '60:error:key' } },
      3,
      /✘ Sentry is rate limiting \(HTTP 429, retry after 60 s, limits 60:error:key\)/,
    ],
  ] as const)('reports %j clearly, with its own exit code', async (answer, code, message) => {
    const receiver = await startReceiver(() => answer);
    try {
      const result = await run('test', '--dsn', `http://key@127.0.0.1:${receiver.port}/1`);
      expect(result.stdout).toMatch(message);
      expect(result.code).toBe(code);
      expect(receiver.requests[0]!.url).toMatch(/^\/api\/1\/envelope\/\?sentry_version=7&sentry_key=key/);
    } finally {
      await receiver.close();
    }
  });

  it('says when the destination cannot be reached', async () => {
    const probe = await startReceiver();
    await probe.close();
    const result = await run(
      'test',
      '--dsn',
      `http://key@127.0.0.1:${probe.port}/1`,
      '--loki',
      `http://127.0.0.1:${probe.port}/loki/api/v1/push`,
    );
    expect(result.stdout).toMatch(/✘ Sentry could not be reached at 127\.0\.0\.1:\d+: ECONNREFUSED/);
    expect(result.stdout).toMatch(/✘ Loki could not be reached/);
    expect(result.code).toBe(4);
  });
});

describe('faultline validate', () => {
  it('accepts a valid config and lists every problem of an invalid one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'faultline-cfg-'));
    writeFileSync(path.join(dir, 'good.json'), JSON.stringify({ dsn: 'https://k@o1.example.com/1', sampleRate: 0.5 }));
    writeFileSync(
      path.join(dir, 'bad.json'),
      JSON.stringify({ dsn: 'nope', sampleRate: 3, unhandledRejection: 'loud' }),
    );
    expect(await run('validate', path.join(dir, 'good.json'))).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('is a valid Faultline configuration'),
    });
    const bad = await run('validate', path.join(dir, 'bad.json'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('has 3 problems');
    expect(bad.stdout).toContain('dsn: "nope" is not a valid DSN');
    expect(bad.stdout).toContain("unhandledRejection: expected 'warn', 'strict' or 'none'");
  });
});
