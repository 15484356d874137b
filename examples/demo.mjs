// `npm run demo`: Faultline doing its job on this machine, no account needed. Starts `faultline dev`,
// runs the example Node service (pino, failures with correlation ids, a password and a card to scrub),
// drives the browser app headless when Chromium is present, prints a summary of what arrived, and keeps
// the receiver running until Ctrl-C (DEMO_EXIT=1 exits after the summary).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createReceiver } from '@faultline/cli';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const exitAfterSummary = process.env.DEMO_EXIT === '1';
const dir = path.resolve('.faultline/demo');
rmSync(dir, { recursive: true, force: true });
const say = (line = '') => process.stdout.write(`${line}\n`);
const receiver = await createReceiver({
  port: Number(process.env.DEMO_PORT ?? 8787),
  dir,
  print: exitAfterSummary ? false : undefined,
});
say(`faultline dev is receiving on ${receiver.url} (DSN ${receiver.dsn})\n`);

// 1. The Node service, reporting to the receiver through FAULTLINE_DSN.
const service = spawn(process.execPath, [path.resolve('examples/node-service/server.mjs')], {
  // Logs go both ways, as in production with Sentry and Loki: the page shows each record once, from both.
  env: { ...process.env, FAULTLINE_DSN: receiver.dsn, FAULTLINE_LOKI_URL: receiver.lokiUrl },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [line] = await once(service.stdout, 'data');
const serviceUrl = String(line).trim().replace('LISTENING ', '');
say(`example service on ${serviceUrl}: sending it a login, an order list and a failing checkout…`);
await fetch(`${serviceUrl}/api/login`);
await fetch(`${serviceUrl}/api/orders`, { headers: { 'x-request-id': 'demo-req-orders' } });
await fetch(`${serviceUrl}/api/checkout`, { headers: { 'x-request-id': 'demo-req-checkout' } });

// 2. The browser app, served by the service, when a Chromium is available.
let browserRan = false;
if (existsSync(chromiumPath)) {
  say('browser app: opening it in headless Chromium and pressing Pay…');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage();
  await page.goto(`${serviceUrl}/?dsn=${encodeURIComponent(receiver.dsn)}`);
  await page.click('#pay');
  await page.waitForSelector('#status:has-text("HTTP 500")');
  await page.waitForTimeout(500);
  await page.goto('about:blank'); // leaving the page sends what is left
  await browser.close();
  browserRan = true;
} else {
  say(`browser app: skipped (no Chromium at ${chromiumPath}; set CHROMIUM_PATH)`);
}

// 3. Stop the service (it flushes), then look at what arrived.
service.kill('SIGTERM');
await once(service, 'exit');
await new Promise((resolve) => setTimeout(resolve, 300));
const stored = readdirSync(dir)
  .map((file) => readFileSync(path.join(dir, file), 'utf8'))
  .join('\n');
const secrets = ['hunter2-demo-password', '4111 1111 1111 1111', 'ada@example.com'];
const events = receiver.store.issues().flatMap((issue) => issue.events);
const traceOf = (sdk) =>
  new Set(
    events
      .filter((e) => e.sdk?.name === sdk)
      .map((e) => e.contexts?.trace?.trace_id)
      .filter(Boolean),
  );
const browserTraces = traceOf('faultline.javascript.browser');
const sharedTraceId = [...traceOf('faultline.javascript.node')].find((id) => browserTraces.has(id));
const summary = {
  ...receiver.store.summary(),
  browserRan,
  leakedSecrets: secrets.filter((secret) => stored.includes(secret)),
  sharedTraceId: sharedTraceId ?? null,
  issueTitles: receiver.store.issues().map((issue) => issue.title),
};

say('\n— What arrived —');
say(`${summary.issues} issues, ${summary.events} events, ${summary.logs} logs`);
for (const title of summary.issueTitles) say(`  • ${title}`);
say(
  summary.leakedSecrets.length === 0
    ? '✔ the password, the card number and the email were scrubbed everywhere'
    : `✘ leaked: ${summary.leakedSecrets.join(', ')}`,
);
if (browserRan)
  say(
    sharedTraceId
      ? `✔ one trace id from the browser through the service: ${sharedTraceId}`
      : '✘ no trace id shared by the browser and the service',
  );
say(`SUMMARY ${JSON.stringify(summary)}`);

if (exitAfterSummary) {
  await receiver.close();
  process.exit(0);
}
say(`\nThe receiver keeps running: open ${receiver.url} for issues, stacks and logs. Ctrl-C to stop.`);
await once(process, 'SIGINT');
await receiver.close();
