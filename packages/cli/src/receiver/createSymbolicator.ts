import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Event, StackFrame } from '@faultline/core';
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
    if (original.name) frame.function = original.name;
    const line = consumer.sourceContentFor(original.source, true)?.split('\n')[original.line - 1];
    if (line !== undefined) frame.context_line = line;
  };
  return {
    size: () => maps.size,
    symbolicate(event: Event): Event {
      try {
        for (const exception of event.exception?.values ?? []) exception.stacktrace?.frames.forEach(mapFrame);
      } catch {
        // a broken map leaves the frame as it came
      }
      return event;
    },
  };
}
