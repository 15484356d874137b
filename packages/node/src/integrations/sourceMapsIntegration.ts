import path from 'node:path';
import { forEachFrame, type Integration, type StackFrame } from '@faultline/core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';
import { framePath, readSourceFile, rememberFrameSource } from '../readSourceFile';

const MAX_CONSUMERS = 50;
const consumers = new Map<string, SourceMapConsumer | undefined>();

/**
 * Maps frames of compiled code (TypeScript output, bundles) back to the original file, line, column and
 * function, reading `sourceMappingURL` comments: inline `data:` maps and `.map` files. Cached per file.
 */
/* @__NO_SIDE_EFFECTS__ */
export function sourceMapsIntegration(): Integration {
  return {
    name: 'SourceMaps',
    processEvent(event) {
      forEachFrame(event, mapFrame);
      return event;
    },
  };
}

function mapFrame(frame: StackFrame): void {
  const file = framePath(frame.filename);
  if (!file || frame.lineno === undefined) return;
  const consumer = consumerFor(file);
  if (!consumer) return;
  const original = consumer.originalPositionFor({ line: frame.lineno, column: Math.max(0, (frame.colno ?? 1) - 1) });
  if (!original.source || original.line === null) return;
  const source = original.source.startsWith('file://')
    ? new URL(original.source).pathname
    : path.resolve(path.dirname(file), original.source);
  frame.abs_path = frame.filename;
  frame.filename = source;
  // `module` stays the compiled file's, as Sentry computes it; a dependency bundled in is not the app's.
  frame.in_app = !source.includes(`${path.sep}node_modules${path.sep}`);
  frame.lineno = original.line;
  if (original.column !== null) frame.colno = original.column + 1;
  if (original.name && (!frame.function || frame.function === '?')) frame.function = original.name;
  const content = consumer.sourceContentFor(original.source, true);
  if (content) rememberFrameSource(frame, content);
}

function consumerFor(file: string): SourceMapConsumer | undefined {
  if (consumers.has(file)) return consumers.get(file);
  let consumer: SourceMapConsumer | undefined;
  try {
    const map = loadMap(file);
    consumer = map ? new SourceMapConsumer(map) : undefined;
  } catch {
    consumer = undefined;
  }
  if (consumers.size >= MAX_CONSUMERS) consumers.delete(consumers.keys().next().value as string);
  consumers.set(file, consumer);
  return consumer;
}

function loadMap(file: string): RawSourceMap | undefined {
  const code = readSourceFile(file);
  const match = code && /\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(code.slice(-4096));
  if (!match) return undefined;
  const url = match[1]!;
  const inline = /^data:application\/json(?:;charset=[\w-]+)?;base64,(.+)$/.exec(url);
  const text = inline
    ? Buffer.from(inline[1]!, 'base64').toString('utf8')
    : readSourceFile(path.resolve(path.dirname(file), url));
  return text ? (JSON.parse(text) as RawSourceMap) : undefined;
}
