import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startReceiver } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../build/esm/cli.js', import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args]);
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
};

describe('faultline (conventions of a command line)', () => {
  it.each([['--help'], ['-h'], ['help']])(
    'prints what each command does for %s, on stdout, and exits 0',
    async (flag) => {
      const result = await run(flag);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^ {2}dev {7}Receive events and logs/m);
      expect(result.stdout).toMatch(/^ {2}test {6}Send a test event/m);
      expect(result.stdout).toMatch(/^ {2}validate {2}Check a JSON config/m);
    },
  );

  it.each([
    [['dev', '--help'], /--port N/],
    [['dev', '-h'], /--source-maps DIR/],
    [['test', '--help'], /--timeout S/],
    [['validate', '--help'], /faultline validate <config\.json>/],
    [['help', 'test'], /--dsn DSN/],
  ])('prints a command’s own help for %j and exits 0 without running it', async (args, text) => {
    const result = await run(...args);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(text);
    expect(result.stdout).not.toContain('Faultline dev receiver on');
  });

  it('prints its version for --version', async () => {
    expect(await run('--version')).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it.each([
    [[], /Usage:/],
    [['deploy'], /faultline: no command "deploy"/],
    [['--verbose'], /faultline: unknown option "--verbose"/],
    [['dev', '--prot', '1'], /faultline dev: Unknown option '--prot'/],
    [['dev', 'extra'], /faultline dev: unexpected argument "extra"/],
    [['validate'], /faultline validate: give the one config file to check/],
    [['test'], /faultline test: give --dsn and\/or --loki/],
    [['test', '--dsn', 'http://k@127.0.0.1:1/1', '--timeout', 'soon'], /--timeout must be a number of seconds/],
    [['help', 'deploy'], /no command "deploy"/],
  ])('sends a usage error for %j to stderr and exits 64', async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(64);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});

describe('faultline test', () => {
  it.each([
    [
      { status: 200 },
      0,
      /^✔ The DSN's server \(127\.0\.0\.1:\d+\) accepted the test event and log \(HTTP 200\)$/m,
      'stdout',
    ],
    [{ status: 401 }, 2, /^✘ The DSN's server \(127\.0\.0\.1:\d+\) refused the credentials \(HTTP 401\)/m, 'stderr'],
    [
      { status: 429, headers: { 'Retry-After': '60', 'X-Sentry-Rate-Limits': '60:error:key' } },
      3,
      /✘ The DSN's server \(127\.0\.0\.1:\d+\) is rate limiting \(HTTP 429, retry after 60 s, limits 60:error:key\)/,
      'stderr',
    ],
  ] as const)('reports %j clearly, with its own exit code', async (answer, code, message, stream) => {
    const receiver = await startReceiver(() => answer);
    try {
      const result = await run('test', '--dsn', `http://key@127.0.0.1:${receiver.port}/1`);
      expect(result[stream]).toMatch(message);
      expect(`${result.stdout}${result.stderr}`).not.toContain('Sentry');
      expect(result[stream === 'stdout' ? 'stderr' : 'stdout']).toBe('');
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
    expect(result.stderr).toMatch(
      /✘ The DSN's server \(127\.0\.0\.1:\d+\) could not be reached: nothing is listening there \(ECONNREFUSED\)/,
    );
    expect(result.stderr).toMatch(/✘ Loki \(127\.0\.0\.1:\d+\) could not be reached/);
    expect(result.code).toBe(4);
  });

  it('turns a server that takes the request and never answers into a sentence', async () => {
    const silent = await startReceiver(() => 'hang');
    try {
      const result = await run('test', '--dsn', `http://key@127.0.0.1:${silent.port}/1`, '--timeout', '0.5');
      expect(result.stderr).toMatch(
        /^✘ The DSN's server \(127\.0\.0\.1:\d+\) took the request but did not answer within 0\.5 s$/m,
      );
      expect(result.stderr).not.toMatch(/UND_ERR|Error:/);
      expect(result.code).toBe(4);
    } finally {
      await silent.close();
    }
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
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('has 3 problems');
    expect(bad.stderr).toContain('dsn: "nope" is not a valid DSN');
    expect(bad.stderr).toContain("unhandledRejection: expected 'node', 'warn', 'strict' or 'none'");
  });
});
