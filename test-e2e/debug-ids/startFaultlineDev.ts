import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../packages/cli/build/esm/cli.js', import.meta.url));

/** The real `faultline dev --port 0 --source-maps <dir>` in its own process; its URL, DSN and JSON API. */
export async function startFaultlineDev(sourceMaps: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-dev-'));
  const child = spawn(process.execPath, [CLI, 'dev', '--port', '0', '--dir', dir, '--source-maps', sourceMaps], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`faultline dev did not start:\n${output}`)), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Faultline dev receiver on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`faultline dev exited ${code}:\n${output}`)));
  });
  const api = async <T>(route: string): Promise<T> => (await (await fetch(`${url}${route}`)).json()) as T;
  return {
    url,
    dsn: `http://faultline@${url.slice('http://'.length)}/1`,
    api,
    output: () => output,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
