import { describe, expect, it } from 'vitest';
import { createRingBuffer } from '../../src/scope/createRingBuffer';

describe('createRingBuffer', () => {
  it('keeps the newest entries in order once it wraps', () => {
    const ring = createRingBuffer<number>(3);
    for (let i = 1; i <= 7; i++) ring.push(i);
    expect(ring.toArray()).toEqual([5, 6, 7]);
  });

  it('clones independently', () => {
    const ring = createRingBuffer<number>(2);
    ring.push(1);
    const copy = ring.clone();
    copy.push(2);
    copy.push(3);
    expect(ring.toArray()).toEqual([1]);
    expect(copy.toArray()).toEqual([2, 3]);
  });

  it('holds nothing at capacity 0', () => {
    const ring = createRingBuffer<number>(0);
    ring.push(1);
    expect(ring.toArray()).toEqual([]);
  });
});
