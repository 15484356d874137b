import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { NODE_OPTION_CHECKS } from '@faultline/node';
import { describe, expect, it } from 'vitest';

const schema = JSON.parse(readFileSync(new URL('../faultline.schema.json', import.meta.url), 'utf8')) as {
  properties: Record<string, unknown>;
};
const validate = new Ajv({ allErrors: true }).compile(schema);

/** Options that take a function: they cannot be written in JSON, so the schema leaves them out. */
const CODE_ONLY = [
  'errorsSampler',
  'beforeSend',
  'beforeBreadcrumb',
  'integrations',
  'transport',
  'beforeSendLog',
  'onFatalError',
];
/** A config file cannot name another one. */
const NOT_IN_A_FILE = ['configFile'];

// JSON values of every shape, including near misses of each option's rule.
const SAMPLES: unknown[] = [
  true,
  false,
  null,
  0,
  1,
  -1,
  0.5,
  2,
  1.5,
  1000,
  1001,
  100_000,
  100_001,
  1_000_000,
  86_400_001,
  '',
  'x',
  'info',
  'verbose',
  'warn',
  'strict',
  'node',
  'loud',
  '/relay',
  'relay',
  'https://relay.example.com/t',
  'https://k@o1.example.com/1',
  'https://k@o1.example.com/sub/42',
  'https://o1.example.com/1',
  'https://k@o1.example.com/abc',
  [],
  ['a'],
  [1],
  {},
  { url: 'https://logs.example.com/loki/api/v1/push' },
  { url: 'logs' },
  { url: 'https://logs.example.com/loki/api/v1/push', labels: { team: 'pay' }, gzip: false },
  { limit: 10 },
  { limit: 0 },
  { windowMs: 1000 },
  { fields: ['ssn'], redaction: '***' },
];

/** What the runtime check says of a value: usable as given, or not. A repair counts as not. */
const accepted = (key: string, value: unknown) => NODE_OPTION_CHECKS[key]!(value) === undefined;

describe('faultline.schema.json', () => {
  it('describes every option a config file can hold, and nothing else', () => {
    const checked = Object.keys(NODE_OPTION_CHECKS).filter(
      (key) => !CODE_ONLY.includes(key) && !NOT_IN_A_FILE.includes(key),
    );
    expect(
      Object.keys(schema.properties)
        .filter((key) => key !== '$schema')
        .sort(),
    ).toEqual(checked.sort());
  });

  it('leaves out only options no JSON value can satisfy', () => {
    // `integrations: []` (no integrations at all) is the one exception: it belongs in code, next to the rest.
    expect(SAMPLES.filter((value) => accepted('integrations', value))).toEqual([[]]);
    for (const key of CODE_ONLY.filter((name) => name !== 'integrations')) {
      expect(
        SAMPLES.filter((value) => accepted(key, value)),
        key,
      ).toEqual([]);
    }
  });

  it.each(Object.keys(schema.properties).filter((key) => key !== '$schema'))(
    'accepts exactly what the option check accepts for %s',
    (key) => {
      const disagreements = SAMPLES.filter((value) => validate({ [key]: value }) !== accepted(key, value));
      expect(disagreements).toEqual([]);
    },
  );

  it('flags an unknown key, as the runtime check does', () => {
    expect(validate({ enviroment: 'prod' })).toBe(false);
    expect(validate({ $schema: './node_modules/@faultline/node/faultline.schema.json', environment: 'prod' })).toBe(
      true,
    );
  });

  it('keeps Loki label rules: names, reserved and built-in labels, empty values', () => {
    const loki = (labels: Record<string, string>) => ({
      loki: { url: 'https://l.example.com/loki/api/v1/push', labels },
    });
    expect(validate(loki({ team: 'pay' }))).toBe(true);
    expect(validate(loki({ 'bad-name': 'x' }))).toBe(false);
    expect(validate(loki({ __reserved: 'x' }))).toBe(false);
    expect(validate(loki({ environment: 'x' }))).toBe(false);
    expect(validate(loki({ team: '' }))).toBe(false);
  });
});
