import { describe, expect, it } from 'vitest';
import { createDestinationHealth } from '../../src/transports/createDestinationHealth';

describe('createDestinationHealth', () => {
  it('counts one outage as one step, however many requests were in flight when it began', () => {
    const health = createDestinationHealth((streak) => streak * 1000);
    const stamps = Array.from({ length: 20 }, () => health.start());
    for (const stamp of stamps) health.failed(stamp, 0);
    expect(health.pausedUntil()).toBe(1000);
    expect(health.maxInFlight(32)).toBe(1);
    health.failed(health.start(), 1000); // the probe fails: the second step
    expect(health.pausedUntil()).toBe(3000);
  });

  it('is healthy again after one success, and an old failure answered late changes nothing', () => {
    const health = createDestinationHealth(() => 1000);
    const old = health.start();
    health.failed(health.start(), 0);
    health.succeeded();
    health.failed(old, 10);
    expect(health.maxInFlight(32)).toBe(32);
    expect(health.pausedUntil()).toBe(0);
  });

  it('keeps a pause the destination asked for, and lets a flush try at once', () => {
    const health = createDestinationHealth(() => 1000);
    health.failed(health.start(), 0, 60_000);
    expect(health.pausedUntil()).toBe(60_000);
    health.resume();
    expect(health.pausedUntil()).toBe(0);
    expect(health.maxInFlight(32)).toBe(1);
  });

  it('is healthy before any answer and after a success, and not from a failure until the next success', () => {
    const health = createDestinationHealth(() => 1000);
    expect(health.isHealthy()).toBe(true); // could not have failed yet
    const inFlight = health.start();
    health.failed(health.start(), 0);
    expect(health.isHealthy()).toBe(false);
    health.resume(); // a flush may probe now; the destination still has not answered well
    expect(health.isHealthy()).toBe(false);
    health.succeeded();
    health.failed(inFlight, 10); // an answer from before the success changes nothing
    expect(health.isHealthy()).toBe(true);
  });

  it('lets a flush try at once even when the probe sent before it fails afterwards (a page back from the bfcache)', () => {
    const health = createDestinationHealth(() => 1000);
    health.failed(health.start(), 0);
    const hidden = health.start(); // the probe sent as the page was hidden, answered only once it is shown
    health.resume(); // shown again
    health.failed(hidden, 5000);
    expect(health.pausedUntil()).toBe(0);
    health.failed(health.start(), 5000); // the probe sent now fails: the next step
    expect(health.pausedUntil()).toBe(6000);
  });
});
