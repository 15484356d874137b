import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { debugIdsIntegration } from '@faultline/browser';
import { captureException, flush } from '@faultline/core';
import { initForTest } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';

type Registries = { _sentryDebugIds?: Record<string, string>; _debugIds?: Record<string, string> };
const carrier = globalThis as Registries;

/**
 * A bundled file as injection leaves it: at load it records its own stack under its debug ID (into
 * `registry`), and it exports a function that throws, so frames point into it.
 */
async function loadBuiltFile(name: string, debugId: string | undefined, registry = '_sentryDebugIds') {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-debug-ids-'));
  const file = path.join(dir, `${name}.mjs`);
  const register = debugId
    ? `{const g=globalThis,s=new g.Error().stack;(g.${registry}=g.${registry}||{})[s]=${JSON.stringify(debugId)};}\n`
    : '';
  writeFileSync(
    file,
    `${register}export function ${name}(inner) { if (inner) inner(); throw new Error('${name} failed'); }\n`,
  );
  const module = (await import(pathToFileURL(file).href)) as Record<string, (inner?: () => void) => void>;
  // Vitest runs the file through its module runner, which names it by path in stacks.
  return { file: expect.stringMatching(new RegExp(`/${name}\\.mjs$`)) as string, run: module[name]! };
}

async function captured(run: () => void) {
  const { record } = initForTest({ integrations: [debugIdsIntegration()] });
  try {
    run();
  } catch (error) {
    captureException(error);
  }
  await flush(100);
  return record.events()[0]!;
}

afterEach(() => {
  delete carrier._sentryDebugIds;
  delete carrier._debugIds;
});

describe('debugIdsIntegration', () => {
  it('lists each injected file the frames pass through once, with the debug ID that file registered', async () => {
    const checkout = await loadBuiltFile('checkout', '11111111-2222-4333-8444-555555555555');
    const vendor = await loadBuiltFile('vendor', 'aaaaaaaa-bbbb-4ccc-9ddd-eeeeeeeeeeee');
    const plain = await loadBuiltFile('plain', undefined);
    // checkout → plain → checkout → vendor (throws): one file never injected, one twice on the stack;
    // listed once each, in frame order (oldest first).
    const event = await captured(() => checkout.run(() => plain.run(() => checkout.run(() => vendor.run()))));
    expect(event.debug_meta?.images).toEqual([
      { type: 'sourcemap', code_file: checkout.file, debug_id: '11111111-2222-4333-8444-555555555555' },
      { type: 'sourcemap', code_file: vendor.file, debug_id: 'aaaaaaaa-bbbb-4ccc-9ddd-eeeeeeeeeeee' },
    ]);
    const frameFiles = event.exception!.values[0]!.stacktrace!.frames.map((f) => f.filename);
    expect(frameFiles).toContainEqual(plain.file);
  });

  it('reads the registry of tools that name it _debugIds too', async () => {
    const app = await loadBuiltFile('app', '99999999-8888-4777-a666-555555555555', '_debugIds');
    const event = await captured(() => app.run());
    expect(event.debug_meta?.images).toEqual([
      { type: 'sourcemap', code_file: app.file, debug_id: '99999999-8888-4777-a666-555555555555' },
    ]);
  });

  it('adds nothing when no file was injected', async () => {
    const app = await loadBuiltFile('untouched', undefined);
    const event = await captured(() => app.run());
    expect(event.debug_meta).toBeUndefined();
  });

  it('keeps the images an event already had, and ignores registry keys that are not stacks', async () => {
    const app = await loadBuiltFile('widget', '12121212-3434-4565-b787-989898989898');
    carrier._sentryDebugIds!['not a stack'] = 'ffffffff-ffff-4fff-bfff-ffffffffffff';
    const { record } = initForTest({ integrations: [debugIdsIntegration()] });
    try {
      app.run();
    } catch (error) {
      captureException(error, (scope) => scope); // the hint form leaves the event as built
    }
    await flush(100);
    const images = record.events()[0]!.debug_meta!.images!;
    expect(images.map((i) => i.debug_id)).toEqual(['12121212-3434-4565-b787-989898989898']);
  });
});
