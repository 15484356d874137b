import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { privateHome, removeHome } from '../reliability/startApp';

export interface Program {
  child: ChildProcess;
  /** The port a server program printed (`listening on <port>`). */
  port?: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the program ended on its own. */
  exited: Promise<number | null>;
  /** Ends the program (SIGTERM, then SIGKILL) and removes its private home. */
  stop(): Promise<void>;
}

/**
 * Runs one of Sentry's documented programs (`fixtures/<name>`, written against `@sentry/node` with only the
 * import changed) as its own process: the built `@faultline/node` in its default set-up (file journal in a
 * private home, undici transport), with `SENTRY_DSN` pointing at the test's receiver and nothing else from
 * the test runner's environment. A server program is ready once it printed `listening on <port>`.
 */
export async function runProgram(name: string, dsn: string, env: Record<string, string> = {}): Promise<Program> {
  const home = privateHome();
  const file = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const child = spawn(process.execPath, [file], {
    cwd: path.dirname(file),
    env: {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      HOME: home,
      XDG_STATE_HOME: path.join(home, '.local', 'state'),
      TMPDIR: path.join(home, 'tmp'),
      SENTRY_DSN: dsn,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const program: Program = {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      removeHome(home);
    },
  };
  const port = await Promise.race([
    new Promise<number | undefined>((resolve) => {
      const check = (): void => {
        const match = /listening on (\d+)/.exec(stdout);
        if (match) resolve(Number(match[1]));
      };
      child.stdout!.on('data', check);
      check();
    }),
    exited.then(() => undefined),
  ]);
  program.port = port;
  return program;
}
