// Markdown rows for the logger benches: ns per call (median, min–max over rounds) and the ratio to a
// baseline. Shared by the pino and winston processes, whose tables run.mjs puts together.
import { measure, median } from './harness.mjs';

const ns = (opsPerSec) => Math.round(1e9 / opsPerSec);

/** A row from ops/s figures: median, min and max of the rounds. */
export function costRow(name, { medianOps, minOps, maxOps }, baseOps) {
  return `| ${name} | ${ns(medianOps)} ns | ${ns(maxOps)}–${ns(minOps)} ns | ${(baseOps / medianOps).toFixed(2)}× |`;
}

/** A row from ns-per-call samples (one per round). */
export function costRowFromNs(name, samples, baseNs) {
  const mid = median(samples);
  return `| ${name} | ${Math.round(mid)} ns | ${Math.round(Math.min(...samples))}–${Math.round(Math.max(...samples))} ns | ${(mid / baseNs).toFixed(2)}× |`;
}

/** `rounds` measurements of one op, as compare() reports them (for a subject that cannot alternate). */
export async function measureRounds(op, { rounds = 5, durationMs = 400 } = {}) {
  const ops = [];
  for (let round = 0; round < rounds; round++) ops.push((await measure(op, { durationMs })).opsPerSec);
  return { medianOps: median(ops), minOps: Math.min(...ops), maxOps: Math.max(...ops) };
}
