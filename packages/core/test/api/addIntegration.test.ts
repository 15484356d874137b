import {
  addEventProcessor,
  addIntegration,
  captureException,
  createUnboundClient,
  flush,
  getClient,
  getCurrentScope,
  isEnabled,
  isInitialized,
  setCurrentClient,
  withScope,
  type Integration,
} from '@faultline/core';
import { createTestTransport, initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

describe('addEventProcessor and scope.addEventProcessor', () => {
  beforeEach(() => resetCarrier());

  it('run after the integrations, on the scopes they were added to, and drop with null', async () => {
    const { record } = initForTest({
      integrations: (defaults) => [
        ...defaults,
        { name: 'Tagger', processEvent: (event) => ({ ...event, tags: { ...event.tags, order: 'integration' } }) },
      ],
    });
    addEventProcessor((event) => ({
      ...event,
      tags: { ...event.tags, order: `${String(event.tags?.order)}>isolation` },
    }));
    withScope((scope) => {
      scope.addEventProcessor((event) => (event.exception?.values[0]?.value === 'drop me' ? null : event));
      captureException(new Error('drop me'));
      captureException(new Error('keep me'));
    });
    captureException(new Error('drop me')); // outside the scope whose processor dropped it
    await flush(1000);
    expect(record.events().map((e) => [e.exception!.values[0]!.value, e.tags!.order])).toEqual([
      ['keep me', 'integration>isolation'],
      ['drop me', 'integration>isolation'],
    ]);
  });

  it('fixes the processors when the error is captured: one added later does not see it', async () => {
    const { record } = initForTest();
    captureException(new Error('early'));
    getCurrentScope().addEventProcessor(() => null);
    await flush(1000);
    expect(record.events()).toHaveLength(1);
  });
});

describe("Sentry's integration hooks", () => {
  beforeEach(() => resetCarrier());

  it('call setupOnce once per process, setup and afterAllSetup per client, preprocessEvent before processEvent', async () => {
    const calls: string[] = [];
    const integration = (): Integration => ({
      name: 'Hooks',
      setupOnce: () => void calls.push('setupOnce'),
      setup: () => void calls.push('setup'),
      afterAllSetup: () => void calls.push('afterAllSetup'),
      preprocessEvent: (event) => void (event.tags = { pre: 'yes' }),
      processEvent: (event) => (calls.push(`process:${String(event.tags?.pre)}`), event),
    });
    initForTest({ integrations: [integration()] });
    const { record } = initForTest({ integrations: [integration()] });
    captureException(new Error('x'));
    await flush(1000);
    expect(calls).toEqual(['setupOnce', 'setup', 'afterAllSetup', 'setup', 'afterAllSetup', 'process:yes']);
    expect(record.events()[0]!.tags).toMatchObject({ pre: 'yes' });
  });

  it('addIntegration sets one up after init (a second of the same name is ignored)', async () => {
    const { record } = initForTest();
    const late: Integration = { name: 'Late', processEvent: (event) => ({ ...event, tags: { late: 'yes' } }) };
    addIntegration(late);
    addIntegration({ name: 'Late', processEvent: () => null });
    captureException(new Error('after'));
    await flush(1000);
    expect(record.events()[0]!.tags).toMatchObject({ late: 'yes' });
    expect(getClient()!.getIntegrationByName('Late')).toBe(late);
  });
});

describe('isInitialized, isEnabled, setCurrentClient and unbound clients', () => {
  beforeEach(() => resetCarrier());

  it('say whether init ran and whether the client sends', () => {
    expect([isInitialized(), isEnabled()]).toEqual([false, false]);
    initForTest();
    expect([isInitialized(), isEnabled()]).toEqual([true, true]);
    initForTest({ enabled: false });
    expect([isInitialized(), isEnabled()]).toEqual([true, false]);
  });

  it('a client made like new NodeClient(...) sends once it is the current one', async () => {
    const { transport, record } = createTestTransport();
    const client = createUnboundClient(
      { dsn: 'https://public@o1.ingest.example.com/42', transport, integrations: [{ name: 'Mine' }] },
      { platform: 'javascript', sdk: { name: 'test', version: '1' }, defaultIntegrations: [{ name: 'Default' }] },
    );
    expect(captureException(new Error('before'))).toBe('');
    setCurrentClient(client);
    client.init();
    captureException(new Error('after'));
    await flush(1000);
    expect(record.events().map((e) => e.exception!.values[0]!.value)).toEqual(['after']);
    expect(record.events()[0]!.sdk!.integrations).toEqual(['Default', 'Mine']);
  });

  it("accepts a transport maker as Sentry's docs pass it (transport: makeFetchTransport) and calls it once more", async () => {
    const { transport, record } = createTestTransport();
    initForTest({ transport: (() => transport) as never });
    captureException(new Error('through the maker'));
    await flush(1000);
    expect(record.events()).toHaveLength(1);
  });
});
