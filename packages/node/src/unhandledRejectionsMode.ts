/** Node's `--unhandled-rejections` modes; `throw` is its default since Node 15. */
export type NodeRejectionsMode = 'throw' | 'strict' | 'warn' | 'warn-with-error-code' | 'none';

const MODES: readonly string[] = ['throw', 'strict', 'warn', 'warn-with-error-code', 'none'];

/**
 * What this process does with an unhandled rejection when nobody listens for it, as Node decides: the last
 * `--unhandled-rejections` on the command line (`process.execArgv`), else the last one in `NODE_OPTIONS`,
 * else `throw`. Node itself refuses to start with an unknown value, so one seen here is a valid mode.
 */
export function unhandledRejectionsMode(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
): NodeRejectionsMode {
  return lastMode(execArgv) ?? lastMode(splitNodeOptions(nodeOptions ?? '')) ?? 'throw';
}

function lastMode(args: readonly string[]): NodeRejectionsMode | undefined {
  let mode: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) continue;
    // Node reads `_` and `-` alike in option names, and takes a value after `=` or as the next argument.
    const equals = arg.indexOf('=');
    const name = (equals < 0 ? arg : arg.slice(0, equals)).replace(/_/g, '-');
    if (name === '--unhandled-rejections') mode = equals < 0 ? args[++i] : arg.slice(equals + 1);
  }
  return mode !== undefined && MODES.includes(mode) ? (mode as NodeRejectionsMode) : undefined;
}

/** NODE_OPTIONS as Node splits it: on spaces, with double quotes grouping and `\` escaping inside them. */
function splitNodeOptions(options: string): string[] {
  const args: string[] = [];
  let current: string | undefined;
  let quoted = false;
  for (let i = 0; i < options.length; i++) {
    const char = options[i]!;
    if (quoted && char === '\\' && i + 1 < options.length) current = (current ?? '') + options[++i];
    else if (char === '"') [quoted, current] = [!quoted, current ?? ''];
    else if (char === ' ' && !quoted) {
      if (current !== undefined) args.push(current);
      current = undefined;
    } else current = (current ?? '') + char;
  }
  if (current !== undefined) args.push(current);
  return args;
}
