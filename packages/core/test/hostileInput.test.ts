import {
  addBreadcrumb,
  captureException,
  captureMessage,
  flush,
  setContext,
  setExtra,
  setTags,
  setUser,
} from '@faultline/core';
import { initForTest } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

function cyclic(): Record<string, unknown> {
  const a: Record<string, unknown> = { name: 'a' };
  a.self = a;
  a.list = [a, { back: a }];
  return a;
}
function deeplyNested(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) node = { child: node };
  return node;
}
function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}
const trapEverything = new Proxy(
  {},
  new Proxy(
    {},
    {
      get: () => () => {
        throw new Error('trap');
      },
    },
  ), // every trap throws
);
function errorWithThrowingGetters(): Error {
  const error = new Error('base');
  // `stack` first: redefining it makes V8 format the header, which would call a throwing `message`.
  for (const key of ['stack', 'message', 'name', 'cause', 'constructor']) {
    Object.defineProperty(error, key, {
      get: () => {
        throw new Error(`getter ${key}`);
      },
      enumerable: true,
    });
  }
  return error;
}
function deepCauseChain(length: number): Error {
  let error = new Error('root');
  for (let i = 0; i < length; i++) error = new Error(`level ${i}`, { cause: error });
  return error;
}
const throwingToJSON = {
  toJSON: () => {
    throw new Error('toJSON');
  },
};
const selfToJSON: { toJSON?: () => unknown } = {};
selfToJSON.toJSON = () => selfToJSON;
const throwingToString = {
  toString: () => {
    throw new Error('toString');
  },
};
const manyKeys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
const hugeKey = { [TEN_MB]: 'value' };
const hugeMap = new Map(Array.from({ length: 200_000 }, (_, i) => [i, { i }]));
const wide = Array.from({ length: 1000 }, () => Array.from({ length: 1000 }, () => TEN_MB.slice(0, 20_000)));

type Case = [name: string, act: () => unknown];
const cases: Case[] = [
  ['a cyclic object thrown', () => captureException(cyclic())],
  ['a cyclic object in extra', () => (setExtra('cycle', cyclic()), captureException(new Error('x')))],
  ['a 10 MB string thrown', () => captureException(TEN_MB)],
  ['an Error with a 10 MB message', () => captureException(new Error(TEN_MB))],
  ['an Error with a 10 MB stack', () => captureException(Object.assign(new Error('s'), { stack: TEN_MB }))],
  ['a 10 MB message', () => captureMessage(TEN_MB)],
  [
    '10 MB in extra, tags, user and a breadcrumb',
    () => {
      setExtra('big', TEN_MB);
      setTags({ big: TEN_MB });
      setUser({ id: TEN_MB, email: TEN_MB });
      addBreadcrumb({ message: TEN_MB, category: TEN_MB, data: { big: TEN_MB } });
      return captureException(new Error('x'));
    },
  ],
  ['a 10 MB key', () => (setExtra('hugeKey', hugeKey), captureException(new Error('x')))],
  ['10,000-deep nesting thrown', () => captureException(deeplyNested(10_000))],
  [
    '10,000-deep nesting in a context',
    () => (setContext('deep', deeplyNested(10_000)), captureException(new Error('x'))),
  ],
  ['a 10,000-deep cause chain', () => captureException(deepCauseChain(10_000))],
  ['an Error whose every getter throws', () => captureException(errorWithThrowingGetters())],
  [
    'throwing getters in extra',
    () => (setExtra('getters', errorWithThrowingGetters()), captureException(new Error('x'))),
  ],
  ['a revoked Proxy thrown', () => captureException(revokedProxy())],
  [
    'a revoked Proxy in extra and user',
    () => {
      setExtra('proxy', revokedProxy());
      setUser(revokedProxy() as never);
      return captureException(new Error('x'));
    },
  ],
  ['a Proxy whose every trap throws, thrown', () => captureException(trapEverything)],
  [
    'a Proxy whose every trap throws, in a breadcrumb',
    () => {
      addBreadcrumb({ message: 'p', data: { p: trapEverything } });
      return captureException(new Error('x'));
    },
  ],
  ['a Proxy of an Error', () => captureException(new Proxy(new Error('proxied'), {}))],
  ['a revoked Proxy as a cause', () => captureException(new Error('c', { cause: revokedProxy() }))],
  [
    'BigInt, Symbol, NaN, Infinity and functions in extra',
    () => {
      setExtra('odd', { big: 10n, sym: Symbol('s'), nan: NaN, inf: -Infinity, fn: () => 1, [Symbol('k')]: 1 });
      return captureException(new Error('x'));
    },
  ],
  ['a Symbol thrown', () => captureException(Symbol('thrown'))],
  ['a function thrown', () => captureException(function namedFn() {})],
  ['null thrown', () => captureException(null)],
  ['undefined thrown', () => captureException(undefined)],
  ['a null-prototype object thrown', () => captureException(Object.assign(Object.create(null) as object, { a: 1 }))],
  ['an object whose toString throws, thrown', () => captureException(throwingToString)],
  [
    'toJSON that throws and toJSON that returns itself',
    () => {
      setExtra('json', { throwingToJSON, selfToJSON });
      return captureException(new Error('x'));
    },
  ],
  ['100,000 keys in extra', () => (setExtra('wide', manyKeys), captureException(new Error('x')))],
  ['a 200,000-entry Map in extra', () => (setExtra('map', hugeMap), captureException(new Error('x')))],
  ['a 1000 × 1000 array of 20 KB strings', () => (setExtra('grid', wide), captureException(new Error('x')))],
  [
    'a 10 MB typed array in extra',
    () => (setExtra('bytes', new Uint8Array(10 * 1024 * 1024)), captureException(new Error('x'))),
  ],
  [
    'an AggregateError of 10,000 errors',
    () =>
      captureException(
        new AggregateError(
          Array.from({ length: 10_000 }, (_, i) => new Error(`e${i}`)),
          'many',
        ),
      ),
  ],
  [
    'a frozen Error with a non-string stack',
    () => captureException(Object.freeze(Object.assign(new Error('f'), { stack: 42 }))),
  ],
  [
    'an Error whose message is an object',
    () => captureException(Object.assign(new Error(), { message: { nested: cyclic() } })),
  ],
  [
    'lone surrogates and an invalid Date',
    () => (setExtra('odd', { s: '\ud800x\udfff', d: new Date(NaN) }), captureException(new Error('\ud800'))),
  ],
  ['a Promise thrown', () => captureException(Promise.resolve(1))],
];

describe('hostile input', () => {
  it('covers at least 25 cases', () => expect(cases.length).toBeGreaterThanOrEqual(25));

  it.each(cases)('survives %s: no throw, one bounded event, bounded time', async (_name, act) => {
    const { record } = initForTest();
    const started = performance.now();
    let id: unknown;
    expect(() => (id = act())).not.toThrow();
    await flush(2000);
    const elapsed = performance.now() - started;

    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(record.bodies).toHaveLength(1);
    expect(record.bodies[0]!.length).toBeLessThan(1024 * 1024);
    expect(record.events()[0]!.event_id).toBe(id);
    expect(elapsed).toBeLessThan(3000);
  });
});
