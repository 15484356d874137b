// What the debug-ID support (debugIdsIntegration, on by default) adds to the default browser bundles:
// each case built twice with esbuild the way bundleSize.mjs builds it, once as shipped and once with the
// integration's module replaced by an empty integration of the same name.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { SIZE_CASES } from './bundleSize.mjs';

const TMP = new URL('../../tmp/size/', import.meta.url);
const CASES = ['faultline-browser-init', 'faultline-react-init-boundary'];
const withoutDebugIds = {
  name: 'without-debug-ids',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]integrations[\\/]debugIdsIntegration\.[jt]s$/ }, () => ({
      contents: "export function debugIdsIntegration() { return { name: 'DebugIds' }; }",
    }));
  },
};

async function measure(entry, plugins) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    logLevel: 'silent',
    plugins,
  });
  const code = result.outputFiles[0].text;
  return {
    min: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code).length,
  };
}

/** Each case's size with and without the integration; the difference is what debug IDs cost. */
export async function measureDebugIdCost() {
  mkdirSync(TMP, { recursive: true });
  const rows = [];
  for (const testCase of SIZE_CASES.filter((c) => CASES.includes(c.name))) {
    const entry = new URL(`${testCase.name}.mjs`, TMP);
    writeFileSync(entry, `${testCase.source}\n`);
    const shipped = await measure(entry.pathname, []);
    const without = await measure(entry.pathname, [withoutDebugIds]);
    rows.push({ label: testCase.label, shipped, without });
  }
  return rows;
}

export async function runDebugIdCost() {
  const rows = (await measureDebugIdCost()).map(({ label, shipped, without }) => {
    const cost = (key) =>
      `+${shipped[key] - without[key]} B (${(((shipped[key] - without[key]) / without[key]) * 100).toFixed(1)}%)`;
    return `| ${label} | ${cost('min')} | ${cost('gzip')} | ${cost('brotli')} |`;
  });
  return [
    '### What debug-ID support costs (debugIdsIntegration, on by default; esbuild, minified)',
    '',
    '| import set | min | gzip | brotli |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    '',
    'Measured against the same build with the integration replaced by an empty one (`bench/src/suites/debugIdCost.mjs`).',
    "At run time it is switched off with `integrations: (defaults) => defaults.filter((i) => i.name !== 'DebugIds')`.",
  ].join('\n');
}
