import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * One step of the receiver's answer script. Steps run in order; a step lasts `count` requests or `forMs`
 * (from when it became current), or forever with neither. After the last step, every answer is 200.
 */
export interface ReceiverStep {
  /** An HTTP status, 'reset' to destroy the connection without answering, or 'hang' never to answer. */
  status: number | 'reset' | 'hang';
  headers?: Record<string, string>;
  body?: string;
  count?: number;
  forMs?: number;
  /** Overrides the receiver's latency while this step answers. */
  latencyMs?: number;
  /** After the status line and headers, one body byte every `dripMs`, the body never ending. */
  dripMs?: number;
}

export interface ReceiverStats {
  /** Requests that reached the receiver (whatever it answered). */
  requests: number;
  inFlight: number;
  /** Most requests in flight at once (since start, `reset` or `resetPeak`). */
  maxInFlight: number;
  /** Connections accepted (since start or `reset`). */
  connections: number;
  /** Requests per HTTP version ('1.1', '2.0'). */
  httpVersions: Record<string, number>;
  /** Requests by answer: status code, 'reset' or 'hang'. */
  answered: Record<string, number>;
  /** Distinct event_ids accepted with a 2xx. */
  unique: number;
  /** Accepted deliveries of an event_id beyond its first. */
  duplicates: number;
  /** Bodies that were not a readable envelope. */
  unparsable: number;
  /** Client reports' discarded_events in accepted envelopes, summed per `reason:category`. */
  discarded: Record<string, number>;
  /** Accepted items per type (event, client_report, log…). */
  items: Record<string, number>;
  refusing: boolean;
  port: number;
  latencyMs: number;
  scriptStep: number;
  /** Distinct event_ids seen at all, accepted or not. */
  events: number;
}

export interface ReceivedEvent {
  id: string;
  /** The last exception value, or the message. */
  label: string;
  level?: string;
  /** Times it was accepted with a 2xx. */
  deliveries: number;
  /** Arrival time (ms since the epoch) of every request that carried it, accepted or not. */
  attempts: number[];
  /** When each accepted delivery was answered. */
  deliveredAt: number[];
  /** The event as first accepted, when the receiver was told to keep payloads. */
  payload?: Record<string, unknown>;
}

export interface ReceivedRequestRecord {
  start: number;
  end: number;
  status: number | 'reset' | 'hang';
  ids: string[];
  sentAt?: string;
  /** The `Sec-Fetch-Mode` a browser sent: `no-cors` for a beacon, `cors` for the transport's fetch. */
  mode?: string;
}

/** A body as the receiver got it (gunzipped), kept when `set({ keepBodies: true })`. */
export interface ReceivedBody {
  /** The request's path and query (`/api/1/envelope/?…`, `/loki/api/v1/push`). */
  path: string;
  /** The `Sec-Fetch-Mode` a browser sent: `no-cors` for a beacon, `cors` for the transport's fetch. */
  mode?: string;
  /** What it answered: a status, 'reset', or undefined when no answer was written. */
  status?: number | 'reset';
  body: string;
}

export interface ReceiverProcess {
  port: number;
  /** `http://127.0.0.1:<port>` (`https://` with `tls`) */
  url: string;
  /** A DSN pointing at this receiver (project 1). */
  dsn: string;
  /** With `tls`: the path of its self-signed certificate, for the SDK's process as NODE_EXTRA_CA_CERTS. */
  ca?: string;
  child: ChildProcess;
  stats(): Promise<ReceiverStats>;
  /** Every event_id seen, or those whose label starts with `prefix`. */
  events(prefix?: string): Promise<ReceivedEvent[]>;
  requests(): Promise<ReceivedRequestRecord[]>;
  /** Every body received since `set({ keepBodies: true })` (gunzipped), for tests that search the bytes. */
  bodies(): Promise<ReceivedBody[]>;
  /**
   * Latency before every answer, a new status script (restarted now), keeping events' payloads
   * (`keepPayloads`) or whole bodies (`keepBodies`) from now.
   */
  set(options: {
    latencyMs?: number;
    script?: ReceiverStep[];
    keepPayloads?: boolean;
    keepBodies?: boolean;
  }): Promise<ReceiverStats>;
  /** Closes the listening socket and every open connection: new connections are refused. */
  refuse(): Promise<ReceiverStats>;
  /** Listens again on the same port; `at` says when it did. */
  reopen(): Promise<ReceiverStats & { at: number }>;
  /** Restarts the max-in-flight count from the requests in flight now. */
  resetPeak(): Promise<ReceiverStats>;
  /** Forgets every count and record. */
  reset(): Promise<ReceiverStats>;
  /** Polls the stats until `predicate` holds; rejects with the last stats after `timeoutMs`. */
  waitFor(predicate: (stats: ReceiverStats) => boolean, timeoutMs: number, label?: string): Promise<ReceiverStats>;
  close(): Promise<void>;
}

// Worked out when first needed, not at import: jsdom tests import test-utils too, with a non-file URL.
const receiverScript = (): string => fileURLToPath(new URL('./receiverProcess.mjs', import.meta.url));

/**
 * Starts the ingest receiver in a child process on 127.0.0.1 (port 0 unless given) and returns a typed
 * handle to count and steer it. Each reliability test gets its own; close it in `finally`. With `tls`, it
 * speaks HTTP/2 over TLS (and HTTP/1.1) with a self-signed certificate (`ca`).
 */
export async function startReceiverProcess(port = 0, options: { tls?: boolean } = {}): Promise<ReceiverProcess> {
  const args = [String(port), ...(options.tls ? ['tls'] : [])];
  const child = fork(receiverScript(), args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let nextId = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let ca: string | undefined;
  const ready = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code} before it listened`)));
    child.on(
      'message',
      (message: {
        type?: string;
        port?: number;
        ca?: string;
        id?: number;
        ok?: boolean;
        result?: unknown;
        error?: string;
      }) => {
        if (message.type === 'ready') {
          ca = message.ca;
          return resolve(message.port!);
        }
        const pending = waiting.get(message.id!);
        if (!pending) return;
        waiting.delete(message.id!);
        if (message.ok) pending.resolve(message.result);
        else pending.reject(new Error(`receiver: ${message.error}`));
      },
    );
  });
  child.on('exit', () => {
    for (const pending of waiting.values()) pending.reject(new Error('receiver exited'));
    waiting.clear();
  });
  const actualPort = await ready;
  const call = <T>(cmd: string, args: object = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, cmd, ...args });
    });
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${actualPort}`;
  const stats = () => call<ReceiverStats>('stats');
  return {
    port: actualPort,
    url,
    dsn: `${options.tls ? 'https' : 'http'}://public@127.0.0.1:${actualPort}/1`,
    ca,
    child,
    stats,
    events: (prefix) => call<ReceivedEvent[]>('events', { prefix }),
    requests: () => call<ReceivedRequestRecord[]>('requests'),
    bodies: () => call<ReceivedBody[]>('bodies'),
    set: (options) => call<ReceiverStats>('set', options),
    refuse: () => call<ReceiverStats>('refuse'),
    reopen: () => call<ReceiverStats & { at: number }>('reopen'),
    resetPeak: () => call<ReceiverStats>('resetPeak'),
    reset: () => call<ReceiverStats>('reset'),
    async waitFor(predicate, timeoutMs, label = 'condition') {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = await stats();
        if (predicate(current)) return current;
        if (Date.now() >= deadline) {
          throw new Error(`receiver: ${label} not met within ${timeoutMs} ms; stats: ${JSON.stringify(current)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
