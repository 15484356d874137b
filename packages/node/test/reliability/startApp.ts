import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReceivedEvent, ReceiverProcess } from '@faultline/test-utils';

const APP = fileURLToPath(new URL('./fixtures/app.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A line the app printed for the test (`@app {…}`). */
export interface AppMessage {
  type: string;
  at: number;
  [key: string]: unknown;
}

/** After `capture` / `rate`: how many, and when the loop started and ended (ms since the epoch). */
export interface Captured extends AppMessage {
  label: string;
  count: number;
  t0: number;
  t1: number;
}

/** After `gc`: the live heap, and its growth since `gc base`. */
export interface LiveHeap extends AppMessage {
  liveHeapMiB: number;
  liveHeapGrowthMiB: number;
}

export interface AppReport extends AppMessage {
  initMs: number;
  rssGrowthMiB: number;
  peakRssMiB: number;
  heapGrowthMiB: number;
  peakHeapMiB: number;
  maxEventLoopDelayMs: number;
  /** Ticks of a 10 ms timer that came more than 30 ms late: when, and by how much. */
  stalls: Array<{ at: number; lateMs: number; cpuMs: number }>;
  /**
   * The longest stall the process itself can have caused: per stall, the lesser of its length and the CPU
   * the process used meanwhile (a process the OS did not run burns none). Other load on the machine does not
   * count; a busy main thread always does.
   */
  busyStallMaxMs: number;
  calls: number;
  meanUs: number;
  medianUs: number;
  p99Us: number;
  maxUs: number;
}

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** When it exited (ms since the epoch). */
  at: number;
}

export interface App {
  child: ChildProcess;
  messages: AppMessage[];
  /** The next message of this type not taken yet, waiting up to `timeoutMs`. */
  next<T extends AppMessage = AppMessage>(type: string, timeoutMs?: number): Promise<T>;
  /** Sends commands (`;`-separated) on stdin; needs `stdin: true`. */
  send(commands: string): void;
  exited: Promise<AppExit>;
  /** Exit, or undefined if it has not exited within `timeoutMs` (then it is killed). */
  exit(timeoutMs: number): Promise<AppExit | undefined>;
  stdout(): string;
  stderr(): string;
  kill(signal?: NodeJS.Signals): void;
}

/** A private home for one scenario: HOME, XDG_STATE_HOME and TMPDIR inside it, so journals never collide. */
export function privateHome(): string {
  const home = mkdtempSync(path.join(tmpdir(), 'faultline-reliability-'));
  mkdirSync(path.join(home, '.local', 'state'), { recursive: true });
  mkdirSync(path.join(home, 'tmp'));
  return home;
}

export function removeHome(home: string): void {
  rmSync(home, { recursive: true, force: true });
}

/**
 * Starts the app fixture in its own process: `init({ dsn })` of the built @faultline/node with nothing
 * else, its state in `home`, running `script` and then (with `stdin`) the commands sent to it.
 */
export function startApp(options: {
  dsn: string;
  home: string;
  script?: string;
  stdin?: boolean;
  /** Node flags, e.g. --expose-gc for the `gc` command (the SDK's setup stays the default). */
  nodeArgs?: string[];
  /** Another app under fixtures/ (default `app.mjs`). */
  fixture?: string;
  /**
   * More environment variables (a preload's settings, NODE_EXTRA_CA_CERTS for a receiver's self-signed
   * certificate; never FAULTLINE_* unless the test is about them).
   */
  env?: Record<string, string>;
}): App {
  warnIfBuildIsStale();
  const { dsn, home, script = '', stdin = false, nodeArgs = [], fixture, env: extra } = options;
  // Only what a user's shell would have: no FAULTLINE_* or NODE_OPTIONS of the test runner leak in.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    HOME: home,
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    TMPDIR: path.join(home, 'tmp'),
    DSN: dsn,
    SCRIPT: script,
    STDIN: stdin ? '1' : '0',
    ...extra,
  };
  const app = fixture ? fileURLToPath(new URL(`./fixtures/${fixture}`, import.meta.url)) : APP;
  const child = spawn(process.execPath, [...nodeArgs, app], {
    env,
    cwd: home,
    stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let partial = '';
  const messages: AppMessage[] = [];
  const taken = new Set<AppMessage>();
  const listeners = new Set<() => void>();
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    stdout += chunk;
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('@app ')) messages.push(JSON.parse(line.slice(5)) as AppMessage);
    }
    for (const listener of listeners) listener();
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  let exitInfo: AppExit | undefined;
  const exited = new Promise<AppExit>((resolve) =>
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal, at: Date.now() };
      for (const listener of listeners) listener();
      resolve(exitInfo);
    }),
  );
  const describe = () =>
    `app ${child.pid}: exit ${JSON.stringify(exitInfo)}; messages ${JSON.stringify(messages.map((m) => m.type))}; stderr: ${stderr.slice(-2000)}`;

  return {
    child,
    messages,
    next<T extends AppMessage>(type: string, timeoutMs = 15_000): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = messages.find((m) => m.type === type && !taken.has(m));
          if (found) {
            taken.add(found);
            done();
            resolve(found as T);
          } else if (exitInfo) {
            done();
            reject(new Error(`no "${type}" message before the app exited; ${describe()}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no "${type}" message within ${timeoutMs} ms; ${describe()}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    send(commands) {
      child.stdin!.write(`${commands.split(';').join('\n')}\n`);
    },
    exited,
    async exit(timeoutMs) {
      const result = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(r, timeoutMs))]);
      if (!result) child.kill('SIGKILL');
      return result;
    },
    stdout: () => stdout,
    stderr: () => stderr,
    kill(signal = 'SIGKILL') {
      if (!exitInfo) child.kill(signal);
    },
  };
}

/** What the receiver holds of the events whose label starts with `label `, against `expected` captures. */
export interface Delivery {
  /** Distinct captures delivered (by label), at least once. */
  delivered: number;
  /** Deliveries beyond the first, over every event_id of these captures. */
  duplicates: number;
  /** Captures never delivered. */
  missing: number;
  /** Errors the client reports said were lost (every reason), summed. */
  reportedLoss: number;
  /** Event ids delivered per label beyond one: the same capture under two ids. */
  relabelled: number;
}

export async function deliveryOf(receiver: ReceiverProcess, label: string, expected: number): Promise<Delivery> {
  const [events, stats] = await Promise.all([receiver.events(label), receiver.stats()]);
  const mine = events.filter((e) => e.label.startsWith(`${label} `) || e.label === label);
  const byLabel = new Map<string, ReceivedEvent[]>();
  for (const event of mine) byLabel.set(event.label, [...(byLabel.get(event.label) ?? []), event]);
  let delivered = 0;
  let relabelled = 0;
  for (const group of byLabel.values()) {
    const deliveredIds = group.filter((e) => e.deliveries > 0).length;
    if (deliveredIds > 0) delivered++;
    relabelled += Math.max(0, deliveredIds - 1);
  }
  const duplicates = mine.reduce((sum, e) => sum + Math.max(0, e.deliveries - 1), 0);
  const reportedLoss = Object.entries(stats.discarded)
    .filter(([key]) => key.endsWith(':error'))
    .reduce((sum, [, quantity]) => sum + quantity, 0);
  return { delivered, duplicates, missing: expected - delivered, reportedLoss, relabelled };
}

/** Events of one label, as the receiver recorded them. */
export async function eventsLabelled(receiver: ReceiverProcess, label: string): Promise<ReceivedEvent[]> {
  return (await receiver.events(label)).filter((e) => e.label === label || e.label.startsWith(`${label} `));
}

/** Smallest gap between consecutive attempts (arrivals) of any one event, in ms; Infinity with < 2. */
export function minAttemptGap(events: ReceivedEvent[], before = Infinity): number {
  let gap = Infinity;
  for (const event of events) {
    const times = event.attempts.filter((t) => t < before).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) gap = Math.min(gap, times[i]! - times[i - 1]!);
  }
  return gap;
}

/** Total size and count of the files under `dir` (what a journal has written so far). */
export function folderFootprint(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    try {
      bytes += statSync(path.join(entry.parentPath, entry.name)).size;
      files++;
    } catch {
      // removed meanwhile
    }
  }
  return { files, bytes };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The measurements of a report worth printing next to the receiver's counts. */
export function figures(report: AppReport) {
  return {
    initMs: round(report.initMs),
    callMeanUs: round(report.meanUs),
    callMedianUs: round(report.medianUs),
    callP99Us: round(report.p99Us),
    rssGrowthMiB: round(report.rssGrowthMiB),
    heapGrowthMiB: round(report.heapGrowthMiB),
    maxEventLoopDelayMs: round(report.maxEventLoopDelayMs),
    busyStallMaxMs: report.busyStallMaxMs,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let warned = false;
/** The fixture runs the build: say so when a source is newer than it (run `npm run build`). */
function warnIfBuildIsStale(): void {
  if (warned) return;
  warned = true;
  const built = statSync(path.join(ROOT, 'packages/node/build/esm/index.js')).mtimeMs;
  const newest = ['packages/core/src', 'packages/node/src']
    .flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => statSync(path.join(e.parentPath, e.name)).mtimeMs),
    )
    .reduce((a, b) => Math.max(a, b), 0);
  if (newest > built) console.warn('[reliability] packages/*/build is older than the sources: run `npm run build`');
}
