import { readFileSync } from 'node:fs';
import { provideOptionHelp, validateOptions } from '@faultline/core';
import { NODE_OPTION_CHECKS } from '@faultline/node';

/** Checks a JSON config (the options of `init`) and lists every problem; code 1 when there are any. */
export function validateConfig(file: string): { lines: string[]; code: number } {
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { lines: [`✘ ${file}: ${(error as Error).message}`], code: 1 };
  }
  // "Did you mean" whatever NODE_ENV the shell running the check has.
  provideOptionHelp();
  const { problems } = validateOptions(config, NODE_OPTION_CHECKS);
  if (problems.length === 0) return { lines: [`✔ ${file} is a valid Faultline configuration`], code: 0 };
  return {
    lines: [
      `✘ ${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`,
      ...problems.map((p) => `  - ${p}`),
    ],
    code: 1,
  };
}
