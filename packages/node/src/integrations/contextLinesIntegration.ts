import path from 'node:path';
import { forEachFrame, type Integration, type StackFrame } from '@faultline/core';
import { appRoot, moduleFromFilename } from '../moduleFromFilename';
import { framePath, frameSource, readSourceLines } from '../readSourceFile';

// Sentry's Node SDK sends 7 lines either side.
const LINES_AROUND = 7;
const MAX_LINE_LENGTH = 200;

/**
 * Adds the 7 source lines either side of each in-app frame (from the file on disk, or from the source
 * map's content). Frames of a hand-built event (`captureEvent`) also get `in_app` and `module` here; the
 * SDK's own frames have them from parsing.
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
  frame.in_app ??= !file.includes(`${path.sep}node_modules${path.sep}`);
  frame.module ??= moduleFromFilename(file, appRoot());
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
