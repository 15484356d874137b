// What mangling the private property names would save (issue 27: "internal property names mangled where the
// build can prove them private"). The default browser setup, `init({ dsn })`, built from the published
// packages as splitSize.mjs and bundleSize.mjs build it (esbuild with `splitting`: the entry and all chunks;
// esbuild in one chunk) and the CDN file as rollup.config.mjs builds it (rollup + terser), each twice in one
// run: as shipped, and with every candidate property name mangled (esbuild `mangleProps`, terser
// `mangle.properties`, a regex over the list). A candidate is a name the built code writes in property
// position that never crosses the package boundary: not in Sentry's wire types or Loki's push body, not in
// any @faultline/* public type, not a Web or JavaScript API name, not in a bundled dependency's types, not in
// what is persisted for a later page, and never a word of a string in the built code. Prints markdown.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { rollup } from 'rollup';
import terser from '@rollup/plugin-terser';
import { namesInCode, reservedNames } from '../propertyNames.mjs';
import { SIZE_CASES } from './bundleSize.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
const TMP = new URL('../../tmp/mangle/', import.meta.url).pathname;
const SOURCE = SIZE_CASES.find((c) => c.name === 'faultline-browser-init').source;
const gzip = (code) => gzipSync(code, { level: 9 }).length;

/** The default setup by esbuild, with `splitting` or in one chunk: its files, the entry's marked. */
async function withEsbuild(entry, { splitting, mangleProps }) {
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    outdir: path.join(TMP, 'esbuild'),
    write: false,
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: '{}',
    absWorkingDir: ROOT, // as `npm run bench` runs it: the same bytes from any directory
    logLevel: 'silent',
    ...(mangleProps && { mangleProps }),
  });
  return result.outputFiles.map((file) => {
    const meta = result.metafile.outputs[path.relative(ROOT, file.path)];
    const imports = (meta?.imports ?? []).filter((i) => i.kind === 'import-statement');
    return {
      name: path.basename(file.path),
      code: file.text,
      entry: Boolean(meta?.entryPoint),
      imports: imports.map((i) => path.basename(i.path)),
    };
  });
}

/**
 * The CDN file exactly as rollup.config.mjs builds it, its terser told to mangle `regex` when given
 * (`builtins`: even the names in terser's own list of DOM properties, which it otherwise keeps).
 */
async function withRollupCdn(regex, builtins = false) {
  const cwd = process.cwd();
  process.chdir(ROOT); // the config reads package.json and resolves packages/ from the root
  try {
    const { default: configs } = await import(path.join(ROOT, 'rollup.config.mjs'));
    const config = configs.find((c) => c.output?.file?.endsWith('faultline.min.js'));
    const mangle = regex ? { properties: { regex, builtins } } : true;
    const plugins = config.plugins.map((p) => (p.name === 'terser' ? terser({ ecma: 2020, mangle }) : p));
    const bundle = await rollup({ ...config, plugins, onwarn: () => {} });
    const { output } = await bundle.generate({ ...config.output, sourcemap: false });
    await bundle.close();
    return [{ name: 'faultline.min.js', code: output[0].code, entry: true, imports: [] }];
  } finally {
    process.chdir(cwd);
  }
}

/** Gzip bytes of the entry with what it imports statically, and of all files. */
function sizes(files) {
  const byName = new Map(files.map((f) => [f.name, f]));
  const loaded = new Set();
  const visit = (name) => {
    if (loaded.has(name) || !byName.has(name)) return;
    loaded.add(name);
    byName.get(name).imports.forEach(visit);
  };
  visit(files.find((f) => f.entry).name);
  const sum = (list) => list.reduce((total, f) => total + gzip(f.code), 0);
  return { entry: sum([...loaded].map((n) => byName.get(n))), all: sum(files) };
}

function namesOf(builds) {
  const properties = new Map();
  const strings = new Set();
  for (const file of builds.flat()) {
    const found = namesInCode(file.code);
    for (const [name, count] of found.properties) properties.set(name, (properties.get(name) ?? 0) + count);
    found.strings.forEach((word) => strings.add(word));
  }
  return { properties, strings };
}

const escape = (name) => name.replace(/\$/g, '\\$');
const PUBLIC = 'public @faultline API or type';
const PLATFORM = 'Web / JavaScript / Node API';
/** The least gzip saving, on the esbuild entry or the CDN file, that makes mangling worth its machinery. */
const WORTH = 300;

/** Everything measured, in one run: the builds before and after, the candidates and what reserved the rest. */
export async function measurePropertyMangling() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const entry = path.join(TMP, 'app.mjs');
  writeFileSync(entry, `${SOURCE}\n`);
  const before = {
    split: await withEsbuild(entry, { splitting: true }),
    one: await withEsbuild(entry, { splitting: false }),
    cdn: await withRollupCdn(),
  };
  const { properties, strings } = namesOf(Object.values(before));
  const groups = [...reservedNames(), { reason: 'a word of a string in the built code', names: strings }];
  const reasonOf = (name) => groups.find((g) => g.names.has(name))?.reason;
  const candidates = [...properties.keys()].filter((name) => !reasonOf(name)).sort();
  const mangled = async (names, builtins = false) => {
    const regex = new RegExp(`^(?:${names.map(escape).join('|')})$`);
    const builds = {
      split: await withEsbuild(entry, { splitting: true, mangleProps: regex }),
      one: await withEsbuild(entry, { splitting: false, mangleProps: regex }),
      cdn: await withRollupCdn(regex, builtins),
    };
    // Proof the regex took: how many of these names are still in property position in a mangled build.
    const left = [...namesOf(Object.values(builds)).properties.keys()].filter((name) => regex.test(name));
    return { names: names.length, builds, left };
  };
  // For scale only, not proposals (each renames what crosses the boundary): the public @faultline names, and
  // the names reserved only because a Web / JavaScript / Node API has one of that name (some are coincidences
  // of internal names, most are real platform calls), mangled as well. Names of three characters or more.
  const only = (reason) => (name) =>
    name.length > 2 && groups.filter((g) => g.names.has(name)).every((g) => g.reason === reason);
  const named = [...properties.keys()];
  const after = [
    await mangled(candidates),
    await mangled([...candidates, ...named.filter(only(PLATFORM))], true),
    await mangled([...candidates, ...named.filter((name) => name.length > 2 && reasonOf(name) === PUBLIC)], true),
  ];
  const one = namesOf([before.one]).properties;
  const cdn = namesOf([before.cdn]).properties;
  const weigh = (name) => ({
    name,
    count: one.get(name) ?? 0,
    cdnCount: cdn.get(name) ?? 0,
    bytes: (one.get(name) ?? 0) * name.length,
  });
  const reserved = named.filter(reasonOf).map((name) => ({ ...weigh(name), reason: reasonOf(name) }));
  // The CDN file with the candidates mangled, to run the browser e2e on it (see the README of bench/).
  writeFileSync(path.join(TMP, 'faultline.min.js'), after[0].builds.cdn[0].code);
  return { before, after, candidates: candidates.map(weigh), reserved, groups };
}

const saved = (was, now) => `${was - now} (${(((was - now) / was) * 100).toFixed(1)}%)`;

export async function runPropertyMangleSize() {
  const m = await measurePropertyMangling();
  const measure = (x) => ({ split: sizes(x.split), one: sizes(x.one), cdn: sizes(x.cdn) });
  const b = measure(m.before);
  const [a, web, pub] = m.after.map((x) => measure(x.builds));
  const row = (label, pick) =>
    `| ${label} | ${pick(b)} | ${pick(a)} | ${saved(pick(b), pick(a))} | ${saved(pick(b), pick(web))} | ${saved(pick(b), pick(pub))} |`;
  const byBytes = (x, y) => y.bytes - x.bytes || x.name.localeCompare(y.name);
  const candidates = [...m.candidates].sort(byBytes);
  const rawBytes = candidates.reduce((sum, c) => sum + c.bytes, 0);
  const reasons = m.groups.map(({ reason }) => {
    const names = m.reserved.filter((r) => r.reason === reason).sort(byBytes);
    const top = names.slice(0, 12).map((r) => `\`${r.name}\` ${r.bytes}`);
    return `| ${reason} | ${names.length} | ${names.reduce((sum, r) => sum + r.bytes, 0)} | ${top.join(', ')} |`;
  });
  return [
    '### Mangling the private property names of the default browser setup (`bench/src/suites/propertyMangleSize.mjs`)',
    '',
    `\`init({ dsn })\` built from the published packages, gzip -9 bytes, as shipped and with ${candidates.length} candidate names mangled (esbuild \`mangleProps\`; terser \`mangle.properties\` for the CDN file, as rollup.config.mjs builds it). Candidates still in property position in a mangled build: ${m.after[0].left.length}.`,
    '',
    `| build | as shipped | candidates mangled | saved | for scale: + names only a platform API also has (${m.after[1].names} names) | for scale: + public @faultline names (${m.after[2].names} names) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('esbuild `splitting`: entry (critical path)', (x) => x.split.entry),
    row('esbuild `splitting`: all chunks', (x) => x.split.all),
    row('esbuild, one chunk', (x) => x.one.all),
    row('CDN file `faultline.min.js` (rollup + terser)', (x) => x.cdn.all),
    '',
    `Saved: gzip bytes (share of the build). The two "for scale" columns are not safe to ship: they show what the names kept for those reasons are worth. Names of two characters or fewer are never mangled (nothing to gain). Names of those lists the tools kept anyway (terser is told to mangle the names of its DOM-property list too for those columns): ${m.after
      .slice(1)
      .map((x) => x.left.map((name) => `\`${name}\``).join(', ') || 'none')
      .join('; ')}.`,
    '',
    `Our rule for issue 27 (a property-mangling build step is a standing cost: a name cache every file of every package must share, and a wrong guess breaks an app silently): mangle only where it saves at least ${WORTH} B gzip on the esbuild entry or the CDN file. Measured: ${b.split.entry - a.split.entry} B and ${b.cdn.all - a.cdn.all} B, ${Math.max(b.split.entry - a.split.entry, b.cdn.all - a.cdn.all) >= WORTH ? 'worth doing' : 'not worth doing: not adopted'}.`,
    '',
    `Property names in property position, all builds: ${m.candidates.length + m.reserved.length}; candidates: ${candidates.length}, ${rawBytes} raw bytes in the one-chunk esbuild build (occurrences × length, before gzip).`,
    '',
    'What keeps the others (a name in two groups counted in the first; bytes are occurrences × length in the one-chunk build, before gzip):',
    '',
    '| reason a name cannot be mangled | names | raw bytes | largest |',
    '| --- | ---: | ---: | --- |',
    ...reasons,
    '',
    'The candidates, largest first (`name` occurrences in the one-chunk build / in the CDN file, raw bytes):',
    '',
    candidates.map((c) => `\`${c.name}\` ${c.count}/${c.cdnCount} ${c.bytes}`).join(', '),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runPropertyMangleSize());
