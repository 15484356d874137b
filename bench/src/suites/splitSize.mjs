// The critical path of the default browser setup as bundlers that split code ship it: `init` with a DSN,
// built from the published packages (their build/esm, not the sources) by esbuild with `splitting` and by
// Vite (its production defaults). The entry is what a page loads before its first line runs (the entry
// chunk and the chunks it imports statically); "all" adds the chunks loaded later by import(). Peers ship
// one chunk: their whole is their critical path.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { measureBundleSizes, SIZE_CASES } from './bundleSize.mjs';

const TMP = new URL('../../tmp/split/', import.meta.url).pathname;
const SOURCE = SIZE_CASES.find((c) => c.name === 'faultline-browser-init').source;
const PEERS = ['sentry-browser-init', 'bugsnag-browser-start', 'honeybadger-browser-configure'];

/** The split cases check-size budgets: `<bundler>` entry and all, gzip -9 bytes of each file, summed. */
export const SPLIT_CASES = [
  { name: 'faultline-split-esbuild-entry', label: '@faultline/browser init, esbuild splitting: entry (critical path)' },
  { name: 'faultline-split-esbuild-all', label: '@faultline/browser init, esbuild splitting: all chunks' },
  { name: 'faultline-split-vite-entry', label: '@faultline/browser init, Vite: entry (critical path)' },
  { name: 'faultline-split-vite-all', label: '@faultline/browser init, Vite: all chunks' },
];

const gzip = (code) => gzipSync(code, { level: 9 }).length;

/** Entry (with what it imports statically) and all: gzip bytes, from { file: { code, imports, entry } }. */
function criticalPath(chunks) {
  const entry = Object.keys(chunks).find((file) => chunks[file].entry);
  const loaded = new Set();
  const visit = (file) => {
    if (loaded.has(file) || !chunks[file]) return;
    loaded.add(file);
    for (const imported of chunks[file].imports) visit(imported);
  };
  visit(entry);
  const sum = (files) => files.reduce((total, file) => total + gzip(chunks[file].code), 0);
  return { entry: sum([...loaded]), all: sum(Object.keys(chunks)), files: Object.keys(chunks).length };
}

async function withEsbuild(entry) {
  const outdir = path.join(TMP, 'esbuild');
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    outdir,
    write: false,
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: '{}', // the packages as published: no repository paths to their sources
    logLevel: 'silent',
  });
  const chunks = {};
  for (const file of result.outputFiles) {
    const meta = result.metafile.outputs[path.relative(process.cwd(), file.path)];
    chunks[path.basename(file.path)] = {
      code: file.text,
      entry: Boolean(meta?.entryPoint),
      imports: (meta?.imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => path.basename(i.path)),
    };
  }
  return criticalPath(chunks);
}

async function withVite(entry) {
  const output = await vite({
    root: TMP,
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, modulePreload: false, rollupOptions: { input: entry } },
  });
  const chunks = {};
  for (const chunk of (Array.isArray(output) ? output[0] : output).output) {
    if (chunk.type !== 'chunk') continue;
    chunks[chunk.fileName] = { code: chunk.code, entry: chunk.isEntry, imports: chunk.imports };
  }
  return criticalPath(chunks);
}

/** Every split case by name, in check-size's shape (`esbuild.gzip` is the measured figure). */
export async function measureSplitSizes() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const entry = path.join(TMP, 'app.mjs');
  writeFileSync(entry, `${SOURCE}\n`);
  const [byEsbuild, byVite] = [await withEsbuild(entry), await withVite(entry)];
  const figures = [byEsbuild.entry, byEsbuild.all, byVite.entry, byVite.all];
  return Object.fromEntries(SPLIT_CASES.map((c, i) => [c.name, { ...c, esbuild: { gzip: figures[i] } }]));
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function runSplitSize() {
  const split = await measureSplitSizes();
  const peers = await measureBundleSizes(SIZE_CASES.filter((c) => PEERS.includes(c.name)));
  const figure = (name) => kib(split[name].esbuild.gzip);
  return [
    '### The critical path of `@faultline/browser` `init` as splitting bundlers ship it (`bench/src/suites/splitSize.mjs`)',
    '',
    'Built from the published packages, gzip -9 per file, summed. The entry is what the page loads before its first line (the entry chunk and what it imports statically); the pipeline chunk comes at the first idle moment or the first capture. Peers ship one chunk.',
    '',
    '| build | entry (critical path) | all chunks |',
    '| --- | ---: | ---: |',
    `| Faultline, esbuild \`splitting: true\` | ${figure('faultline-split-esbuild-entry')} | ${figure('faultline-split-esbuild-all')} |`,
    `| Faultline, Vite (production defaults) | ${figure('faultline-split-vite-entry')} | ${figure('faultline-split-vite-all')} |`,
    ...PEERS.map(
      (name) =>
        `| ${peers[name].label} (esbuild) | ${kib(peers[name].esbuild.gzip)} | ${kib(peers[name].esbuild.gzip)} |`,
    ),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runSplitSize());
