// faultline dev's SDK health: the client reports of a real @faultline/node (init({ dsn }) pointed at the
// receiver) read back per SDK, version and release from GET /api/sdk-health, also after a restart.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReceiver, type RunningReceiver } from '@faultline/cli';
import { captureException, close, flush, init } from '@faultline/node';
import { resetCarrier } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';

const receivers: RunningReceiver[] = [];
afterEach(async () => {
  resetCarrier();
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function start(dir: string) {
  const receiver = await createReceiver({ port: 0, dir, print: false });
  receivers.push(receiver);
  return receiver;
}

/** The Node SDK as an app starts it, for `release`, dropping events whose message says `drop`. */
function startSdk(dsn: string, release: string) {
  resetCarrier();
  init({
    dsn,
    release,
    queueDir: false,
    beforeSend: (event) => (event.exception?.values?.[0]?.value?.includes('drop') ? null : event),
    integrations: (defaults) => defaults.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown'),
  });
}

describe('faultline dev: SDK health', () => {
  it('lists what each SDK version and release reported losing, by reason and category, and keeps it across a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'faultline-dev-'));
    const receiver = await start(dir);
    startSdk(receiver.dsn, 'shop@1.0.0');
    captureException(new Error('drop 1'));
    captureException(new Error('drop 2'));
    captureException(new Error('kept')); // carries the report of the two before_send drops
    expect(await flush(5000)).toBe(true);
    await close(2000);
    startSdk(receiver.dsn, 'shop@1.1.0');
    captureException(new Error('kept'));
    captureException(new Error('drop 3'));
    await close(5000); // the report goes on its own at close: attributed to the release of its SDK's last event

    const rows = (await (await fetch(`${receiver.url}/api/sdk-health`)).json()) as Record<string, unknown>[];
    expect(rows.map(({ lastSeen: _, ...row }) => row)).toEqual([
      {
        sdk: 'faultline.javascript.node',
        version: '0.1.0',
        release: 'shop@1.1.0',
        reports: 1,
        dropped: 1,
        drops: { before_send: { error: 1 } },
      },
      {
        sdk: 'faultline.javascript.node',
        version: '0.1.0',
        release: 'shop@1.0.0',
        reports: 1,
        dropped: 2,
        drops: { before_send: { error: 2 } },
      },
    ]);
    const stored = readFileSync(path.join(dir, 'client_reports.ndjson'), 'utf8').trim().split('\n');
    expect(stored.map((line) => (JSON.parse(line) as { release: string }).release)).toEqual([
      'shop@1.0.0',
      'shop@1.1.0',
    ]);

    await receivers.pop()!.close();
    const restarted = await start(dir);
    expect(await (await fetch(`${restarted.url}/api/sdk-health`)).json()).toEqual(rows);
  });
});
