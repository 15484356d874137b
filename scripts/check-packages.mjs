// Checks every published package as `npm pack` makes it, offline, so a broken package never ships: the
// files it must carry (LICENSE, README, every path package.json points at), the metadata a registry page
// shows, that types resolve for import, require and node10 (@arethetypeswrong/core, the engine behind
// `attw`), and publint's rules. One dependency has one range across packages. Run by `npm test` after the
// build; `node scripts/check-packages.mjs core node` checks some.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const root = readJson('package.json');
// Packages that only run in browsers (and bundlers): no Node engines range to declare.
const BROWSER_ONLY = new Set(['@faultline/browser', '@faultline/react']);
const REQUIRED_FIELDS = ['name', 'version', 'description', 'license', 'keywords', 'homepage', 'bugs', 'repository'];

const only = process.argv.slice(2);
const packageDirs = root.workspaces
  .filter((dir) => dir.startsWith('packages/') && !readJson(path.join(dir, 'package.json')).private)
  .filter((dir) => only.length === 0 || only.includes(path.basename(dir)));

const scratch = mkdtempSync(path.join(tmpdir(), 'faultline-pack-'));
let failed = 0;
try {
  const manifests = packageDirs.map((dir) => ({ dir, pkg: readJson(path.join(dir, 'package.json')) }));
  for (const { dir, pkg } of manifests) {
    const problems = await checkOne(dir, pkg);
    failed += problems.length;
    console.log(problems.length === 0 ? `✔ ${pkg.name}` : `✘ ${pkg.name}\n  - ${problems.join('\n  - ')}`);
  }
  const ranges = dependencyRanges(manifests.map(({ pkg }) => pkg));
  failed += ranges.length;
  if (ranges.length > 0) console.log(`✘ dependency ranges\n  - ${ranges.join('\n  - ')}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(failed === 0 ? 'Every package packs as it should.' : `${failed} packaging problem(s).`);
process.exit(failed === 0 ? 0 : 1);

async function checkOne(dir, pkg) {
  const [{ filename, files }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], {
      cwd: dir,
      encoding: 'utf8',
    }),
  );
  const packed = new Set(files.map((file) => file.path));
  const tarball = readFileSync(path.join(scratch, filename));
  const problems = [
    ...metadataProblems(dir, pkg),
    ...['LICENSE', 'README.md', 'package.json'].filter((file) => !packed.has(file)).map((f) => `${f} is not packed`),
    ...pointedPaths(pkg)
      .filter(([, target]) => !isPacked(packed, path.posix.normalize(target)))
      .map(([field, target]) => `${field} points at ${target}, which is not packed (built?)`),
    ...conditionProblems(pkg),
    ...node10Problems(pkg),
    ...(await typeProblems(tarball, pkg)),
  ];
  const { messages } = await publint({ pkgDir: path.resolve(dir), level: 'warning', pack: 'npm' });
  for (const message of messages) problems.push(`publint: ${formatMessage(message, pkg, { color: false })}`);
  return problems;
}

function metadataProblems(dir, pkg) {
  const problems = REQUIRED_FIELDS.filter((field) => isEmpty(pkg[field])).map((field) => `package.json lacks ${field}`);
  if (pkg.repository?.directory !== dir) problems.push(`repository.directory should be ${dir}`);
  if (pkg.type !== 'module' || pkg.sideEffects !== false)
    problems.push('expected "type": "module", "sideEffects": false');
  const license = existsSync(path.join(dir, 'LICENSE')) ? readFileSync(path.join(dir, 'LICENSE'), 'utf8') : '';
  if (!license.startsWith(`${pkg.license} License`))
    problems.push(`LICENSE is missing or not the ${pkg.license} license`);
  else if (license !== readFileSync('LICENSE', 'utf8')) problems.push('LICENSE differs from the root LICENSE');
  if (BROWSER_ONLY.has(pkg.name) && pkg.engines?.node) problems.push('a browser package declares engines.node');
  if (!BROWSER_ONLY.has(pkg.name) && pkg.engines?.node !== root.engines.node) {
    problems.push(`engines.node should be ${root.engines.node}, as the repository's`);
  }
  for (const name of Object.keys(pkg.peerDependenciesMeta ?? {})) {
    if (!pkg.peerDependencies?.[name]) problems.push(`peerDependenciesMeta.${name} has no peerDependency`);
  }
  return problems;
}

/** Every file package.json points at, with the field that does. */
/** A packed file, or for a subpath pattern (`build/esm/*.js`), at least one packed file it matches. */
function isPacked(packed, target) {
  if (!target.includes('*')) return packed.has(target);
  const [before, after] = target.split('*');
  return [...packed].some((file) => file.startsWith(before) && file.endsWith(after));
}

function pointedPaths(pkg) {
  const paths = ['main', 'module', 'types', 'unpkg', 'jsdelivr'].filter((f) => pkg[f]).map((f) => [f, pkg[f]]);
  for (const [name, file] of Object.entries(typeof pkg.bin === 'string' ? { bin: pkg.bin } : (pkg.bin ?? {}))) {
    paths.push([`bin.${name}`, file]);
  }
  const walk = (value, field) => {
    if (typeof value === 'string') paths.push([field, value]);
    else for (const [key, inner] of Object.entries(value ?? {})) walk(inner, `${field}["${key}"]`);
  };
  walk(pkg.exports, 'exports');
  walk(pkg.typesVersions, 'typesVersions');
  return paths;
}

/** Each code entry point: ESM types (.d.ts) under import, CommonJS types (.d.cts) under require. */
function conditionProblems(pkg) {
  const problems = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target === 'string') continue; // a file as it is: package.json, a schema, the CDN script
    const { import: esm, require: cjs } = target;
    if (!/\.d\.ts$/.test(esm?.types ?? '') || !/\.js$/.test(esm?.default ?? '')) {
      problems.push(`exports["${subpath}"].import needs types (.d.ts) and default (.js)`);
    }
    if (!/\.d\.cts$/.test(cjs?.types ?? '') || !/\.cjs$/.test(cjs?.default ?? '')) {
      problems.push(`exports["${subpath}"].require needs types (.d.cts) and default (.cjs)`);
    }
  }
  return problems;
}

/** TypeScript's node10 resolution ignores exports: each code subpath needs typesVersions, "." needs types. */
function node10Problems(pkg) {
  const problems = pkg.types ? [] : ['no "types" field for node10 resolution'];
  const mapped = Object.values(pkg.typesVersions ?? {}).flatMap((paths) => Object.keys(paths));
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (subpath === '.' || typeof target === 'string') continue;
    if (!mapped.includes(subpath.slice(2))) problems.push(`exports["${subpath}"] has no typesVersions entry (node10)`);
  }
  return problems;
}

/** Types resolve for every code entry point under node10, node16 (import and require) and bundlers. */
async function typeProblems(tarball, pkg) {
  const files = Object.entries(pkg.exports ?? {}).filter(([, target]) => typeof target === 'string');
  const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(tarball)), {
    excludeEntrypoints: files.map(([subpath]) => subpath),
  });
  if (!analysis.types) return ['no types found'];
  return analysis.problems.map((problem) => {
    const where = [problem.entrypoint, problem.resolutionKind].filter(Boolean).join(' ');
    return `types: ${problemKindInfo[problem.kind].description}${where ? ` (${where})` : ''}`;
  });
}

/** The same dependency has one range in every package; a workspace package is pinned to its version. */
function dependencyRanges(pkgs) {
  const versions = new Map(pkgs.map((pkg) => [pkg.name, pkg.version]));
  const ranges = new Map();
  const problems = [];
  for (const pkg of pkgs) {
    for (const [name, range] of Object.entries(pkg.dependencies ?? {})) {
      if (versions.has(name)) {
        if (range !== versions.get(name))
          problems.push(`${pkg.name} depends on ${name}@${range}, not ${versions.get(name)}`);
        continue;
      }
      if (!ranges.has(name)) ranges.set(name, new Map());
      ranges.get(name).set(range, [...(ranges.get(name).get(range) ?? []), pkg.name]);
    }
  }
  for (const [name, byRange] of ranges) {
    if (byRange.size > 1) {
      const uses = [...byRange].map(([range, users]) => `${range} (${users.join(', ')})`).join(' vs ');
      problems.push(`${name} has more than one range: ${uses}`);
    }
  }
  return problems;
}

function isEmpty(value) {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
