import { describe, expect, it } from 'vitest';
import type { LockInfo, LockState } from '../../src/transports/createOwnerLock';
import { isOwnerGone, processExists, type OwnerCheck } from '../../src/transports/isOwnerGone';

const self: LockInfo = { owner: 'a'.repeat(32), pid: 1, host: 'web-1', boot: 'boot-1', pidns: 'pid:[4026531836]' };
const now = 1_000_000;
const check = (overrides: Partial<OwnerCheck> = {}): OwnerCheck => ({
  self,
  now,
  staleMs: 20_000,
  isLiveHere: () => false,
  processExists: () => true,
  ...overrides,
});
const fresh = (info: Partial<LockInfo> = {}): LockState => ({
  missing: false,
  mtimeMs: now - 1000,
  info: { ...self, owner: 'b'.repeat(32), ...info },
});

describe('isOwnerGone', () => {
  it('adopts a released folder (no lock) and one whose heartbeat is stale, whatever its pid', () => {
    expect(isOwnerGone({ missing: true }, check())).toBe(true);
    expect(isOwnerGone({ ...fresh(), mtimeMs: now - 20_001 }, check())).toBe(true);
    expect(isOwnerGone({ ...fresh(), mtimeMs: now - 19_000 }, check({ isLiveHere: () => true }))).toBe(false);
  });

  it('never judges a lock it cannot date', () => {
    expect(isOwnerGone({ missing: false }, check({ processExists: () => false }))).toBe(false);
  });

  it('takes a fresh lock of a process that no longer exists, on this host, boot and pid namespace', () => {
    expect(isOwnerGone(fresh({ pid: 4242 }), check({ processExists: (pid) => pid !== 4242 }))).toBe(true);
    expect(isOwnerGone(fresh({ pid: 4242 }), check())).toBe(false);
    expect(isOwnerGone({ missing: false, mtimeMs: now - 1000 }, check({ processExists: () => false }))).toBe(false);
  });

  it('takes a fresh lock with our own pid only when its owner is not a journal alive here', () => {
    expect(isOwnerGone(fresh({ pid: 1 }), check())).toBe(true);
    expect(isOwnerGone(fresh({ pid: 1 }), check({ isLiveHere: () => true }))).toBe(false);
  });

  it('never compares pids across containers (two pid 1 on one volume), hosts or boots', () => {
    const gone = check({ processExists: () => false });
    expect(isOwnerGone(fresh({ pid: 1, pidns: 'pid:[4026532001]' }), gone)).toBe(false);
    expect(isOwnerGone(fresh({ pid: 1, host: 'web-2' }), gone)).toBe(false);
    expect(isOwnerGone(fresh({ pid: 1, boot: 'boot-0' }), gone)).toBe(false);
    expect(
      isOwnerGone(fresh({ pid: 7 }), check({ self: { ...self, pidns: undefined }, processExists: () => false })),
    ).toBe(false);
    expect(isOwnerGone({ missing: false, mtimeMs: now }, gone)).toBe(false);
  });

  it('ignores pids that would signal a group or every process', () => {
    for (const pid of [0, -1]) expect(isOwnerGone(fresh({ pid }), check({ processExists: () => false }))).toBe(false);
  });
});

describe('processExists', () => {
  it('is true for this process and false for a pid that is not running', () => {
    expect(processExists(process.pid)).toBe(true);
    expect(processExists(2 ** 22 + 1)).toBe(false);
  });
});
