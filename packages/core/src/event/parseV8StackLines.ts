/** A frame as a parser reads it, before it becomes a Sentry frame. */
export interface ParsedFrame {
  functionName?: string;
  fileName?: string;
  lineNumber?: number;
  columnNumber?: number;
}

// "    at fn (file:line:col)" or "    at file:line:col"; Windows paths and URLs keep their colons.
const V8_FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/;
const V8_AT = /^\s*at /;
// "at fn (eval at caller (file:line:col), <anonymous>:1:1)": the eval's own code has no file, so the
// frame points at the line that called eval.
const V8_EVAL = /^\s*at (?:(.+?) \()?eval at [^(]*\((.+?):(\d+):(\d+)\)/;

/**
 * Parses a V8 stack (Node, Chromium) with one regex per line; undefined when the text is not a V8
 * stack (Firefox, Safari). Frames come newest first, as parsed.
 */
export function parseV8StackLines(stack: string): ParsedFrame[] | undefined {
  const lines = stack.split('\n');
  const frames: ParsedFrame[] = [];
  let sawFrameLine = false;
  for (const line of lines) {
    if (!V8_AT.test(line)) continue;
    sawFrameLine = true;
    const match = line.includes('eval at ') ? V8_EVAL.exec(line) : V8_FRAME.exec(line);
    // "at fn (native)" and "at <anonymous>" carry no location: V8 frames without one are skipped.
    if (!match) continue;
    frames.push({
      functionName: match[1],
      fileName: match[2],
      lineNumber: Number(match[3]),
      columnNumber: Number(match[4]),
    });
  }
  return sawFrameLine ? frames : undefined;
}
