// @vitest-environment jsdom
import { addBreadcrumb, captureException, captureMessage, flush, setTag, withScope } from '@faultline/browser';
import { getCarrier, type Client, type SessionUpdate } from '@faultline/core';
import { createTestTransport, resetCarrier } from '@faultline/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { createEntryClient } from '../../src/entry/createEntryClient';
import { resolveEntryOptions } from '../../src/entry/resolveEntryOptions';
import type { PipelineModule } from '../../src/entry/types';
import { getDefaultIntegrations } from '../../src/getDefaultIntegrations';
import { browserSessionIntegration } from '../../src/integrations/browserSessionIntegration';

/** An entry client as `init` makes it, whose pipeline loads only when the test says (test transport). */
function entryWithPipelineOnCue(options: { fail?: number; idle?: boolean; release?: string } = {}) {
  resetCarrier();
  const { transport, record } = createTestTransport();
  const platform = { platform: 'javascript', sdk: { name: 'test', version: '0' }, defaultIntegrations: [] };
  const resolved = resolveEntryOptions(
    { dsn: 'https://key@o1.ingest.example.com/1', transport, maxBreadcrumbs: 10, release: options.release },
    platform,
  );
  let failures = options.fail ?? 0;
  let release: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  const load = vi.fn(async (): Promise<PipelineModule> => {
    if (failures > 0) {
      failures--;
      throw new TypeError('Failed to fetch dynamically imported module');
    }
    await arrived;
    return import('../../src/pipeline/startPipeline');
  });
  const client: Client = createEntryClient(resolved, platform, load, () => () => undefined);
  getCarrier().client = client;
  return { client, record, load, arrive: release };
}

describe('createEntryClient (pipeline loaded in-process, test transport)', () => {
  it('sends what was captured before the pipeline arrived, in order, with its own time and scopes', async () => {
    const { record, arrive } = entryWithPipelineOnCue();
    const before = Date.now();
    setTag('stage', 'first');
    addBreadcrumb({ message: 'one' });
    const firstId = captureException(new Error('first'));
    setTag('stage', 'second');
    addBreadcrumb({ message: 'two' });
    withScope((scope) => {
      scope.setTag('inner', 'yes');
      captureMessage('second');
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(record.bodies).toHaveLength(0);
    arrive();
    await flush(2000);
    const [first, second] = record.events();
    expect(first).toMatchObject({ event_id: firstId, tags: { stage: 'first' } });
    expect(first!.exception!.values![0]!.value).toBe('first');
    expect(first!.breadcrumbs!.map((b) => b.message)).toEqual(['one']);
    expect(second).toMatchObject({ message: 'second', tags: { stage: 'second', inner: 'yes' } });
    expect(second!.breadcrumbs!.map((b) => b.message)).toEqual(['one', 'two']);
    // The time of the call, not of the pipeline's arrival 30 ms later.
    expect(first!.timestamp! * 1000).toBeLessThan(before + 25);
  });

  it('records a page session’s start without asking for the pipeline, and counts each capture to the session current when it was made', async () => {
    const { client, record, load, arrive } = entryWithPipelineOnCue({ release: 'shop@1.4.2' });
    client.addIntegration(browserSessionIntegration());
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(load).not.toHaveBeenCalled(); // the page load's session waits for the first idle moment
    const loaded = Date.now();
    captureException(new Error('on the page load'));
    expect(load).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    history.pushState({}, '', '/checkout');
    const navigated = Date.now();
    captureException(new Error('after navigating'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    arrive();
    await flush(2000);
    const updates = record.items('session') as SessionUpdate[];
    // Each session's updates (the navigation's leave in a microtask, so they may arrive after the event
    // captured right after it: Sentry orders a session's updates by init and status, not by arrival).
    const [first, second] = [...new Set(updates.map((u) => u.sid))].map((sid) => updates.filter((u) => u.sid === sid));
    const states = (life: SessionUpdate[]) => life.map((u) => `${u.init ? 'init ' : ''}${u.status}/${u.errors}`).sort();
    expect(states(first!)).toEqual(['exited/1', 'init ok/1']);
    expect(states(second!)).toEqual(['init ok/0', 'ok/1']);
    expect(Date.parse(first![0]!.started)).toBeLessThanOrEqual(loaded);
    expect(Date.parse(second![0]!.started)).toBeGreaterThan(loaded);
    expect(Date.parse(second![0]!.started)).toBeLessThanOrEqual(navigated);
    expect(record.events().map((e) => e.exception!.values![0]!.value)).toEqual([
      'on the page load',
      'after navigating',
    ]);
  });

  it('tries again at the next capture after a failed load, and then sends both', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { record, load, arrive } = entryWithPipelineOnCue({ fail: 1 });
    arrive();
    captureException(new Error('while the chunk is missing'));
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(warn.mock.calls.map((call) => call.join(' ')).join('\n')).toContain('Could not load the rest of the SDK');
    captureException(new Error('after the deploy finished'));
    await flush(2000);
    expect(load).toHaveBeenCalledTimes(2);
    expect(record.events().map((e) => e.exception!.values![0]!.value)).toEqual([
      'while the chunk is missing',
      'after the deploy finished',
    ]);
    warn.mockRestore();
  });

  it('keeps at most 100 captures while waiting and counts the rest in the next client report', async () => {
    const { record, arrive } = entryWithPipelineOnCue();
    for (let i = 0; i < 105; i++) captureException(new Error(`burst ${i}`));
    arrive();
    await flush(2000);
    expect(record.events()).toHaveLength(100);
    expect(record.events().at(-1)!.exception!.values![0]!.value).toBe('burst 99');
    const reports = record.items('client_report') as { discarded_events: unknown[] }[];
    expect(reports.flatMap((r) => r.discarded_events)).toEqual([
      { reason: 'queue_overflow', category: 'error', quantity: 5 },
    ]);
  });

  it('counts a session start the full buffer refused as a lost session', async () => {
    const { client, record, arrive } = entryWithPipelineOnCue({ release: 'shop@1.4.2' });
    for (let i = 0; i < 100; i++) captureException(new Error(`burst ${i}`));
    client.addIntegration(browserSessionIntegration());
    arrive();
    await flush(2000);
    expect(record.items('session')).toEqual([]);
    const reports = record.items('client_report') as { discarded_events: unknown[] }[];
    expect(reports.flatMap((r) => r.discarded_events)).toEqual([
      { reason: 'queue_overflow', category: 'session', quantity: 1 },
    ]);
  });

  it('sets the integrations up once, in the entry, and runs their event hooks in the pipeline', async () => {
    resetCarrier();
    const { transport, record } = createTestTransport();
    const setup = vi.fn();
    const custom = {
      name: 'Custom',
      setup,
      processEvent: (event: { tags?: object }) => ({ ...event, tags: { custom: 1 } }),
    };
    const platform = {
      platform: 'javascript',
      sdk: { name: 'test', version: '0' },
      defaultIntegrations: getDefaultIntegrations(),
    };
    const resolved = resolveEntryOptions(
      { dsn: 'https://key@o1.ingest.example.com/1', transport, integrations: [custom] },
      platform,
    );
    const client = createEntryClient(
      resolved,
      platform,
      () => import('../../src/pipeline/startPipeline'),
      () => () => undefined,
    );
    getCarrier().client = client;
    for (const integration of resolved.integrations) integration.setup?.(client);
    captureException(new Error('hooked'));
    await flush(2000);
    expect(setup).toHaveBeenCalledTimes(1);
    expect(record.events()[0]!.tags).toEqual({ custom: 1 });
  });
});
