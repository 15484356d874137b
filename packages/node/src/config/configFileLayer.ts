import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OptionLayer } from '@faultline/core';

/** Larger than any real options file: a wrong path to a big file must not stall start-up. */
const MAX_BYTES = 1024 * 1024;

/**
 * Reads a JSON options file (`init({ configFile })` or `FAULTLINE_CONFIG`) as an option layer, once at
 * start-up. A file that cannot be read or parsed is left out with one problem that names it and where its
 * path came from; the other sources still apply.
 */
export function configFileLayer(
  file: string,
  namedBy: string,
  cwd: string = process.cwd(),
): { layer?: OptionLayer; problem?: string } {
  const source = `config file ${file}`;
  let text: string;
  try {
    const buffer = readFileSync(path.resolve(cwd, file));
    if (buffer.length > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES} bytes`);
    text = buffer.toString('utf8');
  } catch (error) {
    return { problem: `configFile (${namedBy}): cannot read ${JSON.stringify(file)}: ${reason(error)}; ignored` };
  }
  let options: unknown;
  try {
    options = JSON.parse(text) as unknown;
  } catch (error) {
    return { problem: `configFile (${namedBy}): ${JSON.stringify(file)} is not JSON: ${reason(error)}; ignored` };
  }
  if (typeof options === 'object' && options !== null && 'configFile' in options) {
    // One file, named by code or the environment: a file naming another would hide where options come from.
    const { configFile: _ignored, ...rest } = options as Record<string, unknown>;
    return {
      layer: { options: rest, source },
      problem: `configFile (${source}): a config file cannot name another one; ignored`,
    };
  }
  return { layer: { options, source } };
}

function reason(error: unknown): string {
  return error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
}
