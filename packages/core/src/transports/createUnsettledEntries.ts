import { entrySize } from './createMemoryStore';
import type { StoredEnvelope, StoreLimits } from './types';

/**
 * What a transport queued and has not settled yet, oldest first. A page being hidden may get no further
 * task, so its hand-off reads these from memory instead of waiting on a durable store. Bounded like a
 * queue (oldest forgotten first), so remembering costs at most what a memory queue would.
 */
export function createUnsettledEntries({ maxEntries, maxBytes }: Pick<StoreLimits, 'maxEntries' | 'maxBytes'>) {
  const entries = new Map<string, StoredEnvelope>();
  let bytes = 0;
  const forget = (id: string): void => {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    bytes -= entrySize(entry);
  };
  return {
    remember(entry: StoredEnvelope): void {
      entries.set(entry.id, entry);
      bytes += entrySize(entry);
      while (entries.size > maxEntries || bytes > maxBytes) forget(entries.keys().next().value!);
    },
    forget,
    list: (): StoredEnvelope[] => [...entries.values()],
  };
}
