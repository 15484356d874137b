import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { forEachFrame, type Event, type StackFrame } from '@faultline/core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';

/**
 * Resolves minified frames (browser bundles) to original file, line, column and function with the `.map`
 * files found in `dirs` (matched by the bundle's file name), adding the original context line.
 */
export function createSymbolicator(dirs: string[]) {
  const maps = new Map<string, string>(); // "app.min.js" → path of "app.min.js.map"
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir, { recursive: true }).map(String)) {
      if (file.endsWith('.map')) maps.set(path.basename(file, '.map'), path.join(dir, file));
    }
  }
  const consumers = new Map<string, SourceMapConsumer>();
  const consumerFor = (filename: string): SourceMapConsumer | undefined => {
    const name = path.basename(filename.replace(/[?#].*$/, ''));
    const mapFile = maps.get(name);
    if (!mapFile) return undefined;
    let consumer = consumers.get(mapFile);
    if (!consumer) {
      consumer = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')) as RawSourceMap);
      consumers.set(mapFile, consumer);
    }
    return consumer;
  };
  const mapFrame = (frame: StackFrame): void => {
    if (!frame.filename || frame.lineno === undefined) return;
    const consumer = consumerFor(frame.filename);
    if (!consumer) return;
    const original = consumer.originalPositionFor({ line: frame.lineno, column: Math.max(0, (frame.colno ?? 1) - 1) });
    if (!original.source || original.line === null) return;
    frame.abs_path = frame.filename;
    frame.filename = original.source;
    frame.lineno = original.line;
    if (original.column !== null) frame.colno = original.column + 1;
    const lines = consumer.sourceContentFor(original.source, true)?.split('\n');
    // The map names what stands at the position (often nothing at a throw); else the enclosing function.
    const name = original.name ?? (lines && enclosingFunction(lines, original.line - 1));
    if (name) frame.function = name;
    const line = lines?.[original.line - 1];
    if (line !== undefined) frame.context_line = line;
  };
  return {
    size: () => maps.size,
    symbolicate(event: Event): Event {
      try {
        forEachFrame(event, mapFrame);
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
