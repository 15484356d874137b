import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync, constants as zlib } from 'node:zlib';
import { CANARY, CANARY_QUERY, CANARY_TEXT, canaryData, type ReceivedBody } from '@faultline/test-utils';

const APP = fileURLToPath(new URL('./fixtures/privacyApp.mjs', import.meta.url));

export interface PrivacyRun {
  code: number | null;
  /** What `flush` resolved with at the end. */
  flushed?: boolean;
  stderr: string;
}

/**
 * Runs the privacy fixture app in its own process, its state in `home` (HOME, XDG_STATE_HOME, TMPDIR), as
 * a user's shell would start it: no FAULTLINE_* variable of the test runner leaks in.
 */
export function runPrivacyApp(options: {
  mode: 'attack' | 'replay';
  dsn: string;
  lokiUrl: string;
  home: string;
  flushMs?: number;
}): Promise<PrivacyRun> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    HOME: options.home,
    XDG_STATE_HOME: path.join(options.home, '.local', 'state'),
    TMPDIR: path.join(options.home, 'tmp'),
    DSN: options.dsn,
    LOKI_URL: options.lokiUrl,
    MODE: options.mode,
    FLUSH_MS: String(options.flushMs ?? 15_000),
    CANARIES: JSON.stringify({ canary: CANARY, text: CANARY_TEXT, query: CANARY_QUERY, data: canaryData() }),
  };
  const child = spawn(process.execPath, [APP], { env, cwd: options.home, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      const flushed = stdout
        .split('\n')
        .filter((line) => line.startsWith('@app '))
        .map((line) => JSON.parse(line.slice(5)) as { type: string; ok?: boolean })
        .find((message) => message.type === 'flushed')?.ok;
      resolve({ code, flushed, stderr });
    }),
  );
}

/**
 * Every file under `dir` as text, with every gzip stream in it inflated too: what a journal keeps on disk,
 * readable whatever the record format compresses.
 */
export function diskText(dir: string): string {
  const parts: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const bytes = readFileSync(path.join(entry.parentPath, entry.name));
    parts.push(bytes.toString('latin1'), bytes.toString('utf8'));
    for (let at = bytes.indexOf(GZIP_MAGIC); at >= 0; at = bytes.indexOf(GZIP_MAGIC, at + 1)) {
      try {
        // Past the 10-byte header; a sync flush reads what is there, whatever follows the stream.
        parts.push(inflateRawSync(bytes.subarray(at + 10), { finishFlush: zlib.Z_SYNC_FLUSH }).toString('utf8'));
      } catch {
        // not a gzip stream after all
      }
    }
  }
  return parts.join('\n');
}
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

/** The bodies a receiver kept, split by destination. */
export function byDestination(bodies: ReceivedBody[]): { sentry: string[]; loki: string[] } {
  return {
    sentry: bodies.filter((b) => b.path.startsWith('/api/')).map((b) => b.body),
    loki: bodies.filter((b) => b.path.startsWith('/loki/')).map((b) => b.body),
  };
}
