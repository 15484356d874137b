// Issue #24 item 4: a backlog of 50,000 envelopes left by a dead process is replayed by the next one (default
// init) within a 64 MiB heap (--max-old-space-size=64), counted exactly (each delivered once, or lost and
// reported), without stalling its event loop: replay reads no faster than the queue sends.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createEventEnvelope, serializeEnvelope, uuid4, type JournalRecord } from '@faultline/core';
import { startReceiverProcess } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { readHostFacts } from '../../src/transports/createOwnerLock';
import { encodeFrame, encodeSegment, segmentName } from '../../src/transports/encodeSegment';
import { deliveryOf, figures, folderFootprint, privateHome, removeHome, startApp, type AppReport } from './startApp';

const BACKLOG = 50_000;
const PER_SEGMENT = 512;
const sdk = { name: 'faultline.javascript.node', version: '0.1.0' };

/** An event as the app's captures look (a stack, breadcrumbs, tags, a user): about 2 KB serialized. */
function envelopeBody(label: string): string {
  const frames = Array.from({ length: 12 }, (_, i) => ({
    filename: `/srv/app/src/handlers/orders${i}.js`,
    function: `handle${i}`,
    lineno: 40 + i,
    colno: 13,
    in_app: true,
    context_line: `    const order = await orders.find(request.params.id${i});`,
  }));
  const event = {
    event_id: uuid4(),
    timestamp: Date.now() / 1000,
    level: 'error' as const,
    platform: 'node',
    exception: { values: [{ type: 'Error', value: label, stacktrace: { frames } }] },
    breadcrumbs: Array.from({ length: 10 }, (_, i) => ({ category: 'http', message: `GET /api/items/${i} 200` })),
    tags: { region: 'eu-west-1', tier: 'gold', feature: 'checkout' },
    user: { id: 'user-1842' },
  };
  return serializeEnvelope(createEventEnvelope(event, { sdk })) as string;
}

/** Writes the backlog as a process that died would have left it: segments in its folder, its lock naming a dead pid. */
async function plantBacklog(journal: string): Promise<void> {
  const owner = uuid4();
  const folder = path.join(journal, owner);
  mkdirSync(folder, { mode: 0o700 });
  for (let start = 0, sequence = 1; start < BACKLOG; start += PER_SEGMENT, sequence++) {
    const frames: Buffer[] = [];
    for (let i = start; i < Math.min(BACKLOG, start + PER_SEGMENT); i++) {
      const record: JournalRecord = {
        id: `${(Date.now() - 60_000).toString(36)}-${i.toString(36).padStart(6, '0')}-backlog`,
        createdAt: Date.now() - 60_000,
        body: envelopeBody(`backlog ${i}`),
        quantities: { error: 1 },
      };
      frames.push(encodeFrame(record, i - start));
    }
    writeFileSync(path.join(folder, segmentName(sequence)), encodeSegment(frames).bytes, { mode: 0o600 });
  }
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  writeFileSync(
    path.join(folder, 'lock'),
    JSON.stringify({ ...(await readHostFacts()), owner, pid: dead, start: '1' }),
    {
      mode: 0o600,
    },
  );
}

describe('a backlog of 50,000 envelopes left by a dead process', () => {
  it('is replayed within --max-old-space-size=64, every envelope delivered once or counted, the event loop never held', async () => {
    const receiver = await startReceiverProcess();
    const home = privateHome();
    try {
      // A first start makes the journal's folder (its name is the destination's hash); the backlog goes beside it.
      const first = startApp({ dsn: receiver.dsn, home, script: 'wait 1500;exit 0' });
      expect(await first.exit(20_000)).toMatchObject({ code: 0 });
      const base = path.join(home, '.local', 'state', 'faultline');
      const journal = path.join(base, readdirSync(base)[0]!);
      await plantBacklog(journal);
      const onDisk = folderFootprint(journal);

      const started = Date.now();
      const next = startApp({
        dsn: receiver.dsn,
        home,
        stdin: true,
        script: 'baseline',
        nodeArgs: ['--max-old-space-size=64'],
      });
      await receiver.waitFor((s) => s.unique >= BACKLOG, 240_000, 'the backlog delivered').catch(() => undefined);
      const deliveredInMs = Date.now() - started;
      next.send('report;flush 10000;exit 0');
      const report = await next.next<AppReport>('report', 30_000);
      const exit = await next.exit(30_000);
      const delivery = await deliveryOf(receiver, 'backlog', BACKLOG);
      console.info(
        '[backlog 50k]',
        JSON.stringify({
          onDisk,
          deliveredInMs,
          delivery,
          peakHeapMiB: Math.round(report.peakHeapMiB * 10) / 10,
          peakRssMiB: Math.round(report.peakRssMiB * 10) / 10,
          ...figures(report),
          stalls: report.stalls.slice(0, 5),
        }),
      );
      expect(exit, next.stderr().slice(-2000)).toMatchObject({ code: 0 }); // not killed by the heap limit
      expect(delivery.duplicates).toBe(0);
      expect(delivery.relabelled).toBe(0);
      expect(delivery.delivered + delivery.reportedLoss).toBe(BACKLOG);
      expect(delivery.delivered).toBe(BACKLOG);
      // Held by the process itself (its CPU during the stall); the raw timer lateness is printed above too.
      expect(report.busyStallMaxMs).toBeLessThanOrEqual(100);
    } finally {
      await receiver.close();
      removeHome(home);
    }
  }, 400_000);
});
