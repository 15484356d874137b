import { entrySize, type StoredEnvelope } from '@faultline/core';

/**
 * An entry's key carries its id, size and capture time (`id|size|createdAt`), so bounding the queue and
 * finding expired entries read keys only, never the bodies; lookups by id use the key range `id|…`.
 */
export interface QueueKey {
  raw: string;
  id: string;
  size: number;
  createdAt: number;
}
export const keyOf = (entry: StoredEnvelope): string => `${entry.id}|${entrySize(entry)}|${entry.createdAt}`;
export const parseKey = (raw: string): QueueKey => {
  const [id = '', size, createdAt] = raw.split('|');
  return { raw, id, size: Number(size), createdAt: Number(createdAt) };
};
export const rangeOf = (id: string): IDBKeyRange => IDBKeyRange.bound(`${id}|`, `${id}|\uffff`);
