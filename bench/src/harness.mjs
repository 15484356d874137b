// Side-by-side throughput measurement: subjects run in alternating rounds in one process, so a noisy
// machine slows both alike and the ratio holds even when absolute numbers drift.
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';

const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `op(i)` in batches for about `durationMs`, yielding to the event loop between batches (so async
 * transports drain as they would in an app). Returns ops/s and CPU µs per op.
 */
export async function measure(op, { durationMs = 400, batch = 50 } = {}) {
  let count = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < batch; i++) op(count++);
    await yieldToLoop();
    elapsed = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { opsPerSec: (count / elapsed) * 1000, cpuMicrosPerOp: (cpu.user + cpu.system) / count };
}

/** The middle value (the mean of the two middle ones for an even count). */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Measures each subject's op for `rounds` alternating rounds (after a warm-up) and returns, per subject,
 * median / min / max ops/s and median CPU µs/op, plus the ratio of each round pair (first subject / other).
 */
export async function compare(subjects, { rounds = 5, durationMs = 400, warmupMs = 300 } = {}) {
  for (const subject of subjects) await measure(subject.op, { durationMs: warmupMs });
  const samples = subjects.map(() => []);
  for (let round = 0; round < rounds; round++) {
    // Alternate who goes first, so neither always runs on a warmer (or more fragmented) heap.
    const order = round % 2 === 0 ? subjects.map((_, i) => i) : subjects.map((_, i) => subjects.length - 1 - i);
    for (const index of order) samples[index].push(await measure(subjects[index].op, { durationMs }));
  }
  return subjects.map((subject, index) => {
    const ops = samples[index].map((s) => s.opsPerSec);
    const pairRatios = samples[0].map((s, round) => s.opsPerSec / samples[index][round].opsPerSec);
    return {
      name: subject.name,
      medianOps: median(ops),
      minOps: Math.min(...ops),
      maxOps: Math.max(...ops),
      cpuMicrosPerOp: median(samples[index].map((s) => s.cpuMicrosPerOp)),
      bytesPerOp: subject.bytesPerOp?.(),
      ratioOfFirst: median(pairRatios),
    };
  });
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A Markdown table: one row per subject, the ratio being the first subject's speed over this one's. */
export function toTable(title, results) {
  const rows = results.map((r) =>
    [
      r.name,
      fmt(r.medianOps),
      `${fmt(r.minOps)}–${fmt(r.maxOps)}`,
      fmt(r.cpuMicrosPerOp, 1),
      r.bytesPerOp === undefined ? '—' : fmt(r.bytesPerOp),
      r === results[0] ? '—' : `${fmt(r.ratioOfFirst, 2)}×`,
    ].join(' | '),
  );
  return [
    `### ${title}`,
    '',
    `| subject | ops/s (median) | min–max | CPU µs/op | bytes/op | ${results[0].name} ÷ subject |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n');
}
