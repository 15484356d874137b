import { describe, expect, it } from 'vitest';
import { toLogAttribute } from '../../src/logs/toLogAttribute';

describe('toLogAttribute', () => {
  it('types primitives as Sentry logs carry them', () => {
    expect(toLogAttribute('a')).toEqual({ value: 'a', type: 'string' });
    expect(toLogAttribute(3)).toEqual({ value: 3, type: 'integer' });
    expect(toLogAttribute(1.5)).toEqual({ value: 1.5, type: 'double' });
    expect(toLogAttribute(false)).toEqual({ value: false, type: 'boolean' });
    expect(toLogAttribute(Number.NaN)).toEqual({ value: 'NaN', type: 'string' });
  });

  it('keeps a nested value structured (normalized), so the scrubber sees its keys before it becomes text', () => {
    const value = { db: { host: 'db-1', password: 'hunter2' }, sessions: [{ token: 't-1' }], when: new Date(0) };
    expect(toLogAttribute(value)).toEqual({
      value: {
        db: { host: 'db-1', password: 'hunter2' },
        sessions: [{ token: 't-1' }],
        when: '1970-01-01T00:00:00.000Z',
      },
      type: 'object',
    });
    expect(toLogAttribute([1, { a: 2 }])).toEqual({ value: [1, { a: 2 }], type: 'object' });
    expect(toLogAttribute(new Map([['k', 'v']]))).toEqual({ value: { k: 'v' }, type: 'object' });
  });

  it('bounds a nested value by depth (the normalizeDepth it is given), breadth and characters', () => {
    const deep = { a: { b: { c: { d: { e: 1 } } } } };
    expect(toLogAttribute(deep, { depth: 3 }).value).toEqual({ a: { b: { c: '[Object]' } } });
    expect(toLogAttribute(deep, { depth: 6 }).value).toEqual(deep);
    const wide = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(toLogAttribute(wide, { maxBreadth: 2 }).value as object)).toEqual(['k0', 'k1', '...']);
    const long = toLogAttribute({ text: 'x'.repeat(100_000), more: Array.from({ length: 50 }, () => 'y'.repeat(900)) });
    expect(JSON.stringify(long.value).length).toBeLessThan(12_000);
  });

  it('gives a value that is not an object its text: a Date, null, a function, a cycle never throws', () => {
    expect(toLogAttribute(new Date(0))).toEqual({ value: '1970-01-01T00:00:00.000Z', type: 'string' });
    expect(toLogAttribute(null)).toEqual({ value: 'null', type: 'string' });
    expect(toLogAttribute(undefined)).toEqual({ value: '[undefined]', type: 'string' });
    expect(toLogAttribute(10n)).toEqual({ value: '[BigInt: 10]', type: 'string' });
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(toLogAttribute(cyclic)).toEqual({ value: { a: 1, self: '[Circular ~]' }, type: 'object' });
  });
});
