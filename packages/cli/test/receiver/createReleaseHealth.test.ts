import { describe, expect, it } from 'vitest';
import { createReleaseHealth } from '../../src/receiver/createReleaseHealth';

const attrs = { release: 'shop@1.4.2', environment: 'production' };
const update = (sid: string, status: string, errors: number, extra: Record<string, unknown> = {}) => ({
  sid,
  init: true,
  started: '2026-01-02T03:04:05.000Z',
  timestamp: '2026-01-02T03:04:06.000Z',
  status,
  errors,
  attrs,
  ...extra,
});

describe('createReleaseHealth', () => {
  it('counts each session once, merging its updates: crash-free sessions, crash-free users, errored rate', () => {
    const health = createReleaseHealth(() => 1000);
    health.addSession(update('a', 'ok', 0, { did: 'u1' }));
    health.addSession(update('a', 'exited', 0, { init: false }));
    health.addSession(update('b', 'ok', 1, { did: 'u1' }));
    health.addSession(update('b', 'exited', 2, { init: false }));
    health.addSession(update('c', 'ok', 0, { did: 'u2' }));
    health.addSession(update('c', 'crashed', 1, { init: false }));
    health.addSession(update('d', 'ok', 0, { did: 'u3' }));
    expect(health.list()).toEqual([
      {
        release: 'shop@1.4.2',
        environment: 'production',
        sessions: 4,
        crashed: 1,
        abnormal: 0,
        errored: 1,
        users: 3,
        crashedUsers: 1,
        crashFreeSessions: 75,
        crashFreeUsers: 66.7,
        erroredRate: 25,
        lastSeen: 1000,
      },
    ]);
  });

  it('keeps a terminal status whatever order the updates arrive in', () => {
    const health = createReleaseHealth();
    health.addSession(update('a', 'crashed', 1, { init: false }));
    health.addSession(update('a', 'ok', 1));
    health.addSession(update('b', 'abnormal', 0, { init: false }));
    health.addSession(update('b', 'exited', 0));
    expect(health.list()[0]).toMatchObject({ sessions: 2, crashed: 1, abnormal: 1, errored: 0 });
  });

  it('counts the unhandled status of Sentry’s browser SDK 11 as a crash', () => {
    const health = createReleaseHealth();
    health.addSession(update('a', 'ok', 0));
    health.addSession(update('a', 'unhandled', 1, { init: false }));
    health.addSession(update('a', 'exited', 1, { init: false }));
    expect(health.list()[0]).toMatchObject({ sessions: 1, crashed: 1, errored: 0, crashFreeSessions: 0 });
  });

  it('adds up request-mode aggregates, with their users when they carry a did', () => {
    const health = createReleaseHealth();
    health.addAggregates({
      aggregates: [
        { started: '2026-01-02T03:04:00.000Z', exited: 7, errored: 3, crashed: 0 },
        { started: '2026-01-02T03:05:00.000Z', did: 'u9', exited: 1, errored: 0, crashed: 1, abnormal: 1 },
      ],
      attrs: { release: 'api@2.0.0' },
    });
    expect(health.list()[0]).toMatchObject({
      release: 'api@2.0.0',
      environment: 'production',
      sessions: 13,
      errored: 3,
      crashed: 1,
      abnormal: 1,
      users: 1,
      crashedUsers: 1,
      crashFreeSessions: 92.3,
      crashFreeUsers: 0,
    });
  });

  it('keeps releases and environments apart, lists the latest first, says null where there is nothing to divide', () => {
    let now = 0;
    const health = createReleaseHealth(() => ++now);
    health.addSession(update('a', 'ok', 0));
    health.addSession(update('b', 'ok', 0, { attrs: { release: 'shop@1.4.2', environment: 'staging' } }));
    health.addAggregates({ aggregates: [{ started: 'x', exited: 0 }], attrs: { release: 'shop@1.5.0' } });
    expect(
      health.list().map((r) => [r.release, r.environment, r.sessions, r.crashFreeSessions, r.crashFreeUsers]),
    ).toEqual([
      ['shop@1.5.0', 'production', 0, null, null],
      ['shop@1.4.2', 'staging', 1, 100, null],
      ['shop@1.4.2', 'production', 1, 100, null],
    ]);
  });

  it('ignores what is not a session: no release (Sentry refuses those), wrong shapes, negative counts', () => {
    const health = createReleaseHealth();
    health.addSession(update('a', 'ok', 0, { attrs: {} }));
    health.addSession({ sid: 42 });
    health.addSession('nonsense');
    health.addAggregates({ aggregates: 'nonsense', attrs });
    health.addAggregates({ aggregates: [{ exited: -5, errored: 1.5, crashed: '3' }, null], attrs });
    expect(health.list().map((r) => r.sessions)).toEqual([0]);
  });

  it('ignores counts no SDK sends (huge, NaN, infinite): the rates of the release stay numbers', () => {
    const health = createReleaseHealth();
    health.addAggregates({
      aggregates: [
        { exited: 1e308, crashed: 1e308 },
        { exited: 1e308, errored: NaN },
      ],
      attrs,
    });
    health.addAggregates({ aggregates: [{ exited: 3, crashed: Infinity, abnormal: 2 ** 53 }, { exited: 1 }], attrs });
    health.addSession(update('a', 'ok', 1e308));
    expect(health.list()).toMatchObject([
      { sessions: 5, crashed: 0, errored: 0, crashFreeSessions: 100, erroredRate: 0 },
    ]);
    expect(JSON.parse(JSON.stringify(health.list()))).toEqual(health.list()); // no NaN or Infinity on the wire
  });

  it('keeps the 200 releases seen last: a new release past the bound is kept, the one seen longest ago goes', () => {
    let clock = 0;
    const health = createReleaseHealth(() => ++clock);
    for (let i = 0; i < 250; i++) health.addAggregates({ attrs: { release: `r${i}` }, aggregates: [{ exited: 1 }] });
    const releases = health.list().map((row) => row.release);
    expect(releases).toHaveLength(200);
    expect(releases[0]).toBe('r249');
    expect(releases.at(-1)).toBe('r50');
  });

  it('stays bounded with 200,000 sessions, and forgetting one never changes the totals', () => {
    const health = createReleaseHealth();
    for (let i = 0; i < 200_000; i++)
      health.addSession(update(`s${i}`, i % 10 === 0 ? 'crashed' : 'ok', 0, { did: `u${i}` }));
    expect(health.list()[0]).toMatchObject({ sessions: 200_000, crashed: 20_000, users: 10_000 });
  });
});
