import { expect } from 'vitest';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const MAX_LINE_BYTES = 256 * 1024;
const SEVEN_DAYS_NS = 7n * 24n * 3600n * 1_000_000_000n;

export interface LokiStream {
  stream: Record<string, string>;
  values: [string, string, Record<string, string>?][];
}

/**
 * Checks a Loki JSON push body against Loki's rules: valid label names and values, at most 15 labels,
 * ns timestamps as digit strings within 7 days, lines of at most 256 KB that are JSON objects, and
 * string-only structured metadata. Returns the streams for further assertions.
 */
export function assertValidLokiPush(body: string, now = Date.now()): LokiStream[] {
  const parsed = JSON.parse(body) as { streams: LokiStream[] };
  expect(Array.isArray(parsed.streams)).toBe(true);
  for (const { stream, values } of parsed.streams) {
    const names = Object.keys(stream);
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(15);
    for (const name of names) {
      expect(name).toMatch(LABEL_NAME);
      expect(name.startsWith('__')).toBe(false);
      expect(typeof stream[name]).toBe('string');
      expect(stream[name]!.length).toBeGreaterThan(0);
    }
    for (const [timestamp, line, metadata] of values) {
      expect(timestamp).toMatch(/^\d{19}$/);
      expect(BigInt(now) * 1_000_000n - BigInt(timestamp)).toBeLessThan(SEVEN_DAYS_NS);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(MAX_LINE_BYTES);
      expect(typeof JSON.parse(line)).toBe('object');
      for (const value of Object.values(metadata ?? {})) expect(typeof value).toBe('string');
    }
  }
  return parsed.streams;
}
