import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveNodeOptions } from '../../src/config/resolveNodeOptions';

describe('resolveNodeOptions', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-resolve-'));
  const file = path.join(dir, 'faultline.json');
  writeFileSync(
    file,
    JSON.stringify({
      release: 'file@1',
      environment: 'file-env',
      service: 'file-service',
      sampleRate: 0.5,
      loki: { url: 'https://logs.example.com/loki/api/v1/push', labels: { team: 'pay' } },
    }),
  );

  it('takes init options over FAULTLINE_* variables over the config file', () => {
    const { options, report } = resolveNodeOptions(
      { release: 'init@1', configFile: file },
      {
        FAULTLINE_RELEASE: 'env@1',
        FAULTLINE_ENVIRONMENT: 'env-env',
        FAULTLINE_LOKI_TOKEN: 't',
        FAULTLINE_LOKI_URL: 'https://other.example.com/loki/api/v1/push',
      },
    );
    expect(report).toEqual({ problems: [], unsupported: [], fatal: false });
    expect(options).toMatchObject({
      release: 'init@1',
      environment: 'env-env',
      service: 'file-service',
      sampleRate: 0.5,
      // The variables' fields win, the file's other fields stay.
      loki: { url: 'https://other.example.com/loki/api/v1/push', bearerToken: 't', labels: { team: 'pay' } },
    });
  });

  it('reads SENTRY_DSN, SENTRY_RELEASE and SENTRY_ENVIRONMENT where the FAULTLINE_* one is absent, below init', () => {
    const { options, report, fromSentry } = resolveNodeOptions(
      { release: 'init@1', configFile: file },
      {
        SENTRY_DSN: 'https://public@o1.ingest.example.com/9',
        SENTRY_RELEASE: 'sentry@1',
        SENTRY_ENVIRONMENT: 'sentry-env',
        FAULTLINE_ENVIRONMENT: 'faultline-env',
      },
    );
    expect(report.problems).toEqual([]);
    // init > FAULTLINE_* > SENTRY_* > file
    expect(options).toMatchObject({
      dsn: 'https://public@o1.ingest.example.com/9',
      release: 'init@1',
      environment: 'faultline-env',
    });
    expect(fromSentry).toEqual(['SENTRY_DSN']);
    expect(resolveNodeOptions({ configFile: file }, { SENTRY_RELEASE: 'sentry@2' }).options.release).toBe('sentry@2');
  });

  it('names SENTRY_DSN as the source of a DSN it cannot use', () => {
    const { report } = resolveNodeOptions({}, { SENTRY_DSN: 'not a dsn' });
    expect(report.fatal).toBe(true);
    expect(report.problems.join('\n')).toContain('SENTRY_DSN');
  });

  it('finds the file through FAULTLINE_CONFIG when init names none', () => {
    expect(resolveNodeOptions({}, { FAULTLINE_CONFIG: file }).options.release).toBe('file@1');
    // init's configFile wins over the variable.
    const { report } = resolveNodeOptions({ configFile: path.join(dir, 'nope.json') }, { FAULTLINE_CONFIG: file });
    expect(report.problems).toEqual([
      `configFile (init option): cannot read "${path.join(dir, 'nope.json')}": ENOENT; ignored`,
    ]);
  });

  it('checks every source by the same rules, and names where each problem came from', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ enviroment: 'x', unhandledRejection: 'loud', sampleRate: 0.1 }));
    const { options, report } = resolveNodeOptions(
      { sampleRate: 7, configFile: bad },
      { FAULTLINE_SAMPLE_RATE: '50%', FAULTLINE_DEBUG: 'verbose', FAULTLINE_SERVCE: 'x' },
    );
    expect(options.sampleRate).toBe(0.1);
    expect(options.debug).toBeUndefined();
    expect(report.problems).toEqual([
      'FAULTLINE_SERVCE: unknown variable, ignored; did you mean `FAULTLINE_SERVICE`?',
      'sampleRate (init option): expected a number from 0 to 1, got 7; ignored, using the value from config file ' +
        bad,
      'sampleRate (FAULTLINE_SAMPLE_RATE): expected a number from 0 to 1, got "50%"; ignored, using the value from config file ' +
        bad,
      'debug (FAULTLINE_DEBUG): expected true or false, got "verbose"; ignored, using the default',
      `enviroment (config file ${bad}): unknown option, ignored; did you mean \`environment\`?`,
      `unhandledRejection (config file ${bad}): expected 'node', 'warn', 'strict' or 'none', got "loud"; ignored, using the default`,
    ]);
    expect(report.fatal).toBe(false);
  });

  it('is fatal only for an unusable dsn that no other source replaces', () => {
    expect(resolveNodeOptions({}, { FAULTLINE_DSN: 'https://nokey.example.com/1' }).report.fatal).toBe(true);
    expect(resolveNodeOptions({ dsn: 'https://k@o1.example.com/1' }, { FAULTLINE_DSN: 'nope' }).report.fatal).toBe(
      false,
    );
  });
});
