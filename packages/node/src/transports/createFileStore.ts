import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EnvelopeStore, Eviction, StoredEnvelope, StoreLimits } from '@faultline/core';

const DEFAULTS: StoreLimits = { maxEntries: 100, maxBytes: 10 * 1024 * 1024, ttlMs: 7 * 24 * 60 * 60 * 1000 };

interface Meta extends Omit<StoredEnvelope, 'body'> {
  binary: boolean;
}

/**
 * A durable envelope store: one file per envelope (`<id>.env`, written to a temporary name and renamed,
 * so a crash never leaves half a file), ordered by id, bounded by count and bytes with oldest-first
 * eviction, and a TTL. Envelopes left by a crash are sent on the next start.
 */
export function createFileStore(
  directory: string,
  limits: Partial<StoreLimits> = {},
  now: () => number = Date.now,
): EnvelopeStore {
  const { maxEntries, maxBytes, ttlMs } = { ...DEFAULTS, ...limits };
  const bodySize = (entry: StoredEnvelope) =>
    typeof entry.body === 'string' ? Buffer.byteLength(entry.body) : entry.body.byteLength;
  let ready: Promise<unknown> | undefined;
  const ensureDirectory = () => (ready ??= mkdir(directory, { recursive: true }));
  // The body's size is part of the file name (`<id>~<bytes>.env`), so bounding needs no reads.
  const fileOf = (id: string, bytes: number) => path.join(directory, `${id}~${bytes}.env`);

  async function list(): Promise<{ id: string; bytes: number; file: string }[]> {
    await ensureDirectory();
    return (await readdir(directory))
      .filter((name) => name.endsWith('.env') && name.includes('~'))
      .sort()
      .map((name) => {
        const [id, bytes] = name.slice(0, -4).split('~');
        return { id: id!, bytes: Number(bytes), file: path.join(directory, name) };
      });
  }
  const find = async (id: string) => (await list()).find((entry) => entry.id === id);

  async function read(file: string): Promise<StoredEnvelope | undefined> {
    try {
      const raw = await readFile(file);
      const newline = raw.indexOf(10);
      const meta = JSON.parse(raw.subarray(0, newline).toString('utf8')) as Meta;
      const bodyBytes = raw.subarray(newline + 1);
      const { binary, ...rest } = meta;
      return { ...rest, body: binary ? new Uint8Array(bodyBytes) : bodyBytes.toString('utf8') };
    } catch {
      return undefined; // unreadable or gone: treated as absent
    }
  }

  async function write(entry: StoredEnvelope): Promise<void> {
    await ensureDirectory();
    const { body, ...rest } = entry;
    const meta: Meta = { ...rest, binary: typeof body !== 'string' };
    const temporary = path.join(directory, `.${entry.id}.${process.pid}.tmp`);
    await writeFile(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), Buffer.from(body)]));
    await rename(temporary, fileOf(entry.id, bodySize(entry)));
  }

  return {
    async push(entry) {
      if (bodySize(entry) > maxBytes) return [{ entry, reason: 'queue_overflow' }];
      await write(entry);
      const entries = await list();
      const evictions: Eviction[] = [];
      let total = entries.reduce((sum, e) => sum + e.bytes, 0);
      let count = entries.length;
      for (const { bytes, file } of entries) {
        if (count <= maxEntries && total <= maxBytes) break;
        const evicted = await read(file);
        await rm(file, { force: true });
        if (evicted) evictions.push({ entry: evicted, reason: 'queue_overflow' });
        count--;
        total -= bytes;
      }
      return evictions;
    },
    async peek(limit) {
      const evictions: Eviction[] = [];
      const entries: StoredEnvelope[] = [];
      const oldest = now() - ttlMs;
      for (const { file } of await list()) {
        if (entries.length >= limit) break;
        const entry = await read(file);
        if (!entry) continue;
        if (entry.createdAt < oldest) {
          await rm(file, { force: true });
          evictions.push({ entry, reason: 'expired' });
        } else entries.push(entry);
      }
      return { entries, evictions };
    },
    async update(entry) {
      const found = await find(entry.id);
      const stored = found && (await read(found.file));
      if (stored) await write({ ...stored, attempts: entry.attempts });
    },
    async remove(id) {
      const found = await find(id);
      if (found) await rm(found.file, { force: true });
    },
    async size() {
      const entries = await list();
      return { count: entries.length, bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0) };
    },
  };
}
