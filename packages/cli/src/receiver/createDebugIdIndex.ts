import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findSourceMap } from '../sourcemaps/findSourceMap';
import { readDebugId, readMapDebugId } from '../sourcemaps/readDebugId';

/** A source map found by debug ID: `key` names it for caching, `read` gives its JSON text. */
export interface DebugIdMap {
  key: string;
  read(): string;
}

const RESCAN_AFTER_MS = 2000;

/**
 * Finds source maps by debug ID in build folders: maps that carry `debugId`/`debug_id`, and built files
 * that carry an ID (`//# debugId=` or the registry snippet, as `faultline`/`sentry-cli sourcemaps inject`
 * and Sentry's bundler plugins leave them) paired with their map. Indexed at the first lookup, and again
 * (at most every 2 s) when an unknown ID arrives: a rebuild while `faultline dev` runs is picked up.
 */
export function createDebugIdIndex(dirs: string[]) {
  let index: Map<string, DebugIdMap> | undefined;
  let scannedAt = 0;
  const scan = (): Map<string, DebugIdMap> => {
    const found = new Map<string, DebugIdMap>();
    for (const dir of dirs) {
      let names: string[];
      try {
        names = readdirSync(dir, { recursive: true }).map(String);
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        if (name.split(path.sep).includes('node_modules')) continue;
        try {
          indexFile(path.join(dir, name), found);
        } catch {
          // an unreadable file resolves nothing; the others still do
        }
      }
    }
    scannedAt = Date.now();
    return found;
  };
  return {
    find(debugId: string): DebugIdMap | undefined {
      const id = debugId.toLowerCase();
      index ??= scan();
      if (!index.has(id) && Date.now() - scannedAt > RESCAN_AFTER_MS) index = scan();
      return index.get(id);
    },
  };
}

function indexFile(file: string, found: Map<string, DebugIdMap>): void {
  if (file.endsWith('.map')) {
    const id = readMapDebugId(readFileSync(file, 'utf8'));
    if (id) found.set(id, { key: file, read: () => readFileSync(file, 'utf8') });
    return;
  }
  if (!/\.[cm]?js$/.test(file)) return;
  const code = readFileSync(file, 'utf8');
  const { id } = readDebugId(code);
  if (!id || found.has(id)) return;
  const location = findSourceMap(file, code);
  if (location?.kind === 'file') {
    found.set(id, { key: location.path, read: () => readFileSync(location.path, 'utf8') });
  } else if (location?.kind === 'inline') {
    const base64 = location.url.slice(location.url.indexOf(',') + 1);
    found.set(id, { key: `${file}#inline`, read: () => Buffer.from(base64, 'base64').toString('utf8') });
  }
}
