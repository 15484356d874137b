import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { forEachFrame, type Event, type StackFrame } from '@faultline/core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';
import { createDebugIdIndex } from './createDebugIdIndex';

/**
 * Resolves minified frames (browser bundles) to original file, line, column and function with the source
 * maps found in `dirs`, adding the original context line. A frame's map is the one with the debug ID the
 * event's `debug_meta.images` gives its file; failing that, the `.map` named after the bundle's file.
 */
export function createSymbolicator(dirs: string[]) {
  const maps = new Map<string, string>(); // "app.min.js" → path of "app.min.js.map"
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir, { recursive: true }).map(String)) {
      if (file.endsWith('.map')) maps.set(path.basename(file, '.map'), path.join(dir, file));
    }
  }
  const debugIds = createDebugIdIndex(dirs);
  const consumers = new Map<string, SourceMapConsumer>();
  const consumerFor = (filename: string, debugId: string | undefined): SourceMapConsumer | undefined => {
    const byId = debugId === undefined ? undefined : debugIds.find(debugId);
    const mapFile = byId?.key ?? maps.get(path.basename(filename.replace(/[?#].*$/, '')));
    if (!mapFile) return undefined;
    let consumer = consumers.get(mapFile);
    if (!consumer) {
      const text = byId ? byId.read() : readFileSync(mapFile, 'utf8');
      consumer = new SourceMapConsumer(JSON.parse(text) as RawSourceMap);
      consumers.set(mapFile, consumer);
    }
    return consumer;
  };
  const mapFrame = (frame: StackFrame, debugId: string | undefined): void => {
    if (!frame.filename || frame.lineno === undefined) return;
    const consumer = consumerFor(frame.filename, debugId);
    if (!consumer) return;
    const original = consumer.originalPositionFor({ line: frame.lineno, column: Math.max(0, (frame.colno ?? 1) - 1) });
    if (!original.source || original.line === null) return;
    frame.abs_path = frame.filename;
    frame.filename = original.source;
    frame.lineno = original.line;
    if (original.column !== null) frame.colno = original.column + 1;
    const lines = consumer.sourceContentFor(original.source, true)?.split('\n');
    // The map names the identifier at the position: at a call, the function called, not the one this frame
    // runs in. So the enclosing declaration in the original source names the frame; the map's name only
    // when there is none.
    const name = (lines && enclosingFunction(lines, original.line - 1)) ?? original.name;
    if (name) frame.function = name;
    const line = lines?.[original.line - 1];
    if (line !== undefined) frame.context_line = line;
  };
  return {
    size: () => maps.size,
    symbolicate(event: Event): Event {
      try {
        const images = new Map<unknown, unknown>(
          Array.isArray(event.debug_meta?.images)
            ? event.debug_meta.images.map((i) => [i?.code_file, i?.debug_id])
            : [],
        );
        forEachFrame(event, (frame) => {
          const debugId = images.get(frame.abs_path ?? frame.filename);
          mapFrame(frame, typeof debugId === 'string' ? debugId : undefined);
        });
      } catch {
        // a broken map leaves the frame as it came
      }
      return event;
    },
  };
}

const DECLARATION =
  /(?:function\s*\*?\s*([\w$]+)\s*\(|([\w$]+)\s*[=:]\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)|^\s*(?:async\s+|static\s+|get\s+|set\s+)*([\w$]+)\s*\([^)]*\)\s*\{)/;
const NOT_NAMES = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'return']);

/** The name of the nearest function declared at or above `index` in the original source. */
function enclosingFunction(lines: string[], index: number): string | undefined {
  for (let i = Math.min(index, lines.length - 1); i >= 0 && i > index - 200; i--) {
    const match = DECLARATION.exec(lines[i]!);
    const name = match?.[1] ?? match?.[2] ?? match?.[3];
    if (name && !NOT_NAMES.has(name)) return name;
  }
  return undefined;
}
