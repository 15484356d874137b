import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareFolder } from '../../src/commands/prepareFolder';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'faultline-folder-'));

describe('prepareFolder', () => {
  it('creates a missing folder and its parents, private to this user', () => {
    const dir = path.join(tmp(), 'a', 'b');
    expect(prepareFolder(dir)).toBeUndefined();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(prepareFolder(dir)).toBeUndefined(); // an existing one is fine
  });

  it('says which folder cannot be created and what is in the way', () => {
    const file = path.join(tmp(), 'notes.txt');
    writeFileSync(file, '');
    expect(prepareFolder(path.join(file, 'events'))).toBe(
      `cannot create the folder ${path.join(file, 'events')}: part of that path is a file, not a folder (ENOTDIR)`,
    );
    expect(prepareFolder(file)).toBe(`cannot use ${file} as the folder: a file of that name is in the way (EEXIST)`);
  });
});
