import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSourcemaps } from '../../src/sourcemaps/runSourcemaps';
import { buildFixture } from './buildFixture';

function run(positionals: string[], values: { 'dry-run'?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((text) => out.push(String(text)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => err.push(String(text)) > 0);
  const code = runSourcemaps(positionals, values);
  vi.restoreAllMocks();
  return { code, stdout: out.join(''), stderr: err.join('') };
}

afterEach(() => vi.restoreAllMocks());

describe('runSourcemaps', () => {
  it('lists each file with its debug ID, then says on a second run that each had one', async () => {
    const dist = await buildFixture();
    const first = run(['inject', dist]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^ {2}injected {3}[0-9a-f-]{36} {2}.*checkout\.js$/m);
    expect(first.stdout).toMatch(/Gave 3 files a debug ID; 0 had one already\.\n$/);
    const second = run(['inject', dist]);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toMatch(/Gave 0 files a debug ID; 3 had one already\.\n$/);
  });

  it('writes nothing with --dry-run', async () => {
    const dist = await buildFixture();
    const before = readdirSync(dist).map((n) => readFileSync(path.join(dist, n), 'utf8'));
    expect(run(['inject', dist], { 'dry-run': true }).stdout).toMatch(/Would give 3 files a debug ID/);
    expect(readdirSync(dist).map((n) => readFileSync(path.join(dist, n), 'utf8'))).toEqual(before);
  });

  it('exits 1 and says why when a folder has no JavaScript with a source map', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'faultline-no-maps-'));
    const result = run(['inject', empty]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no JavaScript file with a source map under .*Vite: build\.sourcemap "hidden"/);
  });

  it.each([
    [[], /say what to do: inject <dir>/],
    [['upload', 'dist'], /no action "upload"/],
    [['inject'], /give the build output folder/],
    [['inject', '/no/such/folder'], /\/no\/such\/folder: no such folder/],
  ])('exits 64 with a usage error for %j', (positionals, message) => {
    const result = run(positionals);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Run "faultline sourcemaps --help" for its options\./);
  });
});
