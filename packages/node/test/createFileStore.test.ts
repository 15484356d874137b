import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFileStore } from '@faultline/node';
import { runStoreContract, storedEnvelope } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'faultline-store-'));

runStoreContract('createFileStore', (limits, now) => createFileStore(freshDir(), limits, now));

describe('createFileStore across restarts', () => {
  it('gives a new store on the same folder what the old one kept', async () => {
    const dir = freshDir();
    await createFileStore(dir).push(storedEnvelope({ body: 'left behind' }));
    const { entries } = await createFileStore(dir).peek(10);
    expect(entries.map((e) => e.body)).toEqual(['left behind']);
  });
});
