// Where the bytes of the default browser bundle are: the bench's esbuild build of `init` with defaults,
// cut into parts by source file, each part's cost measured as what gzip -9 saves when the part's code is
// left out of the same bundle (leave-one-part-out). Parts overlap a little in gzip's dictionary, so their
// costs add up to a little less than the whole.
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';
import { SIZE_CASES } from './bundleSize.mjs';

const TMP = new URL('../../tmp/size/', import.meta.url);

/** The parts, by the path esbuild names each file by (the package's sources, through their source maps). */
export const PARTS = [
  [
    'delivery policy: in-memory queue, retries and backoff, rate limits, size guard, drop accounting, envelopes',
    /core\/(?:src|build\/esm)\/(transports|envelope)\//,
  ],
  [
    'delivery in the browser: fetch + keepalive, beacon at page hide, IndexedDB journal (idb-keyval)',
    /browser\/(?:src|build\/esm)\/transports\/|idb-keyval/,
  ],
  [
    'client and pipeline: capture, hooks, sampling, storm guard, client reports, init',
    /core\/(?:src|build\/esm)\/(client\/|init\.[jt]s|api\/|carrier|debugLogger|timers|installOnce|constants|uuid4)/,
  ],
  [
    'option validation: every check, did-you-mean, DSN parsing, Sentry-only names',
    /core\/(?:src|build\/esm)\/(options\/|dsn\.[jt]s)/,
  ],
  ['PII scrubbing: key lists, value patterns, Luhn', /core\/(?:src|build\/esm)\/scrub\//],
  [
    'event building: stack parsing, linked errors, normalize, fingerprint',
    /core\/(?:src|build\/esm)\/(event\/|normalize\/|fingerprint)/,
  ],
  ['scopes and trace context', /core\/(?:src|build\/esm)\/(scope\/|tracing\/|propagationContext)/],
  [
    'default integrations: dedupe, filters, global handlers, 5 breadcrumb kinds, trace propagation, page context, debug IDs, page hide',
    /core\/(?:src|build\/esm)\/integrations\/|browser\/(?:src|build\/esm)\/(integrations\/(?!browserSession)|cssSelector|describe|isOwnRequest)/,
  ],
  [
    'release health: sessions, the session integration, the client hooks that count errors (not the URL watch it shares with history breadcrumbs)',
    /core\/(?:src|build\/esm)\/(sessions\/|client\/(createClientHooks|withEnvelopeItems))|browser\/(?:src|build\/esm)\/integrations\/browserSession/,
  ],
  ['browser init and its defaults', /browser\/(?:src|build\/esm)\/(init|getDefaultIntegrations|browserOptions)/],
];

/** Each part's minified bytes and its leave-one-out gzip cost in the bundle of `caseName`. */
export async function measureSizeBreakdown(caseName = 'faultline-browser-init') {
  mkdirSync(TMP, { recursive: true });
  const entry = new URL(`${caseName}-breakdown.mjs`, TMP);
  writeFileSync(entry, `${SIZE_CASES.find((c) => c.name === caseName).source}\n`);
  // Minified but for whitespace, so esbuild keeps its `// path` line before each file's code.
  const result = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    logLevel: 'silent',
  });
  const files = [];
  let current = { path: '(shared helpers)', code: '' };
  for (const line of result.outputFiles[0].text.split('\n')) {
    const header = /^\/\/ (\S+\.(?:[mc]?js|tsx?))$/.exec(line);
    if (header) {
      files.push(current);
      current = { path: header[1], code: '' };
    } else current.code += `${line}\n`;
  }
  files.push(current);
  for (const file of files) file.min = (await transform(file.code, { minifyWhitespace: true, target: 'es2020' })).code;
  const gzip = (code) => gzipSync(code, { level: 9 }).length;
  const total = gzip(files.map((f) => f.min).join(''));
  const parts = PARTS.map(([label, pattern]) => {
    const inside = files.filter((f) => pattern.test(f.path));
    const without = files.filter((f) => !pattern.test(f.path));
    return {
      label,
      min: inside.reduce((sum, f) => sum + f.min.length, 0),
      gzip: total - gzip(without.map((f) => f.min).join('')),
    };
  });
  return { total, parts };
}

export async function runSizeBreakdown() {
  const { total, parts } = await measureSizeBreakdown();
  const rows = parts.map((p) => `| ${p.label} | ${p.min} B | ${p.gzip} B | ${((p.gzip / total) * 100).toFixed(0)}% |`);
  return [
    '### Where the bytes of `@faultline/browser` `init` (defaults) are (`bench/src/suites/sizeBreakdown.mjs`)',
    '',
    `The esbuild bundle above, cut into parts by source file; a part's gzip cost is what gzip -9 saves when its code is left out of the same bundle (${total} B in all; parts share gzip's dictionary, so they add up to a little less).`,
    '',
    '| part | min | gzip cost | share |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runSizeBreakdown());
