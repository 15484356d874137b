import { parseArgs, type ParseArgsConfig } from 'node:util';
import { helpText, isCommand, type CommandName } from './helpText';
import { runSourcemaps } from '../sourcemaps/runSourcemaps';
import { runDashboard } from './runDashboard';
import { runDev } from './runDev';
import { testDestinations } from './testDestinations';
import { USAGE, usageError } from './usageError';
import type { CommandOutcome } from './types';
import { validateConfig } from './validateConfig';

declare const __FAULTLINE_VERSION__: string;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;
const OPTIONS = {
  dev: {
    ...HELP,
    port: { type: 'string' },
    dir: { type: 'string' },
    'source-maps': { type: 'string', multiple: true },
  },
  test: { ...HELP, dsn: { type: 'string' }, loki: { type: 'string' }, timeout: { type: 'string' } },
  validate: { ...HELP },
  sourcemaps: { ...HELP, 'dry-run': { type: 'boolean' } },
  dashboard: { ...HELP },
} satisfies Record<CommandName, ParseArgsConfig['options']>;

const out = (text: string): void => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const err = (text: string): void => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);

/** The `faultline` command line: help and version, then one of dev, test, validate, sourcemaps, dashboard. */
export async function runCli(argv: string[]): Promise<CommandOutcome> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    err(helpText());
    return USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = rest[0];
    if (topic !== undefined && !isCommand(topic)) return usageError(`no command "${topic}"`);
    out(helpText(topic));
    return 0;
  }
  if (first === '--version' || first === '-v' || first === 'version') {
    out(__FAULTLINE_VERSION__);
    return 0;
  }
  if (!isCommand(first)) {
    return usageError(first.startsWith('-') ? `unknown option "${first}"` : `no command "${first}"`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS[first], allowPositionals: true, strict: true });
  } catch (error) {
    return usageError((error as Error).message, first);
  }
  const { values, positionals } = parsed as { values: Record<string, unknown>; positionals: string[] };
  if (values.help) {
    out(helpText(first));
    return 0;
  }
  if (first === 'validate') {
    if (positionals.length !== 1) return usageError('give the one config file to check', first);
    const { lines, code } = validateConfig(positionals[0]!);
    (code === 0 ? out : err)(lines.join('\n'));
    return code;
  }
  if (first === 'sourcemaps') return runSourcemaps(positionals, values);
  if (positionals.length > 0) return usageError(`unexpected argument "${positionals[0]}"`, first);
  if (first === 'dev') return runDev(values);
  if (first === 'dashboard') return runDashboard(out, err);
  const { dsn, loki, timeout } = values as { dsn?: string; loki?: string; timeout?: string };
  if (!dsn && !loki) return usageError('give --dsn and/or --loki to test', first);
  const seconds = timeout === undefined ? 10 : Number(timeout);
  if (!(seconds > 0) || !Number.isFinite(seconds))
    return usageError(`--timeout must be a number of seconds (got "${timeout}")`, first);
  const result = await testDestinations({ dsn, loki, timeoutMs: seconds * 1000 });
  if (result.lines.length > 0) out(result.lines.join('\n'));
  if (result.errors.length > 0) err(result.errors.join('\n'));
  return result.code;
}
