// Type-checks every workspace package's src with its own tsconfig (core: no DOM, no Node types), then the
// tests, benches and examples with the root tsconfig. New packages are picked up from the workspaces list.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const tsc = path.resolve('node_modules/typescript/bin/tsc');
const { workspaces } = JSON.parse(readFileSync('package.json', 'utf8'));
const projects = [...workspaces.map((dir) => path.join(dir, 'tsconfig.json')).filter(existsSync), 'tsconfig.json'];
let failed = false;
for (const project of projects) {
  try {
    execFileSync(process.execPath, [tsc, '-p', project, '--noEmit'], { stdio: 'inherit' });
  } catch {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
