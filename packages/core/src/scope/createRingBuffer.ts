/** A fixed-capacity FIFO: pushing past capacity overwrites the oldest entry in O(1). */
export interface RingBuffer<T> {
  push(value: T): void;
  /** Oldest first. */
  toArray(): T[];
  clone(): RingBuffer<T>;
}

/* @__NO_SIDE_EFFECTS__ */
export function createRingBuffer<T>(capacity: number, initial: T[] = []): RingBuffer<T> {
  const items = initial.slice(-capacity);
  // `start` is the index of the oldest entry once the buffer has wrapped.
  let start = 0;
  return {
    push(value) {
      if (capacity <= 0) return;
      if (items.length < capacity) {
        items.push(value);
      } else {
        items[start] = value;
        start = (start + 1) % capacity;
      }
    },
    toArray() {
      return start === 0 ? items.slice() : items.slice(start).concat(items.slice(0, start));
    },
    clone() {
      return createRingBuffer(capacity, this.toArray());
    },
  };
}
