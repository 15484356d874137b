import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Event } from '@faultline/core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';
import { describe, expect, it } from 'vitest';
import { createSymbolicator } from '../../src/receiver/createSymbolicator';
import { injectDebugIds } from '../../src/sourcemaps/injectDebugIds';
import { buildFixture, SOURCES } from '../sourcemaps/buildFixture';

/** The built file holding `needle`, and the 1-based line and column of `needle` in it. */
function positionOf(dir: string, needle: string) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const code = readFileSync(path.join(dir, name), 'utf8');
    const offset = code.indexOf(needle);
    if (offset === -1) continue;
    const before = code.slice(0, offset).split('\n');
    return { name, code, lineno: before.length, colno: before.at(-1)!.length + 1 };
  }
  throw new Error(`${needle} is in no built file`);
}

/** An event as a browser sends it: one frame at `url`, and the debug IDs of `images`. */
function browserEvent(url: string, at: { lineno: number; colno: number }, images: [string, string][] = []): Event {
  return {
    exception: { values: [{ type: 'RangeError', value: 'x', stacktrace: { frames: [{ filename: url, ...at }] } }] },
    ...(images.length
      ? {
          debug_meta: {
            images: images.map(([code_file, debug_id]) => ({ type: 'sourcemap' as const, code_file, debug_id })),
          },
        }
      : {}),
  };
}

const originalLine = (file: string, needle: string) =>
  SOURCES[file]!.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('createSymbolicator', () => {
  it('resolves a frame by the debug ID of its file, whatever the file is called where it is served', async () => {
    const dist = await buildFixture();
    const [checkout] = injectDebugIds([dist]).filter((r) => path.basename(r.file).startsWith('checkout'));
    const at = positionOf(dist, 'throw new RangeError');
    const url = 'https://cdn.example.com/assets/app.3f9a1c.js'; // renamed on deploy: no map has this name
    const resolved = createSymbolicator([dist]).symbolicate(browserEvent(url, at, [[url, checkout!.debugId!]]));
    expect(resolved.exception!.values[0]!.stacktrace!.frames[0]).toMatchObject({
      filename: '../src/checkout.js',
      abs_path: url,
      lineno: originalLine('checkout.js', 'throw new RangeError'),
      function: 'applyDiscount',
    });
    const unresolved = createSymbolicator([dist]).symbolicate(browserEvent(url, at));
    expect(unresolved.exception!.values[0]!.stacktrace!.frames[0]).toMatchObject({ filename: url, lineno: at.lineno });
  });

  it('prefers the debug ID to the file name when two builds have files of the same name', async () => {
    const built = await buildFixture();
    const [older, newer] = ['older', 'newer'].map((name) => {
      const dir = path.join(path.dirname(built), name);
      cpSync(built, dir, { recursive: true });
      return dir;
    });
    // The newer build's source has two more lines on top: the same file name, other lines at a position.
    const chunk = readdirSync(newer!).find((n) => n.startsWith('checkout') && n.endsWith('.js.map'))!;
    const map = JSON.parse(readFileSync(path.join(newer!, chunk), 'utf8')) as {
      mappings: string;
      sourcesContent: string[];
    };
    map.sourcesContent = map.sourcesContent.map((s) => `// a\n// b\n${s}`);
    writeFileSync(path.join(newer!, chunk), JSON.stringify(map));
    rmSync(built, { recursive: true });
    const [olderId] = injectDebugIds([older!]).filter((r) => path.basename(r.file).startsWith('checkout'));
    injectDebugIds([newer!]);
    const at = positionOf(older!, 'throw new RangeError');
    const url = `https://shop.example.com/assets/${at.name}`;
    // The newer build is listed last, so by name alone its map would answer.
    const symbolicator = createSymbolicator([older!, newer!]);
    const byName = symbolicator.symbolicate(browserEvent(url, at)).exception!.values[0]!.stacktrace!.frames[0]!;
    const byId = symbolicator.symbolicate(browserEvent(url, at, [[url, olderId!.debugId!]])).exception!.values[0]!
      .stacktrace!.frames[0]!;
    expect(byId.context_line).toContain('throw new RangeError');
    expect(byName.context_line).not.toContain('throw new RangeError');
  });

  it('finds the map of a file whose ID only the file carries (as Sentry’s Vite plugin leaves a build)', async () => {
    const dist = await buildFixture();
    const at = positionOf(dist, 'throw new RangeError');
    const id = '3b1f6a2e-9c4d-4e8f-a1b2-c3d4e5f6a7b8';
    // Sentry's snippet ahead of the code on the same line (the plugin's map accounts for it; this one
    // is shifted by hand), no comment, no ID in the map.
    const snippet = `!function(){try{var e=globalThis,n=(new e.Error).stack;n&&(e._sentryDebugIds=e._sentryDebugIds||{},e._sentryDebugIds[n]="${id}",e._sentryDebugIdIdentifier="sentry-dbid-${id}")}catch(e){}}();`;
    writeFileSync(path.join(dist, at.name), `${snippet}\n${at.code}`);
    const mapFile = path.join(dist, `${at.name}.map`);
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { mappings: string };
    writeFileSync(mapFile, JSON.stringify({ ...map, mappings: `;${map.mappings}` }));
    const url = 'https://cdn.example.com/a.js';
    const event = browserEvent(url, { lineno: at.lineno + 1, colno: at.colno }, [[url, id]]);
    const frame = createSymbolicator([dist]).symbolicate(event).exception!.values[0]!.stacktrace!.frames[0]!;
    expect(frame).toMatchObject({
      filename: '../src/checkout.js',
      lineno: originalLine('checkout.js', 'throw new RangeError'),
    });
  });

  it('names a frame stopped at a call after the function it runs in, not the one it calls', async () => {
    const dist = await buildFixture();
    const [checkout] = injectDebugIds([dist]).filter((r) => path.basename(r.file).startsWith('checkout'));
    const consumer = new SourceMapConsumer(JSON.parse(readFileSync(checkout!.map!, 'utf8')) as RawSourceMap);
    const line = originalLine('checkout.js', 'return total(cart)');
    const call = consumer.generatedPositionFor({ source: '../src/checkout.js', line, column: 9 }); // at `total(`
    const url = 'https://shop.example.com/checkout.js';
    const event = browserEvent(url, { lineno: call.line!, colno: call.column! + 1 }, [[url, checkout!.debugId!]]);
    const frame = createSymbolicator([dist]).symbolicate(event).exception!.values[0]!.stacktrace!.frames[0]!;
    expect(frame).toMatchObject({ lineno: line, function: 'applyDiscount' });
  });

  it('ignores debug_meta that is not what Sentry’s schema says, and still resolves by name', async () => {
    const dist = await buildFixture();
    const at = positionOf(dist, 'throw new RangeError');
    const url = `https://shop.example.com/${at.name}`;
    const event = { ...browserEvent(url, at), debug_meta: { images: [{ code_file: url, debug_id: 42 }, null] } };
    const frame = createSymbolicator([dist]).symbolicate(event as never).exception!.values[0]!.stacktrace!.frames[0]!;
    expect(frame.lineno).toBe(originalLine('checkout.js', 'throw new RangeError'));
  });
});
