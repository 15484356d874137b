import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';
import { describe, expect, it } from 'vitest';
import { injectDebugIds } from '../../src/sourcemaps/injectDebugIds';
import { buildFixture } from './buildFixture';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const read = (file: string) => readFileSync(file, 'utf8');
const snapshotOf = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, read(path.join(dir, name))] as const));

/** Where in the original source the first `needle` of the built code comes from, per its map. */
function originalOf(code: string, map: string, needle: string) {
  const offset = code.indexOf(needle);
  const before = code.slice(0, offset).split('\n');
  const consumer = new SourceMapConsumer(JSON.parse(map) as RawSourceMap);
  const { source, line, column } = consumer.originalPositionFor({ line: before.length, column: before.at(-1)!.length });
  return { source: source && path.basename(source), line, column };
}

describe('injectDebugIds', () => {
  it('gives each built file with a map the snippet, the comment and the ID in its map, and keeps every mapping', async () => {
    const dist = await buildFixture();
    const before = snapshotOf(dist);
    const results = injectDebugIds([dist]);
    const js = results.filter((r) => r.outcome === 'injected');
    expect(js.map((r) => path.basename(r.file)).sort()).toEqual(
      Object.keys(before)
        .filter((n) => n.endsWith('.js'))
        .sort(),
    );
    for (const { file, map, debugId } of js) {
      expect(debugId).toMatch(UUID);
      const code = read(file);
      const lines = code.split('\n');
      expect(lines[0]).toContain(`_sentryDebugIdIdentifier="sentry-dbid-${debugId}"`);
      expect(lines[0]).toContain(`[s]="${debugId}"`);
      expect(lines.at(-2)).toBe(`//# debugId=${debugId}`);
      const mapJson = JSON.parse(read(map!)) as Record<string, unknown>;
      expect(mapJson).toMatchObject({ debugId, debug_id: debugId });
      for (const needle of ['throw', 'return']) {
        if (!code.includes(needle)) continue;
        const name = path.basename(file);
        expect(originalOf(code, read(map!), needle)).toEqual(originalOf(before[name]!, before[`${name}.map`]!, needle));
        expect(originalOf(code, read(map!), needle).line).not.toBeNull();
      }
    }
    expect(new Set(js.map((r) => r.debugId)).size).toBe(js.length);
  });

  it('changes nothing on a second run (idempotent), and says each file had its ID', async () => {
    const dist = await buildFixture();
    const first = injectDebugIds([dist]);
    const after = snapshotOf(dist);
    const second = injectDebugIds([dist]);
    expect(snapshotOf(dist)).toEqual(after);
    expect(second.map((r) => [r.outcome, r.debugId])).toEqual(first.map((r) => ['unchanged', r.debugId]));
  });

  it('derives the same IDs from the same build and other IDs from other content (deterministic)', async () => {
    // esbuild names chunks after the absolute path, so one build is copied rather than built thrice.
    const built = await buildFixture();
    const [a, b, c] = ['a', 'b', 'c'].map((name) => {
      const dir = path.join(path.dirname(built), name);
      cpSync(built, dir, { recursive: true });
      return dir;
    });
    const file = readdirSync(c!).find((n) => n.startsWith('checkout') && n.endsWith('.js'))!;
    writeFileSync(path.join(c!, file), `${read(path.join(c!, file))}/* one more byte */`);
    const ids = (dir: string) => injectDebugIds([dir]).map((r) => [path.basename(r.file), r.debugId]);
    const [idsA, idsB, idsC] = [ids(a!), ids(b!), ids(c!)];
    expect(idsA).toEqual(idsB);
    expect(idsC.filter(([n]) => n !== file)).toEqual(idsA.filter(([n]) => n !== file));
    expect(idsC.find(([n]) => n === file)![1]).not.toBe(idsA.find(([n]) => n === file)![1]);
  });

  it('writes nothing in a dry run', async () => {
    const dist = await buildFixture();
    const before = snapshotOf(dist);
    expect(injectDebugIds([dist], { dryRun: true }).every((r) => r.outcome === 'injected')).toBe(true);
    expect(snapshotOf(dist)).toEqual(before);
  });

  it('registers the ID at run time under a stack that names the file itself', async () => {
    const dist = await buildFixture({ sourcemap: 'linked' });
    const [result] = injectDebugIds([dist]).filter((r) => r.file.includes('cart'));
    const url = pathToFileURL(result!.file).href;
    const registry = JSON.parse(
      execFileSync(process.execPath, [
        '--input-type=module',
        '-e',
        `await import(${JSON.stringify(url)}); console.log(JSON.stringify(globalThis._sentryDebugIds))`,
      ]).toString(),
    ) as Record<string, string>;
    // The entry imports a shared chunk, which registers its own ID first.
    const [stack] = Object.entries(registry).find(([, id]) => id === result!.debugId)!;
    expect(stack!.split('\n')[1]).toContain(url); // the newest frame: what the SDK keys the file by
    expect(read(result!.file)).toMatch(/\/\/# sourceMappingURL=cart\.js\.map\n\/\/# debugId=/);
  });

  it('keeps a #! line first and repeats a "use strict" directive ahead of the snippet', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'faultline-inject-script-'));
    const code = '#!/usr/bin/env node\n"use strict";\nvar a=1;throw new Error("x"+a);\n';
    // line 3, column 8 (the throw) of the built file ← line 7, column 2 of the original
    const map = { version: 3, sources: ['tool.ts'], names: [], mappings: ';;QAME' };
    writeFileSync(path.join(dist, 'tool.cjs'), code);
    writeFileSync(path.join(dist, 'tool.cjs.map'), JSON.stringify(map));
    const [result] = injectDebugIds([dist]);
    const lines = read(path.join(dist, 'tool.cjs')).split('\n');
    expect(lines[0]).toBe('#!/usr/bin/env node');
    expect(lines[1]).toMatch(/^"use strict";;!function\(\)\{try\{/);
    expect(lines[3]).toBe('var a=1;throw new Error("x"+a);');
    const after = new SourceMapConsumer(JSON.parse(read(path.join(dist, 'tool.cjs.map'))) as RawSourceMap);
    expect(after.originalPositionFor({ line: 4, column: 8 })).toMatchObject({ source: 'tool.ts', line: 7, column: 2 });
    const run = (() => {
      try {
        execFileSync(process.execPath, [path.join(dist, 'tool.cjs')], { stdio: 'pipe' });
        return '';
      } catch (error) {
        return String((error as { stderr: Buffer }).stderr);
      }
    })();
    expect(run).toContain('Error: x1');
    expect(result!.outcome).toBe('injected');
  });

  it('injects into an inline map', async () => {
    const dist = await buildFixture({ sourcemap: 'inline' });
    const results = injectDebugIds([dist]);
    for (const { file, map, debugId, outcome } of results) {
      expect([map, outcome]).toEqual(['inline', 'injected']);
      const code = read(file);
      const base64 = /sourceMappingURL=data:application\/json;base64,(\S+)/.exec(code)![1]!;
      const inline = JSON.parse(Buffer.from(base64, 'base64').toString()) as Record<string, unknown>;
      expect(inline).toMatchObject({ debugId, debug_id: debugId });
      expect(code.trimEnd().endsWith(`//# debugId=${debugId}`)).toBe(true);
    }
  });

  it('keeps the ID of a file Sentry’s bundler plugin injected and only adds what it lacks', async () => {
    const dist = await buildFixture();
    const name = readdirSync(dist).find((n) => n.startsWith('cart') && n.endsWith('.js'))!;
    const id = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
    // As @sentry/rollup-plugin leaves a chunk before upload: its snippet, no comment, a map without the ID.
    const plugin = `!function(){try{var e="undefined"!=typeof window?window:{},n=(new e.Error).stack;n&&(e._sentryDebugIds=e._sentryDebugIds||{},e._sentryDebugIds[n]="${id}",e._sentryDebugIdIdentifier="sentry-dbid-${id}")}catch(e){}}();`;
    const code = plugin + read(path.join(dist, name));
    writeFileSync(path.join(dist, name), code);
    const mappings = (JSON.parse(read(path.join(dist, `${name}.map`))) as { mappings: string }).mappings;
    const result = injectDebugIds([dist]).find((r) => r.file.endsWith(name))!;
    expect(result).toMatchObject({ outcome: 'completed', debugId: id });
    expect(read(path.join(dist, name))).toBe(`${code}//# debugId=${id}\n`); // the build ends in a newline
    expect(JSON.parse(read(path.join(dist, `${name}.map`)))).toMatchObject({ mappings, debugId: id, debug_id: id });
  });

  it('leaves alone a file sentry-cli 2 injected, and a file without a source map', async () => {
    const dist = await buildFixture();
    const id = '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9';
    const injected = `!function(){try{var e="undefined"!=typeof window?window:{},n=(new e.Error).stack;n&&(e._sentryDebugIds=e._sentryDebugIds||{},e._sentryDebugIds[n]="${id}")}catch(e){}}();\nvar x=1;\n//# debugId=${id}\n`;
    writeFileSync(path.join(dist, 'old.js'), injected);
    writeFileSync(
      path.join(dist, 'old.js.map'),
      JSON.stringify({ version: 3, sources: [], names: [], mappings: ';A', debug_id: id, debugId: id }),
    );
    writeFileSync(path.join(dist, 'loose.js'), 'console.log(1)\n');
    const results = injectDebugIds([dist]);
    expect(results.find((r) => r.file.endsWith('old.js'))).toMatchObject({ outcome: 'unchanged', debugId: id });
    expect(results.find((r) => r.file.endsWith('loose.js'))).toMatchObject({ outcome: 'no-map' });
    expect(read(path.join(dist, 'old.js'))).toBe(injected);
    expect(read(path.join(dist, 'loose.js'))).toBe('console.log(1)\n');
  });
});
