import path from 'node:path';
import { forEachFrame, type Integration, type StackFrame } from '@faultline/core';
import { framePath, frameSource, readSourceLines } from '../readSourceFile';

const LINES_AROUND = 5;
const MAX_LINE_LENGTH = 200;

/**
 * Adds the source lines around each in-app frame (from the file on disk, or from the source map's
 * content), sets `in_app` (not under node_modules or Node's internals) and a module name.
 */
/* @__NO_SIDE_EFFECTS__ */
export function contextLinesIntegration(): Integration {
  return {
    name: 'ContextLines',
    processEvent(event) {
      forEachFrame(event, addContext);
      return event;
    },
  };
}

function addContext(frame: StackFrame): void {
  const source = frameSource(frame);
  const file = framePath(frame.filename);
  if (!file) return;
  frame.in_app = !file.includes(`${path.sep}node_modules${path.sep}`);
  frame.module ??= moduleName(file);
  if (!frame.in_app || frame.lineno === undefined) return;
  // Mapped sources are rare (errors in compiled code): split those; disk files are split once and cached.
  const lines = source !== undefined ? source.split('\n') : readSourceLines(file);
  if (lines === undefined) return;
  const index = frame.lineno - 1;
  if (index < 0 || index >= lines.length) return;
  const clip = (line: string) => (line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH)}…` : line);
  frame.pre_context = lines.slice(Math.max(0, index - LINES_AROUND), index).map(clip);
  frame.context_line = clip(lines[index]!);
  frame.post_context = lines.slice(index + 1, index + 1 + LINES_AROUND).map(clip);
}

const moduleNames = new Map<string, string>();

/** `src/payments/charge` for /app/src/payments/charge.ts; the package path under node_modules. Cached. */
function moduleName(file: string): string {
  let name = moduleNames.get(file);
  if (name === undefined) {
    name = computeModuleName(file);
    if (moduleNames.size < 1000) moduleNames.set(file, name);
  }
  return name;
}

function computeModuleName(file: string): string {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = file.lastIndexOf(marker);
  const relative = at >= 0 ? file.slice(at + marker.length) : path.relative(process.cwd(), file);
  return relative
    .replace(/\.[cm]?[jt]sx?$/, '')
    .split(path.sep)
    .join('/');
}
