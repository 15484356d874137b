// What request sessions cost a Node server, per request, next to @sentry/node in the same run: node:http
// alone; @faultline/node's default setup with request sessions on and off in alternating rounds of one
// process (only that option differs); @sentry/node's default setup with trackIncomingRequestsAsSessions
// true and false (two processes: Sentry reads the option once). Keep-alive requests come from a load
// process; the figure is the server process's CPU time per request. The receiver runs in its own process.
// Prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median } from '../harness.mjs';
import { startIngestReceiver } from '../startIngestReceiver.mjs';

export async function runRequestSessionCost({ rounds = 9, requests = 20_000 } = {}) {
  const receiver = await startIngestReceiver();
  const run = (subject) => {
    const home = mkdtempSync(path.join(tmpdir(), 'faultline-bench-sessions-')); // an empty journal
    const script = new URL('../requestSessionCostProcess.mjs', import.meta.url).pathname;
    const line = execFileSync(process.execPath, [script, subject, receiver.dsn, String(requests), String(rounds)], {
      encoding: 'utf8',
      env: { ...process.env, XDG_STATE_HOME: home },
    });
    return JSON.parse(line.trim()).samples;
  };
  /** Runs `subject` and checks that it sent request sessions (`sessions` items) exactly when it should. */
  const runChecked = async (subject, sendsSessions) => {
    const before = (await receiver.stats()).items.sessions ?? 0;
    const samples = run(subject);
    const sent = (await receiver.stats()).items.sessions ?? 0;
    if (sent > before !== sendsSessions) {
      throw new Error(`${subject} ${sendsSessions ? 'sent no' : 'sent'} sessions items: not the setup the table names`);
    }
    return samples;
  };
  const measured = {};
  try {
    measured.none = await runChecked('none', false);
    measured.faultline = await runChecked('faultline', true);
    measured.sentry = await runChecked('sentry', true);
    measured['sentry-nosessions'] = await runChecked('sentry-nosessions', false);
  } finally {
    await receiver.close();
  }
  const fmt = (n) => n.toFixed(1);
  const cpuOf = (list) => list.map((sample) => sample.cpuUs);
  const row = (label, list, extra = '—') => {
    const cpu = cpuOf(list);
    return `| ${label} | ${fmt(median(cpu))} | ${fmt(Math.min(...cpu))}–${fmt(Math.max(...cpu))} | ${fmt(median(list.map((s) => s.wallUs)))} | ${extra} |`;
  };
  const { on, off } = measured.faultline;
  const sentryOn = measured.sentry.sentry;
  const sentryOff = measured['sentry-nosessions']['sentry-nosessions'];
  // Round by round (each "on" round next to its "off" round): what Faultline's request sessions add.
  const faultlineAdds = median(on.map((sample, i) => sample.cpuUs - off[i].cpuUs));
  const sentryAdds = median(cpuOf(sentryOn)) - median(cpuOf(sentryOff));
  return [
    `### Request sessions on the Node server path (\`bench/src/suites/requestSessionCost.mjs\`, ${rounds} rounds of ${requests.toLocaleString('en-US')} keep-alive requests from another process; the server's CPU)`,
    '',
    '| subject | CPU µs per request (median) | min–max | wall µs per request | + request sessions (µs) |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('node:http alone', measured.none.none),
    row('@faultline/node default setup, `httpServerIntegration({ sessions: false })`', off),
    row('@faultline/node default setup (request sessions on)', on, `${fmt(faultlineAdds)} (round by round)`),
    row('@sentry/node default setup, `httpIntegration({ trackIncomingRequestsAsSessions: false })`', sentryOff),
    row('@sentry/node default setup (request sessions on)', sentryOn, `${fmt(sentryAdds)} (across two processes)`),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  console.log(await runRequestSessionCost(quick ? { rounds: 3, requests: 5000 } : {}));
}
