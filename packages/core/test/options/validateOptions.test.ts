import {
  CORE_OPTION_CHECKS,
  checkOptionLayers,
  provideOptionHelp,
  validateOptions,
  type CoreOptions,
  type SentryOnlyOptions,
} from '@faultline/core';
import { describe, expect, it, vi } from 'vitest';

describe('validateOptions', () => {
  it('lists every problem of one object, without a source (as `faultline validate` prints them)', () => {
    const { problems, fatal } = validateOptions({ dsn: 'nope', sampleRate: 3, maxBreadcrumbs: 'many' });
    expect(problems).toEqual([
      'dsn: "nope" is not a valid DSN (expected https://<public_key>@<host>/<project_id>)',
      'sampleRate: expected a number from 0 to 1, got 3',
      'maxBreadcrumbs: expected a whole number from 0 to 1000, got "many"',
    ]);
    expect(fatal).toBe(true);
  });

  it('names unknown keys with the option they were most likely meant to be', () => {
    expect(validateOptions({ enviroment: 'prod', DSN: '', sampleRte: 1, zzz: 1 }).problems).toEqual([
      'enviroment: unknown option; did you mean `environment`?',
      'DSN: unknown option; did you mean `dsn`?',
      'sampleRte: unknown option; did you mean `sampleRate`?',
      'zzz: unknown option',
    ]);
  });

  it('accepts $schema (editors) and sets Sentry-only options apart, without calling them problems', () => {
    const result = validateOptions({ $schema: './faultline.schema.json', tracesSampleRate: 1 });
    expect(result.problems).toEqual([]);
    expect(result.unsupported).toEqual(['tracesSampleRate']);
    expect(result.options).toEqual({});
  });

  it('in a production build, names bad values as before but sets unknown keys apart without suggestions', () => {
    // Bundlers replace process.env.NODE_ENV; here it is read at run time.
    vi.stubEnv('NODE_ENV', 'production');
    try {
      const result = validateOptions({ enviroment: 'prod', tracesSampleRate: 1, sampleRate: 3, scrub: { feilds: [] } });
      expect(result.problems).toEqual([
        'sampleRate: expected a number from 0 to 1, got 3',
        'scrub: feilds: unknown field, left out',
      ]);
      expect(result.unsupported).toEqual(['enviroment', 'tracesSampleRate']);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('in a production build where a platform provided the option help (Node), still warns and suggests', () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      provideOptionHelp();
      const result = validateOptions({ enviroment: 'prod', tracesSampleRate: 1, scrub: { feilds: [] } });
      expect(result.problems).toEqual([
        'enviroment: unknown option; did you mean `environment`?',
        'scrub: feilds: unknown field, left out; did you mean `fields`?',
      ]);
      expect(result.unsupported).toEqual(['tracesSampleRate']);
    } finally {
      provideOptionHelp(false);
      vi.unstubAllEnvs();
    }
  });

  it('shows raw values bounded, and never spells out an object (it may hold a credential)', () => {
    const { problems } = validateOptions({ ignoreErrors: ['ok', 42, /x/], scrub: 'x'.repeat(500), release: {} });
    expect(problems[0]).toBe('release: expected a string, got an object');
    expect(problems[1]).toBe('ignoreErrors: expected an array of strings and RegExps, got ["ok", 42, /x/]');
    expect(problems[2]!.length).toBeLessThan(200);
  });

  it('never throws on hostile options: throwing getters, proxies, non-objects', () => {
    const hostile = Object.defineProperty({}, 'release', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(validateOptions(hostile).problems).toEqual(['release: could not be read; ignored']);
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
        get() {
          throw new Error('no values');
        },
      },
    );
    expect(() => validateOptions(proxy)).not.toThrow();
    expect(validateOptions(42).problems).toEqual(['options: expected an object, got 42']);
  });

  it('has a check for every option of CoreOptions, and no check for an option CoreOptions lacks', () => {
    // An option without a check would be reported as unknown and dropped; a check without an option is dead.
    // The record's type makes the type check fail when CoreOptions gains or loses a key.
    const declared: Record<Exclude<keyof CoreOptions, keyof SentryOnlyOptions>, true> = {
      dsn: true,
      release: true,
      environment: true,
      dist: true,
      serverName: true,
      tunnel: true,
      sampleRate: true,
      errorsSampler: true,
      beforeSend: true,
      beforeBreadcrumb: true,
      maxBreadcrumbs: true,
      normalizeDepth: true,
      normalizeMaxBreadth: true,
      maxValueLength: true,
      attachStacktrace: true,
      ignoreErrors: true,
      denyUrls: true,
      allowUrls: true,
      integrations: true,
      transport: true,
      debug: true,
      enabled: true,
      service: true,
      enableLogs: true,
      minLevel: true,
      beforeSendLog: true,
      scrub: true,
      sendDefaultPii: true,
      tracePropagationTargets: true,
      propagateSentryTrace: true,
      stormGuard: true,
      sdkMetrics: true,
      initialScope: true,
      autoSessionTracking: true,
    };
    expect(Object.keys(CORE_OPTION_CHECKS).sort()).toEqual(Object.keys(declared).sort());
  });
});

describe('checkOptionLayers', () => {
  const env = (options: Record<string, unknown>, raw: Record<string, [string, string]>) => ({
    options,
    source: 'environment',
    origins: Object.fromEntries(Object.entries(raw).map(([key, [source, text]]) => [key, { source, raw: text }])),
  });

  it('ignores an invalid value (the default applies) and names the option, its source and its raw value', () => {
    const result = checkOptionLayers(
      [
        { options: { release: 'a@1' }, source: 'init option' },
        env({ sampleRate: '50%' }, { sampleRate: ['FAULTLINE_SAMPLE_RATE', '50%'] }),
      ],
      CORE_OPTION_CHECKS,
    );
    expect(result.options).toEqual({ release: 'a@1' });
    expect(result.fatal).toBe(false);
    expect(result.problems).toEqual([
      'sampleRate (FAULTLINE_SAMPLE_RATE): expected a number from 0 to 1, got "50%"; ignored, using the default',
    ]);
  });

  it('prefers the higher layer, and falls back to a lower one when the higher value is invalid', () => {
    const result = checkOptionLayers(
      [
        { options: { sampleRate: 2, environment: 'init' }, source: 'init option' },
        env({ sampleRate: 0.25, environment: 'env' }, { sampleRate: ['FAULTLINE_SAMPLE_RATE', '0.25'] }),
        { options: { sampleRate: 0.5, release: 'file@1' }, source: 'config file f.json' },
      ],
      CORE_OPTION_CHECKS,
    );
    expect(result.options).toEqual({ sampleRate: 0.25, environment: 'init', release: 'file@1' });
    expect(result.problems).toEqual([
      'sampleRate (init option): expected a number from 0 to 1, got 2; ignored, using the value from FAULTLINE_SAMPLE_RATE',
    ]);
  });

  it('merges plain objects one level deep, the higher layer winning field by field', () => {
    const result = checkOptionLayers(
      [
        { options: { scrub: { redaction: '***' } }, source: 'init option' },
        { options: { scrub: { fields: ['ssn'], redaction: '[x]' } }, source: 'config file f.json' },
      ],
      CORE_OPTION_CHECKS,
    );
    expect(result.options.scrub).toEqual({ fields: ['ssn'], redaction: '***' });
  });

  it('stops sending only for an unusable dsn or tunnel that nothing else replaces', () => {
    const bad = checkOptionLayers([{ options: { dsn: 'https://nope', sampleRate: 9 }, source: 'init option' }], {
      ...CORE_OPTION_CHECKS,
    });
    expect(bad.fatal).toBe(true);
    expect(bad.problems[0]).toMatch(
      /^dsn \(init option\): "https:\/\/nope" is not a valid DSN .*; ignored, so nothing is sent$/,
    );
    const tunnel = checkOptionLayers([{ options: { tunnel: 'relay' }, source: 'init option' }], CORE_OPTION_CHECKS);
    expect(tunnel.fatal).toBe(true);
    const replaced = checkOptionLayers(
      [
        { options: { dsn: 'nope' }, source: 'init option' },
        env({ dsn: 'https://k@o1.example.com/7' }, { dsn: ['FAULTLINE_DSN', 'https://k@o1.example.com/7'] }),
      ],
      CORE_OPTION_CHECKS,
    );
    expect(replaced.fatal).toBe(false);
    expect(replaced.dsn).toMatchObject({ projectId: '7' });
    expect(checkOptionLayers([{ options: { sampleRate: 9 } }], CORE_OPTION_CHECKS).fatal).toBe(false);
  });

  it('keeps the usable part of a repairable value and reports what was left out', () => {
    const checks = { ...CORE_OPTION_CHECKS, thing: () => ({ value: { a: 1 }, problems: ['b: left out'] }) };
    const result = checkOptionLayers([{ options: { thing: { a: 1, b: 2 } }, source: 'init option' }], checks);
    expect(result.options).toEqual({ thing: { a: 1 } });
    expect(result.problems).toEqual(['thing (init option): b: left out']);
  });
});
