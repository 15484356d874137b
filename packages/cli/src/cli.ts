#!/usr/bin/env node
// The `faultline` command: dev (local receiver), test (check a DSN / Loki), validate (check a config).
import { constants } from 'node:os';
import { runCli } from './commands/runCli';

// A reader that went away (`faultline dev | head`) must not take the receiver down with it: writes to a closed
// pipe fail with EPIPE, which is ignored; what is received is still stored and shown on the page.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

runCli(process.argv.slice(2)).then(
  (outcome) => {
    if (typeof outcome === 'number') return process.exit(outcome);
    // End the way the signal would have, so a parent (a shell, npm) sees an interrupted command.
    process.removeAllListeners(outcome);
    process.kill(process.pid, outcome);
    setTimeout(() => process.exit(128 + constants.signals[outcome]), 200);
  },
  (error: unknown) => {
    process.stderr.write(`faultline: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(70); // EX_SOFTWARE: a failure of faultline itself
  },
);
