// A TypeScript app written against Sentry's types compiles with only the imports changed: the fixtures in
// sentryTypes/ are compiled as they are (against @sentry/*, proving they are valid Sentry code), then with
// `@sentry/*` → `@faultline/*` against Faultline's built types, with `tsc --strict` and both `module:
// nodenext` and `bundler` resolution. `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
// Inside the repository, so `@faultline/*` resolves through node_modules to the packages' build/ types.
const scratch = mkdtempSync(path.join(here, 'sentryTypes', '.tsc-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const RESOLUTIONS = {
  nodenext: ['--module', 'nodenext', '--moduleResolution', 'nodenext'],
  bundler: ['--module', 'esnext', '--moduleResolution', 'bundler'],
};

/** tsc's output for `files` with these compiler options ('' when it compiles). */
function compile(config: Record<string, unknown>, files: string[]): string {
  const project = path.join(scratch, `tsconfig.${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(project, JSON.stringify({ compilerOptions: config, files }));
  try {
    return execFileSync(process.execPath, [tsc, '-p', project], { cwd: scratch, encoding: 'utf8' });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

const base = { strict: true, noEmit: true, target: 'es2022', skipLibCheck: true, esModuleInterop: true };

// Each fixture with the options its platform's apps compile with (a browser app has the DOM, no Node types).
const FIXTURES: Record<string, Record<string, unknown>> = {
  'app.ts': { types: ['node'] },
  'browser-app.ts': { types: [], lib: ['es2022', 'dom'] },
};
// tsc is CPU-bound, and the machine is shared: generous time, the same assertion.
const TSC_TIMEOUT = 90_000;

describe.each(Object.keys(FIXTURES))('the Sentry-typed %s', (fixture) => {
  const source = readFileSync(path.join(here, 'sentryTypes', fixture), 'utf8');
  const platform = FIXTURES[fixture]!;

  it(
    'is valid Sentry code (compiles against @sentry/*)',
    () => {
      // @sentry/node 10 brings its own @sentry/core: its types are the ones an app of it gets.
      const sentryCore = path.join(root, 'node_modules/@sentry/node/node_modules/@sentry/core/build/types/index.d.ts');
      const paths = fixture === 'app.ts' ? { '@sentry/core': [sentryCore] } : {};
      const config = { ...base, ...platform, module: 'nodenext', moduleResolution: 'nodenext', paths };
      expect(compile(config, [path.join(here, 'sentryTypes', fixture)])).toBe('');
    },
    TSC_TIMEOUT,
  );

  it.each(Object.keys(RESOLUTIONS) as (keyof typeof RESOLUTIONS)[])(
    'compiles against @faultline/* with only the imports changed (module %s)',
    (resolution) => {
      const file = path.join(scratch, `${resolution}-${fixture}`);
      writeFileSync(file, source.replace(/'@sentry\/(node|core|browser|react)'/g, "'@faultline/$1'"));
      const [, module, , moduleResolution] = RESOLUTIONS[resolution];
      expect(compile({ ...base, ...platform, module, moduleResolution }, [file])).toBe('');
    },
    TSC_TIMEOUT,
  );
});
