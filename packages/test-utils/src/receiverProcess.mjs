// A Sentry-compatible ingest receiver run in its own process (fork it; `startReceiverProcess()` does),
// for reliability tests and benches: the SDK under test delivers over real loopback TCP to a process it
// shares nothing with. It counts what it accepted per event_id (delivered, duplicates), sums client
// reports, records every request, and answers as told over IPC (latency, a status script, refusing
// connections and reopening on the same port).
//
// Started with `<port> tls` it speaks HTTP/2 over TLS (and HTTP/1.1, by ALPN) with a self-signed
// certificate whose path it reports as `ca` (give it to the SDK's process as NODE_EXTRA_CA_CERTS).
// A step's status may also be 'reset' (the connection destroyed) or 'hang' (never answered), and `dripMs`
// writes the headers and then the body a byte at a time, never ending it.
//
// IPC: it sends { type: 'ready', port } once listening (and prints the port on stdout); every message
// { id, cmd, ...args } gets { id, ok, result } or { id, ok: false, error }. Commands: stats,
// events { prefix? }, requests, bodies, set { latencyMs?, script?, keepPayloads?, keepBodies? }, refuse,
// reopen, resetPeak, reset, close. With keepPayloads, each event keeps the payload of its first accepted
// delivery (`payload`). With keepBodies, every body (gunzipped) is kept with its path, for privacy tests that
// look for secrets in the bytes; browsers may post (CORS), and Loki pushes are taken like envelopes.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { setTimeout as sleep } from 'node:timers/promises';
import { readBody, textOf } from './readEnvelopeBody.mjs';
import { selfSignedCertificate } from './selfSignedCertificate.mjs';

const requestedPort = Number(process.argv[2] ?? 0);
/** `tls`: HTTP/2 over TLS (HTTP/1.1 too, by ALPN), as Sentry's ingest speaks, with a fresh self-signed cert. */
const tls = process.argv[3] === 'tls' ? selfSignedCertificate() : undefined;

/** Answers: a status script (steps run in order, then 200) and a latency before every answer. */
let latencyMs = 0;
/** Keep each accepted event's payload (off by default: benches send tens of thousands). */
let keepPayloads = false;
let script = [];
let keepBodies = false;
let step = { index: 0, since: Date.now(), used: 0 };

let counters;
/** event_id → { label, level, deliveries, attempts: [arrival ms], deliveredAt: [answer ms] } */
let events;
/** One record per request: start, end, status, event ids, sent_at, and a browser's Sec-Fetch-Mode. */
let requestLog;
/** With keepBodies: { path, mode (a browser's Sec-Fetch-Mode), status, body } per request, gunzipped. */
let bodies;

function reset() {
  counters = { requests: 0, inFlight: 0, maxInFlight: 0, answered: {}, unique: 0, duplicates: 0, unparsable: 0 };
  counters.connections = 0;
  counters.httpVersions = {};
  counters.discarded = {};
  counters.items = {};
  events = new Map();
  requestLog = [];
  bodies = [];
}
reset();

/** The step answering a request that arrives now: count steps last `count` requests, timed ones `forMs`. */
function currentStep(now) {
  for (;;) {
    const rule = script[step.index];
    if (!rule) return { status: 200 };
    const expiredByTime = rule.forMs !== undefined && now >= step.since + rule.forMs;
    const expiredByCount = rule.count !== undefined && step.used >= rule.count;
    if (!expiredByTime && !expiredByCount) {
      step.used++;
      return rule;
    }
    step = {
      index: step.index + 1,
      since: expiredByTime ? step.since + rule.forMs : now,
      used: 0,
    };
  }
}

function record(carried, start, status, delivered, mode) {
  const now = Date.now();
  const ids = carried?.events.map((e) => e.id) ?? [];
  const entry = { start, end: now, status, ids, sentAt: carried?.sentAt, mode };
  requestLog.push(entry);
  counters.answered[status] = (counters.answered[status] ?? 0) + 1;
  if (!carried) {
    counters.unparsable++;
    return;
  }
  for (const e of carried.events) {
    let known = events.get(e.id);
    if (!known) {
      known = { id: e.id, label: e.label, level: e.level, deliveries: 0, attempts: [], deliveredAt: [] };
      events.set(e.id, known);
    }
    known.attempts.push(start);
    if (!delivered) continue;
    known.deliveries++;
    known.deliveredAt.push(now);
    if (keepPayloads && !known.payload) known.payload = e.event;
    if (known.deliveries === 1) counters.unique++;
    else counters.duplicates++;
  }
  if (!delivered) return;
  for (const type of carried.types) counters.items[type] = (counters.items[type] ?? 0) + 1;
  for (const { reason, category, quantity } of carried.reports) {
    const key = `${reason}:${category}`;
    counters.discarded[key] = (counters.discarded[key] ?? 0) + (Number(quantity) || 0);
  }
}

// Browsers post cross-origin: a preflight is answered and not counted; every answer allows any origin and,
// as Sentry's ingest does, lets a page on another origin read the status and the limits.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'retry-after, x-sentry-rate-limits',
};

const sockets = new Set();
const handle = (req, res) => {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...CORS, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': '*' });
    return res.end();
  }
  const start = Date.now();
  counters.requests++;
  counters.httpVersions[req.httpVersion] = (counters.httpVersions[req.httpVersion] ?? 0) + 1;
  counters.inFlight++;
  counters.maxInFlight = Math.max(counters.maxInFlight, counters.inFlight);
  let finished = false;
  const done = () => {
    if (finished) return;
    finished = true;
    counters.inFlight--;
  };
  res.on('close', done);
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('error', () => undefined);
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const gzipped = req.headers['content-encoding'] === 'gzip';
    const carried = readBody(raw, gzipped);
    const mode = req.headers['sec-fetch-mode'];
    const kept = keepBodies ? { path: req.url, mode, status: undefined, body: textOf(raw, gzipped) } : undefined;
    if (kept) bodies.push(kept);
    const rule = currentStep(start);
    const wait = rule.latencyMs ?? latencyMs;
    const answer = () => {
      if (res.destroyed || req.socket.destroyed) return record(carried, start, 'reset', false, mode);
      if (kept) kept.status = rule.status;
      if (rule.status === 'reset') {
        record(carried, start, 'reset', false, mode);
        return req.socket.destroy();
      }
      // Never answered: the connection stays open until the client gives up on it.
      if (rule.status === 'hang') return record(carried, start, 'hang', false, mode);
      const status = rule.status;
      // Counted before the answer is written: once the client reads a 2xx, the envelope is delivered.
      record(carried, start, status, status >= 200 && status < 300, mode);
      res.writeHead(status, { 'content-type': 'application/json', ...CORS, ...rule.headers });
      if (!rule.dripMs) return res.end(rule.body ?? '{}');
      // The headers now, then the body one byte every dripMs, never ending: only the status says delivered.
      const drip = setInterval(() => res.write(' '), rule.dripMs);
      res.on('close', () => clearInterval(drip));
    };
    if (wait > 0) setTimeout(answer, wait);
    else answer();
  });
};
const server = tls
  ? createSecureServer(
      { key: tls.key, cert: tls.cert, allowHTTP1: true, settings: { maxConcurrentStreams: 1000 } },
      handle,
    )
  : createServer(handle);
server.keepAliveTimeout = 60_000;
server.on('connection', (socket) => {
  counters.connections++;
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});

let port = requestedPort;
let refusing = false;

async function listen() {
  // The port was ours a moment ago; another process may briefly hold it (TIME_WAIT is not an issue for
  // listening sockets, but a racing bind is): retry for a while rather than move.
  for (let tries = 0; ; tries++) {
    try {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      port = server.address().port;
      return;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || tries >= 100) throw error;
      await sleep(50);
    }
  }
}

async function refuse() {
  refusing = true;
  const closed = new Promise((resolve) => server.close(() => resolve()));
  // Keep-alive connections would otherwise still reach us: an outage cuts them too.
  for (const socket of sockets) socket.destroy();
  await closed;
}

function snapshotStats() {
  return { ...counters, refusing, port, latencyMs, scriptStep: step.index, events: events.size };
}

const commands = {
  stats: () => snapshotStats(),
  events: ({ prefix }) => [...events.values()].filter((event) => !prefix || event.label.startsWith(prefix)),
  requests: () => requestLog,
  bodies: () => bodies,
  set: (message) => {
    if (message.latencyMs !== undefined) latencyMs = message.latencyMs;
    if (message.keepPayloads !== undefined) keepPayloads = message.keepPayloads;
    if (message.keepBodies !== undefined) keepBodies = message.keepBodies;
    if (message.script !== undefined) {
      script = message.script;
      step = { index: 0, since: Date.now(), used: 0 };
    }
    return snapshotStats();
  },
  refuse: async () => {
    if (!refusing) await refuse();
    return snapshotStats();
  },
  reopen: async () => {
    if (refusing) {
      await listen();
      refusing = false;
    }
    return { ...snapshotStats(), at: Date.now() };
  },
  resetPeak: () => {
    counters.maxInFlight = counters.inFlight;
    return snapshotStats();
  },
  reset: () => {
    reset();
    return snapshotStats();
  },
  close: async () => {
    if (!refusing) await refuse();
    setImmediate(() => process.exit(0));
    return snapshotStats();
  },
};

process.on('message', async (message) => {
  const { id, cmd } = message ?? {};
  const run = commands[cmd];
  try {
    if (!run) throw new Error(`unknown command ${cmd}`);
    process.send?.({ id, ok: true, result: await run(message) });
  } catch (error) {
    process.send?.({ id, ok: false, error: String(error?.stack ?? error) });
  }
});
// The parent went away: nothing is left to report to.
process.on('disconnect', () => process.exit(0));

await listen();
process.stdout.write(`${port}\n`);
process.send?.({ type: 'ready', port, ca: tls?.ca });
