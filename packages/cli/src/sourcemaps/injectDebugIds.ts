import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addDebugIdToCode } from './addDebugIdToCode';
import { addDebugIdToMap } from './addDebugIdToMap';
import { debugIdFromContent } from './debugIdFromContent';
import { findSourceMap, type SourceMapLocation } from './findSourceMap';
import { readDebugId, readMapDebugId } from './readDebugId';

/** What happened to one built file. */
export interface InjectedFile {
  file: string;
  /** The `.map` file, or `inline`. */
  map?: string;
  debugId?: string;
  /**
   * `injected`: snippet, comment and map fields added; `completed`: the file had Sentry's snippet and got
   * what it lacked (comment, map fields); `unchanged`: it had everything; `no-map`: no source map found
   * (nothing to resolve with, so left alone); `failed`: unreadable, `reason` says why.
   */
  outcome: 'injected' | 'completed' | 'unchanged' | 'no-map' | 'failed';
  reason?: string;
}

export interface InjectOptions {
  /** Say what would change without writing (default false). */
  dryRun?: boolean;
  /** File endings treated as JavaScript (default `.js`, `.mjs`, `.cjs`). */
  extensions?: string[];
}

const INLINE = /^data:application\/json(?:;charset=[\w-]+)?;base64,/i;

/**
 * `faultline sourcemaps inject`: gives every built JavaScript file under `dirs` that has a source map
 * (`.map` beside it, named by `sourceMappingURL`, or inline) a debug ID, in the format of `sentry-cli
 * sourcemaps inject` and Sentry's bundler plugins: the registry snippet as the first line, `//# debugId=`
 * as the last, `debugId` and `debug_id` in the map (its mappings moved down the snippet's line). The ID
 * is derived from the file and its map, so a rebuild with the same output gets the same IDs; files that
 * already carry an ID (from an earlier run, Sentry's CLI or plugin) keep it. `node_modules` is skipped.
 */
export function injectDebugIds(dirs: string[], options: InjectOptions = {}): InjectedFile[] {
  const extensions = options.extensions ?? ['.js', '.mjs', '.cjs'];
  const files = dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true })
      .map((name) => path.join(dir, String(name)))
      .filter(
        (file) =>
          extensions.some((ext) => file.endsWith(ext)) &&
          !file.split(path.sep).includes('node_modules') &&
          statSync(file).isFile(),
      ),
  );
  return [...new Set(files)].sort().map((file) => {
    try {
      return injectFile(file, options.dryRun ?? false);
    } catch (error) {
      return { file, outcome: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  });
}

function injectFile(file: string, dryRun: boolean): InjectedFile {
  const code = readFileSync(file, 'utf8');
  const location = findSourceMap(file, code);
  const existing = readDebugId(code);
  if (!location) return { file, debugId: existing.id, outcome: existing.id ? 'unchanged' : 'no-map' };
  const mapText = readMap(location);
  JSON.parse(mapText); // a broken map is reported, not injected
  const mapName = location.kind === 'file' ? location.path : 'inline';
  const mapId = readMapDebugId(mapText);
  if (existing.hasSnippet && existing.hasComment && mapId === existing.id) {
    return { file, map: mapName, debugId: existing.id, outcome: 'unchanged' };
  }
  const debugId = existing.id ?? mapId ?? debugIdFromContent(code, mapText);
  const added = addDebugIdToCode(code, debugId, { snippet: existing.hasSnippet, comment: existing.hasComment });
  const newMap = addDebugIdToMap(mapText, debugId, added.snippetLine);
  let newCode = added.code;
  if (location.kind === 'inline') {
    const prefix = INLINE.exec(location.url)![0];
    newCode = newCode.replace(location.url, `${prefix}${Buffer.from(newMap).toString('base64')}`);
  }
  if (!dryRun) {
    writeAtomically(file, newCode);
    if (location.kind === 'file') writeAtomically(location.path, newMap);
  }
  return { file, map: mapName, debugId, outcome: existing.hasSnippet ? 'completed' : 'injected' };
}

function readMap(location: SourceMapLocation): string {
  if (location.kind === 'file') return readFileSync(location.path, 'utf8');
  const prefix = INLINE.exec(location.url)?.[0];
  if (!prefix) throw new Error('its inline source map is not base64 JSON');
  return Buffer.from(location.url.slice(prefix.length), 'base64').toString('utf8');
}

/** A reader (a dev server, a deploy copying the folder) never sees half a file. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.faultline-${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
