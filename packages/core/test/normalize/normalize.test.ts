import { normalize } from '@faultline/core';
import { describe, expect, it } from 'vitest';

describe('normalize', () => {
  it('turns special values into JSON-safe placeholders', () => {
    function named() {}
    expect(
      normalize({
        n: null,
        u: undefined,
        nan: NaN,
        big: 1n,
        sym: Symbol('s'),
        fn: named,
        date: new Date(0),
        bad: new Date(NaN),
        re: /a+/g,
        bytes: new Uint8Array(4),
        map: new Map([['k', 1]]),
        set: new Set([1, 2]),
        err: Object.assign(new TypeError('t'), { code: 'E1' }),
      }),
    ).toMatchObject({
      n: null,
      u: '[undefined]',
      nan: '[NaN]',
      big: '[BigInt: 1]',
      sym: '[Symbol(s)]',
      fn: '[Function: named]',
      date: '1970-01-01T00:00:00.000Z',
      bad: '[Invalid Date]',
      re: '/a+/g',
      bytes: '[Uint8Array(4 bytes)]',
      map: { k: 1 },
      set: [1, 2],
      err: { name: 'TypeError', message: 't', code: 'E1', stack: expect.any(String) },
    });
  });

  it('cuts at depth and breadth, and marks cycles but not shared references', () => {
    const shared = { s: 1 };
    const cyclic: Record<string, unknown> = {};
    cyclic.me = cyclic;
    expect(normalize({ a: { b: { c: { d: 1 } } }, arr: [[[[1]]]] }, { depth: 3 })).toEqual({
      a: { b: { c: '[Object]' } },
      arr: [['[Array]']],
    });
    expect(normalize([1, 2, 3, 4], { maxBreadth: 2 })).toEqual([1, 2, '[MaxProperties ~]']);
    expect(normalize({ x: shared, y: shared, cyclic })).toEqual({
      x: { s: 1 },
      y: { s: 1 },
      cyclic: { me: '[Circular ~]' },
    });
  });

  it('calls toJSON, and survives one that throws', () => {
    expect(normalize({ t: { toJSON: () => 'json!' } })).toEqual({ t: 'json!' });
    expect(
      normalize({
        t: {
          toJSON: () => {
            throw new Error('nope');
          },
        },
      }),
    ).toEqual({ t: '[Unserializable: nope]' });
  });

  it('reports throwing getters in place', () => {
    const value = Object.defineProperty({ ok: 1 }, 'bad', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(normalize(value)).toEqual({ ok: 1, bad: '[Unreadable: boom]' });
  });

  it('truncates long strings', () => {
    expect(normalize('x'.repeat(50), { maxStringLength: 10 })).toBe(`${'x'.repeat(10)}…`);
  });

  it('shares one budget across calls so many parts stay bounded together', () => {
    const budget = { nodes: 5, chars: 100 };
    normalize([1, 2, 3], {}, budget);
    expect(normalize([4, 5, 6, 7], {}, budget)).toEqual(['[MaxProperties ~]']);
  });
});
