// What request sessions cost a Node server, per request, next to @sentry/node in the same run: node:http
// alone; @faultline/node's default setup with request sessions on and off in alternating rounds of one
// process (only that option differs); @sentry/node's default setup with trackIncomingRequestsAsSessions
// true and false (alternating processes, 3 of each: Sentry reads the option once). Keep-alive requests come from a load
// process; the figure is the server process's CPU time per request. The receiver runs in its own process.
// Prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median } from '../harness.mjs';
import { startIngestReceiver } from '../startIngestReceiver.mjs';

/** Its section of docs/benchmarks.md. */
export const REQUEST_SESSIONS_HEADING =
  '## Release health on the Node server path (`bench/src/suites/requestSessionCost.mjs`)';

export async function runRequestSessionCost({ rounds = 9, requests = 20_000, quick = false } = {}) {
  const bookkeeping = JSON.parse(
    execFileSync(
      process.execPath,
      [new URL('../requestSessionBookkeepingProcess.mjs', import.meta.url).pathname, ...(quick ? ['--quick'] : [])],
      { encoding: 'utf8' },
    ).trim(),
  );
  const receiver = await startIngestReceiver();
  const run = (subject, roundCount = rounds) => {
    const home = mkdtempSync(path.join(tmpdir(), 'faultline-bench-sessions-')); // an empty journal
    const script = new URL('../requestSessionCostProcess.mjs', import.meta.url).pathname;
    const args = [script, subject, receiver.dsn, String(requests), String(roundCount)];
    const line = execFileSync(process.execPath, args, {
      encoding: 'utf8',
      env: { ...process.env, XDG_STATE_HOME: home },
    });
    return JSON.parse(line.trim()).samples;
  };
  /** Runs `subject` and checks that it sent request sessions (`sessions` items) exactly when it should. */
  const runChecked = async (subject, sendsSessions, roundCount) => {
    const before = (await receiver.stats()).items.sessions ?? 0;
    const samples = run(subject, roundCount);
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
    // Sentry's option is read once per process: on and off run in alternating processes, 3 of each.
    measured.sentry = [];
    measured['sentry-nosessions'] = [];
    for (let i = 0; i < 3; i++) {
      const roundCount = Math.max(1, Math.round(rounds / 3));
      measured.sentry.push((await runChecked('sentry', true, roundCount)).sentry);
      measured['sentry-nosessions'].push(
        (await runChecked('sentry-nosessions', false, roundCount))['sentry-nosessions'],
      );
    }
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
  const sentryOn = measured.sentry.flat();
  const sentryOff = measured['sentry-nosessions'].flat();
  // Round by round (each "on" round next to its "off" round): what Faultline's request sessions add.
  const faultlineAdds = median(on.map((sample, i) => sample.cpuUs - off[i].cpuUs));
  // Process pair by process pair (each "on" process next to the "off" one that followed it).
  const sentryAdds = median(
    measured.sentry.map((list, i) => median(cpuOf(list)) - median(cpuOf(measured['sentry-nosessions'][i]))),
  );
  return [
    `### Request sessions on the Node server path (\`bench/src/suites/requestSessionCost.mjs\`, ${rounds} rounds of ${requests.toLocaleString('en-US')} keep-alive requests from another process; the server's CPU)`,
    '',
    '| subject | CPU µs per request (median) | min–max | wall µs per request | + request sessions (µs) |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('node:http alone', measured.none.none),
    row('@faultline/node default setup, `httpServerIntegration({ sessions: false })`', off),
    row('@faultline/node default setup (request sessions on)', on, `${fmt(faultlineAdds)} (round by round)`),
    row('@sentry/node default setup, `httpIntegration({ trackIncomingRequestsAsSessions: false })`', sentryOff),
    row('@sentry/node default setup (request sessions on)', sentryOn, `${fmt(sentryAdds)} (3 pairs of processes)`),
    '',
    "On a shared machine a server's CPU time per request varies by more than a request session costs, so the",
    'bookkeeping alone is measured too (`bench/src/requestSessionBookkeepingProcess.mjs`, both SDKs in one',
    'process, alternating rounds, stubbed transports): a request = the isolation scope its SDK forks for it + a',
    'response that emits `close`; with its request session, what each HTTP integration adds.',
    '',
    '| SDK | CPU ns per request, without | with a request session | + request session (ns) |',
    '| --- | ---: | ---: | ---: |',
    ...['faultline', 'sentry'].map((sdk) => {
      const [off, on] = [bookkeeping[`${sdk}-off`], bookkeeping[`${sdk}-on`]];
      const name = sdk === 'faultline' ? '@faultline/node' : '@sentry/node (`recordRequestSession`)';
      return `| ${name} | ${off.toFixed(0)} | ${on.toFixed(0)} | ${(on - off).toFixed(0)} |`;
    }),
    '',
  ].join('\n');
}

// Alone: prints the table; `--write` also puts it in its section of docs/benchmarks.md (added at the end if missing).
if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  const table = await runRequestSessionCost(quick ? { rounds: 3, requests: 5000, quick } : {});
  console.log(table);
  if (process.argv.includes('--write') && !quick) {
    const file = new URL('../../../docs/benchmarks.md', import.meta.url);
    const doc = readFileSync(file, 'utf8');
    const section = `${REQUEST_SESSIONS_HEADING}\n\n${table}`;
    const start = doc.indexOf(REQUEST_SESSIONS_HEADING);
    const end = start < 0 ? -1 : doc.indexOf('\n## ', start + 1);
    const next =
      start < 0 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, start)}${section}${end < 0 ? '' : doc.slice(end)}`;
    writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
  }
}
