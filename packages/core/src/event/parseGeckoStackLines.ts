import type { ParsedFrame } from './parseV8StackLines';

// "fn@url:line:col", "@url:line:col", "fn@url:line" (Firefox, Safari; also their eval form
// "fn@url line 12 > eval:1:5", which points at the line that called eval).
const GECKO_FRAME = /^\s*(?:([^@]*)@)?(.+?)(?::(\d+))?(?::(\d+))?\s*$/;
const EVAL_ORIGIN = /^(.*?) line (\d+)(?: > (?:eval|Function))+/;

/**
 * Parses Firefox and Safari stacks, newest frame first. Lines without a location (messages, `[native
 * code]`) are skipped.
 */
export function parseGeckoStackLines(stack: string): ParsedFrame[] {
  const frames: ParsedFrame[] = [];
  for (const line of stack.split('\n')) {
    if (!line.includes('@') && !/:\d+/.test(line)) continue;
    const match = GECKO_FRAME.exec(line);
    if (!match) continue;
    const functionName = match[1];
    let [, , fileName, lineNumber, columnNumber] = match;
    const evalOrigin = fileName && EVAL_ORIGIN.exec(fileName);
    if (evalOrigin) {
      fileName = evalOrigin[1];
      lineNumber = evalOrigin[2];
      columnNumber = undefined;
    }
    if (!fileName || fileName === '[native code]' || lineNumber === undefined) continue;
    frames.push({
      functionName: functionName || undefined,
      fileName,
      lineNumber: Number(lineNumber),
      columnNumber: columnNumber === undefined ? undefined : Number(columnNumber),
    });
  }
  return frames;
}
