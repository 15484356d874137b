import { describe, expect, it } from 'vitest';
import type { LockInfo, LockState } from '../../src/transports/createOwnerLock';
import { isOwnerGone, pidsCompare, processExists, type OwnerCheck } from '../../src/transports/isOwnerGone';

const self: LockInfo = {
  owner: 'a'.repeat(32),
  pid: 1,
  host: 'web-1',
  boot: 'boot-1',
  pidns: 'pid:[4026531836]',
  start: '100',
};
const check = (overrides: Partial<OwnerCheck> = {}): OwnerCheck => ({
  self,
  staleMs: 20_000,
  silentForMs: 0,
  isLiveHere: () => false,
  pidStart: '555',
  ...overrides,
});
// The mtime is a day behind: a heartbeat written by a process whose clock was stepped back. It plays no part.
const lock = (info: Partial<LockInfo> = {}): LockState => ({
  missing: false,
  mtimeMs: Date.now() - 86_400_000,
  info: { ...self, owner: 'b'.repeat(32), pid: 4242, start: '555', ...info },
});

describe('isOwnerGone', () => {
  it('adopts a released folder (no lock), whatever else is known', () => {
    expect(isOwnerGone({ missing: true }, check({ pidStart: '555', isLiveHere: () => true }))).toBe(true);
  });

  it('on this host, boot and pid namespace: alive while its pid runs with its start time, whatever the clocks say', () => {
    expect(isOwnerGone(lock(), check())).toBe(false);
    expect(isOwnerGone(lock(), check({ silentForMs: 3_600_000 }))).toBe(false); // a process stalled for an hour
    expect(isOwnerGone(lock(), check({ pidStart: null }))).toBe(true); // no such process: gone at once
    expect(isOwnerGone(lock(), check({ pidStart: '777' }))).toBe(true); // its pid, another process's start
  });

  it('falls back to the heartbeat when the start time cannot be told (an older lock, /proc hidden)', () => {
    expect(isOwnerGone(lock({ start: undefined }), check())).toBe(false);
    expect(isOwnerGone(lock({ start: undefined }), check({ silentForMs: 20_001 }))).toBe(true);
    expect(isOwnerGone(lock(), check({ pidStart: undefined, silentForMs: 19_999 }))).toBe(false);
    expect(isOwnerGone(lock(), check({ pidStart: undefined, silentForMs: 20_001 }))).toBe(true);
  });

  it('takes a lock with our own pid only when its owner is not a journal alive here', () => {
    expect(isOwnerGone(lock({ pid: 1 }), check())).toBe(true);
    expect(isOwnerGone(lock({ pid: 1 }), check({ isLiveHere: () => true, silentForMs: 1e9 }))).toBe(false);
  });

  it('across containers (two pid 1 on one volume), hosts or boots: alive while its heartbeat moves, never by pid', () => {
    for (const other of [{ pid: 1, pidns: 'pid:[4026532001]' }, { host: 'web-2' }, { boot: 'boot-0' }]) {
      expect(isOwnerGone(lock(other), check({ pidStart: null }))).toBe(false);
      expect(isOwnerGone(lock(other), check({ pidStart: null, silentForMs: 20_000 }))).toBe(false);
      expect(isOwnerGone(lock(other), check({ silentForMs: 20_001 }))).toBe(true);
    }
    expect(isOwnerGone(lock(), check({ self: { ...self, pidns: undefined }, pidStart: null }))).toBe(false);
    expect(isOwnerGone({ missing: false, mtimeMs: 0 }, check({ pidStart: null }))).toBe(false);
  });

  it('ignores pids that would signal a group or every process', () => {
    for (const pid of [0, -1]) {
      expect(pidsCompare(lock({ pid }).info, self)).toBe(false);
      expect(isOwnerGone(lock({ pid }), check({ pidStart: null }))).toBe(false);
    }
  });
});

describe('processExists', () => {
  it('is true for this process and false for a pid that is not running', () => {
    expect(processExists(process.pid)).toBe(true);
    expect(processExists(2 ** 22 + 1)).toBe(false);
  });
});
