import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Receiver } from '@faultline/test-utils';
import { parseEnvelope } from '@sentry/core';

/** Runs a fixture of `fixtures/sessions/` in its own process, with a state folder of its own. */
export function runFixture(script: string, env: Record<string, string>) {
  const file = fileURLToPath(new URL(`./fixtures/sessions/${script}`, import.meta.url));
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(FAULTLINE_|SENTRY_|NODE_OPTIONS)/.test(name)),
  );
  const child = spawn(process.execPath, [file], {
    env: { ...inherited, XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'faultline-state-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  /** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
  const line = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = setInterval(() => {
        const match = pattern.exec(stdout);
        if (!match) return;
        clearInterval(check);
        resolve(match);
      }, 10);
      void exited.then(() => {
        clearInterval(check);
        reject(new Error(`exited before printing ${pattern}: ${stderr}`));
      });
    });
  return { child, exited, line, output: () => ({ stdout, stderr }) };
}

/** An item's payload as received: JSON whose shape each test asserts on. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- received JSON, checked by the assertions
type Payload = any;

/** Every envelope the receiver accepted, parsed by @sentry/core's own envelope parser. */
export function receivedEnvelopes(receiver: Receiver) {
  return receiver.accepted().map((request) => {
    const [, items] = parseEnvelope(request.body);
    return items.map(([header, payload]) => ({ type: String(header.type), payload: payload as Payload }));
  });
}

/** The payloads of items of one type, in the order they arrived. */
export const itemsOf = (envelopes: ReturnType<typeof receivedEnvelopes>, type: string) =>
  envelopes.flat().flatMap((item) => (item.type === type ? [item.payload] : []));
