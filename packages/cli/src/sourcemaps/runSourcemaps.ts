import path from 'node:path';
import { isFolder } from '../commands/isFolder';
import { usageError } from '../commands/usageError';
import { injectDebugIds, type InjectedFile } from './injectDebugIds';

const LABEL: Record<InjectedFile['outcome'], string> = {
  injected: 'injected ',
  completed: 'completed',
  unchanged: 'had an ID',
  'no-map': 'no map   ',
  failed: 'failed   ',
};

/**
 * `faultline sourcemaps inject <dir>… [--dry-run]`: prints one line per built file (what was done, its
 * debug ID) and a summary. Exit codes: 0 done, 1 a file failed or no JavaScript file with a source map
 * was found (a build that wrote no maps), 64 wrong arguments.
 */
export function runSourcemaps(positionals: string[], values: { 'dry-run'?: boolean }): number {
  const [action, ...dirs] = positionals;
  if (action !== 'inject') {
    return usageError(
      action === undefined ? 'say what to do: inject <dir>…' : `no action "${action}" (try inject)`,
      'sourcemaps',
    );
  }
  if (dirs.length === 0) return usageError('give the build output folder(s) to inject, e.g. dist', 'sourcemaps');
  for (const dir of dirs) {
    if (!isFolder(dir)) return usageError(`${dir}: no such folder`, 'sourcemaps');
  }
  const dryRun = values['dry-run'] ?? false;
  const results = injectDebugIds(dirs, { dryRun });
  const lines = results.map(
    ({ file, debugId, outcome, reason }) =>
      `  ${LABEL[outcome]}  ${debugId ?? ' '.repeat(36)}  ${path.relative(process.cwd(), file)}${reason ? `: ${reason}` : ''}`,
  );
  const count = (outcome: InjectedFile['outcome']): number => results.filter((r) => r.outcome === outcome).length;
  const changed = count('injected') + count('completed');
  const paired = changed + results.filter((r) => r.outcome === 'unchanged' && r.map).length;
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(
    `${dryRun ? 'Would give' : 'Gave'} ${changed} file${changed === 1 ? '' : 's'} a debug ID; ${count('unchanged')} had one already` +
      `${count('no-map') ? `; ${count('no-map')} without a source map left alone` : ''}.\n`,
  );
  if (count('failed') > 0) {
    process.stderr.write(`faultline sourcemaps: ${count('failed')} file(s) could not be injected (listed above)\n`);
    return 1;
  }
  if (paired === 0) {
    process.stderr.write(
      `faultline sourcemaps: no JavaScript file with a source map under ${dirs.join(', ')}. ` +
        'Does the build write maps? (Vite: build.sourcemap "hidden"; see the README)\n',
    );
    return 1;
  }
  return 0;
}
