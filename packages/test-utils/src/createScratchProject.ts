import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, worked out when first needed (not at import: jsdom tests import this module too). */
const repoRoot = (): string => path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export interface ScratchProject {
  dir: string;
  /** Runs `node file` in the project and returns stdout. */
  runNode(file: string, source: string): string;
  /** Type-checks files with `module: node16` (the resolution Node users get); returns tsc's output. */
  typecheck(files: Record<string, string>): string;
}

/**
 * Packs workspace packages with `npm pack` (exactly what would be published), installs the tarballs'
 * contents into a fresh directory outside the workspace, and copies their runtime dependencies from the
 * workspace's node_modules, so tests import the build the way a user would.
 */
export function createScratchProject(packageNames: string[], options: { nodeTypes?: boolean } = {}): ScratchProject {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-scratch-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  for (const name of packageNames) installPacked(name, dir);
  // A Node project has @types/node; a platform-neutral one must type-check without it.
  if (options.nodeTypes) copyDependency('@types/node', dir);
  return {
    dir,
    runNode(file, source) {
      writeFileSync(path.join(dir, file), source);
      return execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' });
    },
    typecheck(files) {
      for (const [file, source] of Object.entries(files)) writeFileSync(path.join(dir, file), source);
      const tsc = path.join(repoRoot(), 'node_modules/typescript/bin/tsc');
      const args = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--target', 'es2022'];
      if (options.nodeTypes) args.push('--types', 'node');
      try {
        return execFileSync(process.execPath, [tsc, ...args, ...Object.keys(files)], { cwd: dir, encoding: 'utf8' });
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    },
  };
}

function installPacked(name: string, scratch: string): void {
  const packageDir = path.join(repoRoot(), 'packages', name.replace('@faultline/', ''));
  if (!existsSync(path.join(packageDir, 'build'))) {
    throw new Error(`${name} has no build/: run \`npm run build\` first`);
  }
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], {
    cwd: packageDir,
    encoding: 'utf8',
  });
  const [{ filename }] = JSON.parse(out.slice(out.indexOf('['))) as [{ filename: string }];
  const target = path.join(scratch, 'node_modules', name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(scratch, filename), '-C', target, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(path.join(target, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) copyDependency(dependency, scratch);
}

function copyDependency(name: string, scratch: string): void {
  const target = path.join(scratch, 'node_modules', name);
  if (existsSync(target) || name.startsWith('@faultline/')) return;
  const source = path.join(repoRoot(), 'node_modules', name);
  cpSync(source, target, { recursive: true, dereference: true });
  const manifest = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) copyDependency(dependency, scratch);
}
