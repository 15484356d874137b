import { parseGeckoStackLines } from '../event/parseGeckoStackLines';
import { parseStackFrames } from '../event/parseStackFrames';
import { parseV8StackLines, type ParsedFrame } from '../event/parseV8StackLines';
import type { StackFrame } from '../types';
import { noteInert } from './noteInert';

/** Sentry's stack parser: a stack string to frames, oldest first. */
export type StackParser = (stack: string, skipFirstLines?: number, framesToPop?: number) => StackFrame[];
/** Sentry's line parser: one stack line to a frame, or undefined when the line is not of its format. */
export type StackLineParser = [number, (line: string) => StackFrame | undefined];

/** Faultline's own stack parser (V8, Firefox and Safari stacks) in the shape of Sentry's `defaultStackParser`. */
export function defaultStackParser(stack: string, _skipFirstLines = 0, framesToPop = 0): StackFrame[] {
  return parseStackFrames(stack, framesToPop);
}

function toFrame(parsed: ParsedFrame | undefined): StackFrame | undefined {
  if (!parsed) return undefined;
  return {
    function: parsed.functionName || '?',
    filename: parsed.fileName,
    lineno: parsed.lineNumber,
    colno: parsed.columnNumber,
    in_app: true,
  };
}

/** Chrome (V8) stack lines, at Sentry's priority. */
export const chromeStackLineParser: StackLineParser = [30, (line) => toFrame(parseV8StackLines(line)?.[0])];
/** Firefox and Safari stack lines, at Sentry's priority. */
export const geckoStackLineParser: StackLineParser = [50, (line) => toFrame(parseGeckoStackLines(line)[0])];

const unsupported = (name: string) => (): undefined => void noteInert(`${name} (Opera 10-12 and WinJS stacks)`);
/** Pre-Chromium Opera and WinJS stack lines: accepted, parse nothing (those runtimes are gone). */
export const opera10StackLineParser: StackLineParser = [10, /* @__PURE__ */ unsupported('opera10StackLineParser')];
export const opera11StackLineParser: StackLineParser = [20, /* @__PURE__ */ unsupported('opera11StackLineParser')];
export const winjsStackLineParser: StackLineParser = [40, /* @__PURE__ */ unsupported('winjsStackLineParser')];
/** The line parsers Sentry's browser SDK uses by default. */
export const defaultStackLineParsers: StackLineParser[] = [chromeStackLineParser, geckoStackLineParser];
