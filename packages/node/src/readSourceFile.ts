import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_CACHED_FILES = 100;
const cache = new Map<string, string | undefined>();

/** A frame's file name as a path on disk (`file://` URLs included), or undefined when it is not one. */
export function framePath(filename: string | undefined): string | undefined {
  if (!filename) return undefined;
  if (filename.startsWith('file://')) {
    try {
      return fileURLToPath(filename);
    } catch {
      return undefined;
    }
  }
  return filename.startsWith('/') || /^[A-Za-z]:[\\/]/.test(filename) ? filename : undefined;
}

/** Reads a source file once (bounded cache, files up to 2 MiB); undefined when it cannot be read. */
export function readSourceFile(file: string): string | undefined {
  if (cache.has(file)) return cache.get(file);
  let text: string | undefined;
  try {
    text = statSync(file).size <= MAX_FILE_BYTES ? readFileSync(file, 'utf8') : undefined;
  } catch {
    text = undefined;
  }
  if (cache.size >= MAX_CACHED_FILES) cache.delete(cache.keys().next().value as string);
  cache.set(file, text);
  return text;
}

const originalSources = new WeakMap<object, string>();

/** Hands the original source of a mapped frame to the context-lines step, without touching the frame. */
export function rememberFrameSource(frame: object, source: string): void {
  originalSources.set(frame, source);
}

export function frameSource(frame: object): string | undefined {
  return originalSources.get(frame);
}

const lineCache = new Map<string, string[] | undefined>();

/** A file's lines, split once and cached with the same bound as the text. */
export function readSourceLines(file: string): string[] | undefined {
  if (lineCache.has(file)) return lineCache.get(file);
  const lines = readSourceFile(file)?.split('\n');
  if (lineCache.size >= MAX_CACHED_FILES) lineCache.delete(lineCache.keys().next().value as string);
  lineCache.set(file, lines);
  return lines;
}
