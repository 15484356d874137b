// Fails when a measured bundle grows past its budget in size-budgets.json, or when a size quoted in a
// README (`19.7 KiB <!-- size:case-name -->`) no longer matches the build; prints the distance to any
// target still ahead. Sizes are deterministic, so this is a CI check (speed is not).
import { readdirSync, readFileSync } from 'node:fs';
import {
  LOADER_CASE,
  measureBundleSizes,
  measureShippedBundle,
  SHIPPED_CASE,
  SIZE_CASES,
} from '../bench/src/suites/bundleSize.mjs';
import { measureSplitSizes, SPLIT_CASES } from '../bench/src/suites/splitSize.mjs';

const root = new URL('../', import.meta.url);
const budgets = JSON.parse(readFileSync(new URL('size-budgets.json', root), 'utf8'));
const readmes = ['README.md', ...readdirSync(new URL('packages/', root)).map((p) => `packages/${p}/README.md`)];
const quotes = readmes.flatMap((file) => {
  let text;
  try {
    text = readFileSync(new URL(file, root), 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/([\d.]+) KiB <!-- size:([a-z0-9-]+) -->/g)].map(([, kib, name]) => ({
    file,
    name,
    kib: Number(kib),
  }));
});

const wanted = new Set([...Object.keys(budgets), ...quotes.map((q) => q.name)]);
const results = await measureBundleSizes(SIZE_CASES.filter((c) => wanted.has(c.name)));
// The split builds (esbuild with splitting, Vite): the entry chunk and all chunks.
if (SPLIT_CASES.some((c) => wanted.has(c.name))) Object.assign(results, await measureSplitSizes());
// The shipped CDN files are measured as `npm run build` left them (esbuild does not rebuild them).
for (const shipped of [SHIPPED_CASE, LOADER_CASE]) {
  if (wanted.has(shipped.name)) results[shipped.name] = { ...shipped, esbuild: measureShippedBundle(shipped) };
}
let failed = false;

for (const [name, { budget, target }] of Object.entries(budgets)) {
  if (name.startsWith('//')) continue;
  const { label, esbuild } = results[name];
  const over = esbuild.gzip > budget;
  failed ||= over;
  const goal = target
    ? `; target ${target} B (${esbuild.gzip - target > 0 ? `${esbuild.gzip - target} B to go` : 'met'})`
    : '';
  console.log(`${over ? '✘' : '✔'} ${label}: ${esbuild.gzip} B gzip, budget ${budget} B${goal}`);
}

for (const { file, name, kib } of quotes) {
  const measured = results[name] && Number((results[name].esbuild.gzip / 1024).toFixed(1));
  // In tenths of a KiB: a quote one rounding step off still stands.
  const stale = measured === undefined || Math.abs(Math.round(measured * 10) - Math.round(kib * 10)) > 1;
  failed ||= stale;
  console.log(`${stale ? '✘' : '✔'} ${file} quotes ${name} as ${kib} KiB; measured ${measured ?? 'nothing'} KiB`);
}
process.exit(failed ? 1 : 0);
