// Issue #24 item 1: a full disk does not turn crash safety off for good. The journal of the default
// `init({ dsn })` lives on a real tmpfs that fills up and gets room again; what was captured meanwhile and
// after is journaled once the disk heals, so a SIGKILL then loses nothing (issue: 0/5 before).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { startReceiverProcess } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';
import { deliveryOf, folderFootprint, privateHome, removeHome, sleep, startApp, type App } from './startApp';

const isRoot = process.getuid?.() === 0;
const lines = (app: App, text: string) =>
  app
    .stderr()
    .split('\n')
    .filter((line) => line.includes(text));

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const start = Date.now(); Date.now() - start < timeoutMs; await sleep(100)) if (condition()) return true;
  return condition();
}

// Mounting a tmpfs needs root (CI runs as root); elsewhere this is skipped, and the read-only and full-disk
// cases of packages/node/test/transports/createFileJournal.test.ts need root too.
describe.skipIf(!isRoot)('a full disk that gets room again (real tmpfs; needs root to mount)', () => {
  it('says once that durability is lost and once that it is back; a SIGKILL after that loses none of the 10 events', async () => {
    const receiver = await startReceiverProcess();
    await receiver.refuse();
    const home = privateHome();
    const state = path.join(home, '.local', 'state');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', state]);
    try {
      const app = startApp({ dsn: receiver.dsn, home, stdin: true, script: 'wait 1000' });
      await app.next('ready');
      await sleep(1500); // its journal is set up
      const filler = path.join(state, 'filler');
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'], { stdio: 'ignore' });
      } catch {
        // ENOSPC: the disk is full, as intended
      }
      app.send('capture 5 while-full;mark captured');
      await app.next('mark');
      expect(await until(() => lines(app, 'kept in memory only').length > 0, 15_000)).toBe(true);
      rmSync(filler);
      const roomAt = Date.now();
      expect(await until(() => lines(app, 'writing again').length > 0, 45_000)).toBe(true);
      const healedAfterMs = Date.now() - roomAt;
      const before = folderFootprint(state);
      app.send('capture 5 after-room;mark captured');
      await app.next('mark');
      await until(() => folderFootprint(state).bytes > before.bytes, 10_000); // written (no fsync: the page cache)
      app.kill('SIGKILL');
      expect((await app.exited).signal).toBe('SIGKILL');
      expect(lines(app, 'kept in memory only')).toHaveLength(1);
      expect(lines(app, 'writing again')).toHaveLength(1);

      await receiver.reopen();
      const next = startApp({ dsn: receiver.dsn, home, script: 'wait 1500;flush 5000;exit 0' });
      expect(await next.exit(20_000)).toMatchObject({ code: 0 });
      const whileFull = await deliveryOf(receiver, 'while-full', 5);
      const afterRoom = await deliveryOf(receiver, 'after-room', 5);
      console.info(
        '[heal]',
        JSON.stringify({ healedAfterMs, whileFull, afterRoom, stderr: lines(app, 'file journal') }),
      );
      expect(whileFull).toEqual({ delivered: 5, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
      expect(afterRoom).toEqual({ delivered: 5, duplicates: 0, missing: 0, reportedLoss: 0, relabelled: 0 });
    } finally {
      execFileSync('umount', ['-l', state]);
      await receiver.close();
      removeHome(home);
    }
  }, 120_000);
});
