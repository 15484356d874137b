import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'packages/cli/build/esm/cli.js');
const SERVICE = path.join(ROOT, 'examples/node-service/server.mjs');
/** The issue of the error the browser app throws when the checkout fails. */
export const BROWSER_ISSUE = 'Error: Checkout failed with HTTP 500';

/** `faultline dev` and the demo's service, each in its own process, as `npm run demo` runs them. */
export interface Demo {
  /** The page and read API of `faultline dev`. */
  devUrl: string;
  dsn: string;
  lokiUrl: string;
  serviceUrl: string;
  /** A request to the demo service (it answers 500 on /api/checkout, after capturing the error). */
  call(pathAndQuery: string, headers?: Record<string, string>): Promise<number>;
  /**
   * Opens the demo's browser app in a new page, presses Pay and waits until `faultline dev` stored the
   * browser's error; `at` fixes the browser's clock (Date) to that time first. The service captures its
   * own error for the checkout too (its Dedupe drops it when it repeats the previous one exactly).
   */
  pay(context: BrowserContext, options?: { at?: number }): Promise<void>;
  /** How many events the issue titled `title` has (0 when there is none). */
  issueCount(title: string): Promise<number>;
  /** The receiver's counts (`/api/summary`). */
  summary(): Promise<{ issues: number; events: number; logs: number }>;
  /** Resolves when `check` holds for the receiver's summary (polled), or throws after `timeoutMs`. */
  waitFor(
    check: (summary: { issues: number; events: number; logs: number }) => boolean,
    timeoutMs?: number,
  ): Promise<void>;
  stop(): Promise<void>;
}

/** The first match of `pattern` in what a child prints; its output keeps being read (and dropped) after. */
function firstLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += String(chunk);
      const found = pattern.exec(seen);
      if (!found) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      resolve(found[1]!);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the process ended (${code}) before printing ${pattern}: ${seen}`)));
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Starts `faultline dev` (the CLI, on a free port, a fresh folder) and the demo service reporting to it. */
export async function startDemo(): Promise<Demo> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-dev-page-'));
  const dev = spawn(process.execPath, [CLI, 'dev', '--port', '0', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const devUrl = await firstLine(dev, /receiver on (http:\/\/127\.0\.0\.1:\d+)/);
  const dsn = `http://faultline@${devUrl.slice('http://'.length)}/1`;
  const lokiUrl = `${devUrl}/loki/api/v1/push`;
  const service = spawn(process.execPath, [SERVICE], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, FAULTLINE_DSN: dsn, FAULTLINE_LOKI_URL: lokiUrl },
  });
  const serviceUrl = await firstLine(service, /LISTENING (http:\/\/\S+)/);

  const summary = async () =>
    (await (await fetch(`${devUrl}/api/summary`)).json()) as { issues: number; events: number; logs: number };
  const issueCount = async (title: string) => {
    const issues = (await (await fetch(`${devUrl}/api/issues`)).json()) as { title: string; count: number }[];
    return issues.find((issue) => issue.title === title)?.count ?? 0;
  };
  const waitFor: Demo['waitFor'] = async (check, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await summary();
      if (check(current)) return;
      if (Date.now() > deadline) throw new Error(`faultline dev did not get there: ${JSON.stringify(current)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return {
    devUrl,
    dsn,
    lokiUrl,
    serviceUrl,
    summary,
    issueCount,
    waitFor,
    async call(pathAndQuery, headers) {
      const response = await fetch(`${serviceUrl}${pathAndQuery}`, { headers });
      await response.arrayBuffer();
      return response.status;
    },
    async pay(context, options = {}) {
      const before = await issueCount(BROWSER_ISSUE);
      const page = await context.newPage();
      try {
        if (options.at !== undefined) await page.clock.setFixedTime(options.at);
        await page.goto(`${serviceUrl}/?dsn=${encodeURIComponent(dsn)}`);
        await page.click('#pay');
        await page.waitForSelector('#status:has-text("HTTP 500")');
        const deadline = Date.now() + 15_000;
        while ((await issueCount(BROWSER_ISSUE)) <= before) {
          if (Date.now() > deadline) throw new Error('the browser app’s error did not reach faultline dev');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } finally {
        await page.close();
      }
    },
    async stop() {
      await Promise.all([stopProcess(service), stopProcess(dev)]);
    },
  };
}
