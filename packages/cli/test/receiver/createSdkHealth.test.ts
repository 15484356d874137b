import { describe, expect, it } from 'vitest';
import { createSdkHealth } from '../../src/receiver/createSdkHealth';

const sdk = { name: 'sentry.javascript.browser', version: '9.1.0' };

describe('createSdkHealth', () => {
  it('adds reports up per SDK, version and release, ignoring entries that are not counts', () => {
    const health = createSdkHealth();
    const discarded = [
      { reason: 'queue_overflow', category: 'error', quantity: 3 },
      { reason: 'queue_overflow', category: 'log_item', quantity: 1 },
      { reason: 'sample_rate', category: 'error', quantity: -4 },
      { reason: 'sample_rate', category: 'error', quantity: '2' },
      { reason: 7, category: 'error', quantity: 1 },
      null,
    ];
    health.add({ timestamp: 1_700_000_000, discarded_events: discarded, sdk, release: 'web@2' }, 0);
    health.add({ timestamp: 1_700_000_060, discarded_events: discarded.slice(0, 1), sdk, release: 'web@2' }, 0);
    health.add({ discarded_events: 'nonsense' }, 1_700_000_100_000);
    expect(health.rows()).toEqual([
      {
        sdk: 'unknown',
        version: 'unknown',
        release: undefined,
        reports: 1,
        lastSeen: 1_700_000_100_000,
        dropped: 0,
        drops: {},
      },
      {
        sdk: sdk.name,
        version: sdk.version,
        release: 'web@2',
        reports: 2,
        lastSeen: 1_700_000_060_000,
        dropped: 9,
        drops: { queue_overflow: { error: 6, log_item: 1 }, sample_rate: { error: 2 } },
      },
    ]);
  });

  it('gives a report sent on its own the release of its SDK’s last event', () => {
    const health = createSdkHealth();
    health.seen(sdk, 'web@1');
    health.seen(sdk, 'web@2');
    health.seen({ name: 'other', version: '1' }, 'api@9');
    expect(health.releaseOf({ sdk })).toBe('web@2');
    expect(health.releaseOf({ sdk, release: 'web@3' })).toBe('web@3');
    expect(health.releaseOf({ sdk: { name: 'new', version: '1' } })).toBeUndefined();
  });

  it('keeps 200 rows, letting the one that reported longest ago go, and 64 reasons a row', () => {
    const health = createSdkHealth();
    for (let i = 0; i < 250; i++) health.add({ timestamp: 1000 + i, sdk, release: `r${i}` }, 0);
    const rows = health.rows();
    expect(rows).toHaveLength(200);
    expect(rows.at(-1)!.release).toBe('r50');
    const many = Array.from({ length: 100 }, (_, i) => ({ reason: `made_up_${i}`, category: 'error', quantity: 1 }));
    health.add({ timestamp: 5000, sdk, release: 'wide', discarded_events: many }, 0);
    const wide = health.rows()[0]!;
    expect(Object.keys(wide.drops)).toHaveLength(64);
    expect(wide.dropped).toBe(100);
  });
});
