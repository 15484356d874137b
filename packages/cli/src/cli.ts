#!/usr/bin/env node
// The `faultline` command: dev (local receiver), test (check a DSN / Loki), validate (check a config).
import { parseArgs } from 'node:util';
import { testDestinations } from './commands/testDestinations';
import { validateConfig } from './commands/validateConfig';
import { createReceiver } from './receiver/createReceiver';

const USAGE = `faultline dev [--port 8787] [--dir .faultline] [--source-maps DIR]…
faultline test --dsn <dsn> | --loki <push url>
faultline validate <config.json>`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      dir: { type: 'string' },
      'source-maps': { type: 'string', multiple: true },
      dsn: { type: 'string' },
      loki: { type: 'string' },
    },
  });
  if (command === 'dev') {
    const receiver = await createReceiver({
      port: Number(values.port ?? 8787),
      dir: values.dir,
      sourceMaps: values['source-maps'],
    });
    process.stdout.write(
      `Faultline dev receiver on ${receiver.url}\n  DSN       ${receiver.dsn}\n  Loki URL  ${receiver.lokiUrl}\n  Storing   ${values.dir ?? '.faultline'}/*.ndjson\n`,
    );
    await new Promise<void>((resolve) => process.once('SIGINT', resolve));
    await receiver.close();
    return 0;
  }
  if (command === 'test') {
    const { lines, code } = await testDestinations({ dsn: values.dsn, loki: values.loki });
    process.stdout.write(`${lines.join('\n')}\n`);
    return code;
  }
  if (command === 'validate' && positionals[0]) {
    const { lines, code } = validateConfig(positionals[0]);
    process.stdout.write(`${lines.join('\n')}\n`);
    return code;
  }
  process.stderr.write(`${USAGE}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`faultline: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
