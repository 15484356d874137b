import { constants } from 'node:os';
import { createReceiver, type RunningReceiver } from '../receiver/createReceiver';
import { isFolder } from './isFolder';
import { prepareFolder } from './prepareFolder';
import type { CommandOutcome } from './types';
import { usageError } from './usageError';

export interface DevArguments {
  port?: string;
  dir?: string;
  'source-maps'?: string[];
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * `faultline dev`: starts the receiver, prints where to send, and runs until a stop signal (or, when a
 * package manager started it, until that launcher is gone). Ends the way the signal would have, so a
 * parent shell sees an interrupted command.
 */
export async function runDev(args: DevArguments): Promise<CommandOutcome> {
  // Read before the banner: a launcher stopped once it is printed is then noticed even when this process was
  // descheduled right after printing it (read later, the launcher could be gone already and init taken for it).
  const launcher = process.ppid;
  const port = parsePort(args.port ?? '8787');
  if (port === undefined) {
    return usageError(`--port must be a whole number from 0 to 65535 (got "${args.port}")`, 'dev');
  }
  for (const dir of args['source-maps'] ?? []) {
    if (!isFolder(dir)) return usageError(`--source-maps ${dir}: no such folder`, 'dev');
  }
  const dir = args.dir ?? '.faultline';
  const folderProblem = prepareFolder(dir);
  if (folderProblem) {
    process.stderr.write(`faultline dev: ${folderProblem}. Choose another one with --dir\n`);
    return 1;
  }
  let receiver: RunningReceiver;
  try {
    receiver = await createReceiver({ port, dir, sourceMaps: args['source-maps'] });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(
        `faultline dev: port ${port} is already in use (another faultline dev?). Choose another one: faultline dev --port ${port + 1}\n`,
      );
      return 1;
    }
    if (code === 'EACCES') {
      process.stderr.write(`faultline dev: not allowed to listen on port ${port}. Choose another one with --port\n`);
      return 1;
    }
    throw error;
  }
  process.stdout.write(
    `Faultline dev receiver on ${receiver.url}\n  DSN       ${receiver.dsn}\n  Loki URL  ${receiver.lokiUrl}\n  Storing   ${dir}/*.ndjson\n`,
  );
  const outcome = await waitForStop(launcher);
  await Promise.race([receiver.close(), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
  return outcome;
}

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

/**
 * Resolves with the first stop signal. Launched by npm (npx, npm exec, npm run), the receiver is a child of
 * the `sh -c` npm starts, and npm passes its signals to that shell only: when the shell dies (SIGTERM),
 * this process is re-parented, which is noticed here and treated as the end. `parent`: the launcher's pid as
 * the command started.
 */
function waitForStop(parent: number): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    const stop = (outcome: CommandOutcome): void => {
      for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal[signal]);
      clearInterval(watch);
      resolve(outcome);
    };
    const onSignal = Object.fromEntries(STOP_SIGNALS.map((signal) => [signal, () => stop(signal)])) as Record<
      (typeof STOP_SIGNALS)[number],
      () => void
    >;
    for (const signal of STOP_SIGNALS) process.once(signal, onSignal[signal]);
    const watch = process.env.npm_lifecycle_event
      ? setInterval(() => process.ppid !== parent && stop(128 + constants.signals.SIGHUP), 250).unref()
      : undefined;
  });
}
