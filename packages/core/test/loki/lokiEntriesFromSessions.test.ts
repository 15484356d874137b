import { createLokiDestination, type Envelope, type SessionAggregates, type SessionUpdate } from '@faultline/core';
import { assertValidLokiPush } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const now = Date.now();
const minute = new Date(Math.floor(now / 60_000) * 60_000).toISOString();
const attrs = { release: 'shop@1.4.2', environment: 'staging' };
const update = (sid: string, init: boolean, status: SessionUpdate['status'], errors: number): SessionUpdate => ({
  sid,
  init,
  started: new Date(now - 5000).toISOString(),
  timestamp: new Date(now).toISOString(),
  status,
  errors,
  attrs,
});
const aggregates: SessionAggregates = {
  aggregates: [
    { started: minute, exited: 6, errored: 2, crashed: 1 },
    { started: minute, did: 'user-1', exited: 0, errored: 0, crashed: 0, abnormal: 1 },
  ],
  attrs,
};

/** Every line of a push, parsed. */
async function linesOf(envelope: Envelope) {
  const encoded = await createLokiDestination({ url: 'http://loki.test/loki/api/v1/push', service: 'shop' }).encode(
    envelope,
  );
  const streams = assertValidLokiPush(String(encoded!.body));
  return streams.flatMap(({ stream, values }) =>
    values.map(([, line, metadata]) => ({ stream, line: JSON.parse(line), metadata })),
  );
}

describe('lokiEntriesFromSessions', () => {
  it('writes one line per aggregate bucket, counts in the line, the usual labels, the release as metadata', async () => {
    const lines = await linesOf([{}, [[{ type: 'sessions' }, aggregates]]]);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.stream).toEqual({
      service_name: 'shop',
      source: 'faultline',
      environment: 'staging',
      level: 'info',
    });
    expect(lines[0]!.metadata).toEqual({ release: 'shop@1.4.2' });
    expect(lines[0]!.line).toEqual({
      timestamp: minute,
      level: 'info',
      service: 'shop',
      message: 'sessions',
      release: 'shop@1.4.2',
      counts: { sessions: 9, exited: 6, errored: 2, crashed: 1, abnormal: 0 },
    });
    expect(lines[1]!.line.counts).toEqual({ sessions: 1, exited: 0, errored: 0, crashed: 0, abnormal: 1 });
  });

  it('counts a page or process session once (its first update) and its outcome once (its last)', async () => {
    const lines = await linesOf([
      {},
      [
        [{ type: 'session' }, update('a', true, 'ok', 0)],
        [{ type: 'session' }, update('a', false, 'exited', 0)],
        [{ type: 'session' }, update('b', true, 'ok', 1)],
        [{ type: 'session' }, update('b', false, 'exited', 3)],
        [{ type: 'session' }, update('c', true, 'crashed', 1)],
      ],
    ]);
    expect(lines.map(({ line }) => line.counts)).toEqual([
      { sessions: 1, exited: 0, errored: 0, crashed: 0, abnormal: 0 },
      { sessions: 0, exited: 1, errored: 0, crashed: 0, abnormal: 0 },
      { sessions: 1, exited: 0, errored: 0, crashed: 0, abnormal: 0 },
      { sessions: 0, exited: 0, errored: 1, crashed: 0, abnormal: 0 },
      { sessions: 1, exited: 0, errored: 0, crashed: 1, abnormal: 0 },
    ]);
    expect(lines[4]!.line.session).toEqual({ sid: 'c', status: 'crashed', errors: 1, init: true });
  });

  it('lets a panel compute the crash-free rate from the lines alone: 1 − Σcrashed / Σsessions', async () => {
    const lines = await linesOf([
      {},
      [
        [{ type: 'sessions' }, aggregates],
        [{ type: 'session' }, update('d', true, 'ok', 0)],
        [{ type: 'session' }, update('e', true, 'crashed', 1)],
      ],
    ]);
    const sum = (key: string) => lines.reduce((total, { line }) => total + line.counts[key], 0);
    expect(sum('sessions')).toBe(12);
    expect(1 - sum('crashed') / sum('sessions')).toBeCloseTo(1 - 2 / 12);
  });
});
