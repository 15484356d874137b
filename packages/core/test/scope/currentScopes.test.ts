import {
  addBreadcrumb,
  captureException,
  flush,
  getCurrentScope,
  getGlobalScope,
  getIsolationScope,
  setContext,
  setExtra,
  setTag,
  setUser,
  withIsolationScope,
  withScope,
} from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

describe('scopes', () => {
  beforeEach(() => resetCarrier());

  it('merges global → isolation → current, the most specific winning', async () => {
    const { record } = initForTest();
    getGlobalScope().setTags({ layer: 'global', onlyGlobal: 1 }).setUser({ id: 'global-user' });
    setTag('layer', 'isolation');
    setUser({ id: 'isolation-user', username: 'ada' });
    setExtra('from', 'isolation');
    setContext('app', { name: 'shop' });
    withScope((scope) => {
      scope.setTag('layer', 'current').setExtra('from', 'current').setLevel('warning');
      captureException(new Error('merged'));
    });
    await flush(100);
    expect(record.events()[0]).toMatchObject({
      level: 'warning',
      tags: { layer: 'current', onlyGlobal: 1 },
      user: { id: 'isolation-user', username: 'ada' },
      extra: { from: 'current' },
      contexts: { app: { name: 'shop' }, trace: { trace_id: expect.stringMatching(/^[0-9a-f]{32}$/) } },
    });
  });

  it('forgets withScope changes after the callback, sync or async', async () => {
    const { record } = initForTest();
    withScope((scope) => scope.setTag('temporary', 1));
    await withScope(async (scope) => {
      scope.setTag('asyncTemporary', 1);
      await Promise.resolve();
    });
    captureException(new Error('after'));
    await flush(100);
    expect(record.events()[0]!.tags).toBeUndefined();
  });

  it('gives withIsolationScope its own breadcrumbs and user', async () => {
    const { record } = initForTest();
    addBreadcrumb({ message: 'outside' });
    withIsolationScope(() => {
      setUser({ id: 'request-user' });
      addBreadcrumb({ message: 'inside' });
      captureException(new Error('in request'));
    });
    captureException(new Error('outside request'));
    await flush(100);
    const [inside, outside] = record.events();
    expect(inside!.breadcrumbs!.map((b) => b.message)).toEqual(['outside', 'inside']);
    expect(inside!.user).toEqual({ id: 'request-user' });
    expect(outside!.breadcrumbs!.map((b) => b.message)).toEqual(['outside']);
    expect(outside!.user).toBeUndefined();
  });

  it('returns the active scopes', () => {
    initForTest();
    withScope((scope) => expect(getCurrentScope()).toBe(scope));
    withIsolationScope((scope) => expect(getIsolationScope()).toBe(scope));
  });

  it('stamps each breadcrumb with its own time and keeps the newest maxBreadcrumbs', async () => {
    const { record } = initForTest({ maxBreadcrumbs: 3 });
    for (let i = 0; i < 10; i++) addBreadcrumb({ message: `b${i}`, category: 'test' });
    captureException(new Error('x'));
    await flush(100);
    const crumbs = record.events()[0]!.breadcrumbs!;
    expect(crumbs.map((b) => b.message)).toEqual(['b7', 'b8', 'b9']);
    expect(crumbs[0]!.timestamp).toBeGreaterThan(1_600_000_000);
    expect(crumbs[0]!.timestamp).toBeLessThan(10_000_000_000);
  });

  it('applies beforeBreadcrumb and drops a breadcrumb it returns null for', async () => {
    const { record } = initForTest({
      beforeBreadcrumb: (crumb) => (crumb.category === 'noise' ? null : { ...crumb, message: `${crumb.message}!` }),
    });
    addBreadcrumb({ message: 'kept' });
    addBreadcrumb({ message: 'dropped', category: 'noise' });
    captureException(new Error('x'));
    await flush(100);
    expect(record.events()[0]!.breadcrumbs!.map((b) => b.message)).toEqual(['kept!']);
  });
});
