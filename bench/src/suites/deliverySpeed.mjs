// Envelope throughput through each SDK's transport policy to a real HTTP receiver on 127.0.0.1:
// Faultline's createTransport and @sentry/core's createTransport, the same fetch request function
// and the same envelopes, alternating rounds in one process.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import * as Faultline from '@faultline/core';
import * as Sentry from '@sentry/core';
import { median } from '../harness.mjs';

const BATCH = 50;

async function startReceiver() {
  const child = fork(new URL('../receiverProcess.mjs', import.meta.url), [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [line] = await once(child.stdout, 'data');
  const url = `http://127.0.0.1:${String(line).trim()}`;
  const stats = async () => (await fetch(`${url}/stats`)).json();
  return { url, stats, stop: () => child.disconnect() };
}

const fetchRequest = async ({ url, headers, body }) => {
  const response = await fetch(url, { method: 'POST', headers, body });
  await response.arrayBuffer();
  return { statusCode: response.status, headers: { 'retry-after': null, 'x-sentry-rate-limits': null } };
};

function envelopeFor(i) {
  const event = {
    event_id: Faultline.uuid4(),
    timestamp: Date.now() / 1000,
    level: 'error',
    platform: 'node',
    exception: {
      values: [
        {
          type: 'Error',
          value: `Payment ${i} failed`,
          stacktrace: { frames: [{ function: 'pay', filename: '/srv/pay.js', lineno: 12 }] },
        },
      ],
    },
    tags: { region: 'eu-west-1' },
    breadcrumbs: Array.from({ length: 20 }, (_, n) => ({ timestamp: Date.now() / 1000, message: `GET /api/${n} 200` })),
  };
  return Faultline.createEventEnvelope(event, { sdk: { name: 'bench', version: '0' } });
}

/** Sends `count` envelopes in batches (each drained before the next) and returns events/s. */
async function deliver(transport, count, drain) {
  const started = performance.now();
  for (let sent = 0; sent < count; sent += BATCH) {
    const pending = [];
    for (let i = 0; i < BATCH; i++) pending.push(transport.send(envelopeFor(sent + i)));
    await Promise.all(pending);
    await drain(transport);
  }
  return (count / (performance.now() - started)) * 1000;
}

export async function runDeliverySpeed({ rounds = 5, count = 1000 } = {}) {
  const receiver = await startReceiver();
  const url = `${receiver.url}/api/1/envelope/`;
  const dropped = { faultline: 0, sentry: 0 };
  const faultline = Faultline.createTransport(
    { destination: Faultline.createSentryDestination({ url }), recordDroppedEvent: () => dropped.faultline++ },
    fetchRequest,
  );
  // Sentry's request function gets only the body; its platforms close over the URL as done here.
  const sentry = Sentry.createTransport({ url, recordDroppedEvent: () => dropped.sentry++ }, (request) =>
    fetchRequest({ url, headers: {}, body: request.body }),
  );
  const subjects = [
    { name: '@faultline/core createTransport', transport: faultline, drain: (t) => t.flush(30_000) },
    { name: '@sentry/core createTransport', transport: sentry, drain: (t) => t.flush(30_000) },
  ];
  const samples = subjects.map(() => []);
  const bytesBefore = [];
  const bytesPerEvent = subjects.map(() => 0);
  for (const subject of subjects) await deliver(subject.transport, 200, subject.drain); // warm-up
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const index of order) {
      const before = await receiver.stats();
      samples[index].push(await deliver(subjects[index].transport, count, subjects[index].drain));
      const after = await receiver.stats();
      bytesBefore.push(after.requests - before.requests);
      bytesPerEvent[index] = (after.bytes - before.bytes) / Math.max(1, after.requests - before.requests);
      if (after.requests - before.requests !== count) {
        throw new Error(`${subjects[index].name}: ${after.requests - before.requests} of ${count} envelopes arrived`);
      }
    }
  }
  receiver.stop();
  const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const rows = subjects.map((subject, index) => {
    const ratio = median(samples[0].map((value, round) => value / samples[index][round]));
    return `| ${subject.name} | ${fmt(median(samples[index]))} | ${fmt(Math.min(...samples[index]))}–${fmt(Math.max(...samples[index]))} | ${fmt(bytesPerEvent[index])} | ${index === 0 ? '—' : `${fmt(ratio, 2)}×`} |`;
  });
  return [
    `### Envelope delivery to a loopback receiver (${count} envelopes per round, batches of ${BATCH}, every one verified received)`,
    '',
    '| transport | events/s (median) | min–max | bytes/event | Faultline ÷ subject |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Drops recorded: Faultline ${dropped.faultline}, Sentry ${dropped.sentry}.`,
    '',
  ].join('\n');
}
