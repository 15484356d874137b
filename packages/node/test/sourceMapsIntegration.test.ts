import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Event } from '@faultline/core';

const SOURCE = fileURLToPath(new URL('./fixtures/checkout.ts', import.meta.url));

/** Compiles the TS fixture and runs it in plain Node (the test runner would map stacks itself). */
async function eventFromCompiled(
  sourcemap: 'inline' | 'linked',
): Promise<{ event: Event; tsPath: string; out: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-sm-'));
  const tsPath = path.join(dir, 'checkout.ts');
  copyFileSync(SOURCE, tsPath);
  const out = path.join(dir, 'checkout.mjs');
  // Bundled and minified-ish output, so the JS lines differ from the TS ones.
  const result = await build({
    entryPoints: [tsPath],
    bundle: true,
    format: 'esm',
    platform: 'node',
    sourcemap,
    write: false,
    outfile: out,
    banner: { js: '// compiled\n\n\n' },
  });
  for (const file of result.outputFiles) writeFileSync(file.path, file.contents);
  const runner = fileURLToPath(new URL('./fixtures/sourceMapped.mjs', import.meta.url));
  const json = execFileSync(process.execPath, [runner, out], { encoding: 'utf8' });
  return { event: JSON.parse(json) as Event, tsPath, out };
}

describe('sourceMapsIntegration and contextLinesIntegration', () => {
  it.each(['inline', 'linked'] as const)(
    'map compiled frames back to the .ts lines, with context lines (%s map)',
    async (kind) => {
      const { event, tsPath, out } = await eventFromCompiled(kind);
      const top = event.exception!.values[0]!.stacktrace!.frames.at(-1)!;
      // Paths, not the file:// URLs of ESM stacks, as Sentry's Node SDK sends them.
      expect(top.filename).toBe(tsPath);
      expect(top.lineno).toBe(9);
      expect(top.function).toBe('chargeCart');
      expect(top.context_line).toBe('  throw new Error(`Charging ${amount} for cart ${cart.id} failed`);');
      expect(top.pre_context!.at(-1)).toBe('  const amount: number = cart.total * 100;');
      expect(top.post_context![0]).toBe('}');
      expect(top.in_app).toBe(true);
      expect(top.abs_path).toBe(out);
      expect(top.module).toBe('checkout');
    },
  );
});
