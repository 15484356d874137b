import type { CommandName } from './helpText';

/** BSD's sysexits EX_USAGE: the command was used wrongly. */
export const USAGE = 64;

/** Says on stderr what was wrong with the command line and where its help is; returns the exit code 64. */
export function usageError(message: string, command?: CommandName): number {
  const write = (text: string): void => void process.stderr.write(`${text}\n`);
  write(`faultline${command ? ` ${command}` : ''}: ${message}`);
  write(`Run "faultline ${command ? `${command} ` : ''}--help" for ${command ? 'its options' : 'the commands'}.`);
  return USAGE;
}
