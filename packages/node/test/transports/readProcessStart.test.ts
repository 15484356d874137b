import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseProcessStart, readProcessStart } from '../../src/transports/readProcessStart';

describe('parseProcessStart', () => {
  it('reads field 22 after the command, whatever the command holds', () => {
    const tail = 'S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 424242 20 21';
    expect(parseProcessStart(`77 (node) ${tail}`)).toBe('424242');
    expect(parseProcessStart(`77 (a) b (c d)) ${tail}`)).toBe('424242');
    expect(parseProcessStart('77 (node) S 1')).toBeUndefined();
  });
});

describe.skipIf(process.platform !== 'linux')('readProcessStart (Linux /proc)', () => {
  it('tells this process, a process that exited (null) and a reused pid apart by start time', async () => {
    const own = await readProcessStart('self');
    expect(own).toMatch(/^\d+$/);
    expect(await readProcessStart(process.pid)).toBe(own);
    const exited = spawnSync(process.execPath, ['-e', '']).pid!;
    expect(await readProcessStart(exited)).toBeNull();
  });
});
