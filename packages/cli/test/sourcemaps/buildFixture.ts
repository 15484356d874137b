import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

/** Original sources of a two-file app: each throws from a named function a few lines down. */
export const SOURCES: Record<string, string> = {
  'checkout.js': [
    "import { total } from './cart.js';",
    '',
    'export function applyDiscount(cart, code) {',
    "  if (code !== 'SUMMER') {",
    '    throw new RangeError(`Unknown discount code ${code}`);',
    '  }',
    '  return total(cart) - 10;',
    '}',
    '',
  ].join('\n'),
  'cart.js': [
    'export function total(cart) {',
    '  if (!cart.items.length) {',
    "    throw new Error('empty cart');",
    '  }',
    '  return cart.items.reduce((sum, item) => sum + item.price, 0);',
    '}',
    '',
  ].join('\n'),
};

/**
 * Builds the app with esbuild (minified, code-split ESM, hidden source maps: `.map` files without a
 * `sourceMappingURL` comment) into a new temp folder, as a production build would; returns the folder.
 */
export async function buildFixture(options: { sourcemap?: 'external' | 'linked' | 'inline' } = {}): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'faultline-inject-'));
  mkdirSync(path.join(root, 'src'));
  for (const [name, text] of Object.entries(SOURCES)) writeFileSync(path.join(root, 'src', name), text);
  const out = path.join(root, 'dist');
  await build({
    entryPoints: [path.join(root, 'src/checkout.js'), path.join(root, 'src/cart.js')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    sourcemap: options.sourcemap ?? 'external',
    outdir: out,
    logLevel: 'silent',
  });
  return out;
}
