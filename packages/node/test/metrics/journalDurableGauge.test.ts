// faultline_journal_durable and faultline_journal_bytes from the default setup's file journal (init({ dsn }) with
// its queueDir), on a folder that turns read-only and writable again, with the receiver in another process.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DestinationMetrics } from '@faultline/core';
import { captureException, close, getSdkMetrics, init } from '@faultline/node';
import { resetCarrier, startReceiverProcess } from '@faultline/test-utils';
import { describe, expect, it, vi } from 'vitest';

const isRoot = process.getuid?.() === 0;
const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'pipe' });
const sentry = (): DestinationMetrics => getSdkMetrics()!.destinations.sentry!;

// Root ignores modes: a read-only bind mount is a real EROFS for root too. Mounting needs root; CI runs as root.
describe.skipIf(!isRoot)('the journal gauges of the default setup (needs root to mount)', () => {
  it('read 0 while the journal folder is read-only and 1 again once it heals, with no capture since', async () => {
    const receiver = await startReceiverProcess();
    await receiver.refuse();
    const queueDir = mkdtempSync(path.join(tmpdir(), 'faultline-gauge-'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // the journal's two sentences
    resetCarrier();
    init({
      dsn: receiver.dsn,
      queueDir,
      integrations: (defaults) => defaults.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown'),
      delivery: { retryBaseMs: 50, probeMaxMs: 200 },
    });
    try {
      captureException(new Error('journaled'));
      await vi.waitFor(() => expect(sentry().journalBytes).toBeGreaterThan(0), { timeout: 5000 });
      expect(sentry()).toMatchObject({ queueDepth: 1, journalDurable: true });
      mount('--bind', queueDir, queueDir);
      try {
        mount('-o', 'remount,bind,ro', queueDir);
        captureException(new Error('memory only'));
        await vi.waitFor(() => expect(sentry().journalDurable).toBe(false), { timeout: 5000 });
        expect(sentry().queueDepth).toBe(2);
      } finally {
        mount('-o', 'remount,bind,rw', queueDir);
        execFileSync('umount', [queueDir]);
      }
      // The journal probes (1 s, then 2 s…) and writes what it kept: durable again without a new append.
      await vi.waitFor(() => expect(sentry().journalDurable).toBe(true), { timeout: 10_000 });
      expect(getSdkMetrics()!.eventsCaptured.error).toBe(2);
      await receiver.reopen();
      await vi.waitFor(() => expect(sentry().queueDepth).toBe(0), { timeout: 15_000 });
      expect(sentry()).toMatchObject({ journalBytes: 0, journalDurable: true });
      expect(sentry().envelopesSent.ok).toBeGreaterThanOrEqual(2);
    } finally {
      await close(2000);
      resetCarrier();
      vi.restoreAllMocks();
      await receiver.close();
      rmSync(queueDir, { recursive: true, force: true });
    }
  }, 60_000);
});
