// Cold start in Node: `import` + `init` of @faultline/node and @sentry/node, each in a fresh process,
// alternating, median of several runs.
import { execFileSync } from 'node:child_process';
import { median } from '../harness.mjs';

const run = (sdk) =>
  Number(
    execFileSync(process.execPath, [new URL('../startupProcess.mjs', import.meta.url).pathname, sdk], {
      encoding: 'utf8',
    }).trim(),
  );

export function runNodeStartup({ runs = 9 } = {}) {
  const samples = { faultline: [], sentry: [] };
  run('faultline');
  run('sentry'); // warm the file cache for both
  for (let i = 0; i < runs; i++) {
    for (const sdk of i % 2 === 0 ? ['faultline', 'sentry'] : ['sentry', 'faultline']) samples[sdk].push(run(sdk));
  }
  const f = median(samples.faultline);
  const s = median(samples.sentry);
  return [
    `### Node cold start: \`import\` + \`init\` in a fresh process (median of ${runs}, \`bench/src/startupProcess.mjs\`)`,
    '',
    '| SDK | ms (median) | min–max |',
    '| --- | ---: | ---: |',
    `| @faultline/node | ${f.toFixed(1)} | ${Math.min(...samples.faultline).toFixed(1)}–${Math.max(...samples.faultline).toFixed(1)} |`,
    `| @sentry/node | ${s.toFixed(1)} | ${Math.min(...samples.sentry).toFixed(1)}–${Math.max(...samples.sentry).toFixed(1)} |`,
    '',
    `@sentry/node takes ${(s / f).toFixed(1)}× as long to import and start.`,
    '',
  ].join('\n');
}
