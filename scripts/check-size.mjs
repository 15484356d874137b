// Fails when a measured bundle grows past its budget in size-budgets.json; prints the distance to any
// target still ahead. Sizes are deterministic, so this is a CI check (speed is not).
import { readFileSync } from 'node:fs';
import { measureBundleSizes, SIZE_CASES } from '../bench/src/suites/bundleSize.mjs';

const budgets = JSON.parse(readFileSync(new URL('../size-budgets.json', import.meta.url), 'utf8'));
const cases = SIZE_CASES.filter((c) => budgets[c.name]);
const results = await measureBundleSizes(cases);
let failed = false;
for (const { name, label, esbuild } of Object.values(results)) {
  const { budget, target } = budgets[name];
  const over = esbuild.gzip > budget;
  failed ||= over;
  const goal = target
    ? `; target ${target} B (${esbuild.gzip - target > 0 ? `${esbuild.gzip - target} B to go` : 'met'})`
    : '';
  console.log(`${over ? '✘' : '✔'} ${label}: ${esbuild.gzip} B gzip, budget ${budget} B${goal}`);
}
process.exit(failed ? 1 : 0);
